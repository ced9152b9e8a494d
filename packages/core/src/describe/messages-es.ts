import type { DateRangeText, DayText, MessageContext as C, Messages, TimeText } from './types.js';

const who = (c: C) => c.carrier || 'el transportista';
const Who = (c: C) => c.carrier || 'El transportista';
/** "a UPS", but "al transportista". */
const toWho = (c: C) => (c.carrier ? `a ${c.carrier}` : 'al transportista');
const on = (d: DayText) => (d.relative ? d.text : `el ${d.text}`);
const at = (t: TimeText) => (t.time ? `${on(t)} ${/^0?1\D/.test(t.time) ? 'a la' : 'a las'} ${t.time}` : on(t));
const when = (d: DateRangeText) =>
  d.window
    ? `entre el ${d.from.text} y el ${d.to.text}` + (d.likely ? `, probablemente ${on(d.likely)}` : '')
    : on(d.from);
const where = (c: C) => [c.place && `en ${c.place}`, c.time && at(c.time)].filter(Boolean).join(', ');
const sp = (text: string) => (text ? ` ${text}` : '');
const askCarrier = (c: C) => `Ponte en contacto con ${who(c)} para saber qué tienes que hacer.`;
const replaceOrRefund = 'Ponte en contacto con la tienda para pedir un reemplazo o un reembolso.';
const stillWant = 'Si todavía quieres tu pedido, ponte en contacto con la tienda para un nuevo envío o un reembolso.';

export const es: Messages = {
  'status.pending.headline': () => 'Esperando la primera actualización',
  'status.pending.happened': (c) => `Tenemos tu número de seguimiento, pero ${who(c)} aún no ha compartido novedades.`,
  'status.pending.next': (c) => `Verás las novedades aquí en cuanto ${who(c)} escanee tu paquete.`,

  'status.info_received.headline': () => 'Listo para enviar',
  'status.info_received.happened': (c) => `La tienda ya ha preparado tu paquete. ${Who(c)} todavía no lo ha recogido.`,
  'status.info_received.next': (c) => `Cuando ${who(c)} lo recoja, podrás seguirlo aquí.`,

  'status.in_transit.headline': () => 'En camino',
  'status.in_transit.happened': (c) => `Tu paquete va en camino con ${who(c)}.`,
  'status.in_transit.next': (c) =>
    c.eta ? '' : `Te mostraremos una fecha de entrega en cuanto ${who(c)} la comparta.`,

  'status.out_for_delivery.headline': () => 'En reparto',
  'status.out_for_delivery.happened': (c) => `${Who(c)} cargó tu paquete en un vehículo de reparto${sp(where(c))}.`,
  'status.out_for_delivery.next': (c) =>
    c.time && !c.time.today ? 'Debería llegar pronto.' : 'Debería llegar a lo largo del día.',

  'status.available_for_pickup.headline': () => 'Listo para recoger',
  'status.available_for_pickup.happened': (c) =>
    `Tu paquete te espera en un punto de recogida${sp(c.place && `en ${c.place}`)}.`,
  'status.available_for_pickup.next': () =>
    'Los puntos de recogida guardan los paquetes por tiempo limitado y después los devuelven a la tienda.',
  'status.available_for_pickup.todo': (c) =>
    `Recoge tu paquete en el punto de recogida${sp(c.place && `de ${c.place}`)} antes de que lo devuelvan.`,

  'status.delivered.headline': () => 'Entregado',
  'status.delivered.happened': (c) => `${Who(c)} entregó tu paquete${sp(c.time ? at(c.time) : '')}.`,
  'status.delivered.next': () =>
    'La entrega se ha completado. ¿No lo encuentras? Revisa cerca de tu puerta y pregunta a tus vecinos.',

  'collected.headline': () => 'Recogido',
  'collected.happened': (c) =>
    `Tu paquete se recogió en el punto de recogida${sp(c.place && `de ${c.place}`)}${c.place && c.time ? ',' : ''}${sp(c.time ? at(c.time) : '')}.`,
  'collected.next': () => 'La entrega se ha completado. Si no lo recogiste tú, pregunta en el punto de recogida.',

  'status.returning.headline': () => 'Volviendo a la tienda',
  'status.returning.happened': (c) => `${Who(c)} está devolviendo tu paquete a la tienda.`,
  'status.returning.next': () => 'La tienda lo recibirá pronto.',
  'status.returning.todo': () => stillWant,

  'status.returned.headline': () => 'Devuelto a la tienda',
  'status.returned.happened': (c) => `${Who(c)} devolvió tu paquete a la tienda${sp(c.time ? at(c.time) : '')}.`,
  'status.returned.next': () => 'No habrá más novedades sobre este paquete.',
  'status.returned.todo': () => stillWant,

  'status.cancelled.headline': () => 'Envío cancelado',
  'status.cancelled.happened': (c) => `Este envío se canceló, así que ${who(c)} no lo entregará.`,
  'status.cancelled.next': () => 'No habrá más novedades sobre este envío.',
  'status.cancelled.todo': () => 'Si no lo esperabas, ponte en contacto con la tienda.',

  'problem.delayed.headline': () => 'Con retraso',
  'problem.delayed.happened': (c) => `${Who(c)} indica que tu paquete va con retraso.`,
  'problem.delayed.next': (c) => (c.eta ? '' : `${Who(c)} todavía no ha dado una nueva fecha de entrega.`),
  'problem.delayed.todo': askCarrier,

  'problem.weather.headline': () => 'Retrasado por el mal tiempo',
  'problem.weather.happened': () => 'El mal tiempo está retrasando tu paquete.',
  'problem.weather.next': (c) => (c.eta ? '' : 'Seguirá su camino en cuanto sea seguro.'),
  'problem.weather.todo': askCarrier,

  'problem.failed_attempt.headline': () => 'Intento de entrega fallido',
  'problem.failed_attempt.happened': (c) => `${Who(c)} intentó entregar tu paquete, pero no pudo.`,
  'problem.failed_attempt.next': (c) =>
    c.action
      ? `${Who(c)} lo guardará poco tiempo y después lo devolverá a la tienda.`
      : `${Who(c)} suele volver a intentarlo el siguiente día hábil.`,
  'problem.failed_attempt.todo': (c) => `Organiza una nueva entrega o una recogida con ${who(c)}.`,

  'problem.address.headline': () => 'Problema con la dirección',
  'problem.address.happened': (c) =>
    c.action
      ? `${Who(c)} no puede entregar tu paquete en la dirección que tiene.`
      : `${Who(c)} encontró un problema con la dirección de entrega y está intentando resolverlo.`,
  'problem.address.next': (c) =>
    c.action
      ? 'La entrega está en pausa hasta que se corrija la dirección.'
      : `La entrega seguirá en cuanto ${who(c)} confirme la dirección.`,
  'problem.address.todo': (c) =>
    `Ponte en contacto con ${who(c)} o con la tienda para corregir tu dirección de entrega.`,

  'problem.customs.headline': () => 'Retenido en aduana',
  'problem.customs.happened': () => 'Tu paquete está esperando pasar la aduana.',
  'problem.customs.next': (c) =>
    c.action
      ? `La aduana no lo liberará hasta que ${who(c)} reciba lo que necesita de ti.`
      : 'Seguirá su camino en cuanto la aduana lo libere.',
  'problem.customs.todo': (c) => `Ponte en contacto con ${who(c)} para darle a la aduana la información que pide.`,

  'problem.payment_due.headline': () => 'Pago pendiente',
  'problem.payment_due.happened': () =>
    'Hay que pagar aranceles o impuestos de importación antes de que tu paquete pueda entregarse.',
  'problem.payment_due.next': (c) => `${Who(c)} lo entregará en cuanto se haga el pago.`,
  'problem.payment_due.todo': (c) => `Paga los aranceles e impuestos ${toWho(c)} para que pueda entregar tu paquete.`,

  'problem.damaged.headline': () => 'Paquete dañado',
  'problem.damaged.happened': (c) => `${Who(c)} informó de que tu paquete está dañado.`,
  'problem.damaged.next': () => 'La tienda puede ayudarte con un reemplazo o un reembolso.',
  'problem.damaged.todo': () => replaceOrRefund,

  'problem.lost.headline': () => 'Paquete perdido',
  'problem.lost.happened': (c) => `${Who(c)} no encuentra tu paquete.`,
  'problem.lost.next': (c) => `${Who(c)} sigue buscándolo, pero puede que no aparezca.`,
  'problem.lost.todo': () => replaceOrRefund,

  'problem.held.headline': () => 'En espera',
  'problem.held.happened': (c) => `${Who(c)} tiene tu paquete retenido por ahora.`,
  'problem.held.next': (c) =>
    c.action
      ? `Seguirá retenido hasta que te pongas en contacto con ${who(c)}.`
      : `Seguirá su camino en cuanto ${who(c)} lo libere.`,
  'problem.held.todo': (c) => `Ponte en contacto con ${who(c)} para que libere tu paquete.`,

  'problem.refused.headline': () => 'Entrega rechazada',
  'problem.refused.happened': () => 'Se rechazó la entrega del paquete.',
  'problem.refused.next': (c) => `${Who(c)} lo devolverá a la tienda.`,
  'problem.refused.todo': () => 'Si todavía quieres tu pedido, ponte en contacto con la tienda.',

  'problem.stalled.headline': () => 'Sin novedades recientes',
  'problem.stalled.happened': () => 'Hace más tiempo de lo normal que no hay novedades de tu paquete.',
  'problem.stalled.next': () =>
    'Muchas veces los paquetes vuelven a moverse solos. Si en unos días sigue sin haber novedades, ponte en contacto con la tienda.',
  'problem.stalled.todo': () => 'Ponte en contacto con la tienda para preguntar por tu paquete.',

  'problem.other.headline': (c) => (c.action ? 'Acción necesaria' : 'Problema con la entrega'),
  'problem.other.happened': (c) => `${Who(c)} informó de un problema con tu paquete.`,
  'problem.other.next': (c) =>
    c.action
      ? 'La entrega está en pausa por ahora.'
      : `Actualizaremos esta página en cuanto ${who(c)} dé más detalles.`,
  'problem.other.todo': (c) => `Ponte en contacto con ${who(c)} para saber qué hace falta.`,

  'generic.headline': () => 'Seguimiento de tu paquete',
  'generic.happened': (c) => `${Who(c)} se está encargando de tu paquete.`,
  'generic.next': () => 'Actualizaremos esta página en cuanto haya novedades.',

  lastSeen: (c) => (c.place || c.time ? `Se escaneó por última vez ${where(c)}.` : ''),

  'eta.carrier': (c) => (c.eta ? `${Who(c)} prevé entregarlo ${when(c.eta)}.` : ''),
  'eta.history': (c) => (c.eta ? `Según las entregas recientes, debería llegar ${when(c.eta)}.` : ''),
  'eta.promise': (c) => (c.eta ? `La tienda prevé que llegue ${when(c.eta)}.` : ''),
  'eta.passed': (c) => (c.due ? `Se esperaba ${on(c.due)}.` : ''),
  'eta.late': (c) => (c.promised ? `Es más tarde de lo que indicó la tienda al principio (${c.promised.range}).` : ''),
};
