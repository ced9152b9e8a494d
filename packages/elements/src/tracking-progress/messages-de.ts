import type { ProgressMessages } from './messages.js';

// German copy, loaded with import() only when a page asks for German (see ./messages.ts).
export const de: ProgressMessages = {
  label: 'Lieferfortschritt',
  steps: {
    ordered: 'Bestellt',
    packed: 'Verpackt',
    shipped: 'Versandt',
    out_for_delivery: 'In Zustellung',
    delivered: 'Zugestellt',
  },
  pickup: 'Abholbereit',
  collected: 'Abgeholt',
  returning: 'Auf dem Rückweg zum Shop',
  returned: 'Zurück beim Shop',
  cancelled: 'Storniert',
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
  actionRequired: 'Handlung erforderlich',
};
