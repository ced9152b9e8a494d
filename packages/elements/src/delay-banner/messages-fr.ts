import type { BannerMessages } from './messages.js';

// French copy, loaded with import() only when a page asks for French (see ./messages.ts).
export const fr: BannerMessages = {
  actionRequired: 'Action requise',
  whatHappened: "Ce qui s'est passé",
  whatNext: 'La suite',
  whatToDo: 'Ce que vous pouvez faire',
  newDate: 'Nouvelle date de livraison',
  mostLikely: (day) => `le plus probablement ${day}`,
  contact: 'Contacter la boutique',
  carrierLink: (carrier) =>
    carrier ? `Aller à la page de suivi de ${carrier}` : 'Aller à la page de suivi du transporteur',
};
