// Day distributions learned from censored data. Times are whole working days (0, 1, 2 …). An
// observation is either an event at `t` (shipped, or delivered, after t working days) or censored
// at `c`: still waiting when the fit looked, so the time is known only to exceed `c`.

/**
 * Weighted events and records at risk by whole day, filled record by record. A record's weight can
 * grow with each day it waits (`growth` per day): with weights that decay with age, each day of a
 * wait then weighs as much as the calendar day it fell on, so the hazard of day 15 is learned from
 * what happened lately to parcels 15 days out, not from when those parcels were ordered.
 */
export class SurvivalCounts {
  events: number[] = [];
  /** Weight of the records still waiting at the start of each day. */
  atRisk: number[] = [];
  /** Weighted records with a known outcome (each at the weight of its last day). */
  eventWeight = 0;
  /** Weighted records, known outcome or not. */
  weight = 0;

  addEvent(t: number, w: number, growth = 1): void {
    const last = this.wait(t, w, growth);
    this.events[t] = (this.events[t] ?? 0) + last;
    this.eventWeight += last;
    this.weight += last;
  }

  /** The time is known only to be greater than `c`. */
  addCensored(c: number, w: number, growth = 1): void {
    this.weight += c < 0 ? w : this.wait(c, w, growth);
  }

  merge(other: SurvivalCounts): void {
    for (let t = 0; t < other.events.length; t++) {
      const w = other.events[t];
      if (w) this.events[t] = (this.events[t] ?? 0) + w;
    }
    for (let t = 0; t < other.atRisk.length; t++) this.atRisk[t] = (this.atRisk[t] ?? 0) + other.atRisk[t]!;
    this.eventWeight += other.eventWeight;
    this.weight += other.weight;
  }

  /** Puts the record at risk on days 0 … t; returns its weight on day t. */
  private wait(t: number, w: number, growth: number): number {
    const atRisk = this.atRisk;
    while (atRisk.length <= t) atRisk.push(0);
    let x = w;
    for (let u = 0; u <= t; u++, x *= growth) atRisk[u]! += x;
    return x / growth;
  }
}

/**
 * The weighted Kaplan–Meier (product-limit) estimate, as the probability of each whole day. Censored
 * records stay at risk through their censoring day (T > c). Where the last records are censored the
 * survival never reaches zero: the distribution then goes on past the last event with a geometric
 * tail, at the daily hazard the curve had from its median to its last event, so "longer than anything
 * delivered so far" becomes a few more days at the pace the slow parcels were arriving, not a cliff.
 */
export function kaplanMeier(counts: SurvivalCounts): number[] {
  const { events, atRisk } = counts;
  const pmf: number[] = [];
  let survival = 1;
  let lastEvent = -1;
  let median = -1;
  let atMedian = 1;
  for (let t = 0; t < events.length; t++) {
    const d = events[t] ?? 0;
    const next = d > 0 ? survival * (1 - Math.min(1, d / atRisk[t]!)) : survival;
    pmf.push(survival - next);
    if (d > 0) lastEvent = t;
    survival = next;
    if (median < 0 && survival <= 0.5) [median, atMedian] = [t, survival];
  }
  if (lastEvent < 0) return [];
  pmf.length = lastEvent + 1;
  if (survival > tailEnd) {
    // Nothing arrives before the longest wait still going on: the tail starts the day after it.
    while (pmf.length < atRisk.length) pmf.push(0);
    // Survival fell from `atMedian` to `survival` over the days from the median to the last event.
    const span = median >= 0 ? lastEvent - median : 0;
    const hazard = span > 0 && survival < atMedian ? 1 - (survival / atMedian) ** (1 / span) : 1 / (lastEvent + 2);
    for (let k = 0; k < maxTailDays && survival > tailEnd; k++) {
      const p = survival * hazard;
      pmf.push(p);
      survival -= p;
    }
    pmf[pmf.length - 1]! += survival;
  }
  return pmf;
}

/** Survival below which the tail stops (the rest goes to its last day), and its longest reach in days. */
const tailEnd = 1e-3;
const maxTailDays = 60;

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

/**
 * The distribution of `T + delta` (never below day 0) as a cumulative table, for a fractional
 * `delta`: a share of the mass moves by the whole days below it and the rest one day further.
 */
export function shifted(cdf: Float64Array, delta: number): Float64Array {
  if (delta === 0 || !Number.isFinite(delta)) return cdf;
  const whole = Math.floor(delta);
  const part = delta - whole;
  const n = cdf.length;
  const out = new Float64Array(Math.max(1, n + Math.max(0, part > 0 ? whole + 1 : whole)));
  for (let t = 0; t < out.length; t++) {
    const u = t - whole;
    const here = u < 0 ? 0 : u >= n ? 1 : cdf[u]!;
    const before = u < 1 ? 0 : u > n ? 1 : cdf[u - 1]!;
    out[t] = (1 - part) * here + part * before;
  }
  return out;
}
