import type { Place } from '../model/schemas.js';
import { TimeSource } from '../model/tracking-event.js';
import { zoneForPlace } from './zone-for-place.js';

// A wall time, optionally followed by its offset: `2024-04-26T07:50:00`, `2024-04-26 07:50-0500`.
const timePattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{1,2}:?\d{2})?$/i;

export interface EventTimeInput {
  /** The time as the carrier gave it: ISO 8601, with or without an offset (`2024-04-26T07:50:00`). */
  local: string;
  /** The offset the carrier gave separately (UPS `gmtOffset`: `-05:00`). */
  offset?: string;
  /** Where the event happened, to infer the zone when no offset is given. */
  location?: Place;
  /** The same instant in UTC, when the carrier also gives it (USPS `GMTTimestamp`). */
  utc?: string;
}

export interface EventTime {
  at: string;
  timeSource: TimeSource;
}

function normalizeOffset(offset: string): string | undefined {
  // `-05:00`, `-0500`, and `-7:00` (as USPS's own spec example writes it).
  const match = /^([+-])(\d{1,2}):?(\d{2})$/.exec(offset.trim());
  if (match) return `${match[1]}${match[2]!.padStart(2, '0')}:${match[3]}`;
  return /^z$/i.test(offset.trim()) ? '+00:00' : undefined;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Offsets change only at a zone's transitions, which fall on whole quarter hours, so an offset read
// once holds for its whole quarter hour. Intl's formatToParts is slow; this keeps carriers' many scans
// at the same few places cheap.
const quarterHour = 900_000;
const offsetCache = new Map<string, number>();

/** The offset (minutes east of UTC) that `zone` has at the instant `utcMs`. */
export function zoneOffsetAt(zone: string, utcMs: number): number {
  const key = `${zone}@${Math.floor(utcMs / quarterHour)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const offset = readZoneOffset(zone, utcMs);
  if (offsetCache.size >= 10_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

function readZoneOffset(zone: string, utcMs: number): number {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** The offset a wall-clock time has in `zone` (for a time that occurs twice, the later: standard time). */
function offsetForWallTime(zone: string, wallAsUtcMs: number): number {
  // Guess with the offset at the wall time read as UTC, then correct once: enough for every real zone.
  const first = zoneOffsetAt(zone, wallAsUtcMs);
  const second = zoneOffsetAt(zone, wallAsUtcMs - first * 60_000);
  return second;
}

// A carrier sends a parcel's whole history again with every update (a webhook per scan, each listing every
// scan so far), so the same few times at the same few places are read over and over: each answer is
// remembered, by everything it depends on. Reading one anew costs a pattern match, several strings and date
// parses, and a zone look-up; remembering it, one key and a look-up. Bounded twice: only inputs of a date-time's
// length are kept, and the whole memory is dropped once it holds `maxRemembered` answers.
const maxRemembered = 10_000;
const maxRememberedInput = 120;
const remembered = new Map<string, EventTime | null>();

/**
 * Turns a carrier's event time into an ISO 8601 instant that keeps the local offset, and says where
 * the offset came from. Order of trust: an offset in the time itself, given beside it, or implied by
 * the same instant in UTC (`carrier`); the zone of the event's location (`inferred`); the UTC instant alone (`utc`). With none of these, the
 * wall time is read as UTC and marked `utc`. Returns `undefined` for a time it cannot read.
 */
export function eventTime(input: EventTimeInput): EventTime | undefined {
  const zone = zoneForPlace(input.location);
  // The answer depends on these four alone (of the location, only its zone counts).
  const key = `${input.local ?? ''}\u0000${input.offset ?? ''}\u0000${input.utc ?? ''}\u0000${zone ?? ''}`;
  if (key.length > maxRememberedInput) return readEventTime(input, zone);
  let time = remembered.get(key);
  if (time === undefined) {
    time = readEventTime(input, zone) ?? null;
    if (remembered.size >= maxRemembered) remembered.clear();
    remembered.set(key, time);
  }
  // A copy: the caller may change what it is given without changing what the next caller gets.
  return time === null ? undefined : { at: time.at, timeSource: time.timeSource };
}

function readEventTime(input: EventTimeInput, zone: string | undefined): EventTime | undefined {
  const local = input.local?.trim() ?? '';
  const match = timePattern.exec(local);
  // Hour 24 and other out-of-range parts are not times a schema (or a shopper) can use.
  if (!match || Number(match[4]) > 23) {
    if (input.utc && !Number.isNaN(Date.parse(input.utc))) {
      return { at: new Date(input.utc).toISOString(), timeSource: TimeSource.utc };
    }
    return undefined;
  }
  const [, y, mo, d, h, mi, s = '00', fraction = '', ownOffset] = match;
  const wall = `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}`;
  if (ownOffset) {
    // Rebuilt from its parts, so `+0500` or a space before the time still gives a valid ISO 8601 instant.
    const offset = /^z$/i.test(ownOffset) ? 'Z' : normalizeOffset(ownOffset);
    if (!offset || Number.isNaN(Date.parse(`${wall}${offset}`))) return undefined;
    return { at: `${wall}${offset}`, timeSource: TimeSource.carrier };
  }
  const wallMs = Date.parse(`${wall}Z`);
  if (Number.isNaN(wallMs)) return undefined;

  const given = input.offset ? normalizeOffset(input.offset) : undefined;
  if (given) return { at: `${wall}${given}`, timeSource: TimeSource.carrier };

  if (input.utc) {
    const utcMs = Date.parse(input.utc);
    if (!Number.isNaN(utcMs)) {
      // The local wall time and the UTC instant together give the offset. Carriers may give one to the
      // minute and the other to the second (USPS: 13:58:00 against 18:58:40Z), so round to the quarter
      // hour every real offset is a multiple of; a pair further apart than that says nothing.
      const exact = (wallMs - utcMs) / 60_000;
      const minutes = Math.round(exact / 15) * 15;
      if (Math.abs(exact - minutes) <= 5 && Math.abs(minutes) <= 14 * 60) {
        return { at: `${wall}${formatOffset(minutes)}`, timeSource: TimeSource.carrier };
      }
    }
  }
  if (zone) {
    try {
      return { at: `${wall}${formatOffset(offsetForWallTime(zone, wallMs))}`, timeSource: TimeSource.inferred };
    } catch {
      // An unknown zone name: fall through to what else is known.
    }
  }
  return { at: `${wall}+00:00`, timeSource: TimeSource.utc };
}
