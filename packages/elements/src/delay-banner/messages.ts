import type { Messages } from '@trackline/core';
import { Catalog } from '../internal/languages.js';

export interface BannerMessages {
  /** Badge before the headline when the shopper must act. */
  actionRequired: string;
  /** Label of what happened. */
  whatHappened: string;
  /** Label of what happens next. */
  whatNext: string;
  /** Label of what the shopper can do. */
  whatToDo: string;
  /** Label of the new delivery date. */
  newDate: string;
  /** The most likely day inside a window; `day` is already formatted. */
  mostLikely: (day: string) => string;
  /** Text of the `contact-href` link. */
  contact: string;
  /** Text of the `carrier-href` link; `carrier` is the carrier's name, or `''` when it has none a shopper knows. */
  carrierLink: (carrier: string) => string;
  /** Replacement copy for `describeShipment` (headline, what happened, next, to do), by its message key. */
  describe?: Partial<Messages>;
}

/** The English copy, built in: every other language loads when a page first asks for it. */
export const en: BannerMessages = {
  actionRequired: 'Action needed',
  whatHappened: 'What happened',
  whatNext: 'What happens next',
  whatToDo: 'What you can do',
  newDate: 'New delivery date',
  mostLikely: (day) => `most likely ${day}`,
  contact: 'Contact the store',
  carrierLink: (carrier) => (carrier ? `Go to ${carrier}'s tracking page` : "Go to the carrier's tracking page"),
};

/** `<delay-banner>`'s copy in every language: English now, the others with `import()` when a page asks for them. */
export const bannerCopy = new Catalog<BannerMessages>(en, {
  es: () => import('./messages-es.js').then((module) => module.es),
  fr: () => import('./messages-fr.js').then((module) => module.fr),
  de: () => import('./messages-de.js').then((module) => module.de),
});
