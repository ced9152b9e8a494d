import type { ProgressMessages } from './messages.js';

// Spanish copy, loaded with import() only when a page asks for Spanish (see ./messages.ts).
export const es: ProgressMessages = {
  label: 'Progreso de la entrega',
  steps: {
    ordered: 'Pedido',
    packed: 'Preparado',
    shipped: 'Enviado',
    out_for_delivery: 'En reparto',
    delivered: 'Entregado',
  },
  returning: 'Volviendo al remitente',
  returned: 'Devuelto al remitente',
  cancelled: 'Cancelado',
  problem: 'Con retraso',
  actionRequired: 'Requiere tu acción',
};
