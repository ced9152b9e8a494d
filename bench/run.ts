// `pnpm bench` runs every benchmark; `pnpm bench detect` runs one. Each benchmark lives in
// bench/<name>/index.ts, exports `run(): Promise<string>` (its markdown section), and this writes
// that section into docs/benchmarks.md.
import { readdirSync, statSync } from 'node:fs';
import { machine, writeSection } from './harness.js';

const here = new URL('.', import.meta.url);
const all = readdirSync(here).filter((name) => statSync(new URL(name, here)).isDirectory());
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${all.join(', ')}.`);
  process.exit(1);
}

for (const name of wanted.length ? wanted : all) {
  console.log(`bench ${name} …`);
  const { run } = (await import(new URL(`${name}/index.ts`, here).href)) as { run: () => Promise<string> };
  const section = await run();
  writeSection(name, `${section.trim()}\n\n_Measured on ${machine()}._`);
  console.log(section);
}
