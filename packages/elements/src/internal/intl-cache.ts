// Building an Intl formatter costs far more than formatting with one, and a page renders the same few locales,
// zones and options again and again (every render of a timeline, every timeline of an order). Formatters are
// kept by locale and options, a bounded number of them, as the core's describeShipment keeps its own.

const LIMIT = 256;
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames | null>();

function kept<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>(
  key: string,
  create: () => T,
): T | null {
  let value = cache.get(key);
  if (value === undefined) {
    try {
      value = create();
    } catch {
      value = null; // a zone or locale this runtime does not know: remembered too, so it is not tried again
    }
    if (cache.size >= LIMIT) cache.clear();
    cache.set(key, value);
  }
  return value as T | null;
}

/** A kept `Intl.DateTimeFormat`, or null when the runtime refuses the options (an unknown time zone). */
export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat | null {
  return kept(`d|${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));
}

/** A kept `Intl.NumberFormat`, or null when the runtime refuses the options. */
export function numberFormat(tag: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat | null {
  return kept(`n|${tag}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options));
}

/** A kept `Intl.DisplayNames`, or null when the runtime has none. */
export function displayNames(tag: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames | null {
  return kept(`r|${tag}|${JSON.stringify(options)}`, () => new Intl.DisplayNames(tag, options));
}
