// Wall-clock times of one zone (the Olist files give Brazil's local time without an offset) as
// ISO 8601 instants with their offset, and the local day an instant falls on.
import { zoneOffsetAt } from '../../packages/core/src/time/event-time.js';

export const brazil = 'America/Sao_Paulo';
const minute = 60_000;
const day = 86_400_000;

const wallPattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The instant (ms) of a wall time `YYYY-MM-DD HH:MM[:SS]` in `zone`; a time skipped by DST moves forward. */
export function wallToMs(wall: string, zone = brazil): number | undefined {
  const m = wallPattern.exec(wall.trim());
  if (!m) return undefined;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  // Guess with the offset at the wall time read as UTC, then correct once.
  const first = zoneOffsetAt(zone, asUtc - zoneOffsetAt(zone, asUtc) * minute);
  const ms = asUtc - first * minute;
  // In the hour DST skips (Brazil: 00:00–01:00), no instant has this wall time: take the one an hour later.
  return isoAt(ms, zone).slice(0, 10) < wall.slice(0, 10) ? ms + 60 * minute : ms;
}

/** `ms` as `YYYY-MM-DDTHH:MM:SS±HH:MM` in the local time of `zone`. */
export function isoAt(ms: number, zone = brazil): string {
  const offset = zoneOffsetAt(zone, ms);
  const local = new Date(ms + offset * minute).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A wall time of `zone` as an ISO instant with its offset, or undefined when empty or unreadable. */
export function wallToIso(wall: string, zone = brazil): string | undefined {
  const ms = wallToMs(wall, zone);
  return ms === undefined ? undefined : isoAt(ms, zone);
}

/** The local day (`YYYY-MM-DD`) of the instant `ms` in `zone`. */
export function localDay(ms: number, zone = brazil): string {
  return isoAt(ms, zone).slice(0, 10);
}

/** The first instant of the local day `YYYY-MM-DD` in `zone`. */
export function dayStart(date: string, zone = brazil): number {
  return wallToMs(`${date} 00:00:00`, zone)!;
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / day);
}

/** `date` (`YYYY-MM-DD`) moved by `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date.slice(0, 10)) + days * day).toISOString().slice(0, 10);
}
