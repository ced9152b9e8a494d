import type { DescribeLocale } from '@trackline/core';

// The words a message needs around the core's `describeShipment` (which answers what happened, what
// happens next and what to do): subject lines, labels, and the few messages that are not about a
// parcel's state. Same tone as the core's copy: `tú` in Spanish, `vous` in French, `Sie` in German.

export interface NotifyCopy {
  /** Subject line: the order number and the headline. */
  subject: (orderNumber: string, headline: string) => string;
  greeting: (name: string) => string;
  trackParcel: string;
  viewOrder: string;
  whatToDo: string;
  carrier: string;
  trackingNumber: string;
  latestUpdate: string;
  help: (brand: string) => string;
  footer: (brand: string, orderNumber: string) => string;
  orderConfirmed: { headline: string; happened: (orderNumber: string) => string; next: string };
  /** The in-transit milestone: the parcel reached the shopper's region. */
  arriving: { headline: string; happened: (place: string) => string };
  /** The estimated date moved later without a reported problem. */
  newDate: string;
}

export const notifyCopy: Record<DescribeLocale, NotifyCopy> = {
  en: {
    subject: (order, headline) => `Order ${order}: ${headline}`,
    greeting: (name) => (name ? `Hi ${name},` : 'Hi,'),
    trackParcel: 'Track your parcel',
    viewOrder: 'View your order',
    whatToDo: 'What you need to do',
    carrier: 'Carrier',
    trackingNumber: 'Tracking number',
    latestUpdate: 'Latest update from the carrier',
    help: (brand) => `Questions? Contact ${brand}:`,
    footer: (brand, order) => `You're receiving this email about your order ${order} from ${brand}.`,
    orderConfirmed: {
      headline: 'Order confirmed',
      happened: (order) => `Thanks for your order! We've received order ${order}.`,
      next: "We'll let you know as soon as it ships, with a link to follow it.",
    },
    arriving: {
      headline: 'Nearly there',
      happened: (place) => `Your parcel has reached ${place}.`,
    },
    newDate: 'New delivery date',
  },
  es: {
    subject: (order, headline) => `Pedido ${order}: ${headline}`,
    greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
    trackParcel: 'Seguir tu paquete',
    viewOrder: 'Ver tu pedido',
    whatToDo: 'Lo que tienes que hacer',
    carrier: 'Transportista',
    trackingNumber: 'Número de seguimiento',
    latestUpdate: 'Última actualización del transportista',
    help: (brand) => `¿Tienes preguntas? Contacta con ${brand}:`,
    footer: (brand, order) => `Recibes este correo por tu pedido ${order} en ${brand}.`,
    orderConfirmed: {
      headline: 'Pedido confirmado',
      happened: (order) => `¡Gracias por tu pedido! Hemos recibido el pedido ${order}.`,
      next: 'Te avisaremos en cuanto salga, con un enlace para seguirlo.',
    },
    arriving: {
      headline: 'Ya casi está',
      happened: (place) => `Tu paquete ha llegado a ${place}.`,
    },
    newDate: 'Nueva fecha de entrega',
  },
  fr: {
    subject: (order, headline) => `Commande ${order} : ${headline}`,
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    trackParcel: 'Suivre votre colis',
    viewOrder: 'Voir votre commande',
    whatToDo: 'Ce que vous devez faire',
    carrier: 'Transporteur',
    trackingNumber: 'Numéro de suivi',
    latestUpdate: 'Dernière mise à jour du transporteur',
    help: (brand) => `Des questions ? Contactez ${brand} :`,
    footer: (brand, order) => `Vous recevez cet e-mail au sujet de votre commande ${order} chez ${brand}.`,
    orderConfirmed: {
      headline: 'Commande confirmée',
      happened: (order) => `Merci pour votre commande ! Nous avons bien reçu la commande ${order}.`,
      next: 'Nous vous préviendrons dès son expédition, avec un lien pour la suivre.',
    },
    arriving: {
      headline: 'Bientôt chez vous',
      happened: (place) => `Votre colis est arrivé à ${place}.`,
    },
    newDate: 'Nouvelle date de livraison',
  },
  de: {
    subject: (order, headline) => `Bestellung ${order}: ${headline}`,
    greeting: (name) => (name ? `Hallo ${name},` : 'Hallo,'),
    trackParcel: 'Sendung verfolgen',
    viewOrder: 'Bestellung ansehen',
    whatToDo: 'Was Sie tun müssen',
    carrier: 'Versanddienstleister',
    trackingNumber: 'Sendungsnummer',
    latestUpdate: 'Letzte Meldung des Versanddienstleisters',
    help: (brand) => `Fragen? Wenden Sie sich an ${brand}:`,
    footer: (brand, order) => `Sie erhalten diese E-Mail zu Ihrer Bestellung ${order} bei ${brand}.`,
    orderConfirmed: {
      headline: 'Bestellung bestätigt',
      happened: (order) => `Vielen Dank für Ihre Bestellung! Wir haben die Bestellung ${order} erhalten.`,
      next: 'Sobald sie versandt ist, melden wir uns mit einem Link zur Sendungsverfolgung.',
    },
    arriving: {
      headline: 'Fast da',
      happened: (place) => `Ihr Paket ist in ${place} angekommen.`,
    },
    newDate: 'Neuer Liefertermin',
  },
};
