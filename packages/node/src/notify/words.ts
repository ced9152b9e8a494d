import { describeShipment, resolveLocale, type DescribeLocale, type Shipment } from '@trackline/core';
import { notifyCopy, type NotifyCopy } from './copy.js';
import { latestEvent } from '../milestones.js';
import { MessageKind } from './types.js';

/** What one message says, in plain text: the shopper's three questions and a headline. */
export interface Words {
  language: DescribeLocale;
  copy: NotifyCopy;
  headline: string;
  happened: string;
  next: string;
  /** What the shopper should do, or null when nothing. */
  todo: string | null;
}

// Control, zero-width and bidi-override characters could hide or reorder the text around them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** Untrusted text (a carrier's scan description, a place name) as one short line of plain text. */
export function plainText(value: unknown, max = 200): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** A place name as the core's copy writes it: `FRESNO` becomes `Fresno`, while `CA` stays. */
function placeName(value: unknown): string {
  const text = plainText(value, 60);
  if (text.length <= 3 || /\p{Ll}/u.test(text)) return text;
  return text
    .toLowerCase()
    .replace(/(^|[\s'’.\-/(])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** Where the parcel's newest scan was, as `City, Region`, or ''. */
export function latestPlace(shipment: Shipment | undefined): string {
  const place = latestEvent(shipment)?.location;
  const city = placeName(place?.city);
  const region = placeName(place?.region);
  if (city && region && city.toLowerCase() !== region.toLowerCase()) return `${city}, ${region}`;
  return city || region || placeName(place?.label);
}

/**
 * The words for one message: the core's `describeShipment` in the shopper's language, with the
 * notifier's own headline where a kind says more than the parcel's state (the milestone, a new date).
 */
export function wordsFor(
  kind: MessageKind,
  shipment: Shipment | undefined,
  locale: string | undefined,
  now: number,
  orderNumber: string,
): Words {
  const language = resolveLocale(locale);
  const copy = notifyCopy[language];
  if (kind === MessageKind.orderConfirmed || !shipment) {
    return {
      language,
      copy,
      headline: copy.orderConfirmed.headline,
      happened: copy.orderConfirmed.happened(orderNumber),
      next: copy.orderConfirmed.next,
      todo: null,
    };
  }
  const described = describeShipment(shipment, { locale, now: new Date(now) });
  const words: Words = {
    language,
    copy,
    headline: described.headline,
    happened: described.whatHappened,
    next: described.whatNext,
    todo: described.whatToDo,
  };
  if (kind === MessageKind.arriving) {
    const place = latestPlace(shipment);
    words.headline = copy.arriving.headline;
    if (place) words.happened = copy.arriving.happened(place);
  } else if (kind === MessageKind.delay && !shipment.problem) {
    words.headline = copy.newDate;
  }
  return words;
}
