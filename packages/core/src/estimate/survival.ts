// Day distributions learned from censored data. Times are whole working days (0, 1, 2 …). An
// observation is either an event at `t` (shipped, or delivered, after t working days) or censored
// at `c`: still waiting when the fit looked, so the time is known only to exceed `c`.

/** Weighted events and censorings by whole day, filled record by record. */
export class SurvivalCounts {
  events: number[] = [];
  censored: number[] = [];
  /** Weighted records with a known outcome. */
  eventWeight = 0;
  /** Weighted records, known outcome or not. */
  weight = 0;

  addEvent(t: number, w: number): void {
    this.events[t] = (this.events[t] ?? 0) + w;
    this.eventWeight += w;
    this.weight += w;
  }

  /** The time is known only to be greater than `c`. */
  addCensored(c: number, w: number): void {
    this.weight += w;
    if (c < 0) return; // nothing learned yet beyond "at least zero days"
    this.censored[c] = (this.censored[c] ?? 0) + w;
  }

  merge(other: SurvivalCounts): void {
    for (let t = 0; t < other.events.length; t++) {
      const w = other.events[t];
      if (w) this.events[t] = (this.events[t] ?? 0) + w;
    }
    for (let t = 0; t < other.censored.length; t++) {
      const w = other.censored[t];
      if (w) this.censored[t] = (this.censored[t] ?? 0) + w;
    }
    this.eventWeight += other.eventWeight;
    this.weight += other.weight;
  }
}

/**
 * The weighted Kaplan–Meier (product-limit) estimate, as the probability of each whole day. Censored
 * records stay at risk through their censoring day (T > c). Where the last records are censored the
 * survival never reaches zero; that remaining mass goes to the day after the longest time seen
 * (event or wait), so the distribution says "longer than anything we saw" instead of pretending it ended.
 */
export function kaplanMeier(counts: SurvivalCounts): number[] {
  const length = Math.max(counts.events.length, counts.censored.length);
  let atRisk = 0;
  for (let t = 0; t < length; t++) atRisk += (counts.events[t] ?? 0) + (counts.censored[t] ?? 0);
  const pmf: number[] = [];
  let survival = 1;
  let lastEvent = -1;
  for (let t = 0; t < length; t++) {
    const d = counts.events[t] ?? 0;
    const next = atRisk > 0 && d > 0 ? survival * (1 - d / atRisk) : survival;
    pmf.push(survival - next);
    if (d > 0) lastEvent = t;
    survival = next;
    atRisk -= d + (counts.censored[t] ?? 0);
  }
  if (lastEvent < 0) return [];
  pmf.length = lastEvent + 1;
  // Records still waiting after the last event: "longer than anything seen", the day after the longest wait.
  if (survival > 1e-9) {
    while (pmf.length < length) pmf.push(0);
    pmf.push(survival);
  }
  return pmf;
}

/** The distribution of the sum of two independent day counts. */
export function convolve(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0 || b.length === 0) return [];
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    if (p === 0) continue;
    for (let j = 0; j < b.length; j++) out[i + j]! += p * b[j]!;
  }
  return out;
}

/** Running sums of a distribution, scaled so the last is exactly 1. */
export function cumulative(pmf: readonly number[]): Float64Array {
  const cdf = new Float64Array(pmf.length);
  let sum = 0;
  for (let i = 0; i < pmf.length; i++) cdf[i] = sum += pmf[i]!;
  for (let i = 0; i < cdf.length; i++) cdf[i]! /= sum || 1;
  return cdf;
}

/**
 * The smallest whole day `k ≥ elapsed` with P(T ≤ k | T ≥ elapsed) ≥ q. Past everything the history
 * has seen, it answers `elapsed`: the parcel is overdue and may come any day now.
 */
export function conditionalQuantile(cdf: Float64Array, q: number, elapsed = 0): number {
  const start = Math.max(0, elapsed);
  if (start >= cdf.length) return start;
  const before = start > 0 ? cdf[start - 1]! : 0;
  const rest = 1 - before;
  if (rest < 1e-9) return start;
  const target = before + q * rest - 1e-12;
  for (let k = start; k < cdf.length; k++) if (cdf[k]! >= target) return k;
  return cdf.length - 1;
}

/** The first day the distribution gives any weight at or after `elapsed`. */
export function firstPossible(cdf: Float64Array, elapsed = 0): number {
  const start = Math.max(0, elapsed);
  for (let k = start; k < cdf.length; k++) if (cdf[k]! - (k > 0 ? cdf[k - 1]! : 0) > 1e-9) return k;
  return start;
}
