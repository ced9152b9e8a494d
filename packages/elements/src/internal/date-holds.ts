import { relevantProblem, type ProblemReason, type Shipment, type Status } from '@trackline/core';

/** Statuses after which a delivery date says nothing more (a parcel waiting at a pickup point has arrived). */
const settled: ReadonlySet<Status> = new Set([
  'available_for_pickup',
  'delivered',
  'returning',
  'returned',
  'cancelled',
]);

/**
 * Problems after which no delivery date holds, whatever the carrier flags: the parcel's fate is in doubt (lost,
 * damaged, refused: the core gives no date either), or the duties must be paid before it can be delivered.
 */
const undated: ReadonlySet<ProblemReason> = new Set(['lost', 'damaged', 'refused', 'payment_due']);

/**
 * Problems that pause delivery until the shopper acts, when the carrier says they must (`actionRequired`): the
 * core's copy then says so ("Delivery is paused until the address is fixed", "It stays on hold until you contact
 * …") and gives no date. Without the flag the carrier or customs is on it, and the core still gives the date; a
 * slowdown (`delayed`, `weather`, `stalled`) keeps its date: that date is the news.
 */
const pausedUntilShopperActs: ReadonlySet<ProblemReason> = new Set([
  'address',
  'customs',
  'held',
  'failed_attempt',
  'other',
]);

/**
 * Whether a delivery date still means something for the parcel: not once it has arrived, turned back or been
 * cancelled, and not while a problem that still matters (`relevantProblem`) leaves no date to give. The tracker's
 * estimate and the banner's "New delivery date" follow the same rule, so neither shows a date the words deny.
 */
export function dateHolds(shipment: Shipment): boolean {
  if (settled.has(shipment.status)) return false;
  const problem = relevantProblem(shipment);
  return !(
    problem &&
    (undated.has(problem.reason) || (problem.actionRequired === true && pausedUntilShopperActs.has(problem.reason)))
  );
}
