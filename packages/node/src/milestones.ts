import type { Place, Shipment, TrackingEvent } from '@trackline/core';

// The in-transit milestone a shopper hears about, shared by the store (which records a change for it) and
// the notifier (which tells it): the parcel's first scan in the shopper's own region.

function instant(value: string | undefined): number {
  const ms = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(ms) ? 0 : ms;
}

/** The newest scan of a shipment, by time. */
export function latestEvent(shipment: Shipment | undefined): TrackingEvent | undefined {
  let latest: TrackingEvent | undefined;
  for (const event of shipment?.events ?? []) {
    if (!latest || instant(event.at) >= instant(latest.at)) latest = event;
  }
  return latest;
}

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** True when a scan's place lies in the destination's region (state, province) of the destination's country. */
function inRegion(place: Place | undefined, destination: Place | undefined): boolean {
  if (!place || !destination || !destination.region || !same(place.region, destination.region)) return false;
  return !destination.country || !place.country || same(place.country, destination.country);
}

/**
 * Whether `after` has a problem to tell that `before` had not told: another reason, the same reason again later
 * (a second failed attempt: a later start; an older scan of the same run arriving late moves the start earlier,
 * which is not news), or one that now needs the shopper.
 */
export function newProblem(before: Shipment | undefined, after: Shipment): boolean {
  const problem = after.problem;
  if (!problem) return false;
  const was = before?.problem;
  if (!was || was.reason !== problem.reason) return true;
  return instant(problem.since) > instant(was.since) || (problem.actionRequired && !was.actionRequired);
}

/** The parcel's first scan in the shopper's own region: the one in-transit milestone worth a message. */
export function reachedRegion(before: Shipment | undefined, after: Shipment): boolean {
  const destination = after.destination;
  return (
    inRegion(latestEvent(after)?.location, destination) &&
    !(before?.events ?? []).some((event) => inRegion(event.location, destination))
  );
}
