// The baseline the issue compares against: per destination state, the plain median of past delivery
// times in calendar days (purchase → delivery, or hand-over → delivery when predicting at hand-over),
// with the empirical quantiles of the same past times for the window and the promise.
import type { HistoryRecord } from '@trackline/core';
import { addDays, daysBetween } from './time.js';
import type { Moment } from './walk-forward.js';

export interface BaselineModel {
  /** Sorted past durations in days for `state` (falling back to every state when it has fewer than `minSamples`). */
  durations(moment: Moment, state: string | undefined): number[];
}

const minSamples = 10;

export function fitBaseline(history: readonly HistoryRecord[]): BaselineModel {
  const byState = { placed: new Map<string, number[]>(), shipped: new Map<string, number[]>() };
  const add = (moment: Moment, state: string, days: number) => {
    for (const key of [state, '*']) {
      const list = byState[moment].get(key) ?? [];
      list.push(days);
      byState[moment].set(key, list);
    }
  };
  for (const r of history) {
    if (r.deliveredAt === undefined) continue;
    const state = r.destination.region ?? '?';
    add('placed', state, daysBetween(r.placedAt, r.deliveredAt));
    if (r.shippedAt !== undefined) add('shipped', state, daysBetween(r.shippedAt, r.deliveredAt));
  }
  for (const map of Object.values(byState)) for (const list of map.values()) list.sort((a, b) => a - b);
  return {
    durations(moment, state) {
      const own = byState[moment].get(state ?? '?');
      return own && own.length >= minSamples ? own : (byState[moment].get('*') ?? []);
    },
  };
}

/** The `q` quantile (nearest rank) of sorted `values`. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** The median of sorted `values`, rounded to a whole day. */
export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  return Math.round(n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2);
}

/** Days from `day` (the prediction's local day) for the baseline's likely day, window and promise. */
export function baselineForecast(model: BaselineModel, moment: Moment, state: string | undefined, day: string) {
  const past = model.durations(moment, state);
  return {
    likely: addDays(day, median(past)),
    earliest: addDays(day, quantile(past, 0.1)),
    latest: addDays(day, quantile(past, 0.9)),
    promise: (confidence: number) => addDays(day, quantile(past, confidence)),
  };
}
