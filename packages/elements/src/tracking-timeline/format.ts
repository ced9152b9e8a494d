import { zoneOffsetAt, type Place, type TrackingEvent } from '@trackline/core';
import { dateTimeFormat, displayNames } from '../internal/intl-cache.js';
import { plainText } from '../internal/intl-locale.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

// The schema's date-time: the offset at the end is what the event's own wall clock read.
const OFFSET = /(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;

/** An event's instant and the wall clock it happened on: its own offset, or UTC when only UTC is known. */
export interface EventClock {
  ms: number;
  /** Minutes east of UTC. */
  offset: number;
  /** The calendar day on that wall clock, as whole days since 1970-01-01. */
  day: number;
}

export function readClock(event: Pick<TrackingEvent, 'at' | 'timeSource'>): EventClock | null {
  const ms = typeof event.at === 'string' ? Date.parse(event.at) : NaN;
  const m = Number.isFinite(ms) ? OFFSET.exec(event.at.trim()) : null;
  if (!m) return null;
  // A `utc` time says nothing about the local clock: show it as UTC rather than invent a zone.
  const offset = event.timeSource === 'utc' || m[1] ? 0 : (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
  return { ms, offset, day: Math.floor((ms + offset * MINUTE) / DAY) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `+05:30`, the offset as an Intl time zone id. */
const offsetId = (offset: number) =>
  `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;

/** `UTC+5:30`, for runtimes whose Intl does not take offsets as time zones. */
const offsetName = (offset: number) => {
  if (offset === 0) return 'UTC';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `UTC${offset < 0 ? '−' : '+'}${hours}${minutes ? `:${pad(minutes)}` : ''}`;
};

/** Title case for a name written in capitals (`FRESNO` → `Fresno`); `CA` and mixed case stay. */
function softenCapitals(text: string): string {
  if (text.length <= 3 || /\p{Ll}/u.test(text)) return text;
  return text.toLowerCase().replace(/(^|[\s'’.\-/(])(\p{L})/gu, (_, before: string, letter: string) => {
    return before + letter.toUpperCase();
  });
}

/**
 * Formats one timeline's days, times and places in one locale. Cheap to call on every render: the Intl
 * formatters behind it are kept across renders and elements (internal/intl-cache.ts).
 */
export function createTimelineFormat(tag: string, now = Date.now()) {
  const thisYear = new Date(now).getUTCFullYear();

  // Most events of a history share one or two zones: looked up once per timeline, not once per event.
  const clocks = new Map<string, Intl.DateTimeFormat | null>();
  const clockFormat = (timeZone: string, timeZoneName: 'short' | 'shortOffset') => {
    const key = `${timeZone} ${timeZoneName}`;
    let format = clocks.get(key);
    if (format === undefined) {
      // null for an unknown zone, or an engine without offset time zones
      format = dateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', timeZone, timeZoneName });
      clocks.set(key, format);
    }
    return format;
  };

  return {
    /** `Tuesday, May 7` (with the year when it is not this year). */
    day(day: number): string {
      const withYear = new Date(day * DAY).getUTCFullYear() !== thisYear;
      const format = dateTimeFormat(tag, {
        weekday: 'long',
        month: 'long',
        day: 'numeric',
        ...(withYear ? { year: 'numeric' } : {}),
        timeZone: 'UTC',
      });
      return format ? format.format(day * DAY) : new Date(day * DAY).toISOString().slice(0, 10);
    },

    /**
     * The time on the event's own clock with its zone: `10:50 AM PDT` when the place's IANA zone agrees with
     * the event's offset, else the offset itself (`10:50 AM GMT+2`).
     */
    time(clock: EventClock, zone?: string): string {
      if (zone) {
        let agrees = false;
        try {
          agrees = zoneOffsetAt(zone, clock.ms) === clock.offset;
        } catch {
          agrees = false; // not a zone this runtime knows
        }
        const named = agrees ? clockFormat(zone, 'short') : null;
        if (named) return named.format(clock.ms);
      }
      const byOffset =
        clock.offset === 0 ? clockFormat('UTC', 'short') : clockFormat(offsetId(clock.offset), 'shortOffset');
      if (byOffset) return byOffset.format(clock.ms);
      const wall = dateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
      const local = new Date(clock.ms + clock.offset * MINUTE);
      const text = wall ? wall.format(local) : local.toISOString().slice(11, 16);
      return `${text} ${offsetName(clock.offset)}`;
    },

    /** `Fresno, CA`; the country's name is added when it differs from `home` or is all there is. */
    place(place: Place | undefined, home: string | undefined): string {
      if (!place) return '';
      const city = softenCapitals(plainText(place.city));
      const region = plainText(place.region);
      const parts = [city, region && region.toLowerCase() !== city.toLowerCase() ? region : ''].filter(Boolean);
      const country = plainText(place.country);
      if (country && (parts.length === 0 || (home && country !== home))) {
        let name = country;
        try {
          name = displayNames(tag, { type: 'region' })?.of(country) ?? country;
        } catch {
          name = country; // not a region code Intl knows
        }
        parts.push(name);
      }
      return parts.length ? parts.join(', ') : plainText(place.label);
    },
  };
}

export type TimelineFormat = ReturnType<typeof createTimelineFormat>;
