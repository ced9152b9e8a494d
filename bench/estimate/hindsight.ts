// Hindsight references for bench/estimate: what a predictor that already knew how these very orders
// turned out would reach, per group. Not predictors: they read the future on purpose, to show how far
// the past alone can go.
import { quantile } from './baseline.js';

export interface Outcome {
  /** The group the reference knows the outcome of (destination state, lane, state and month …). */
  group: string;
  /** Days from the prediction's day to delivery. */
  days: number;
}

export interface Hindsight {
  /** Mean absolute error of each group's own median. */
  mae: number;
  /** Mean promise length at each group's own quantile, at the level whose on-time rate reaches `target`. */
  promiseLength: number;
  onTime: number;
}

export function hindsight(outcomes: readonly Outcome[], target: number): Hindsight {
  const groups = new Map<string, number[]>();
  for (const { group, days } of outcomes) groups.set(group, [...(groups.get(group) ?? []), days]);
  for (const list of groups.values()) list.sort((a, b) => a - b);
  const at = (q: number) => {
    let onTime = 0;
    let length = 0;
    for (const { group, days } of outcomes) {
      const promised = quantile(groups.get(group)!, q);
      length += promised;
      if (days <= promised) onTime++;
    }
    return { onTime: onTime / outcomes.length, promiseLength: length / outcomes.length };
  };
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid).onTime >= target) hi = mid;
    else lo = mid;
  }
  let error = 0;
  for (const { group, days } of outcomes) error += Math.abs(days - quantile(groups.get(group)!, 0.5));
  return { mae: error / outcomes.length, ...at(hi) };
}
