import type { BannerMessages } from './messages.js';

// Spanish copy, loaded with import() only when a page asks for Spanish (see ./messages.ts).
export const es: BannerMessages = {
  actionRequired: 'Requiere tu acción',
  whatHappened: 'Qué ha pasado',
  whatNext: 'Qué pasará ahora',
  whatToDo: 'Qué puedes hacer',
  newDate: 'Nueva fecha de entrega',
  mostLikely: (day) => `lo más probable, ${day}`,
  contact: 'Contactar con la tienda',
  carrierLink: (carrier) => `Ir a la página de seguimiento de ${carrier || 'la empresa de transporte'}`,
};
