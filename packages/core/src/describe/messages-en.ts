import type { DateRangeText, DayText, MessageContext as C, Messages, TimeText } from './types.js';

const who = (c: C) => c.carrier || 'the carrier';
const Who = (c: C) => c.carrier || 'The carrier';
const on = (d: DayText) => (d.relative ? d.text : `on ${d.text}`);
const at = (t: TimeText) => (t.time ? `${on(t)} at ${t.time}` : on(t));
const when = (d: DateRangeText) =>
  d.window ? d.range + (d.likely ? `, most likely ${on(d.likely)}` : '') : on(d.from);
/** "in Fresno, CA, today at 10:50 AM", either part alone, or ''. */
const where = (c: C) => [c.place && `in ${c.place}`, c.time && at(c.time)].filter(Boolean).join(', ');
const sp = (text: string) => (text ? ` ${text}` : '');
const askCarrier = (c: C) => `Contact ${who(c)} to find out what you need to do.`;
const replaceOrRefund = 'Contact the store about a replacement or a refund.';
const stillWant = 'If you still want your order, contact the store about a new delivery or a refund.';

export const en: Messages = {
  'status.pending.headline': () => 'Waiting for the first update',
  'status.pending.happened': (c) => `We have your tracking number, but ${who(c)} hasn't shared any updates yet.`,
  'status.pending.next': (c) => `You'll see updates here as soon as ${who(c)} scans your parcel.`,

  'status.info_received.headline': () => 'Ready to ship',
  'status.info_received.happened': (c) => `The store has prepared your parcel. ${Who(c)} hasn't picked it up yet.`,
  'status.info_received.next': (c) => `Once ${who(c)} picks it up, you can follow it here.`,

  'status.in_transit.headline': () => 'On its way',
  'status.in_transit.happened': (c) => `Your parcel is on its way with ${who(c)}.`,
  'status.in_transit.next': (c) => (c.eta ? '' : `We'll show a delivery date as soon as ${who(c)} shares one.`),

  'status.out_for_delivery.headline': () => 'Out for delivery',
  'status.out_for_delivery.happened': (c) => `${Who(c)} put your parcel on a delivery vehicle${sp(where(c))}.`,
  'status.out_for_delivery.next': (c) =>
    c.time && !c.time.today ? 'It should arrive soon.' : 'It should arrive later today.',

  'status.available_for_pickup.headline': () => 'Ready for pickup',
  'status.available_for_pickup.happened': (c) =>
    `Your parcel is waiting for you at a pickup point${sp(c.place && `in ${c.place}`)}.`,
  'status.available_for_pickup.next': () =>
    'Pickup points keep parcels for a limited time, then send them back to the store.',
  'status.available_for_pickup.todo': (c) =>
    `Collect your parcel from the pickup point${sp(c.place && `in ${c.place}`)} before it's sent back.`,

  'status.delivered.headline': () => 'Delivered',
  'status.delivered.happened': (c) => `${Who(c)} delivered your parcel${sp(c.time ? at(c.time) : '')}.`,
  'status.delivered.next': () =>
    "This delivery is complete. Can't find it? Check around your door and ask your neighbors.",

  'status.returning.headline': () => 'Returning to the store',
  'status.returning.happened': (c) => `${Who(c)} is taking your parcel back to the store.`,
  'status.returning.next': () => 'The store will get it back soon.',
  'status.returning.todo': () => stillWant,

  'status.returned.headline': () => 'Returned to the store',
  'status.returned.happened': (c) => `${Who(c)} returned your parcel to the store${sp(c.time ? at(c.time) : '')}.`,
  'status.returned.next': () => 'No more updates are expected for this parcel.',
  'status.returned.todo': () => stillWant,

  'status.cancelled.headline': () => 'Shipment cancelled',
  'status.cancelled.happened': (c) => `This shipment was cancelled, so ${who(c)} won't deliver it.`,
  'status.cancelled.next': () => 'No more updates are expected for this shipment.',
  'status.cancelled.todo': () => "If you weren't expecting this, contact the store.",

  'problem.delayed.headline': () => 'Running late',
  'problem.delayed.happened': (c) => `${Who(c)} says your parcel is running late.`,
  'problem.delayed.next': (c) => (c.eta ? '' : `${Who(c)} hasn't shared a new delivery date yet.`),
  'problem.delayed.todo': askCarrier,

  'problem.weather.headline': () => 'Delayed by weather',
  'problem.weather.happened': () => 'Bad weather is slowing your parcel down.',
  'problem.weather.next': (c) => (c.eta ? '' : "It'll get moving again as soon as it's safe."),
  'problem.weather.todo': askCarrier,

  'problem.failed_attempt.headline': () => 'Delivery attempt missed',
  'problem.failed_attempt.happened': (c) => `${Who(c)} tried to deliver your parcel but couldn't.`,
  'problem.failed_attempt.next': (c) =>
    c.action
      ? `${Who(c)} will hold it for a short time, then send it back to the store.`
      : `${Who(c)} usually tries again the next business day.`,
  'problem.failed_attempt.todo': (c) => `Arrange a new delivery or a pickup with ${who(c)}.`,

  'problem.address.headline': () => 'Problem with the address',
  'problem.address.happened': (c) =>
    c.action
      ? `${Who(c)} can't deliver your parcel to the address it has.`
      : `${Who(c)} found a problem with the delivery address and is working on it.`,
  'problem.address.next': (c) =>
    c.action
      ? 'Delivery is paused until the address is fixed.'
      : `Delivery will continue once ${who(c)} confirms the address.`,
  'problem.address.todo': (c) => `Contact ${who(c)} or the store to correct your delivery address.`,

  'problem.customs.headline': () => 'Held in customs',
  'problem.customs.happened': () => 'Your parcel is waiting to clear customs.',
  'problem.customs.next': (c) =>
    c.action
      ? `Customs won't release it until ${who(c)} gets what it needs from you.`
      : 'It will continue once customs releases it.',
  'problem.customs.todo': (c) => `Contact ${who(c)} to give customs the information they need.`,

  'problem.payment_due.headline': () => 'Payment needed',
  'problem.payment_due.happened': () => 'Import duties or taxes must be paid before your parcel can be delivered.',
  'problem.payment_due.next': (c) => `${Who(c)} will deliver it once the payment is made.`,
  'problem.payment_due.todo': (c) => `Pay the duties and taxes to ${who(c)} so your parcel can be delivered.`,

  'problem.damaged.headline': () => 'Parcel damaged',
  'problem.damaged.happened': (c) => `${Who(c)} reported that your parcel was damaged.`,
  'problem.damaged.next': () => 'The store can help with a replacement or a refund.',
  'problem.damaged.todo': () => replaceOrRefund,

  'problem.lost.headline': () => 'Parcel lost',
  'problem.lost.happened': (c) => `${Who(c)} can't find your parcel.`,
  'problem.lost.next': (c) => `${Who(c)} is still looking, but it may not turn up.`,
  'problem.lost.todo': () => replaceOrRefund,

  'problem.held.headline': () => 'On hold',
  'problem.held.happened': (c) => `${Who(c)} is holding your parcel for now.`,
  'problem.held.next': (c) =>
    c.action ? `It stays on hold until you contact ${who(c)}.` : `It will continue once ${who(c)} releases it.`,
  'problem.held.todo': (c) => `Contact ${who(c)} to get your parcel released.`,

  'problem.refused.headline': () => 'Delivery refused',
  'problem.refused.happened': () => 'Delivery of the parcel was refused.',
  'problem.refused.next': (c) => `${Who(c)} will send it back to the store.`,
  'problem.refused.todo': () => 'If you still want your order, contact the store.',

  'problem.stalled.headline': () => 'No recent updates',
  'problem.stalled.happened': () => "There's been no news about your parcel for longer than usual.",
  'problem.stalled.next': () =>
    'Parcels often start moving again on their own. If nothing changes in a few days, contact the store.',
  'problem.stalled.todo': () => 'Contact the store to ask about your parcel.',

  'problem.other.headline': (c) => (c.action ? 'Action needed' : 'Delivery problem'),
  'problem.other.happened': (c) => `${Who(c)} reported a problem with your parcel.`,
  'problem.other.next': (c) =>
    c.action ? 'Delivery is paused for now.' : `We'll update this page as soon as ${who(c)} shares more.`,
  'problem.other.todo': (c) => `Contact ${who(c)} to find out what's needed.`,

  'generic.headline': () => 'Tracking your parcel',
  'generic.happened': (c) => `${Who(c)} is handling your parcel.`,
  'generic.next': () => "We'll update this page as soon as there's news.",

  lastSeen: (c) => (c.place || c.time ? `It was last scanned ${where(c)}.` : ''),

  'eta.carrier': (c) => (c.eta ? `${Who(c)} expects to deliver it ${when(c.eta)}.` : ''),
  'eta.history': (c) => (c.eta ? `Based on recent deliveries, it should arrive ${when(c.eta)}.` : ''),
  'eta.promise': (c) => (c.eta ? `The store expects it to arrive ${when(c.eta)}.` : ''),
  'eta.passed': (c) => (c.due ? `It was expected ${on(c.due)}.` : ''),
  'eta.late': (c) => (c.promised ? `That's later than the store first said (${c.promised.range}).` : ''),
};
