// What users install, checked on each published package's tarball:
// - the packed files are exactly package.json, README.md, LICENSE and the build in dist/ (and the elements'
//   custom-elements.json): no sources, tests or stray files, and nothing the build wrote left out;
// - every packed .js and .d.ts points only at packed files (relative imports, `//# sourceMappingURL`);
// - publint and arethetypeswrong: it resolves, with types, under Node and bundlers. The packages are ESM only,
//   so CommonJS `require` is out of scope.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

const packages = ['core', 'elements', 'node'];
/** Files besides dist/ that each tarball holds; the elements also ship their custom-elements manifest. */
const alwaysPacked = ['package.json', 'README.md', 'LICENSE'];
const extraPacked = { elements: ['custom-elements.json'] };
// The `files` field of each package.json leaves tests out of dist/.
const isTest = (path) => /\.test\./.test(path);

/** The paths `pnpm pack` puts in the tarball (what `pnpm publish` uploads), relative to the package. */
function packedFiles(cwd) {
  const output = execFileSync('pnpm', ['pack', '--dry-run', '--json'], { cwd, stdio: 'pipe', encoding: 'utf8' });
  return JSON.parse(output).files.map((file) => file.path);
}

/** What the tarball should hold: the fixed files and everything the build wrote to dist/. */
function expectedFiles(cwd, name) {
  const dist = readdirSync(join(cwd, 'dist'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => posix.join('dist', join(entry.parentPath, entry.name).slice(join(cwd, 'dist').length + 1)))
    .filter((path) => !isTest(path));
  return [...alwaysPacked, ...(extraPacked[name] ?? []), ...dist];
}

/**
 * The packed paths a packed .js or .d.ts file points at and that are not packed. A `.d.ts` importing `./x.js`
 * means `./x.d.ts`, as TypeScript resolves it.
 */
function danglingReferences(cwd, path, packed) {
  const text = readFileSync(join(cwd, path), 'utf8');
  const declaration = path.endsWith('.d.ts');
  const specifiers = [
    ...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.\.?\/[^'"]+)\1/g),
    ...text.matchAll(/^\/\/\/\s*<reference\s+path=(['"])([^'"]+)\1/gm),
  ].map((match) => match[2]);
  const map = /^\/\/# sourceMappingURL=(?!data:)(\S+)\s*$/m.exec(text)?.[1];
  const targets = [
    ...specifiers.map((specifier) => {
      const target = posix.join(dirname(path), specifier);
      return declaration ? target.replace(/\.js$/, '.d.ts').replace(/\.mjs$/, '.d.mts') : target;
    }),
    ...(map ? [posix.join(dirname(path), map)] : []),
  ];
  return targets.filter((target) => !packed.has(target));
}

let failed = false;
function report(ok, what, detail = '') {
  if (ok) console.log(`✔ ${what}`);
  else {
    failed = true;
    console.error(`✖ ${what}\n${detail}`);
  }
}

for (const name of packages) {
  const cwd = `packages/${name}`;

  const packed = packedFiles(cwd);
  const expected = expectedFiles(cwd, name);
  const unexpected = packed.filter((path) => !expected.includes(path));
  const missing = expected.filter((path) => !packed.includes(path));
  report(
    !unexpected.length && !missing.length,
    `packed files @trackline/${name} (${packed.length})`,
    [
      unexpected.length
        ? `  in the tarball but not expected (fix "files" in package.json): ${unexpected.join(', ')}`
        : '',
      missing.length ? `  expected but not in the tarball (add it, or fix "files"): ${missing.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );

  const packedSet = new Set(packed);
  const dangling = packed
    .filter((path) => /\.(js|mjs|d\.ts|d\.mts)$/.test(path))
    .flatMap((path) => danglingReferences(cwd, path, packedSet).map((target) => `  ${path} → ${target}`));
  report(
    !dangling.length,
    `packed references @trackline/${name}`,
    `  these packed files point at files that are not packed:\n${dangling.join('\n')}`,
  );

  for (const [tool, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--profile', 'esm-only', '--format', 'ascii']],
  ]) {
    try {
      execFileSync('pnpm', ['exec', tool, ...args], { cwd, stdio: 'pipe', encoding: 'utf8' });
      report(true, `${tool} @trackline/${name}`);
    } catch (error) {
      report(false, `${tool} @trackline/${name}`, `${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
process.exit(failed ? 1 : 0);
