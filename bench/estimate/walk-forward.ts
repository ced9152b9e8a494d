// The walk-forward: predict each order at a past moment using only what was known then. Orders placed
// before that moment count as history; their hand-over and delivery stay hidden until they happened.
// The model is refitted once per local day, at the start of that day, and every prediction of the day
// uses that fit with its own moment as `now`.
import type { HistoryRecord } from '@trackline/core';
import { brazil, dayStart, localDay } from './time.js';

/** When a prediction is made: at purchase, or at the hand-over to the carrier. */
export type Moment = 'placed' | 'shipped';

export interface WalkItem {
  /** The whole truth about the order, future included; the walk hides what was not yet known. */
  record: HistoryRecord;
}

export interface WalkEvent<T extends WalkItem> {
  item: T;
  moment: Moment;
  /** The moment of the prediction, ISO with offset (the order's `placedAt` or `shippedAt`). */
  at: string;
}

export interface WalkResult<T extends WalkItem, P> {
  event: WalkEvent<T>;
  prediction: P;
  /** The `now` of the fit the prediction used: the start of the local day of `event.at`. */
  fittedAt: string;
}

export interface WalkOptions<T extends WalkItem, M, P> {
  /** Every order, in any order. */
  items: readonly T[];
  /** The predictions to make. */
  events: readonly WalkEvent<T>[];
  fit(history: HistoryRecord[], now: Date): M;
  predict(model: M, event: WalkEvent<T>): P;
  /** Zone whose local days set the refits. Default America/Sao_Paulo. */
  zone?: string;
}

/** `record` as it was known at `nowMs`, or undefined when it was not placed yet. */
export function knownAt(record: HistoryRecord, nowMs: number): HistoryRecord | undefined {
  if (Date.parse(record.placedAt) > nowMs) return undefined;
  const known: HistoryRecord = { ...record };
  if (known.shippedAt !== undefined && Date.parse(known.shippedAt) > nowMs) delete known.shippedAt;
  if (known.deliveredAt !== undefined && Date.parse(known.deliveredAt) > nowMs) delete known.deliveredAt;
  return known;
}

/** Throws when a record has any time after `nowMs`: the fit would be reading the future. */
export function assertNoFuture(history: readonly HistoryRecord[], nowMs: number): void {
  for (const record of history) {
    for (const time of [record.placedAt, record.shippedAt, record.deliveredAt]) {
      if (time !== undefined && !(Date.parse(time) <= nowMs)) {
        throw new Error(`walk-forward leak: ${time} is after now ${new Date(nowMs).toISOString()}`);
      }
    }
  }
}

/** Runs `events` in time order, one fit per local day; results come back in the events' order of time. */
export function walkForward<T extends WalkItem, M, P>(options: WalkOptions<T, M, P>): WalkResult<T, P>[] {
  const zone = options.zone ?? brazil;
  const items = [...options.items].sort((a, b) => Date.parse(a.record.placedAt) - Date.parse(b.record.placedAt));
  const events = [...options.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const results: WalkResult<T, P>[] = [];
  let day = '';
  let model: M | undefined;
  let fittedAt = '';
  for (const event of events) {
    const atMs = Date.parse(event.at);
    const eventDay = localDay(atMs, zone);
    if (eventDay !== day || model === undefined) {
      day = eventDay;
      const nowMs = dayStart(day, zone);
      const history: HistoryRecord[] = [];
      for (const item of items) {
        const known = knownAt(item.record, nowMs);
        if (!known) break; // sorted by purchase: every later one is in the future too
        history.push(known);
      }
      assertNoFuture(history, nowMs);
      model = options.fit(history, new Date(nowMs));
      fittedAt = new Date(nowMs).toISOString();
    }
    if (!(dayStart(day, zone) <= atMs)) throw new Error(`walk-forward: ${event.at} is before its fit`);
    results.push({ event, prediction: options.predict(model, event), fittedAt });
  }
  return results;
}

/** The prediction moments of `items`: at purchase, and at hand-over for those with one between purchase and delivery. */
export function eventsOf<T extends WalkItem>(items: readonly T[], moments: readonly Moment[]): WalkEvent<T>[] {
  const events: WalkEvent<T>[] = [];
  for (const item of items) {
    const { placedAt, shippedAt, deliveredAt } = item.record;
    if (moments.includes('placed')) events.push({ item, moment: 'placed', at: placedAt });
    const shipped = shippedAt === undefined ? NaN : Date.parse(shippedAt);
    const handedOver =
      shipped >= Date.parse(placedAt) && (deliveredAt === undefined || shipped <= Date.parse(deliveredAt));
    if (moments.includes('shipped') && handedOver) events.push({ item, moment: 'shipped', at: shippedAt! });
  }
  return events;
}
