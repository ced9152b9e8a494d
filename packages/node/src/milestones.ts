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

/** The parcel's first scan in the shopper's own region: the one in-transit milestone worth a message. */
export function reachedRegion(before: Shipment | undefined, after: Shipment): boolean {
  const destination = after.destination;
  return (
    inRegion(latestEvent(after)?.location, destination) &&
    !(before?.events ?? []).some((event) => inRegion(event.location, destination))
  );
}
