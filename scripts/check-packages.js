// publint and arethetypeswrong on every published package's packed tarball: what users install must
// resolve, with types, under Node and bundlers. The packages are ESM only, so CommonJS `require` is out of scope.
import { execFileSync } from 'node:child_process';

const packages = ['core', 'elements', 'node'];
let failed = false;
for (const name of packages) {
  const cwd = `packages/${name}`;
  for (const [tool, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--profile', 'esm-only', '--format', 'ascii']],
  ]) {
    try {
      execFileSync('pnpm', ['exec', tool, ...args], { cwd, stdio: 'pipe', encoding: 'utf8' });
      console.log(`✔ ${tool} @trackline/${name}`);
    } catch (error) {
      failed = true;
      console.error(`✖ ${tool} @trackline/${name}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
process.exit(failed ? 1 : 0);
