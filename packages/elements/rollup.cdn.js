// The CDN build: one minified ES module, `dist/trackline.min.js`, with Lit, the core and every element inside,
// usable as `<script type="module" src="…/trackline.min.js">`. Bare imports are resolved here with a small
// package-exports resolver (browser conditions, never `development` or `node`), so the bundle needs no
// resolver plugin beyond what the repository already has. Its first line is a banner naming the package, its
// version and licence, so a copy served from anywhere still says which release it is.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { fileURLToPath } from 'node:url';
import { minifyTemplatesPlugin } from './minify-templates.js';

const tsconfig = fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url));
const CONDITIONS = ['source', 'browser', 'import', 'module', 'default'];

/** The first target in `entry` (a string, a condition map or a fallback array) for our conditions. */
function pick(entry) {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) return entry.map(pick).find(Boolean) ?? null;
  if (entry && typeof entry === 'object') {
    for (const [key, value] of Object.entries(entry)) {
      if (CONDITIONS.includes(key)) {
        const target = pick(value);
        if (target) return target;
      }
    }
  }
  return null;
}

/** `./sub/path.js` of a package's `exports`, exact or through one `*` pattern. */
function fromExports(exports, subpath) {
  if (typeof exports === 'string' || Array.isArray(exports)) return subpath === '.' ? pick(exports) : null;
  const keys = Object.keys(exports);
  if (!keys.every((key) => key.startsWith('.'))) return subpath === '.' ? pick(exports) : null;
  if (subpath in exports) return pick(exports[subpath]);
  for (const key of keys) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const [before, after] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(before) && subpath.endsWith(after) && subpath.length >= key.length - 1) {
      const target = pick(exports[key]);
      return target && target.replace('*', subpath.slice(before.length, subpath.length - after.length));
    }
  }
  return null;
}

function findPackage(name, from) {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return null;
  }
}

export function resolvePackages() {
  return {
    name: 'trackline-resolve-packages',
    resolveId(source, importer) {
      if (!importer || source.startsWith('.') || source.startsWith('/') || source.startsWith('\0')) return null;
      const parts = source.split('/');
      const name = source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      const subpath = `.${source.slice(name.length)}`;
      const root = findPackage(name, importer);
      if (!root) return null;
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      const target = pkg.exports
        ? fromExports(pkg.exports, subpath)
        : subpath === '.'
          ? (pkg.module ?? pkg.main ?? 'index.js')
          : subpath;
      if (!target) this.error(`Cannot resolve ${source} from ${importer}: not in its package's exports.`);
      // A package that declares `"sideEffects": false` lets rollup drop what the elements do not use.
      return { id: join(root, target), moduleSideEffects: pkg.sideEffects === false ? false : null };
    },
  };
}

/**
 * `dist/trackline.min.d.ts`, the bundle's types, so `@trackline/elements/cdn` type-checks. The entry only imports
 * the define modules, re-exports the index and exports `version`, so its own text is nearly its declaration file:
 * the statements point at the `.d.ts` files the library build writes beside it, and `version` becomes a
 * `declare`. An entry with other code of its own needs a real `.d.ts` build.
 */
function cdnDeclarations(entry) {
  return {
    name: 'trackline-cdn-declarations',
    generateBundle() {
      const source = readFileSync(entry, 'utf8');
      const statements = source
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .split(';')
        .map((statement) => statement.trim())
        .filter(Boolean);
      const declarations = statements.flatMap((statement) => {
        if (/^(import '[^']+'|export \* from '[^']+')$/.test(statement)) return [statement];
        // The build-time constant is replaced by esbuild's `define`: users never see it.
        if (statement === `declare const ${VERSION_CONSTANT}: string`) return [];
        if (statement === `export const version: string = ${VERSION_CONSTANT}`) {
          return [
            '/** The version of `@trackline/elements` this bundle was built from, as its first line also says. */\n' +
              'export declare const version: string',
          ];
        }
        this.error(
          `${entry} has a statement that is not \`import '…'\`, \`export * from '…'\` or the \`version\` export ` +
            `(${statement}), so it cannot stand as its own .d.ts: emit dist/trackline.min.d.ts with ` +
            'rollup-plugin-dts instead.',
        );
      });
      const header =
        '// The types of trackline.min.js: every element defined, every export of the index, its version.\n';
      this.emitFile({
        type: 'asset',
        fileName: 'trackline.min.d.ts',
        source: `${header}${declarations.join(';\n')};\n`,
      });
    },
  };
}

/**
 * In the one-file bundle nothing loads later, so each `import('./relative.js')` of our own sources becomes a
 * static import: rollup then places the module beside the code that uses it rather than at the end of the
 * bundle, where gzip's 32 KB window no longer sees the markup and copy it shares with its importer (the look-up
 * view alone cost 0.4 KB gzip more at the end). The promise still resolves a tick later, as `import()` did.
 */
function staticImportsInOneFile() {
  return {
    name: 'trackline-static-imports-in-one-file',
    transform(code, id) {
      if (!/[\\/]packages[\\/](elements|core)[\\/]src[\\/]/.test(id) || /\.(test|stories)\.ts$/.test(id)) return null;
      const imports = [];
      const rewritten = code.replace(/(?<!typeof )\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g, (_, __, path) => {
        const name = `__trackline_lazy_${imports.length}`;
        imports.push(`import * as ${name} from '${path}';`);
        return `Promise.resolve().then(() => ${name})`;
      });
      if (imports.length === 0) return null;
      // The imports go on the first line, so every line stays where it was for the source map.
      return { code: `${imports.join(' ')}${rewritten}`, map: null };
    },
  };
}

/** The identifier in src/cdn.ts that the build replaces with package.json's version. */
const VERSION_CONSTANT = '__TRACKLINE_VERSION__';

/**
 * The bundle's first line: `/*! @trackline/elements 1.2.3 | MIT | <homepage> *\/`. The `/*!` form survives
 * minifiers (esbuild's included); Lit's own `@license` comments stay below it. Without a `homepage` in package.json
 * the npm page stands in.
 */
function banner(pkg) {
  const homepage = pkg.homepage ?? `https://www.npmjs.com/package/${pkg.name}`;
  return `/*! ${pkg.name} ${pkg.version} | ${pkg.license} | ${homepage} */`;
}

export function cdnBundle() {
  const input = 'src/cdn.ts';
  // Read when the build runs, so a version bump (changesets) reaches the banner and `version` without an edit here.
  const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
  return {
    input,
    onwarn(warning, warn) {
      // zod's own comments and module cycles, harmless and not ours to fix.
      if (warning.id?.includes('node_modules') || warning.ids?.every((id) => id.includes('node_modules'))) return;
      if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
      warn(warning);
    },
    treeshake: { moduleSideEffects: (id) => !/[\\/]packages[\\/]core[\\/]/.test(id) },
    plugins: [
      resolvePackages(),
      cdnDeclarations(input),
      minifyTemplatesPlugin(),
      staticImportsInOneFile(),
      esbuild({
        target: 'es2022',
        tsconfig,
        minify: true,
        define: { 'process.env.NODE_ENV': '"production"', [VERSION_CONSTANT]: JSON.stringify(pkg.version) },
      }),
    ],
    output: {
      file: 'dist/trackline.min.js',
      format: 'es',
      banner: banner(pkg),
      // One file: the parts other builds load on demand (ky, the schemas, @floating-ui) are inside it.
      inlineDynamicImports: true,
      sourcemap: true,
    },
  };
}
