import type { Milestone } from '@trackline/core';
import { Catalog } from '../internal/languages.js';

export interface ProgressMessages {
  label: string;
  steps: Record<Milestone, string>;
  returning: string;
  returned: string;
  cancelled: string;
  problem: string;
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
  returning: 'Returning to sender',
  returned: 'Returned to sender',
  cancelled: 'Cancelled',
  problem: 'Delayed',
  actionRequired: 'Needs your action',
};

/** `<tracking-progress>`'s copy in every language: English now, the others with `import()` when a page asks for them. */
export const progressCopy = new Catalog<ProgressMessages>(en, {
  es: () => import('./messages-es.js').then((module) => module.es),
  fr: () => import('./messages-fr.js').then((module) => module.fr),
  de: () => import('./messages-de.js').then((module) => module.de),
});
