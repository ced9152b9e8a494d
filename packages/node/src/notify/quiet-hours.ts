import { zoneOffsetAt } from '@trackline/core';
import type { QuietHours } from './types.js';

// Quiet hours are wall-clock times in the shopper's zone, so they move with daylight saving time:
// 08:00 in New York is 13:00 UTC in winter and 12:00 UTC in summer. Offsets come from Intl (through
// the core's `zoneOffsetAt`), which knows every IANA zone's history.

const MINUTE = 60_000;
const DAY = 86_400_000;

export const defaultQuietHours: QuietHours = { start: '21:00', end: '08:00' };

/** `HH:MM` as minutes after midnight; throws on anything else, so a typo in the options is found at start-up. */
export function parseClock(value: string): number {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!m) throw new TypeError(`Quiet hours must be written as HH:MM (24-hour), such as 21:00; got "${value}".`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** True when the runtime knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The instant at which the wall clock of `zone` shows `minutes` after midnight on the local day `day` (days since 1970-01-01). */
function wallTimeToInstant(zone: string, day: number, minutes: number): number {
  const wall = day * DAY + minutes * MINUTE;
  // Read the offset at the wall time taken as UTC, then once more at the instant that gives: enough
  // for every real zone, except a wall time that a spring-forward skips. There the instant read with the
  // later offset falls before the change, on the clock an hour too early (still inside the quiet hours);
  // the earlier offset gives the instant as far past the gap's end as the wall time was past its start.
  const first = zoneOffsetAt(zone, wall);
  const second = zoneOffsetAt(zone, wall - first * MINUTE);
  const instant = wall - second * MINUTE;
  return zoneOffsetAt(zone, instant) === second ? instant : Math.max(instant, wall - first * MINUTE);
}

/**
 * When an SMS planned at `at` may go out: `at` itself outside quiet hours, else the end of the quiet
 * hours in `zone`. A window whose start is after its end (21:00–08:00) runs over midnight.
 */
export function endOfQuietHours(at: number, zone: string, quiet: QuietHours): number {
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  if (start === end) return at;
  const local = at + zoneOffsetAt(zone, at) * MINUTE;
  const day = Math.floor(local / DAY);
  const clock = Math.floor((local - day * DAY) / MINUTE);
  const overnight = start > end;
  const quietNow = overnight ? clock >= start || clock < end : clock >= start && clock < end;
  if (!quietNow) return at;
  // Before midnight in an overnight window, the quiet hours end tomorrow.
  const endDay = overnight && clock >= start ? day + 1 : day;
  return Math.max(at, wallTimeToInstant(zone, endDay, end));
}
