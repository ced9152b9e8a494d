import { resolveLocale, type DescribeLocale } from '@trackline/core';

export interface PickedLocale {
  /** The language of the copy: `en`, `es`, `fr` or `de` (the core's `resolveLocale`). */
  language: DescribeLocale;
  /** The tag to format dates and numbers with: the caller's own (`fr-CA`, `en-GB`) when valid and of `language`. */
  tag: string;
}

/**
 * The language of an element's copy and the tag its dates are formatted with. `requested` is the element's
 * `locale`; without one, the nearest `lang` in the element's own tree (an element inside another's shadow root
 * gets its `locale` from that element instead).
 */
export function pickLocale(element: Element, requested: string | undefined): PickedLocale {
  const wanted = requested ?? element.closest('[lang]')?.getAttribute('lang') ?? undefined;
  const language = resolveLocale(wanted);
  if (!wanted) return { language, tag: language };
  try {
    const [tag] = Intl.getCanonicalLocales(wanted.trim().replace(/_/g, '-'));
    // Of the copy's language itself: a page in Hebrew gets English copy, so English dates and day names too.
    return { language, tag: tag && tag.split('-')[0] === language ? tag : language };
  } catch {
    return { language, tag: language };
  }
}

// Control, zero-width and bidi-override characters could reorder or hide the text around carrier text
// (the same set the core's describeShipment removes).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** Carrier text made safe to show as one line of plain text. It is still rendered through a text binding, never as HTML. */
export function plainText(value: unknown): string {
  return typeof value === 'string' ? value.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim() : '';
}
