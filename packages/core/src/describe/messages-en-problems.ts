import { who, Who } from './messages-en-phrases.js';
import type { MessageContext as C, ProblemMessages } from './types.js';

const askCarrier = (c: C) => `Contact ${who(c)} to find out what you need to do.`;
const replaceOrRefund = 'Contact the store about a replacement or a refund.';

/** The English copy of every problem: only a parcel with a problem needs it. */
export const enProblems: ProblemMessages = {
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
};
