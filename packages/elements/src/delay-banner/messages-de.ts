import type { BannerMessages } from './messages.js';

// German copy, loaded with import() only when a page asks for German (see ./messages.ts).
export const de: BannerMessages = {
  actionRequired: 'Handlung erforderlich',
  whatHappened: 'Was passiert ist',
  whatNext: 'Wie es weitergeht',
  whatToDo: 'Was Sie tun können',
  newDate: 'Neues Lieferdatum',
  mostLikely: (day) => `wahrscheinlich ${day}`,
  contact: 'Shop kontaktieren',
  carrierLink: (carrier) =>
    carrier ? `Zur Sendungsverfolgung von ${carrier}` : 'Zur Sendungsverfolgung des Versanddienstes',
};
