// The pace of the latest orders against what the model learned. A slowdown (a peak season, a strike,
// a carrier's backlog) shows first in the orders that started lately: fewer handed over, or
// delivered, by each age than the lane's past orders were at the same age. The distributions learn it
// only once those orders finish, a week or two later; the pace reads it now, from the recent orders
// finished or not, as one accelerated-failure-time factor: "lately everything takes `pace` times as
// long". An estimate then stretches its lane's distribution by that factor.

/** One recent order against the distribution of its lane. */
export interface PaceObservation {
  /** Working days until it ended (`done`), or that it has waited so far without ending. */
  days: number;
  done: boolean;
  /** Its lane's cumulative distribution, as the model has it without any pace. */
  cdf: Float64Array;
}

export interface PaceOptions {
  /**
   * How far the pace may stray from its prior before the evidence pays for it: the standard deviation
   * of log(pace) a priori. Smaller trusts the few orders of the first days of a slowdown less.
   */
  spread: number;
  /** The pace expected before looking at the orders (1: as the model says; a parent level's pace for a child). */
  prior?: number;
}

/** Log-paces tried: from half as long to three times as long, by 1%. */
const lowest = Math.log(0.5);
const highest = Math.log(3);
const step = 0.01;
/** Steps between the paces tried first. */
const coarse = 5;
/** The smallest probability an observation is given, so one impossible order cannot decide alone. */
const floor = 1e-4;

/**
 * The most probable pace of `observations` (maximum a posteriori, over a grid of 1% steps): each order
 * that ended on day `t` counts the probability of ending that day under the lane's distribution
 * stretched by the pace, each order still waiting after `c` days the probability of lasting longer
 * than `c`. The prior keeps the pace near `prior` while the evidence is thin.
 */
export function estimatePace(observations: readonly PaceObservation[], options: PaceOptions): number {
  const center = Math.log(options.prior ?? 1);
  if (observations.length === 0) return Math.exp(center);
  const tension = 1 / (2 * options.spread * options.spread);
  const scoreOf = (log: number) => {
    const pace = Math.exp(log);
    let score = -tension * (log - center) ** 2;
    for (const { days, done, cdf } of observations) {
      const p = done
        ? stretchedAt(cdf, days, pace) - stretchedAt(cdf, days - 1, pace)
        : 1 - stretchedAt(cdf, days, pace);
      score += Math.log(Math.max(floor, p));
    }
    return score;
  };
  // Whole steps from the prior, so a pace that the evidence does not move is the prior exactly: first
  // every fifth step, then each step around the best of those (a fit reads thousands of orders).
  const first = Math.ceil((lowest - center) / step);
  const last = Math.floor((highest - center) / step);
  let best = 0;
  let bestScore = scoreOf(center);
  const tryStep = (j: number) => {
    if (j < first || j > last || j === best) return;
    const score = scoreOf(center + j * step);
    if (score > bestScore) [best, bestScore] = [j, score];
  };
  for (let j = first - (first % coarse); j <= last; j += coarse) tryStep(j);
  const around = best;
  for (let j = around - coarse + 1; j < around + coarse; j++) tryStep(j);
  return Math.exp(center + best * step);
}

/**
 * The distribution of a day count that takes `pace` times as long, as a probability per whole day.
 * Days count from the start of day 0, so day `k` ends at `k + 1`: P(T' ≤ k) = P(T ≤ (k + 1) / pace − 1),
 * read between whole days on a straight line.
 */
export function stretch(pmf: readonly number[], pace: number): number[] {
  if (pace === 1 || !(pace > 0) || pmf.length === 0) return [...pmf];
  const cdf = new Float64Array(pmf.length);
  let sum = 0;
  for (let i = 0; i < pmf.length; i++) cdf[i] = sum += pmf[i]!;
  for (let i = 0; i < cdf.length; i++) cdf[i]! /= sum || 1;
  const length = Math.max(1, Math.ceil(pmf.length * pace));
  const out: number[] = [];
  let before = 0;
  for (let k = 0; k < length; k++) {
    const here = k === length - 1 ? 1 : stretchedAt(cdf, k, pace);
    out.push(here - before);
    before = here;
  }
  return out;
}

/** P(T' ≤ k) for T' = T stretched by `pace`, from the cumulative table of T (its last entry is 1). */
function stretchedAt(cdf: Float64Array, k: number, pace: number): number {
  const x = (k + 1) / pace - 1;
  if (x <= -1) return 0;
  if (x >= cdf.length - 1) return 1;
  const whole = Math.floor(x);
  const part = x - whole;
  const low = whole < 0 ? 0 : cdf[whole]!;
  return low + part * (cdf[whole + 1]! - low);
}
