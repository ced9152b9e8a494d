import { who, Who } from './messages-en-phrases.js';
import type { DateRangeText, DayText, MessageContext as C, StatusMessages, TimeText } from './types.js';

const on = (d: DayText) => (d.relative ? d.text : `on ${d.text}`);
const at = (t: TimeText) => (t.time ? `${on(t)} at ${t.time}` : on(t));
const when = (d: DateRangeText) =>
  d.window ? d.range + (d.likely ? `, most likely ${on(d.likely)}` : '') : on(d.from);
/** "in Fresno, CA, today at 10:50 AM", either part alone, or ''. */
const where = (c: C) => [c.place && `in ${c.place}`, c.time && at(c.time)].filter(Boolean).join(', ');
const sp = (text: string) => (text ? ` ${text}` : '');
const stillWant = 'If you still want your order, contact the store about a new delivery or a refund.';

/** The English copy of every status, of the dates and of a parcel without data: what every parcel needs. */
export const enStatus: StatusMessages = {
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

  'collected.headline': () => 'Collected',
  'collected.happened': (c) => `Your parcel was collected from the pickup point${sp(where(c))}.`,
  'collected.next': () => "This delivery is complete. If you didn't collect it yourself, ask at the pickup point.",

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
