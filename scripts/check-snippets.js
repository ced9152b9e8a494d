// Type-checks every TypeScript and JavaScript snippet in the README, docs/ and each package's README (its npm
// page), so a renamed option or a changed signature breaks the build instead of a reader's copy-paste. Each
// ```ts / ```js block becomes one module under node_modules/.snippets (so `@trackline/*` resolve as they do for
// users) and the whole set goes through tsc with the repository's strict settings. On the last line before a block:
// - `<!-- snippet: declare const shipment: Shipment; -->` gives it context the reader does not need to
//   see (values from earlier in the page, imports of types), prepended before type-checking;
// - `<!-- snippet: skip -->` marks a block that is deliberately not a program (a fragment, pseudo-code).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'node_modules/.snippets');
const fence = /^```(ts|typescript|js|javascript)\s*$/;

function markdownFiles() {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(root, 'docs', file));
  const packages = readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'README.md'));
  return [join(root, 'README.md'), ...docs, ...packages].filter((file) => {
    try {
      readFileSync(file);
      return true;
    } catch {
      return false;
    }
  });
}

/** The snippets of one markdown file, with the line each starts on. */
function snippetsOf(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const open = fence.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((line, j) => j > i && line.startsWith('```'));
    if (end === -1) throw new Error(`${relative(root, file)}:${i + 1}: a code block is never closed.`);
    // The note sits on the last non-blank line before the block (prettier puts a blank line between).
    let before = i - 1;
    while (before > 0 && lines[before].trim() === '') before--;
    const note = /^<!-- snippet: (.*) -->$/.exec(lines[before]?.trim() ?? '')?.[1].trim();
    if (note !== 'skip') {
      const typescript = open[1].startsWith('t');
      found.push({ line: i + 1, typescript, context: note ?? '', code: lines.slice(i + 1, end).join('\n') });
    }
    i = end;
  }
  return found;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const written = [];
/** Generated file name → where its first line is in the markdown, and how many lines of context precede it. */
const origin = new Map();
for (const file of markdownFiles()) {
  for (const snippet of snippetsOf(file)) {
    const name = `snippet${written.length + 1}.${snippet.typescript ? 'ts' : 'js'}`;
    // The context goes on the snippet's first line, so tsc's line numbers match the markdown's.
    // `export {}` makes every snippet a module of its own (top-level await, no shared globals).
    writeFileSync(join(out, name), `${snippet.context} ${snippet.code}\nexport {};\n`);
    written.push(name);
    origin.set(name, { file: relative(root, file), line: snippet.line, context: snippet.context.length + 1 });
  }
}

writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify({
    extends: '../../tsconfig.base.json',
    compilerOptions: {
      noEmit: true,
      allowJs: true,
      checkJs: true,
      // A snippet shows one thing; values it computes only to print or to show are fine.
      noUnusedLocals: false,
      types: ['node'],
    },
    files: written,
  }),
);

try {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', out], {
    stdio: 'pipe',
    encoding: 'utf8',
  });
  console.log(`✔ ${written.length} snippets in the READMEs and docs/ type-check`);
} catch (error) {
  // Point at the markdown line rather than the generated file.
  const text = `${error.stdout ?? ''}${error.stderr ?? ''}`.replace(
    /\S*?(snippet\d+\.[jt]s)\((\d+),(\d+)\)/g,
    (_, name, line, column) => {
      const { file, line: start, context } = origin.get(name);
      return `${file}:${start + Number(line)}:${Number(line) === 1 ? Number(column) - context : column}`;
    },
  );
  console.error(`✖ Snippets in the docs do not type-check:\n${text}`);
  process.exit(1);
}
