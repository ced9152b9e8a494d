import type { ProgressMessages } from './messages.js';

// French copy, loaded with import() only when a page asks for French (see ./messages.ts).
export const fr: ProgressMessages = {
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
};
