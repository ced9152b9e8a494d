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

/**
 * A time of record `index` of a history as epoch milliseconds, NaN when it is left out; throws, naming the
 * record and the field (`scans[2]`), when it is there but not an instant we can read. A time that cannot be
 * read is not a missing one: a store whose export drops the offsets would otherwise get an empty model and no
 * word of why. `leaveOut` says when the field may be left out, for the error.
 */
export function historyTime(value: unknown, index: number, field: string, leaveOut?: string): number {
  if (value === undefined) return Number.NaN;
  const ms = typeof value === 'string' || value instanceof Date ? instantOf(value) : Number.NaN;
  if (ms === ms) return ms;
  const got =
    typeof value === 'string'
      ? JSON.stringify(value)
      : value instanceof Date
        ? 'an invalid Date'
        : value === null
          ? 'null'
          : `${typeof value} ${String(value)}`;
  // A date and time without an offset is how many databases give them out: say what is missing.
  const naive =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/.test(value) && !endsWithOffset.test(value.trim())
      ? ', which has no offset: add the one it was written in (Z for UTC), as its instant would otherwise depend on the machine'
      : '';
  throw new TracklineError(
    'invalid_response',
    `history[${index}].${field} must be an ISO 8601 date-time with its offset, such as 2024-05-14T20:00:00Z or 2024-05-14T13:00:00-07:00 (got ${got}${naive})${leaveOut ? `; leave it out ${leaveOut}` : ''}.`,
  );
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
