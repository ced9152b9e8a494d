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
  returning: 'Rücksendung an Absender',
  returned: 'An Absender zurückgesandt',
  cancelled: 'Storniert',
  problem: 'Verzögert',
  actionRequired: 'Handlung erforderlich',
};
