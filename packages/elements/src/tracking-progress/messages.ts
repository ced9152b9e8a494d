import { resolveLocale, type Milestone } from '@trackline/core';

export interface ProgressMessages {
  label: string;
  steps: Record<Milestone, string>;
  returning: string;
  returned: string;
  cancelled: string;
  problem: string;
  actionRequired: string;
}

export const progressMessages: Record<'en' | 'es' | 'fr' | 'de', ProgressMessages> = {
  en: {
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
  },
  es: {
    label: 'Progreso de la entrega',
    steps: {
      ordered: 'Pedido',
      packed: 'Preparado',
      shipped: 'Enviado',
      out_for_delivery: 'En reparto',
      delivered: 'Entregado',
    },
    returning: 'Volviendo al remitente',
    returned: 'Devuelto al remitente',
    cancelled: 'Cancelado',
    problem: 'Con retraso',
    actionRequired: 'Requiere tu acción',
  },
  fr: {
    label: 'Progression de la livraison',
    steps: {
      ordered: 'Commandé',
      packed: 'Préparé',
      shipped: 'Expédié',
      out_for_delivery: 'En cours de livraison',
      delivered: 'Livré',
    },
    returning: "Retour à l'expéditeur",
    returned: "Renvoyé à l'expéditeur",
    cancelled: 'Annulé',
    problem: 'Retardé',
    actionRequired: 'Action requise',
  },
  de: {
    label: 'Lieferfortschritt',
    steps: {
      ordered: 'Bestellt',
      packed: 'Verpackt',
      shipped: 'Versandt',
      out_for_delivery: 'In Zustellung',
      delivered: 'Zugestellt',
    },
    returning: 'Rücksendung an Absender',
    returned: 'An Absender zurückgesandt',
    cancelled: 'Storniert',
    problem: 'Verzögert',
    actionRequired: 'Handlung erforderlich',
  },
};

/** `es-MX` → `es`; anything unknown → `en` (the core's `resolveLocale`). */
export function messagesFor(locale: string | undefined): ProgressMessages {
  return progressMessages[resolveLocale(locale)];
}
