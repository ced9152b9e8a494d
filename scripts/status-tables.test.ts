import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { statusTables } from '@trackline/core';
import { outputDir, tableJson, tableMarkdown } from './status-tables.js';

describe('the published status tables', () => {
  for (const table of statusTables) {
    it(`docs/status-tables/${table.source} matches the table in the code (run pnpm status-tables)`, () => {
      assert.equal(readFileSync(new URL(`${table.source}.md`, outputDir), 'utf8'), tableMarkdown(table));
      assert.equal(readFileSync(new URL(`${table.source}.json`, outputDir), 'utf8'), tableJson(table));
    });
  }

  it('names at least one source for every table', () => {
    for (const table of statusTables) assert.ok(table.references.length > 0, table.source);
  });
});
