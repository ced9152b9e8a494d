import type { Order, Place, Shipment, TrackingEvent } from '@trackline/core';
import { isDelayCheckEvent } from '../delays/events.js';

// What leaves the endpoint is built field by field from an allow-list, never by spreading what the store
// returned: a field a store adds later (the customer, an internal note) stays in the store unless it is
// added here on purpose.

/**
 * Postal codes whose letters stand apart from their digits (`1234 AB` in the Netherlands, `VLT 1117` in
 * Malta): removing the words with a digit in them would leave the letters behind.
 */
const splitPostalCodes: Readonly<Record<string, RegExp>> = {
  NL: /\b\d{4}\s*[A-Z]{2}\b/gi,
  MT: /\b[A-Z]{3}\s*\d{2,4}\b/gi,
};

/**
 * A carrier's text for a place with everything shaped like a postal code taken out: every word with a
 * digit in it (`93612`, `93612-1234`, `SW1A 1AA`, `K1A 0B1`, `D-04435`, whatever the country), and the
 * letters of a split code of the place's country (of every such country when the place names none). A
 * facility's number goes too: better that than a postal code left in, which would hand out one of the
 * two proofs that unlock the order. Undefined when nothing but separators is left.
 */
export function withoutPostalCodes(label: string, country?: string): string | undefined {
  const shapes = country ? [splitPostalCodes[country]] : Object.values(splitPostalCodes);
  const text = shapes
    .reduce((rest, shape) => (shape ? rest.replace(shape, ' ') : rest), label)
    .split(/\s+/)
    .filter((word) => !/\p{Nd}/u.test(word))
    .join(' ')
    // What separated the code from its neighbours (`CLOVIS, CA 93612` → `CLOVIS, CA`).
    .replace(/^[\s,;:/\u2013\u2014-]+|[\s,;:/\u2013\u2014-]+$/g, '');
  return /\p{L}/u.test(text) ? text : undefined;
}

/** A place as a shopper's browser may see it: city, region and country, never a street, a name or a postal code. */
export function coarsePlace(place: Place, { keepLabel = false } = {}): Place | undefined {
  const out: Place = {};
  if (place.city) out.city = place.city;
  if (place.region) out.region = place.region;
  if (place.country) out.country = place.country;
  if (place.timeZone) out.timeZone = place.timeZone;
  // A scan's label is the carrier's own public text for the facility (`CLOVIS CA US`); a destination's
  // label may be whatever the store wrote, so it is dropped. A label beside a postal code the carrier
  // split out is most likely that code's place written out (`CLOVIS CA 93612`), so it is dropped too.
  if (keepLabel && place.label && !out.city && !out.region && !place.postalCode) {
    const label = withoutPostalCodes(place.label, place.country);
    if (label) out.label = label;
  }
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
