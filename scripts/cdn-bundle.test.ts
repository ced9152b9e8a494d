import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// Reads the built bundle: `pnpm test` builds before it runs the tests (`pnpm build` first when running this alone).
const elements = new URL('../packages/elements/', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', elements), 'utf8')) as {
  name: string;
  version: string;
  license: string;
};
const read = (path: string) => readFileSync(new URL(`dist/${path}`, elements), 'utf8');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the CDN bundle, dist/trackline.min.js', () => {
  it("names its package, version and licence on its first line, from the elements' package.json", () => {
    const firstLine = read('trackline.min.js').split('\n', 1)[0]!;
    const banner = /^\/\*! (\S+) (\S+) \| (\S+) \| (https:\/\/\S+) \*\//.exec(firstLine);
    assert.ok(banner, `The first line does not start with the banner: ${firstLine.slice(0, 120)}`);
    assert.deepEqual(banner.slice(1, 4), [pkg.name, pkg.version, pkg.license]);
  });

  it("keeps Lit's licence comments", () => {
    assert.match(read('trackline.min.js'), /@license\s+\*\s+Copyright \d{4} Google LLC/);
  });

  it('exports `version`, the same version, with a type', () => {
    const bundle = read('trackline.min.js');
    // Minified, the export is `<name> as version`, and the value a string literal in the bundle.
    const local = /\b([\w$]+) as version\b/.exec(bundle)?.[1];
    assert.ok(local, 'The bundle does not export `version`.');
    assert.match(bundle, new RegExp(`(?<![\\w$])${escape(local)}\\s*=\\s*"${escape(pkg.version)}"`));
    assert.match(read('trackline.min.d.ts'), /^export declare const version: string;$/m);
  });
});
