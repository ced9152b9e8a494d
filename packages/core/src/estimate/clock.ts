import { zoneOffsetAt } from '../time/event-time.js';
import { DAY_MS, parseInstant, readDay } from '../insights/instants.js';
import { TracklineError } from '../errors/trackline-error.js';

// How a date-time string names its offset: `Z`, `+02`, `+0200` or `+02:00` at its end.
const endsWithOffset = /(?:z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Milliseconds since the epoch of an instant given as a Date or an ISO 8601 string with its offset; NaN when
 * unreadable. A string without an offset is unreadable too: `Date.parse` would read it in the machine's time
 * zone, so a model fitted on a server and used in a browser would count the same order on different days.
 */
export function instantOf(value: Date | string | undefined): number {
  if (value === undefined) return Number.NaN;
  if (value instanceof Date) return value.getTime();
  const fast = parseInstant(value);
  if (fast === fast) return fast;
  return typeof value === 'string' && endsWithOffset.test(value.trim()) ? Date.parse(value) : Number.NaN;
}

export function requireInstant(value: Date | string, field: string): number {
  const ms = instantOf(value);
  if (!Number.isFinite(ms)) {
    throw new TracklineError(
      'invalid_response',
      `${field} is not a date-time we can read; pass a Date or an ISO 8601 string with its offset (2024-05-14T20:00:00Z, …-07:00).`,
    );
  }
  return ms;
}

/** Minutes east of UTC, or NaN for a zone the runtime does not know. */
export function safeOffset(zone: string, ms: number): number {
  try {
    return zoneOffsetAt(zone, ms);
  } catch {
    return Number.NaN;
  }
}

/** The local calendar day and hour of an instant written as an ISO string with its own offset. */
export function writtenLocal(iso: string): { day: number; hour: number } {
  const hour = Number(iso.slice(11, 13));
  return { day: readDay(iso), hour: hour === hour ? hour : 0 };
}

/** The local day number of `ms` at `offsetMinutes` east of UTC. */
export function localDay(ms: number, offsetMinutes: number): number {
  return Math.floor((ms + offsetMinutes * 60_000) / DAY_MS);
}

export function localHour(ms: number, offsetMinutes: number): number {
  const local = ms + offsetMinutes * 60_000;
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / 3_600_000);
}
