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
  pickup: 'Prêt à être retiré',
  collected: 'Retiré',
  returning: 'En retour vers la boutique',
  returned: 'Retourné à la boutique',
  cancelled: 'Annulé',
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
  actionRequired: 'Action requise',
};
