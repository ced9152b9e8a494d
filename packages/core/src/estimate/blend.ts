// Two views of one parcel's delivery day, both in working days from the same base day (the hand-over,
// or the day handling starts): our own, the lane's distribution, and the carrier's, its date for this
// parcel moved by how far off its dates have been on the lane. Both are read knowing the parcel has not
// arrived before today, and mixed: the carrier's view weighs by how reliable its dates have been (their
// spread against ours, and how many records say so). Everything works on the tables
// built when the model was loaded: no table is built per estimate.

/**
 * A cumulative distribution over whole working days: P(T ≤ from + i) = cdf[i], 0 before `from`, 1
 * past the end of `cdf`.
 */
export interface DayView {
  cdf: Float64Array;
  from: number;
}

/**
 * Each view's spread is at least the variance of rounding to whole days (a day's worth, spread evenly:
 * 1/12), so a carrier that was never off still leaves some weight to the history, and a lane whose
 * parcels all took the same day still some to the carrier.
 */
const roundingVariance = 1 / 12;

/** Survival below which a view says the parcel should already have arrived: it is then due any day now. */
const overdue = 1e-9;

function cdfAt(view: DayView, k: number): number {
  const i = k - view.from;
  if (i < 0) return 0;
  if (i >= view.cdf.length) return 1;
  return view.cdf[i]!;
}

/** P(T ≤ k | T ≥ elapsed); a view that has nothing left from `elapsed` on puts it all on `elapsed`. */
function conditionedAt(view: DayView, k: number, elapsed: number): number {
  if (k < elapsed) return 0;
  const before = cdfAt(view, elapsed - 1);
  const rest = 1 - before;
  if (rest < overdue) return 1;
  return (cdfAt(view, k) - before) / rest;
}

/**
 * P(max(T, elapsed) ≤ k): the carrier's view, its days already gone piled onto today. Unlike
 * `conditionedAt` it does not spread them over the days left, so a later carrier day never moves any
 * of its days earlier (renormalised, a carrier day mostly gone by would put all its weight on the few
 * early days left and read earlier than the day after it).
 */
function pinnedAt(view: DayView, k: number, elapsed: number): number {
  return k < elapsed ? 0 : cdfAt(view, k);
}

/** The last day a view gives any weight to, or `elapsed` when that is later. */
function lastDay(view: DayView, elapsed: number): number {
  return Math.max(elapsed, view.from + view.cdf.length - 1);
}

/** Variance of a distribution given as the probability of each whole day, plus the rounding variance. */
export function spreadOf(pmf: readonly number[]): number {
  let mean = 0;
  let square = 0;
  for (let i = 0; i < pmf.length; i++) {
    mean += pmf[i]! * i;
    square += pmf[i]! * i * i;
  }
  return Math.max(0, square - mean * mean) + roundingVariance;
}

/**
 * Variance of a view conditioned on T ≥ elapsed, plus the rounding variance. Once the parcel is past
 * everything the view has seen, or on the last day it has seen (all that is left of it on one day),
 * "today, or any day now" is a guess, not a narrow view: its spread is then that of the whole
 * distribution. Conditioned, it would be the rounding variance alone, and on the lane's last day our view
 * would overrule a carrier whose dates have always been right.
 */
export function conditionedSpread(view: DayView, elapsed: number): number {
  const rest = 1 - cdfAt(view, elapsed - 1);
  if (elapsed > 0 && (rest < overdue || 1 - cdfAt(view, elapsed) < overdue * rest)) return conditionedSpread(view, 0);
  let mean = 0;
  let square = 0;
  let before = 0;
  const end = lastDay(view, elapsed);
  for (let k = elapsed; k <= end; k++) {
    const here = conditionedAt(view, k, elapsed);
    const p = here - before;
    before = here;
    mean += p * k;
    square += p * k * k;
  }
  return Math.max(0, square - mean * mean) + roundingVariance;
}

/**
 * How much the carrier's view weighs in the blend, 0 to 1: by inverse spread against ours (the usual
 * way to weigh two measurements of one thing), times the trust its records earn (`records` weighted
 * records against `minSamples`, as a lane leans on its region).
 */
export function carrierWeight(carrierSpread: number, ourSpread: number, records: number, minSamples: number): number {
  const precision = 1 / carrierSpread;
  const relative = precision / (precision + 1 / ourSpread);
  const trust = records > 0 ? records / (records + minSamples) : 0;
  return relative * trust;
}

/**
 * The smallest whole day `k ≥ elapsed` by which the blend of `ours` (conditioned on T ≥ elapsed) and
 * `carrier` (its days before `elapsed` piled onto it), weighed `1 − weight` and `weight`, gives
 * probability `q` (above 0). It never decreases as the carrier's view moves later.
 */
export function blendedQuantile(ours: DayView, carrier: DayView, weight: number, q: number, elapsed: number): number {
  const start = Math.max(0, elapsed);
  const end = Math.max(lastDay(ours, start), lastDay(carrier, start));
  const target = q - 1e-12;
  for (let k = start; k < end; k++) {
    const blended = (1 - weight) * conditionedAt(ours, k, start) + weight * pinnedAt(carrier, k, start);
    if (blended >= target) return k;
  }
  return end;
}
