import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../', import.meta.url);
const published = ['core', 'elements', 'node'];

// npm shows a package's own README and LICENSE, so each published package carries committed copies;
// `pnpm check:packages` checks they reach the tarball.
describe("the files on each package's npm page", () => {
  for (const name of published) {
    it(`@trackline/${name} ships the repository's LICENSE, word for word`, () => {
      const license = readFileSync(new URL('LICENSE', root), 'utf8');
      assert.equal(readFileSync(new URL(`packages/${name}/LICENSE`, root), 'utf8'), license);
    });

    it(`@trackline/${name} has a README that names the package and how to install it`, () => {
      const readme = readFileSync(new URL(`packages/${name}/README.md`, root), 'utf8');
      assert.match(readme, new RegExp(`^# @trackline/${name}\\n`));
      assert.ok(readme.includes(`npm install @trackline/${name}`), 'no install command');
    });
  }
});
