import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { apiDocsDir, readTree, writeApiDocs } from './api-docs.js';

describe('the API reference in docs/api', () => {
  let scratch: string;
  let generated: Map<string, string>;
  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'trackline-api-docs-'));
    await writeApiDocs(scratch);
    generated = await readTree(scratch);
  });
  after(() => rm(scratch, { recursive: true, force: true }));

  it('has a page for each documented entry point', () => {
    assert.deepEqual([...generated.keys()], ['README.md', 'core.md', 'core/fit.md', 'elements.md', 'node.md']);
    assert.match(generated.get('core.md')!, /^### describeShipment\(\)$/m);
    assert.match(generated.get('core/fit.md')!, /^### fitTransitModel\(\)$/m);
    assert.match(generated.get('node.md')!, /^### createTrackingHandler\(\)$/m);
    assert.match(generated.get('README.md')!, /\[@trackline\/elements\]\(elements\.md\)/);
  });

  // The page is built from packages/elements/custom-elements.json; writeApiDocs fails with "run pnpm --filter
  // @trackline/elements build" when it is missing (scripts/test-all.js runs after `pnpm build`, which makes it).
  it('documents each element from custom-elements.json, public members only', () => {
    const page = generated.get('elements.md')!;
    const headings = [...page.matchAll(/^## `<([a-z-]+)>`$/gm)].map((match) => match[1]);
    assert.deepEqual(headings, ['order-tracker', 'tracking-progress', 'tracking-timeline', 'delay-banner']);
    for (const tag of ['order-tracker', 'tracking-timeline', 'delay-banner']) {
      const section = page.split(/^## /m).find((part) => part.startsWith(`\`<${tag}>\``))!;
      assert.match(section, /^\| — +\| `now` +\| `Date` +\|/m, `<${tag}>'s now property`);
    }
    assert.match(page, /^\| `refresh\(\): Promise<void>` +\|/m);
    assert.match(page, /^\| `trackline-status-change` +\| `TracklineStatusChangeEvent` +\|/m);
    // Private and protected members (`#lookup`, `getUpdateComplete`, `@state` fields) stay out.
    for (const name of ['#lookup', '#language', 'getUpdateComplete', 'openIndex', 'hasContact']) {
      assert.ok(!page.includes(`\`${name}`), `elements.md lists ${name}`);
    }
  });

  it('matches the TSDoc comments and exports in the code (run pnpm docs:api)', async () => {
    const committed = await readTree(apiDocsDir);
    assert.deepEqual([...committed.keys()], [...generated.keys()], 'the same files');
    for (const [file, text] of generated) {
      assert.equal(committed.get(file), text, `docs/api/${file} is out of date: run pnpm docs:api`);
    }
  });

  it('holds no path of the machine it was made on', () => {
    const root = fileURLToPath(new URL('../', import.meta.url));
    for (const [file, text] of generated) {
      for (const path of [root, scratch, 'file://']) assert.ok(!text.includes(path), `docs/api/${file} names ${path}`);
    }
  });
});
