// Writes every status table as open data: docs/status-tables/<source>.md for people and
// docs/status-tables/<source>.json for programs. `pnpm status-tables` regenerates them; a test fails
// when the checked-in files no longer match the tables in the code.
import { writeFileSync } from 'node:fs';
import { statusTables, type StatusTable } from '@trackline/core';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function tableMarkdown(table: StatusTable): string {
  const lines = [
    `# ${table.source} status codes`,
    '',
    `Generated from \`packages/core/src/status/tables/${table.source}.ts\` by \`pnpm status-tables\`; edit the table there.`,
    '',
    `**Raw code an adapter stores:** ${cell(table.codeFormat)}`,
    '',
    '**Sources:**',
    '',
    ...table.references.map((reference) => `- ${reference}`),
  ];
  for (const [name, section] of Object.entries(table.sections)) {
    lines.push('', `## ${name}`, '', cell(section.about), '');
    lines.push('| code | carrier’s meaning | status | problem | shopper must act | text refines |');
    lines.push('| --- | --- | --- | --- | --- | --- |');
    for (const row of section.rows) {
      lines.push(
        `| \`${cell(row.code)}\` | ${cell(row.meaning)} | ${row.status ?? '—'} | ${row.problem?.reason ?? '—'} | ${
          row.problem ? (row.problem.actionRequired ? 'yes' : 'no') : '—'
        } | ${row.refine ? 'yes' : ''} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function tableJson(table: StatusTable): string {
  const { key: _key, ...data } = table;
  return `${JSON.stringify(data, null, 2)}\n`;
}

export const outputDir = new URL('../docs/status-tables/', import.meta.url);

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const table of statusTables) {
    writeFileSync(new URL(`${table.source}.md`, outputDir), tableMarkdown(table));
    writeFileSync(new URL(`${table.source}.json`, outputDir), tableJson(table));
  }
  console.log(`Wrote ${statusTables.length} tables to docs/status-tables/.`);
}
