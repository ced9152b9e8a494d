import { TracklineError } from '../errors/trackline-error.js';
import { parseDay } from '../insights/instants.js';
import type { WorkCalendar } from './calendar.js';
import type { SerializedCarrierError } from './types.js';

// How far off a carrier's own delivery dates were: for each delivered record that kept the date the
// carrier gave, the signed working days from that date to the real delivery (positive: later than the
// carrier said). Unlike handling and transit nothing is censored here: a parcel still on its way has
// an error that is not known yet, so only delivered records count.

/**
 * Errors past this many working days either way count as this many: a date a month off already says
 * the carrier's dates are not to be trusted, and the tables stay small.
 */
export const maxCarrierError = 20;

/**
 * Calendar days that always hold more than `maxCarrierError` working days (weekends and a few holidays
 * leave well over 20 in 60): a carrier's day further than this from the delivery is moved this near
 * before counting, so a date years off costs no more than one a month off.
 */
const farCalendarDays = 3 * maxCarrierError;

/**
 * The signed working days from the carrier's day to the delivery day (positive: delivered later than
 * the carrier said), within ±`maxCarrierError`. A carrier's day that is not a working day counts from
 * the next working day, as the estimate reads it, so the fit and the estimate measure the error alike.
 */
export function carrierErrorOf(calendar: WorkCalendar, carrierDay: number, deliveryDay: number): number {
  const near = Math.max(deliveryDay - farCalendarDays, Math.min(deliveryDay + farCalendarDays, carrierDay));
  const day = calendar.onOrAfter(near);
  const error = deliveryDay >= day ? calendar.count(day, deliveryDay) : -calendar.count(deliveryDay, day);
  return Math.max(-maxCarrierError, Math.min(maxCarrierError, error));
}

/**
 * How far ahead a carrier's date was given, in working days to the carrier's day, split where its errors
 * differ: a date for tomorrow is rarely off by much, one a week ahead can be off by days. Each bucket is
 * named by its first lead: 0–1, 2–3, 4 and more.
 */
export const leadBuckets: readonly number[] = [0, 2, 4];

/** The index in `leadBuckets` of a lead in working days. */
export function leadBucket(lead: number): number {
  let bucket = 0;
  while (bucket + 1 < leadBuckets.length && lead >= leadBuckets[bucket + 1]!) bucket++;
  return bucket;
}

/**
 * Working days from `from` to the carrier's day (a day off work: the next working day), 0 when the carrier's
 * day is not after it. A carrier's day further than a few weeks counts as that far: it is in the last
 * bucket either way, and counting out to a date years away would take a long while.
 */
export function leadOf(calendar: WorkCalendar, from: number, carrierDay: number): number {
  return calendar.count(from, calendar.onOrAfter(Math.min(carrierDay, from + farCalendarDays)));
}

/** Weighted carrier-date errors by signed working day, filled record by record and summed up the back-off levels. */
export class CarrierErrorCounts {
  /** Weight of each error; index `i` is the error `i - maxCarrierError`. */
  private readonly weights = new Float64Array(2 * maxCarrierError + 1);
  weight = 0;

  add(error: number, w: number): void {
    const clamped = Math.max(-maxCarrierError, Math.min(maxCarrierError, error));
    this.weights[clamped + maxCarrierError]! += w;
    this.weight += w;
  }

  merge(other: CarrierErrorCounts): void {
    for (let i = 0; i < other.weights.length; i++) this.weights[i]! += other.weights[i]!;
    this.weight += other.weight;
  }

  /** The distribution as the model stores it, trimmed to the errors seen; undefined when there are none. */
  serialize(lead: number, round: (value: number, scale: number) => number): SerializedCarrierError | undefined {
    if (!(this.weight > 0)) return undefined;
    let first = 0;
    while (this.weights[first] === 0) first++;
    let last = this.weights.length - 1;
    while (this.weights[last] === 0) last--;
    const pmf: number[] = [];
    for (let i = first; i <= last; i++) pmf.push(round(this.weights[i]! / this.weight, 1e6));
    return { lead, n: round(this.weight, 100), from: first - maxCarrierError, pmf };
  }
}

/** The errors of carrier dates kept apart by how far ahead each date was given (see `leadBuckets`). */
export class CarrierErrorsByLead {
  private readonly buckets = leadBuckets.map(() => new CarrierErrorCounts());

  /** One carrier date given `lead` working days ahead of its day, off by `error` working days. */
  add(lead: number, error: number, w: number): void {
    this.buckets[leadBucket(lead)]!.add(error, w);
  }

  merge(other: CarrierErrorsByLead): void {
    for (let i = 0; i < this.buckets.length; i++) this.buckets[i]!.merge(other.buckets[i]!);
  }

  /** One table per bucket that has records, as the model stores them; undefined when none has. */
  serialize(round: (value: number, scale: number) => number): SerializedCarrierError[] | undefined {
    const tables: SerializedCarrierError[] = [];
    for (let i = 0; i < this.buckets.length; i++) {
      const table = this.buckets[i]!.serialize(leadBuckets[i]!, round);
      if (table) tables.push(table);
    }
    return tables.length > 0 ? tables : undefined;
  }
}

/**
 * The carrier's day of a history record as a day number, undefined when it has none; throws, naming
 * the record, when it is there but not a calendar date.
 */
export function carrierDayOf(value: unknown, index: number): number | undefined {
  if (value === undefined) return undefined;
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseDay(value) : Number.NaN;
  if (day !== day) {
    throw new TracklineError(
      'invalid_response',
      `history[${index}].carrierEstimate must be the carrier's delivery day as a calendar date YYYY-MM-DD in the destination's time zone, such as 2024-05-16 (got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}); leave it out when the carrier gave no date.`,
    );
  }
  return day;
}
