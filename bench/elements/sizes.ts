// Prints the size part of the elements benchmark (bench/elements/index.ts) without timing the render or writing
// docs/benchmarks.md: for checking a size change while working. `pnpm bench elements` records the full section.
import { sizes } from './index.js';

console.log(await sizes());
