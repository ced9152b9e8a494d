import type { Order, Place, Shipment, TrackingEvent } from '@trackline/core';
import { isDelayCheckEvent } from '../delays/events.js';

// What leaves the endpoint is built field by field from an allow-list, never by spreading what the store
// returned: a field a store adds later (the customer, an internal note) stays in the store unless it is
// added here on purpose.

/** A place as a shopper's browser may see it: city, region and country, never a street, a name or a postal code. */
export function coarsePlace(place: Place, { keepLabel = false } = {}): Place | undefined {
  const out: Place = {};
  if (place.city) out.city = place.city;
  if (place.region) out.region = place.region;
  if (place.country) out.country = place.country;
  if (place.timeZone) out.timeZone = place.timeZone;
  // A scan's label is the carrier's own public text for the facility (`CLOVIS CA US`); a destination's
  // label may be whatever the store wrote, so it is dropped.
  if (keepLabel && place.label && !out.city && !out.region) out.label = place.label;
  return Object.keys(out).length > 0 ? out : undefined;
}

function publicEvent(event: TrackingEvent): TrackingEvent {
  const out: TrackingEvent = {
    at: event.at,
    timeSource: event.timeSource,
    status: event.status,
    code: event.code,
    description: event.description,
  };
  if (event.problem) out.problem = { reason: event.problem.reason, actionRequired: event.problem.actionRequired };
  // The delivery scan's postal code is the shopper's own: it is one of the proofs that unlock the order.
  const location = event.location && coarsePlace(event.location, { keepLabel: true });
  if (location) out.location = location;
  return out;
}

/**
 * One parcel as the endpoint shows it: status, events, dates, carrier and tracking link, with every place
 * reduced to city, region and country. Nothing about the order or the customer is part of a `Shipment`.
 */
export function publicShipment(shipment: Shipment): Shipment {
  const out: Shipment = {
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    status: shipment.status,
    // The delay check's notes are not scans; the open problem they set is shown as `problem`.
    events: shipment.events.filter((event) => !isDelayCheckEvent(event)).map(publicEvent),
    updatedAt: shipment.updatedAt,
  };
  if (shipment.service) out.service = shipment.service;
  if (shipment.problem) {
    out.problem = {
      reason: shipment.problem.reason,
      actionRequired: shipment.problem.actionRequired,
      since: shipment.problem.since,
    };
  }
  if (shipment.promised) out.promised = { earliest: shipment.promised.earliest, latest: shipment.promised.latest };
  if (shipment.estimate) {
    const { earliest, latest, likely, confidence, basis, sampleSize } = shipment.estimate;
    out.estimate = { earliest, latest, likely, confidence, basis };
    if (sampleSize !== undefined) out.estimate.sampleSize = sampleSize;
  }
  if (shipment.deliveredAt) out.deliveredAt = shipment.deliveredAt;
  const origin = shipment.origin && coarsePlace(shipment.origin);
  if (origin) out.origin = origin;
  const destination = shipment.destination && coarsePlace(shipment.destination);
  if (destination) out.destination = destination;
  if (shipment.trackingUrl) out.trackingUrl = shipment.trackingUrl;
  return out;
}

/** The order as the endpoint shows it: number, date and parcels. Never the customer. */
export function publicOrder(order: Pick<Order, 'orderNumber' | 'placedAt'>, shipments: readonly Shipment[]): Order {
  return { orderNumber: order.orderNumber, placedAt: order.placedAt, shipments: shipments.map(publicShipment) };
}
