// One rollup setup for every package: ESM that keeps the source's module layout (so `import` of one
// entry pulls in only what it needs), plus bundled-per-module `.d.ts` files beside it.
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import dts from 'rollup-plugin-dts';

const tsconfig = fileURLToPath(new URL('../tsconfig.base.json', import.meta.url));

// Everything that is not a relative path is a dependency the user's bundler resolves.
const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

// Our modules have no side effects except the element definitions (`src/define/*`), as each package.json
// says; telling rollup so keeps it from leaving bare `import './x.js'` lines where a barrel was used.
const treeshake = {
  moduleSideEffects: (id, external) => external || /[\\/]define[\\/]/.test(id),
};

const output = {
  dir: 'dist',
  format: 'es',
  preserveModules: true,
  preserveModulesRoot: 'src',
};

/** @param {{ input: Record<string, string> | string[] }} options */
export function library({ input }) {
  return [
    {
      input,
      external,
      treeshake,
      plugins: [esbuild({ target: 'es2022', tsconfig })],
      output: { ...output, sourcemap: true },
    },
    {
      input,
      external,
      plugins: [dts({ tsconfig, compilerOptions: { customConditions: [] } })],
      output: { ...output, entryFileNames: '[name].d.ts' },
    },
  ];
}
