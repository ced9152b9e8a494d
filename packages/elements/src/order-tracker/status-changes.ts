// The \`trackline-status-change\` events a look-up brings. Only a look-up fires them, so this comes with the look-up
// module (lookup.ts), not with the element.
import { relevantProblem, type Shipment } from '@trackline/core';
import { shownAs, type ProblemDetail, type StatusChangeDetail } from './events.js';
import type { LookupResult } from './fetch-lookup.js';

/** The problem of \`shipment\` that matters at its status, if any. */
function problemOf(shipment: Shipment): ProblemDetail | undefined {
  const problem = relevantProblem(shipment);
  return problem ? { reason: problem.reason, actionRequired: problem.actionRequired === true } : undefined;
}

/** One change per parcel of \`result\` whose status or problem (\`shownAs\`) differs from \`previous\`'s. */
export function statusChanges(previous: LookupResult, result: LookupResult): StatusChangeDetail[] {
  const before = new Map(previous.shipments.map((shipment) => [shipment.trackingNumber, shipment]));
  return result.shipments.flatMap((shipment) => {
    const was = before.get(shipment.trackingNumber);
    if (was === undefined || shownAs(was) === shownAs(shipment)) return [];
    const [previousProblem, problem] = [problemOf(was), problemOf(shipment)];
    return [
      {
        trackingNumber: shipment.trackingNumber,
        previous: was.status,
        status: shipment.status,
        // Only the problems there are: an absent key is no problem.
        ...(previousProblem ? { previousProblem } : {}),
        ...(problem ? { problem } : {}),
      },
    ];
  });
}
