import type { Problem, ProblemReason, Shipment, Status } from '../model/index.js';

const slowness: ReadonlySet<ProblemReason> = new Set(['delayed', 'weather', 'stalled']);

/**
 * Whether a problem only says the parcel is slow (`delayed`, `weather`, `stalled`): it stops mattering once the
 * parcel arrives, heads back or is cancelled, and what a shopper needs to hear about it is the new date.
 */
export function isSlowdown(reason: ProblemReason): boolean {
  return slowness.has(reason);
}
/**
 * Problems about what became of the parcel itself: a delivery scan does not settle them, and after them a
 * delivery date means little (`describeShipment` gives none).
 */
export const parcelFate: ReadonlySet<ProblemReason> = new Set(['damaged', 'lost', 'refused']);

/** Whether a problem leaves no delivery date to give: the parcel's fate is in doubt, or delivery waits on the shopper. */
export const leavesNoDate = (reason: ProblemReason, actionRequired: boolean): boolean =>
  actionRequired || parcelFate.has(reason);

/**
 * Whether a problem still says something to the shopper at this status. A problem on a delivered parcel is the
 * carrier's latest word (a later scan without one closes it), so it is judged by what it is, not by its age:
 * slowness means nothing once the parcel has arrived; damage, loss and a refusal are about the parcel itself
 * and stand; anything else stands only while the carrier says the shopper must act, so they are told what to
 * do rather than shown a plain "Delivered". A parcel going back or cancelled keeps every problem but slowness.
 */
export function problemMatters(
  status: Status | null | undefined,
  reason: ProblemReason,
  actionRequired: boolean,
): boolean {
  if (status === 'delivered') return !isSlowdown(reason) && (parcelFate.has(reason) || actionRequired);
  if (status === 'returning' || status === 'returned' || status === 'cancelled') return !isSlowdown(reason);
  return true;
}

/**
 * The shipment's open problem if it still says something to the shopper at the shipment's status, else
 * `undefined`: the problem `describeShipment` explains, and the one a page should flag (a banner, a note on
 * the progress bar). A delay on a delivered parcel is dropped; damage found on delivery, a loss or a refusal
 * reported after the delivery scan, and any problem the carrier still marks `actionRequired` (other than a
 * delay) are kept. A parcel going back or cancelled keeps every problem but a delay, bad weather or a stall.
 */
export function relevantProblem(shipment: Pick<Shipment, 'status' | 'problem'>): Problem | undefined {
  const problem = shipment.problem;
  if (!problem) return undefined;
  return problemMatters(shipment.status, problem.reason, problem.actionRequired === true) ? problem : undefined;
}
