import type { DescribeLocale } from './types.js';

/** Picks the language for a BCP 47 tag by its primary subtag (`es-MX` → `es`); anything else is English. */
export function resolveLocale(locale?: string): DescribeLocale {
  const language = typeof locale === 'string' ? locale.trim().split(/[-_]/)[0]?.toLowerCase() : undefined;
  return language === 'es' || language === 'fr' || language === 'de' ? language : 'en';
}

/**
 * The tag to format dates with: the caller's own (`fr-CA` writes `10 h 50`, `en-GB` writes `7 May`) when it is
 * valid and of the chosen language, else the bare language.
 */
export function formattingLocale(locale: unknown, language: DescribeLocale): string {
  if (typeof locale !== 'string') return language;
  try {
    const [tag] = Intl.getCanonicalLocales(locale.trim().replace(/_/g, '-'));
    // Of the chosen language itself: a page in Italian gets English copy, so English dates, not `oggi` in it.
    return tag && tag.split('-')[0] === language && Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0
      ? tag
      : language;
  } catch {
    return language;
  }
}
