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
  pickup: 'Listo para recoger',
  collected: 'Recogido',
  returning: 'Volviendo a la tienda',
  returned: 'Devuelto a la tienda',
  cancelled: 'Cancelado',
  problems: {
    delayed: 'Con retraso',
    weather: 'Retrasado por el mal tiempo',
    failed_attempt: 'Intento de entrega fallido',
    address: 'Problema con la dirección',
    customs: 'Retenido en aduana',
    payment_due: 'Pago pendiente',
    damaged: 'Dañado',
    lost: 'Perdido',
    held: 'Retenido',
    refused: 'Entrega rechazada',
    stalled: 'Sin novedades recientes',
    other: 'Problema con la entrega',
  },
  actionRequired: 'Requiere tu acción',
};
