import { resolveLocale, type EstimateBasis } from '@trackline/core';

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
  newTab: string;
  /** Announced by the live region when a parcel's status changes. */
  statusChanged: (parcel: string, headline: string) => string;
}

export const trackerMessages: Record<'en' | 'es' | 'fr' | 'de', TrackerMessages> = {
  en: {
    formTitle: 'Track your order',
    formIntro: 'Enter your order number with the email or postal code you used at checkout, or a tracking number.',
    lookupBy: 'Look up by',
    byOrder: 'Order number',
    byTracking: 'Tracking number',
    orderNumber: 'Order number',
    contact: 'Email or postal code',
    contactHint: 'The one you used at checkout.',
    trackingNumber: 'Tracking number',
    submit: 'Track',
    orderNumberMissing: 'Enter your order number.',
    contactMissing: 'Enter the email or postal code you used at checkout.',
    emailInvalid: 'Enter an email address like name@example.com.',
    postalCodeInvalid: 'Enter a postal code using letters, digits, spaces or dashes.',
    trackingNumberMissing: 'Enter your tracking number.',
    trackingNumberInvalid: 'A tracking number has 6 to 40 letters and digits. Check it and try again.',
    loading: 'Loading tracking information…',
    notFound:
      "We couldn't find an order with these details. Check the order number and the email or postal code, then try again.",
    notFoundTracking: "We couldn't find this tracking number. Check it and try again.",
    network: "We couldn't load the latest tracking information. Check your connection and try again.",
    invalidResponse: "We couldn't read the tracking information the store sent. Try again in a moment.",
    retry: 'Try again',
    trackAnother: 'Track another order',
    lastUpdated: (t) => `Last updated ${t}`,
    order: (n) => `Order ${n}`,
    placed: (d) => `Placed on ${d}`,
    noParcels: "Your order hasn't shipped yet. You'll see each parcel here once it does.",
    parcel: (i, n) => `Parcel ${i} of ${n}`,
    estimate: 'Estimated delivery',
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
    newTab: '(opens in a new tab)',
    statusChanged: (p, h) => `${p}: ${h}`,
  },
  es: {
    formTitle: 'Sigue tu pedido',
    formIntro:
      'Introduce tu número de pedido con el correo o el código postal que usaste al comprar, o un número de seguimiento.',
    lookupBy: 'Buscar por',
    byOrder: 'Número de pedido',
    byTracking: 'Número de seguimiento',
    orderNumber: 'Número de pedido',
    contact: 'Correo o código postal',
    contactHint: 'El que usaste al comprar.',
    trackingNumber: 'Número de seguimiento',
    submit: 'Buscar',
    orderNumberMissing: 'Introduce tu número de pedido.',
    contactMissing: 'Introduce el correo o el código postal que usaste al comprar.',
    emailInvalid: 'Introduce un correo como nombre@ejemplo.com.',
    postalCodeInvalid: 'Introduce un código postal con letras, números, espacios o guiones.',
    trackingNumberMissing: 'Introduce tu número de seguimiento.',
    trackingNumberInvalid: 'Un número de seguimiento tiene de 6 a 40 letras y números. Revísalo e inténtalo de nuevo.',
    loading: 'Cargando la información de seguimiento…',
    notFound:
      'No encontramos ningún pedido con estos datos. Revisa el número de pedido y el correo o el código postal, e inténtalo de nuevo.',
    notFoundTracking: 'No encontramos este número de seguimiento. Revísalo e inténtalo de nuevo.',
    network: 'No pudimos cargar la información de seguimiento más reciente. Revisa tu conexión e inténtalo de nuevo.',
    invalidResponse: 'No pudimos leer la información que envió la tienda. Inténtalo de nuevo en un momento.',
    retry: 'Reintentar',
    trackAnother: 'Seguir otro pedido',
    lastUpdated: (t) => `Última actualización: ${t}`,
    order: (n) => `Pedido ${n}`,
    placed: (d) => `Realizado el ${d}`,
    noParcels: 'Tu pedido aún no se ha enviado. Verás cada paquete aquí cuando salga.',
    parcel: (i, n) => `Paquete ${i} de ${n}`,
    estimate: 'Entrega estimada',
    basis: {
      carrier: (c) => `Estimación de ${c}`,
      history: (_c, n) => (n ? `Según ${n} entregas recientes` : 'Según entregas recientes'),
      promise: () => 'La fecha que dio la tienda',
    },
    confidence: (p, w) =>
      w ? `${p} de probabilidad de que llegue en estas fechas` : `${p} de probabilidad de que llegue ese día`,
    promised: 'Entrega prometida',
    carrier: 'Transportista',
    trackingNumberShort: 'Número de seguimiento',
    copy: 'Copiar',
    copyLabel: (n) => `Copiar el número de seguimiento ${n}`,
    copied: 'Copiado',
    copyFailed: 'No se pudo copiar. Selecciona el número y cópialo.',
    carrierLink: (c) => `Seguir en la web de ${c}`,
    newTab: '(se abre en una pestaña nueva)',
    statusChanged: (p, h) => `${p}: ${h}`,
  },
  fr: {
    formTitle: 'Suivre votre commande',
    formIntro:
      'Saisissez votre numéro de commande avec l’e-mail ou le code postal utilisé lors de l’achat, ou un numéro de suivi.',
    lookupBy: 'Rechercher par',
    byOrder: 'Numéro de commande',
    byTracking: 'Numéro de suivi',
    orderNumber: 'Numéro de commande',
    contact: 'E-mail ou code postal',
    contactHint: 'Celui utilisé lors de l’achat.',
    trackingNumber: 'Numéro de suivi',
    submit: 'Suivre',
    orderNumberMissing: 'Saisissez votre numéro de commande.',
    contactMissing: 'Saisissez l’e-mail ou le code postal utilisé lors de l’achat.',
    emailInvalid: 'Saisissez une adresse e-mail comme nom@exemple.fr.',
    postalCodeInvalid: 'Saisissez un code postal avec des lettres, des chiffres, des espaces ou des tirets.',
    trackingNumberMissing: 'Saisissez votre numéro de suivi.',
    trackingNumberInvalid: 'Un numéro de suivi compte de 6 à 40 lettres et chiffres. Vérifiez-le et réessayez.',
    loading: 'Chargement du suivi…',
    notFound:
      'Aucune commande ne correspond à ces informations. Vérifiez le numéro de commande et l’e-mail ou le code postal, puis réessayez.',
    notFoundTracking: 'Ce numéro de suivi est introuvable. Vérifiez-le et réessayez.',
    network: 'Impossible de charger le dernier suivi. Vérifiez votre connexion et réessayez.',
    invalidResponse: 'Impossible de lire les informations envoyées par la boutique. Réessayez dans un instant.',
    retry: 'Réessayer',
    trackAnother: 'Suivre une autre commande',
    lastUpdated: (t) => `Dernière mise à jour : ${t}`,
    order: (n) => `Commande ${n}`,
    placed: (d) => `Passée le ${d}`,
    noParcels: 'Votre commande n’est pas encore expédiée. Chaque colis apparaîtra ici dès son départ.',
    parcel: (i, n) => `Colis ${i} sur ${n}`,
    estimate: 'Livraison estimée',
    basis: {
      carrier: (c) => `Estimation de ${c}`,
      history: (_c, n) => (n ? `D’après ${n} livraisons récentes` : 'D’après les livraisons récentes'),
      promise: () => 'La date donnée par la boutique',
    },
    confidence: (p, w) =>
      w ? `${p} de chances qu’il arrive dans cette période` : `${p} de chances qu’il arrive ce jour-là`,
    promised: 'Livraison promise',
    carrier: 'Transporteur',
    trackingNumberShort: 'Numéro de suivi',
    copy: 'Copier',
    copyLabel: (n) => `Copier le numéro de suivi ${n}`,
    copied: 'Copié',
    copyFailed: 'Copie impossible. Sélectionnez le numéro et copiez-le.',
    carrierLink: (c) => `Suivre sur le site de ${c}`,
    newTab: '(s’ouvre dans un nouvel onglet)',
    statusChanged: (p, h) => `${p} : ${h}`,
  },
  de: {
    formTitle: 'Bestellung verfolgen',
    formIntro:
      'Gib deine Bestellnummer mit der E-Mail-Adresse oder Postleitzahl aus der Bestellung ein, oder eine Sendungsnummer.',
    lookupBy: 'Suchen nach',
    byOrder: 'Bestellnummer',
    byTracking: 'Sendungsnummer',
    orderNumber: 'Bestellnummer',
    contact: 'E-Mail oder Postleitzahl',
    contactHint: 'Die du bei der Bestellung angegeben hast.',
    trackingNumber: 'Sendungsnummer',
    submit: 'Verfolgen',
    orderNumberMissing: 'Gib deine Bestellnummer ein.',
    contactMissing: 'Gib die E-Mail-Adresse oder Postleitzahl aus der Bestellung ein.',
    emailInvalid: 'Gib eine E-Mail-Adresse wie name@beispiel.de ein.',
    postalCodeInvalid: 'Gib eine Postleitzahl aus Buchstaben, Ziffern, Leerzeichen oder Bindestrichen ein.',
    trackingNumberMissing: 'Gib deine Sendungsnummer ein.',
    trackingNumberInvalid: 'Eine Sendungsnummer hat 6 bis 40 Buchstaben und Ziffern. Prüfe sie und versuche es erneut.',
    loading: 'Sendungsdaten werden geladen …',
    notFound:
      'Wir haben keine Bestellung mit diesen Angaben gefunden. Prüfe Bestellnummer und E-Mail-Adresse oder Postleitzahl und versuche es erneut.',
    notFoundTracking: 'Wir haben diese Sendungsnummer nicht gefunden. Prüfe sie und versuche es erneut.',
    network: 'Die aktuellen Sendungsdaten konnten nicht geladen werden. Prüfe deine Verbindung und versuche es erneut.',
    invalidResponse: 'Die Daten des Shops konnten nicht gelesen werden. Versuche es gleich noch einmal.',
    retry: 'Erneut versuchen',
    trackAnother: 'Andere Bestellung verfolgen',
    lastUpdated: (t) => `Zuletzt aktualisiert: ${t}`,
    order: (n) => `Bestellung ${n}`,
    placed: (d) => `Bestellt am ${d}`,
    noParcels: 'Deine Bestellung wurde noch nicht versandt. Jedes Paket erscheint hier, sobald es unterwegs ist.',
    parcel: (i, n) => `Paket ${i} von ${n}`,
    estimate: 'Voraussichtliche Zustellung',
    basis: {
      carrier: (c) => `Schätzung von ${c}`,
      history: (_c, n) => (n ? `Auf Basis von ${n} kürzlichen Zustellungen` : 'Auf Basis kürzlicher Zustellungen'),
      promise: () => 'Das vom Shop genannte Datum',
    },
    confidence: (p, w) => (w ? `Zu ${p} wahrscheinlich in diesem Zeitraum` : `Zu ${p} wahrscheinlich an diesem Tag`),
    promised: 'Zugesagte Zustellung',
    carrier: 'Versanddienst',
    trackingNumberShort: 'Sendungsnummer',
    copy: 'Kopieren',
    copyLabel: (n) => `Sendungsnummer ${n} kopieren`,
    copied: 'Kopiert',
    copyFailed: 'Kopieren nicht möglich. Markiere die Nummer und kopiere sie.',
    carrierLink: (c) => `Auf der Website von ${c} verfolgen`,
    newTab: '(öffnet in neuem Tab)',
    statusChanged: (p, h) => `${p}: ${h}`,
  },
};

/** `es-MX` → `es`; anything unknown → `en` (the core's `resolveLocale`); `overrides` replace single keys. */
export function trackerMessagesFor(locale: string | undefined, overrides?: Partial<TrackerMessages>): TrackerMessages {
  const builtIn = trackerMessages[resolveLocale(locale)];
  return overrides ? { ...builtIn, ...overrides } : builtIn;
}
