// Writes the API reference of the published TypeScript entry points — `@trackline/core`, `@trackline/core/fit`
// and `@trackline/node` — as Markdown in docs/api/, from their TSDoc comments (TypeDoc with
// typedoc-plugin-markdown). `pnpm docs:api` regenerates it; a test fails when the checked-in files no longer
// match the code. `@trackline/elements` is documented from its custom-elements.json instead (attributes,
// properties, events, slots, parts, custom properties: scripts/api-docs-elements.ts), into docs/api/elements.md.
//
// The output must be the same on every machine and every run, or the test could not compare it: no source links
// (they carry line numbers and a git revision), no dates, and members in TypeDoc's fixed order (kind, then name).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, LogLevel, type TypeDocOptions } from 'typedoc';
import type { PluginOptions } from 'typedoc-plugin-markdown';
import { renderElementsPage } from './api-docs-elements.js';

const root = fileURLToPath(new URL('../', import.meta.url));
/** Where the reference lives in the repository. */
export const apiDocsDir = join(root, 'docs/api');

const generatedNote =
  'Generated from the TSDoc comments in the code by `pnpm docs:api`; edit the comments there, not this file.';

/** Each documented entry point and the import specifier it is published as (its heading and file name). */
const entryPoints = [
  { file: 'packages/core/src/index.ts', name: '@trackline/core' },
  { file: 'packages/core/src/fit/index.ts', name: '@trackline/core/fit' },
  { file: 'packages/node/src/index.ts', name: '@trackline/node' },
];

/** Renders the reference into `outDir` (emptied first): README.md, core.md, core/fit.md, elements.md, node.md. */
export async function writeApiDocs(outDir: string): Promise<void> {
  // Read first, so a missing custom-elements.json fails before anything is written.
  const elementsPage = await renderElementsPage(root);
  const options: TypeDocOptions & PluginOptions = {
    entryPoints: entryPoints.map((entry) => join(root, entry.file)),
    tsconfig: join(root, 'scripts/tsconfig.api-docs.json'),
    plugin: ['typedoc-plugin-markdown'],
    out: outDir,
    name: 'Trackline API reference',
    readme: 'none',
    // Type errors are the typecheck's job (`pnpm typecheck`); a second full check here would only add time.
    skipErrorChecking: true,
    disableSources: true,
    excludePrivate: true,
    excludeInternal: true,
    excludeExternals: true,
    // A broken `{@link}` or an exported type that refers to one left out is a warning; fail on it, so the
    // reference never links to nothing.
    treatWarningsAsErrors: true,
    logLevel: LogLevel.Warn,
    outputFileStrategy: 'modules',
    excludeScopesInPaths: true,
    hidePageHeader: true,
    hideBreadcrumbs: true,
    // Object types written out in full once, not again under every parameter that uses them.
    typeDeclarationVisibility: 'compact',
    // The repository's own Prettier settings, so `prettier --check .` accepts the files as written.
    formatWithPrettier: true,
    prettierConfigFile: join(root, '.prettierrc.json'),
  };
  const app = await Application.bootstrapWithPlugins(options);
  const project = await app.convert();
  if (!project) throw new Error('TypeDoc could not read the entry points; its messages above say why.');
  // TypeDoc names a module after its path below the entry points' common folder, less `/index` (`core/src`);
  // the reference names it as users import it.
  for (const module of project.children ?? []) {
    const entry = entryPoints.find((candidate) => candidate.file === `packages/${module.name}/index.ts`);
    if (!entry) throw new Error(`TypeDoc found a module "${module.name}" that scripts/api-docs.ts does not name.`);
    module.name = entry.name;
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await app.generateOutputs(project);
  if (app.logger.hasErrors() || app.logger.hasWarnings()) {
    throw new Error('TypeDoc reported problems (above); fix the TSDoc comments or exports they name.');
  }
  // Each page says under its title where it comes from, as the status tables do. Its code blocks are copies of
  // TSDoc `@example`s, fragments that lean on their surroundings (`apiKey`, an options object on its own), so
  // they are marked for scripts/check-snippets.js to skip; it type-checks every other block under docs/.
  for (const [file, text] of await readTree(outDir)) {
    const marked = text
      .replace(/^(?=```(?:ts|typescript|js|javascript)\s*$)/gm, '<!-- snippet: skip -->\n\n')
      .replace(/^(# .*\n)/, `$1\n${generatedNote}\n`);
    if (marked !== text) await writeFile(join(outDir, file), marked);
  }
  await writeFile(join(outDir, 'elements.md'), elementsPage);
  // The index TypeDoc writes lists its modules only; the elements page is listed after them.
  const index = join(outDir, 'README.md');
  await writeFile(
    index,
    (await readFile(index, 'utf8')).trimEnd() +
      '\n\n## Web components\n\n- [@trackline/elements](elements.md): attributes, properties, methods, events, ' +
      'slots, CSS parts and CSS custom properties of each element, from `custom-elements.json`.\n',
  );
}

/** Every file under `dir`, by its path relative to `dir` (with `/`), with its text. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split('\\').join('/'), await readFile(path, 'utf8'));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeApiDocs(apiDocsDir);
  console.log(`wrote ${[...(await readTree(apiDocsDir)).keys()].map((file) => `docs/api/${file}`).join(', ')}`);
}
