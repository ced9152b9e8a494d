import type { Milestone, ProblemReason } from '@trackline/core';
import { Catalog } from '../internal/languages.js';

export interface ProgressMessages {
  /** Accessible name of the list of steps. */
  label: string;
  /** The steps on the way to the shopper. */
  steps: Record<Milestone, string>;
  /** The out-for-delivery step of a parcel sent to a pickup point (the core's headline for it). */
  pickup: string;
  /** The last step of a parcel collected from a pickup point. */
  collected: string;
  /** The last step of a parcel on its way back, in place of the steps it will no longer reach. */
  returning: string;
  /** The last step of a parcel back at the sender. */
  returned: string;
  /** The last step of a cancelled shipment. */
  cancelled: string;
  /** The note under the current step that names its problem, one per reason. */
  problems: Record<ProblemReason, string>;
  /** Added to the note when the shopper must act. */
  actionRequired: string;
}

/** The English copy, built in: every other language loads when a page first asks for it. */
export const en: ProgressMessages = {
  label: 'Delivery progress',
  steps: {
    ordered: 'Ordered',
    packed: 'Packed',
    shipped: 'Shipped',
    out_for_delivery: 'Out for delivery',
    delivered: 'Delivered',
  },
  pickup: 'Ready for pickup',
  collected: 'Collected',
  // The core's headline words for a return, so the steps, the banner and the tracker's headline agree.
  returning: 'Returning to the store',
  returned: 'Returned to the store',
  cancelled: 'Cancelled',
  problems: {
    delayed: 'Delayed',
    weather: 'Delayed by weather',
    failed_attempt: 'Delivery attempt missed',
    address: 'Problem with the address',
    customs: 'Held in customs',
    payment_due: 'Payment needed',
    damaged: 'Damaged',
    lost: 'Lost',
    held: 'On hold',
    refused: 'Delivery refused',
    stalled: 'No recent updates',
    other: 'Delivery problem',
  },
  actionRequired: 'Needs your action',
};

/** `<tracking-progress>`'s copy in every language: English now, the others with `import()` when a page asks for them. */
export const progressCopy = new Catalog<ProgressMessages>(en, {
  es: () => import('./messages-es.js').then((module) => module.es),
  fr: () => import('./messages-fr.js').then((module) => module.fr),
  de: () => import('./messages-de.js').then((module) => module.de),
});
