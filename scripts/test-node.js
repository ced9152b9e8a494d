// Runs every `*.test.ts` of the Node-side packages with node's own test runner. Node 20's `--test`
// takes no globs, so the files are listed here. `--conditions=source` makes `@trackline/*`
// imports resolve to the TypeScript sources, so tests never depend on a stale `dist/`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgres } from './postgres.js';

const roots = ['packages/core/src', 'packages/node/src', 'packages/sandbox/src', 'examples', 'bench', 'scripts'];
const files = roots.flatMap((root) => {
  try {
    return readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.test.ts') && !f.includes('node_modules'))
      .map((f) => join(root, f));
  } catch {
    return [];
  }
});
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((s) => f.includes(s))) : files;
if (selected.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
// Tests that use PostgreSQL get a throwaway server (scripts/postgres.js) unless one is given.
const env = { ...process.env };
let postgres;
if (!env.TRACKLINE_TEST_POSTGRES_URL && selected.some((f) => /postgres/i.test(readFileSync(f, 'utf8')))) {
  try {
    postgres = await startPostgres();
    if (postgres.url) env.TRACKLINE_TEST_POSTGRES_URL = postgres.url;
    else env.TRACKLINE_TEST_POSTGRES_UNAVAILABLE = postgres.skip;
  } catch (error) {
    env.TRACKLINE_TEST_POSTGRES_UNAVAILABLE = error.message;
  }
  // Ctrl-C ends the tests; the server is still stopped and deleted below.
  process.on('SIGINT', () => {});
}
const result = spawnSync(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', ...selected],
  { stdio: 'inherit', env },
);
postgres?.stop?.();
process.exit(result.status ?? 1);
