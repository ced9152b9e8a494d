import type { DescribeLocale, ProblemReason, Status } from '@trackline/core';

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

export const timelineMessages: Record<DescribeLocale, TimelineMessages> = {
  en: {
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
      returning: 'Returning to sender',
      returned: 'Returned to sender',
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
  },
  es: {
    label: 'Historial de seguimiento',
    empty: 'Todavía no hay novedades del envío.',
    showAll: (count) => `Mostrar las ${count} novedades`,
    showFewer: 'Mostrar menos novedades',
    details: 'Detalles del transportista',
    code: 'Código del transportista',
    text: 'Texto del transportista',
    status: 'Estado',
    actionRequired: 'Requiere tu acción',
    unknownDate: 'Fecha desconocida',
    statuses: {
      pending: 'Esperando al transportista',
      info_received: 'Etiqueta creada',
      in_transit: 'En tránsito',
      out_for_delivery: 'En reparto',
      available_for_pickup: 'Listo para recoger',
      delivered: 'Entregado',
      returning: 'Volviendo al remitente',
      returned: 'Devuelto al remitente',
      cancelled: 'Cancelado',
    },
    problems: {
      delayed: 'Con retraso',
      weather: 'Retrasado por el mal tiempo',
      failed_attempt: 'Intento de entrega fallido',
      address: 'Problema con la dirección',
      customs: 'Retenido en aduana',
      payment_due: 'Pago pendiente',
      damaged: 'Dañado',
      lost: 'Perdido',
      held: 'Retenido',
      refused: 'Entrega rechazada',
      stalled: 'Sin novedades recientes',
      other: 'Problema con la entrega',
    },
  },
  fr: {
    label: 'Historique du suivi',
    empty: 'Aucune mise à jour pour le moment.',
    showAll: (count) => `Afficher les ${count} mises à jour`,
    showFewer: 'Afficher moins de mises à jour',
    details: 'Détails du transporteur',
    code: 'Code du transporteur',
    text: 'Texte du transporteur',
    status: 'Statut',
    actionRequired: 'Action requise',
    unknownDate: 'Date inconnue',
    statuses: {
      pending: 'En attente du transporteur',
      info_received: 'Étiquette créée',
      in_transit: 'En transit',
      out_for_delivery: 'En cours de livraison',
      available_for_pickup: 'Disponible en point de retrait',
      delivered: 'Livré',
      returning: "Retour à l'expéditeur",
      returned: "Renvoyé à l'expéditeur",
      cancelled: 'Annulé',
    },
    problems: {
      delayed: 'Retardé',
      weather: 'Retardé par la météo',
      failed_attempt: 'Tentative de livraison manquée',
      address: "Problème d'adresse",
      customs: 'Retenu en douane',
      payment_due: 'Paiement requis',
      damaged: 'Endommagé',
      lost: 'Perdu',
      held: 'En attente',
      refused: 'Livraison refusée',
      stalled: 'Pas de nouvelles récentes',
      other: 'Problème de livraison',
    },
  },
  de: {
    label: 'Sendungsverlauf',
    empty: 'Noch keine Sendungsdaten.',
    showAll: (count) => `Alle ${count} Ereignisse anzeigen`,
    showFewer: 'Weniger Ereignisse anzeigen',
    details: 'Angaben des Paketdienstes',
    code: 'Code des Paketdienstes',
    text: 'Text des Paketdienstes',
    status: 'Status',
    actionRequired: 'Handlung erforderlich',
    unknownDate: 'Datum unbekannt',
    statuses: {
      pending: 'Warten auf den Paketdienst',
      info_received: 'Versandetikett erstellt',
      in_transit: 'Unterwegs',
      out_for_delivery: 'In Zustellung',
      available_for_pickup: 'Abholbereit',
      delivered: 'Zugestellt',
      returning: 'Rücksendung an Absender',
      returned: 'An Absender zurückgesandt',
      cancelled: 'Storniert',
    },
    problems: {
      delayed: 'Verzögert',
      weather: 'Wetterbedingt verzögert',
      failed_attempt: 'Zustellversuch fehlgeschlagen',
      address: 'Problem mit der Adresse',
      customs: 'Beim Zoll',
      payment_due: 'Zahlung erforderlich',
      damaged: 'Beschädigt',
      lost: 'Verloren gegangen',
      held: 'Zurückgehalten',
      refused: 'Annahme verweigert',
      stalled: 'Keine neuen Daten',
      other: 'Zustellproblem',
    },
  },
};
