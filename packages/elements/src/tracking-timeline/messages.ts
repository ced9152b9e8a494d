import type { ProblemReason, Status } from '@trackline/core';
import { Catalog } from '../internal/languages.js';

export interface TimelineMessages {
  /** Accessible name of the list of events. */
  label: string;
  /** Shown when the carrier has sent no events yet. */
  empty: string;
  /** The button that shows every event; `count` is already formatted for the locale. */
  showAll: (count: string) => string;
  /** The same button once every event shows. */
  showFewer: string;
  /** Accessible name of the button that opens an event's tooltip. */
  details: string;
  /** Tooltip label before the carrier's raw code. */
  code: string;
  /** Tooltip label before the carrier's own text. */
  text: string;
  /** Tooltip label before the status Trackline read from the code. */
  status: string;
  /** Added to an event's problem when the shopper must act. */
  actionRequired: string;
  /** Heading of events whose time cannot be read. */
  unknownDate: string;
  /** An event's stage, shown when the carrier gave no text and in the tooltip. */
  statuses: Record<Status, string>;
  /** An event's problem, shown in text on the event (never by colour alone). */
  problems: Record<ProblemReason, string>;
}

/** Replacement copy: any message, and any single status or problem label. */
export type TimelineMessageOverrides = Partial<Omit<TimelineMessages, 'statuses' | 'problems'>> & {
  statuses?: Partial<Record<Status, string>>;
  problems?: Partial<Record<ProblemReason, string>>;
};

/** The English copy, built in: every other language loads when a page first asks for it. */
export const en: TimelineMessages = {
  label: 'Tracking history',
  empty: 'No tracking updates yet.',
  showAll: (count) => `Show all ${count} updates`,
  showFewer: 'Show fewer updates',
  details: 'Carrier details',
  code: 'Carrier code',
  text: 'Carrier text',
  status: 'Status',
  actionRequired: 'Needs your action',
  unknownDate: 'Date unknown',
  statuses: {
    pending: 'Waiting for the carrier',
    info_received: 'Label created',
    in_transit: 'In transit',
    out_for_delivery: 'Out for delivery',
    available_for_pickup: 'Ready for pickup',
    delivered: 'Delivered',
    returning: 'Returning to the store',
    returned: 'Returned to the store',
    cancelled: 'Cancelled',
  },
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
};

/** `<tracking-timeline>`'s copy in every language: English now, the others with `import()` when a page asks for them. */
export const timelineCopy = new Catalog<TimelineMessages>(en, {
  es: () => import('./messages-es.js').then((module) => module.es),
  fr: () => import('./messages-fr.js').then((module) => module.fr),
  de: () => import('./messages-de.js').then((module) => module.de),
});
