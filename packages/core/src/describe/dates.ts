import type { DateRangeText, DayText, TimeText } from './types.js';

// Every calendar day is handled as a whole number of days since 1970-01-01 and formatted as UTC, so a
// `YYYY-MM-DD` never shifts by the machine's time zone. Instants are turned into such a day in a chosen zone.

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Where wall-clock time is read: an IANA time zone, or a fixed offset from UTC in minutes. */
export type Zone = string | number;

/** A moment, with the UTC offset (minutes) its ISO string was written in. */
export interface Instant {
  ms: number;
  offset: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)$/i;

function epochDay(year: number, month: number, day: number): number | null {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads 0024 as 1924
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.getTime() / DAY : null;
}

/** A `YYYY-MM-DD` calendar date as a day number, or null when it is not a real date. */
export function parseDay(value: unknown): number | null {
  const m = typeof value === 'string' ? DATE.exec(value.trim()) : null;
  return m ? epochDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * Reading a shipment reads every event's time to find the latest, and a page describes the same parcel on every
 * render (a 200-scan history is 200 parses each time): parsed times are kept, a bounded number of them.
 */
const instants = new Map<string, Readonly<Instant> | null>();

/** An ISO 8601 date-time with an offset; null without an offset, since its moment would depend on the machine. */
export function parseInstant(value: unknown): Readonly<Instant> | null {
  if (typeof value !== 'string') return null;
  if (value.length > 64) return readInstant(value); // longer than any date-time: not worth keeping
  let instant = instants.get(value);
  if (instant === undefined) {
    instant = readInstant(value);
    if (instants.size >= 4096) instants.clear();
    instants.set(value, instant);
  }
  return instant;
}

function readInstant(value: string): Instant | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const day = epochDay(Number(m[1]), Number(m[2]), Number(m[3]));
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  const offset = m[7] ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0));
  if (day === null || hour > 23 || minute > 59 || second > 60 || Math.abs(offset) > 18 * 60) return null;
  return { ms: day * DAY + (hour * 60 + minute - offset) * MINUTE + second * 1000, offset };
}

/**
 * Building an `Intl.DateTimeFormat` costs far more than formatting with one, and a page describes many
 * shipments in the same few locales and zones: formatters are kept, a bounded number of them.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    if (formatters.size >= 256) formatters.clear();
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** The IANA zone when the runtime knows it, else null. */
export function timeZoneOf(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    dateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    return null;
  }
}

/** The calendar day a moment falls on in a zone. */
export function dayIn(ms: number, zone: Zone): number {
  if (typeof zone === 'number') return Math.floor((ms + zone * MINUTE) / DAY);
  const parts = dateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return epochDay(part('year'), part('month'), part('day')) ?? Math.floor(ms / DAY);
}

const yearOf = (day: number) => new Date(day * DAY).getUTCFullYear();

/**
 * ICU versions disagree on thin and no-break spaces (`10:50\u202fAM`, `May 7\u2009–\u2009Thu`); plain spaces make
 * the text the same in every browser and Node version.
 */
const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

/** Formats days and times in one locale, relative to one "now". */
export function createDates(locale: string, now: number) {
  const thisYear = yearOf(Math.floor(now / DAY));
  const dayFormat = (withYear: boolean) =>
    dateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: withYear ? 'numeric' : undefined,
      timeZone: 'UTC',
    });

  /** `today`/`tomorrow`/`yesterday` when `today` is known and close, else `Tue, May 7`. */
  function day(value: number, today: number | null, allowRelative = true): DayText {
    const diff = today === null ? NaN : value - today;
    if (allowRelative && Math.abs(diff) <= 1 && typeof Intl.RelativeTimeFormat === 'function') {
      return {
        text: plain(new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(diff, 'day')),
        relative: true,
      };
    }
    return { text: plain(dayFormat(yearOf(value) !== thisYear).format(value * DAY)), relative: false };
  }

  /**
   * `10:50 AM`, or `10:50 AM EDT` with `named` (for a named zone only; a fixed offset has no name). The name is put
   * after the time as written without it: with a zone name, German and French pad the hour (`08:02 GMT-7`).
   */
  const clock = (ms: number, zone: Zone, named?: boolean) => {
    const timeZone = typeof zone === 'string' ? zone : 'UTC';
    const at = typeof zone === 'string' ? ms : ms + zone * MINUTE;
    const text = plain(dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(at));
    const name = named
      ? dateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
          .formatToParts(at)
          .find((part) => part.type === 'timeZoneName')?.value
      : undefined;
    return name ? `${text} ${plain(name)}` : text;
  };

  /**
   * A moment on the wall clock of `zone`; with no zone (a UTC-only time), the day alone. In a named zone, the time
   * names it when a clock at offset `own` (where the moment is shown elsewhere, such as its scan's) reads otherwise.
   */
  function time(instant: Instant, zone: Zone | null, own?: number): TimeText {
    const today = zone === null ? null : dayIn(now, zone);
    const value = dayIn(instant.ms, zone ?? 0);
    let text = zone === null ? '' : clock(instant.ms, zone);
    if (typeof zone === 'string' && own !== undefined) {
      if (clock(instant.ms, own) !== text || dayIn(instant.ms, own) !== value) text = clock(instant.ms, zone, true);
    }
    return { ...day(value, today), time: text, today: value === today };
  }

  function range(from: number, to: number, likely: number | null, today: number | null): DateRangeText {
    if (from === to) {
      const one = day(from, today);
      return { from: one, to: one, likely: null, range: one.text, window: false };
    }
    const format = dayFormat(yearOf(from) !== thisYear || yearOf(to) !== thisYear);
    const text = plain(
      typeof format.formatRange === 'function'
        ? format.formatRange(from * DAY, to * DAY)
        : `${format.format(from * DAY)} – ${format.format(to * DAY)}`,
    );
    return {
      from: day(from, today, false),
      to: day(to, today, false),
      likely: likely !== null && likely >= from && likely <= to ? day(likely, today) : null,
      range: text,
      window: true,
    };
  }

  return { day, time, range };
}
