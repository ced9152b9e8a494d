import { zoneOffsetAt } from '../time/event-time.js';

// Reading times fast. `summarize` reads up to three timestamps of each of a million shipments, and
// `Date.parse` costs about three times this hand-written reader of the one format the data model
// allows (ISO 8601 with an offset). Calendar days are whole numbers of days since 1970-01-01.

export const DAY_MS = 86_400_000;

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
export function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return (
    era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468
  );
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The calendar day written at the start of `s` (`2024-04-26…`), or NaN when there is none. */
export function readDay(s: unknown): number {
  // Not a string (a caller without types, stored JSON): as unreadable as a malformed one.
  if (typeof s !== 'string' || s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const year = two(s, 0) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (!(month >= 1 && month <= 12 && day >= 1)) return Number.NaN; // also false for NaN
  if (day > (month === 2 && isLeap(year) ? 29 : monthDays[month - 1]!)) return Number.NaN;
  return epochDay(year, month, day);
}

/** A `YYYY-MM-DD` calendar date as a day number, or NaN. */
export function parseDay(s: string | undefined): number {
  return s !== undefined && s.length === 10 ? readDay(s) : Number.NaN;
}

/**
 * An ISO 8601 date-time with an offset (`2024-04-26T07:50:00-07:00`, `…:00.123Z`, `…+0200`) as
 * milliseconds since the epoch; NaN for anything else, including a time without an offset, whose
 * instant would depend on the machine.
 */
export function parseInstant(s: string | undefined): number {
  if (s === undefined || s.length < 17) return Number.NaN;
  const day = readDay(s);
  const t = s.charCodeAt(10);
  if (!(t === 84 || t === 116 || t === 32) || s.charCodeAt(13) !== 58) return Number.NaN; // T, t or space; ':'
  const hour = two(s, 11);
  const minute = two(s, 14);
  let i = 16;
  let second = 0;
  let fraction = 0;
  if (s.charCodeAt(i) === 58) {
    second = two(s, 17);
    i = 19;
    if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) {
      i++;
      let scale = 100;
      for (let c = digit(s, i); c === c; c = digit(s, ++i)) {
        fraction += c * scale;
        scale /= 10;
      }
    }
  }
  let offset: number;
  const sign = s.charCodeAt(i);
  if (sign === 90 || sign === 122) {
    if (i + 1 !== s.length) return Number.NaN;
    offset = 0;
  } else if (sign === 43 || sign === 45) {
    const colon = s.charCodeAt(i + 3) === 58 ? 1 : 0;
    if (i + 5 + colon !== s.length) return Number.NaN;
    offset = (sign === 45 ? -1 : 1) * (two(s, i + 1) * 60 + two(s, i + 3 + colon));
  } else {
    return Number.NaN;
  }
  if (!(hour <= 23 && minute <= 59 && second <= 60 && Math.abs(offset) <= 18 * 60)) return Number.NaN;
  return day * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000 + Math.floor(fraction);
}

/**
 * Offsets of time zones, remembered per UTC day: a zone changes its offset at most once a day, so
 * where a day starts and ends with the same offset that offset holds all day, and only the few days
 * with a transition ask `Intl` at the exact instant. One instance per `summarize` call.
 */
export class ZoneOffsets {
  private readonly zones = new Map<string, Map<number, number> | null>();

  /** Minutes east of UTC in `zone` at `ms`, or NaN when the zone is unknown to the runtime. */
  offsetAt(zone: string, ms: number): number {
    let days = this.zones.get(zone);
    if (days === undefined) {
      days = this.valid(zone) ? new Map() : null;
      this.zones.set(zone, days);
    }
    if (days === null) return Number.NaN;
    const day = Math.floor(ms / DAY_MS);
    const start = this.dayStart(zone, days, day);
    const end = this.dayStart(zone, days, day + 1);
    if (start === end) return start;
    return this.exact(zone, ms);
  }

  private valid(zone: string): boolean {
    try {
      zoneOffsetAt(zone, 0);
      return true;
    } catch {
      return false;
    }
  }

  private dayStart(zone: string, days: Map<number, number>, day: number): number {
    let offset = days.get(day);
    if (offset === undefined) {
      offset = this.exact(zone, day * DAY_MS);
      days.set(day, offset);
    }
    return offset;
  }

  private exact(zone: string, ms: number): number {
    try {
      return zoneOffsetAt(zone, ms);
    } catch {
      return Number.NaN; // an instant outside what Date can hold
    }
  }
}
