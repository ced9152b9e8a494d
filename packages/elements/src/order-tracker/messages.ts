import type { EstimateBasis } from '@trackline/core';
import { Catalog } from '../internal/languages.js';

/** The copy of `<order-tracker>`. Functions get values already formatted for the language. */
export interface TrackerMessages {
  /** Heading of the look-up form. */
  formTitle: string;
  formIntro: string;
  /** Legend of the choice between the two ways to look up. */
  lookupBy: string;
  byOrder: string;
  byTracking: string;
  orderNumber: string;
  contact: string;
  contactHint: string;
  trackingNumber: string;
  submit: string;
  orderNumberMissing: string;
  contactMissing: string;
  emailInvalid: string;
  postalCodeInvalid: string;
  trackingNumberMissing: string;
  trackingNumberInvalid: string;
  loading: string;
  notFound: string;
  notFoundTracking: string;
  network: string;
  invalidResponse: string;
  retry: string;
  trackAnother: string;
  /** `formatted` is a date and time. */
  lastUpdated: (formatted: string) => string;
  order: (orderNumber: string) => string;
  placed: (formatted: string) => string;
  noParcels: string;
  parcel: (index: number, count: number) => string;
  estimate: string;
  /** The estimate's date once the parcel is out for delivery. */
  today: string;
  basis: Record<EstimateBasis, (carrier: string, sampleSize: string | null) => string>;
  /** `percent` is already formatted (`80 %`); `window` is false for a single day. */
  confidence: (percent: string, window: boolean) => string;
  promised: string;
  carrier: string;
  trackingNumberShort: string;
  copy: string;
  copyLabel: (trackingNumber: string) => string;
  copied: string;
  copyFailed: string;
  carrierLink: (carrier: string) => string;
  /** The link to the carrier's page when the carrier has no name shoppers know (`other`). */
  unknownCarrierLink: string;
  /** Where a `carrier` estimate comes from when the carrier has no name shoppers know (`other`). */
  unknownCarrierEstimate: string;
  newTab: string;
  /** Announced by the live region when a parcel's status, or the problem that matters at it, changes. */
  statusChanged: (parcel: string, headline: string) => string;
}

/** Replacement copy: any message, and any single `basis` message (the others stay the language's own). */
export type TrackerMessageOverrides = Partial<Omit<TrackerMessages, 'basis'>> & {
  basis?: Partial<TrackerMessages['basis']>;
};

/**
 * The copy only the look-up uses (the form, its validation, the skeleton and the look-up's notices). Its English
 * comes with the look-up module (messages-lookup.ts), so a page that hands the element its data does not
 * download it; the other languages' files hold every key.
 */
export type LookupMessageKey =
  | 'formTitle'
  | 'formIntro'
  | 'lookupBy'
  | 'byOrder'
  | 'byTracking'
  | 'orderNumber'
  | 'contact'
  | 'contactHint'
  | 'trackingNumber'
  | 'submit'
  | 'orderNumberMissing'
  | 'contactMissing'
  | 'emailInvalid'
  | 'postalCodeInvalid'
  | 'trackingNumberMissing'
  | 'trackingNumberInvalid'
  | 'loading'
  | 'notFound'
  | 'notFoundTracking'
  | 'invalidResponse';

/** The copy a language's catalog holds: every key, except that the built-in English leaves out the look-up's. */
export type TrackerCopy = Omit<TrackerMessages, LookupMessageKey> & Partial<Pick<TrackerMessages, LookupMessageKey>>;

/** The English copy, built in (the look-up's is in messages-lookup.ts): every other language loads when a page first asks for it. */
export const en: Omit<TrackerMessages, LookupMessageKey> = {
  network: "We couldn't load the latest tracking information. Check your connection and try again.",
  retry: 'Try again',
  trackAnother: 'Track another order',
  lastUpdated: (t) => `Last updated ${t}`,
  order: (n) => `Order ${n}`,
  placed: (d) => `Placed on ${d}`,
  noParcels: "Your order hasn't shipped yet. You'll see each parcel here once it does.",
  parcel: (i, n) => `Parcel ${i} of ${n}`,
  estimate: 'Estimated delivery',
  today: 'Today',
  basis: {
    carrier: (c) => `Estimate from ${c}`,
    history: (_c, n) => (n ? `Based on ${n} recent deliveries` : 'Based on recent deliveries'),
    promise: () => 'The date the store gave',
  },
  confidence: (p, w) => (w ? `${p} chance it arrives in this window` : `${p} chance it arrives that day`),
  promised: 'Promised delivery',
  carrier: 'Carrier',
  trackingNumberShort: 'Tracking number',
  copy: 'Copy',
  copyLabel: (n) => `Copy tracking number ${n}`,
  copied: 'Copied',
  copyFailed: "Couldn't copy. Select the number and copy it.",
  carrierLink: (c) => `Track on the ${c} website`,
  unknownCarrierLink: "Track on the carrier's website",
  unknownCarrierEstimate: 'Estimate from the carrier',
  newTab: '(opens in a new tab)',
  statusChanged: (p, h) => `${p}: ${h}`,
};

/** `<order-tracker>`'s copy in every language: English now, the others with `import()` when a page asks for them. */
export const trackerCopy = new Catalog<TrackerCopy>(en, {
  es: () => import('./messages-es.js').then((module) => module.es),
  fr: () => import('./messages-fr.js').then((module) => module.fr),
  de: () => import('./messages-de.js').then((module) => module.de),
});
