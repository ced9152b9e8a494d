import type { DateWindow } from '@trackline/core';

const cache = new Map<string, TrackerFormat>();

/** The formats of one locale, made once: building `Intl` formatters costs more than using them. */
export function trackerFormat(tag: string): TrackerFormat {
  let format = cache.get(tag);
  if (!format) cache.set(tag, (format = createTrackerFormat(tag)));
  return format;
}

/** Formats `<order-tracker>`'s dates and numbers in one locale, with `Intl` only. */
function createTrackerFormat(tag: string) {
  // Calendar dates (`YYYY-MM-DD`) are days, not instants: formatted at UTC noon in UTC so no zone moves them.
  const day = new Intl.DateTimeFormat(tag, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'long' });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat(tag);

  const calendarDay = (value: string): Date | null => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : null;
  };

  // `formatRange` is the slowest call of a render (about half a millisecond in Chromium), and a page shows the
  // same few windows on every render: their text is kept, a bounded number of them.
  const windows = new Map<string, { text: string; window: boolean } | null>();
  const formatWindow = (value: DateWindow) => {
    const from = calendarDay(value.earliest);
    const to = calendarDay(value.latest);
    if (!from || !to) return null;
    if (from.getTime() >= to.getTime()) return { text: day.format(from), window: false };
    return { text: day.formatRange(from, to), window: true };
  };

  return {
    /** `Tue, May 7` or `Tue, May 7 – Thu, May 9`; null when a date is unreadable. */
    window(value: DateWindow): { text: string; window: boolean } | null {
      const key = `${value.earliest}/${value.latest}`;
      let text = windows.get(key);
      if (text === undefined) {
        text = formatWindow(value);
        if (windows.size >= 64) windows.clear();
        windows.set(key, text);
      }
      return text;
    },
    /** An instant (`2024-05-07T10:50:00-07:00` or a Date) as a date and time in the shopper's zone. */
    dateTime(value: Date): string {
      return dateTime.format(value);
    },
    /** An ISO date-time as a date in the shopper's zone; '' when unreadable. */
    date(value: string): string {
      const ms = Date.parse(value);
      return Number.isFinite(ms) ? date.format(ms) : '';
    },
    percent: (value: number) => percent.format(value),
    count: (value: number) => count.format(value),
  };
}

export type TrackerFormat = ReturnType<typeof createTrackerFormat>;
