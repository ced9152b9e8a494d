// Quantiles of numeric samples without sorting them: Hoare's selection puts the k-th smallest value in
// place in linear time on average, which is what lets `summarize` take a median and a 90th percentile
// of a million durations in a few milliseconds.

/** Moves the k-th smallest value of `a[lo..hi)` to `a[k]`: smaller ones before it, larger ones after. */
export function select(a: Float64Array, lo: number, hi: number, k: number): void {
  let left = lo;
  let right = hi - 1;
  while (right > left) {
    // Median of three as the pivot keeps sorted and reversed runs linear.
    const mid = (left + right) >>> 1;
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * The quantiles `ps` (each 0–1) of `a[lo..hi)`, by linear interpolation between the two nearest ranks
 * (the "type 7" definition of R and NumPy's default: the median of an even count is the mean of the two
 * middle values). Reorders `a[lo..hi)`; returns NaN for each when the range is empty. NaN values must
 * not be in the range.
 */
export function quantilesInPlace(a: Float64Array, lo: number, hi: number, ps: readonly number[]): number[] {
  const n = hi - lo;
  const out = new Array<number>(ps.length).fill(Number.NaN);
  if (n <= 0) return out;
  // Highest first: after selecting rank k, everything at or below k lies in a[lo..k], so the next,
  // lower rank is found in that shorter range.
  const order = ps.map((_, index) => index).sort((x, y) => ps[y]! - ps[x]!);
  let bound = hi;
  for (const index of order) {
    const p = Math.min(1, Math.max(0, ps[index]!));
    const h = (n - 1) * p;
    const k = lo + Math.floor(h);
    select(a, lo, bound, k);
    const low = a[k]!;
    const fraction = h - Math.floor(h);
    let value = low;
    if (fraction > 0 && k + 1 < hi) {
      // The next rank is the smallest value after k: a[k+1..hi) holds only values not below a[k].
      let next = a[k + 1]!;
      for (let i = k + 2; i < hi; i++) if (a[i]! < next) next = a[i]!;
      value = low + fraction * (next - low);
    }
    out[index] = value;
    bound = k + 1;
  }
  return out;
}

/** The quantile `p` (0–1) of `values`, which are left untouched; NaN for no values. */
export function quantile(values: ArrayLike<number>, p: number): number {
  const copy = Float64Array.from(values);
  return quantilesInPlace(copy, 0, copy.length, [p])[0]!;
}
