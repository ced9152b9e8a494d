import type { Shipment, TrackingEvent } from '@trackline/core';

// The events `checkDelays` adds are notes of ours, not scans: they carry a problem the carrier never
// reported, so the store, the notifier and the status derivation see it. Where a shopper reads about
// the parcel's scans (the look-up's timeline, "it was last scanned …" in a message) they are left out,
// or the note's time would pass for the carrier's latest scan.

/** The `source` of the updates `checkDelays` stores, and the prefix of the codes of its events. */
export const delayCheckSource = 'delay-check';

/** Whether an event is one `checkDelays` added (`timeSource: 'inferred'`, code `delay-check.…`). */
export function isDelayCheckEvent(event: TrackingEvent): boolean {
  return event.timeSource === 'inferred' && event.code.startsWith(`${delayCheckSource}.`);
}

/** The shipment with only the carrier's events; status, problem and dates stay as stored. */
export function withCarrierEventsOnly(shipment: Shipment): Shipment {
  if (!shipment.events.some(isDelayCheckEvent)) return shipment;
  return { ...shipment, events: shipment.events.filter((event) => !isDelayCheckEvent(event)) };
}
