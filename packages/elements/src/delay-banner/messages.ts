import type { DescribeLocale, Messages } from '@trackline/core';

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
  /** Replacement copy for `describeShipment` (headline, what happened, next, to do), by its message key. */
  describe?: Partial<Messages>;
}

export const bannerMessages: Record<DescribeLocale, BannerMessages> = {
  en: {
    actionRequired: 'Action needed',
    whatHappened: 'What happened',
    whatNext: 'What happens next',
    whatToDo: 'What you can do',
    newDate: 'New delivery date',
    mostLikely: (day) => `most likely ${day}`,
    contact: 'Contact the store',
  },
  es: {
    actionRequired: 'Requiere tu acción',
    whatHappened: 'Qué ha pasado',
    whatNext: 'Qué pasará ahora',
    whatToDo: 'Qué puedes hacer',
    newDate: 'Nueva fecha de entrega',
    mostLikely: (day) => `lo más probable, ${day}`,
    contact: 'Contactar con la tienda',
  },
  fr: {
    actionRequired: 'Action requise',
    whatHappened: "Ce qui s'est passé",
    whatNext: 'La suite',
    whatToDo: 'Ce que vous pouvez faire',
    newDate: 'Nouvelle date de livraison',
    mostLikely: (day) => `le plus probablement ${day}`,
    contact: 'Contacter la boutique',
  },
  de: {
    actionRequired: 'Handlung erforderlich',
    whatHappened: 'Was passiert ist',
    whatNext: 'Wie es weitergeht',
    whatToDo: 'Was Sie tun können',
    newDate: 'Neues Lieferdatum',
    mostLikely: (day) => `wahrscheinlich ${day}`,
    contact: 'Shop kontaktieren',
  },
};
