import { zoneOffsetAt, type Place, type TrackingEvent } from '@trackline/core';
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

/** Formats one timeline's days, times and places in one locale; formatters are made once per zone. */
export function createTimelineFormat(tag: string, now = Date.now()) {
  const thisYear = new Date(now).getUTCFullYear();
  const dayFormats = new Map<boolean, Intl.DateTimeFormat>();
  const clockFormats = new Map<string, Intl.DateTimeFormat | null>();
  let regionNames: Intl.DisplayNames | null | undefined;

  function clockFormat(timeZone: string, timeZoneName: 'short' | 'shortOffset'): Intl.DateTimeFormat | null {
    const key = `${timeZone} ${timeZoneName}`;
    let format = clockFormats.get(key);
    if (format === undefined) {
      try {
        format = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', timeZone, timeZoneName });
      } catch {
        format = null; // an unknown zone, or an engine without offset time zones
      }
      clockFormats.set(key, format);
    }
    return format;
  }

  return {
    /** `Tuesday, May 7` (with the year when it is not this year). */
    day(day: number): string {
      const withYear = new Date(day * DAY).getUTCFullYear() !== thisYear;
      let format = dayFormats.get(withYear);
      if (!format) {
        format = new Intl.DateTimeFormat(tag, {
          weekday: 'long',
          month: 'long',
          day: 'numeric',
          year: withYear ? 'numeric' : undefined,
          timeZone: 'UTC',
        });
        dayFormats.set(withYear, format);
      }
      return format.format(day * DAY);
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
      const wall = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
      return `${wall.format(clock.ms + clock.offset * MINUTE)} ${offsetName(clock.offset)}`;
    },

    /** `Fresno, CA`; the country's name is added when it differs from `home` or is all there is. */
    place(place: Place | undefined, home: string | undefined): string {
      if (!place) return '';
      const city = softenCapitals(plainText(place.city));
      const region = plainText(place.region);
      const parts = [city, region && region.toLowerCase() !== city.toLowerCase() ? region : ''].filter(Boolean);
      const country = plainText(place.country);
      if (country && (parts.length === 0 || (home && country !== home))) {
        if (regionNames === undefined) {
          try {
            regionNames = new Intl.DisplayNames(tag, { type: 'region' });
          } catch {
            regionNames = null;
          }
        }
        let name = country;
        try {
          name = regionNames?.of(country) ?? country;
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
