import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

// The browser test that renders every story lists the story files by hand (the test runner has no
// glob imports); this keeps that list complete.
test('every *.stories.ts file is rendered by the stories test', () => {
  const root = new URL('../packages/elements/src/', import.meta.url);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.stories.ts'));
  const listed = readFileSync(new URL('stories/stories.test.ts', root), 'utf8');
  assert.ok(files.length > 0);
  const missing = files.filter((file) => !listed.includes(`'../${file.replace(/\.ts$/, '.js')}'`));
  assert.deepEqual(missing, [], `Import these in packages/elements/src/stories/stories.test.ts: ${missing.join(', ')}`);
});
