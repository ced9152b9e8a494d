import type { TrackerMessages } from './messages.js';

// German copy, loaded with import() only when a page asks for German (see ./messages.ts). It addresses the shopper
// as "Sie", as the core's German copy and <delay-banner>'s do: one page never mixes "du" and "Sie".
export const de: TrackerMessages = {
  formTitle: 'Bestellung verfolgen',
  formIntro:
    'Geben Sie Ihre Bestellnummer mit der E-Mail-Adresse oder Postleitzahl aus der Bestellung ein, oder eine Sendungsnummer.',
  lookupBy: 'Suchen nach',
  byOrder: 'Bestellnummer',
  byTracking: 'Sendungsnummer',
  orderNumber: 'Bestellnummer',
  contact: 'E-Mail oder Postleitzahl',
  contactHint: 'Die Sie bei der Bestellung angegeben haben.',
  trackingNumber: 'Sendungsnummer',
  submit: 'Verfolgen',
  orderNumberMissing: 'Geben Sie Ihre Bestellnummer ein.',
  contactMissing: 'Geben Sie die E-Mail-Adresse oder Postleitzahl aus der Bestellung ein.',
  emailInvalid: 'Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.',
  postalCodeInvalid: 'Geben Sie eine Postleitzahl aus Buchstaben, Ziffern, Leerzeichen oder Bindestrichen ein.',
  trackingNumberMissing: 'Geben Sie Ihre Sendungsnummer ein.',
  trackingNumberInvalid:
    'Eine Sendungsnummer hat 6 bis 40 Buchstaben und Ziffern. Prüfen Sie sie und versuchen Sie es erneut.',
  loading: 'Sendungsdaten werden geladen …',
  notFound:
    'Wir haben keine Bestellung mit diesen Angaben gefunden. Prüfen Sie Bestellnummer und E-Mail-Adresse oder Postleitzahl und versuchen Sie es erneut.',
  notFoundTracking: 'Wir haben diese Sendungsnummer nicht gefunden. Prüfen Sie sie und versuchen Sie es erneut.',
  network:
    'Die aktuellen Sendungsdaten konnten nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  invalidResponse: 'Die Daten des Shops konnten nicht gelesen werden. Versuchen Sie es gleich noch einmal.',
  retry: 'Erneut versuchen',
  trackAnother: 'Andere Bestellung verfolgen',
  lastUpdated: (t) => `Zuletzt aktualisiert: ${t}`,
  order: (n) => `Bestellung ${n}`,
  placed: (d) => `Bestellt am ${d}`,
  noParcels: 'Ihre Bestellung wurde noch nicht versandt. Jedes Paket erscheint hier, sobald es unterwegs ist.',
  parcel: (i, n) => `Paket ${i} von ${n}`,
  estimate: 'Voraussichtliche Zustellung',
  today: 'Heute',
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
  copyFailed: 'Kopieren nicht möglich. Markieren Sie die Nummer und kopieren Sie sie.',
  carrierLink: (c) => `Auf der Website von ${c} verfolgen`,
  unknownCarrierLink: 'Auf der Website des Versanddienstes verfolgen',
  unknownCarrierEstimate: 'Schätzung des Versanddienstes',
  newTab: '(öffnet in neuem Tab)',
  statusChanged: (p, h) => `${p}: ${h}`,
};
