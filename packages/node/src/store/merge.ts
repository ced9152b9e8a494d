import {
  deriveShipmentState,
  sortEvents,
  type Place,
  type Shipment,
  type Status,
  type TrackingEvent,
} from '@trackline/core';
import type { ShipmentUpdate } from './types.js';

// What both stores do inside `applyUpdate`'s transaction, as pure functions: merge an update into
// the stored shipment, and tell whether a shopper would be told something new.

/** How parcels are keyed: the number without spaces, upper case (`1z 999` and `1Z999` are one parcel). */
export function trackingKey(trackingNumber: string): string {
  return trackingNumber.replace(/\s+/g, '').toUpperCase();
}

function instant(at: string): number {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * An event's identity: the same instant, code and text is the same scan, whichever update brought it
 * (the core's `sortEvents` treats them so too). Where the two copies differ in place, the one that
 * says more about it is kept, so a redelivery that adds a location enriches the stored scan.
 */
export function eventKey(event: TrackingEvent): string {
  return `${instant(event.at)}|${event.code}|${event.description.trim()}`;
}

function placeDetail(place: Place | undefined): number {
  return place ? Object.values(place).filter((value) => value !== undefined && value !== '').length : 0;
}

/**
 * When an update's non-event fields (estimate, service, …) were true: its newest event, or its
 * `updatedAt` when it has none. An update that is older than what is stored does not overwrite them.
 */
export function updateAsOf(shipment: Shipment): number {
  let newest = 0;
  for (const event of shipment.events) newest = Math.max(newest, instant(event.at));
  return newest || instant(shipment.updatedAt);
}

const forwardRank: Partial<Record<Status, number>> = {
  pending: 0,
  info_received: 1,
  in_transit: 2,
  out_for_delivery: 3,
  available_for_pickup: 3,
  delivered: 4,
};

/** For updates without events: a status that would move the parcel back along the forward path is ignored. */
function notBackwards(current: Status, next: Status): Status {
  const from = forwardRank[current];
  const to = forwardRank[next];
  if (from !== undefined && to !== undefined && to < from) return current;
  if (current === 'delivered' || current === 'returned' || current === 'cancelled') {
    return next === 'returning' || next === 'returned' ? next : current;
  }
  return next;
}

const fieldNames = ['service', 'promised', 'estimate', 'origin', 'destination', 'trackingUrl'] as const;

function latest(...times: (string | undefined)[]): string {
  let best: string | undefined;
  for (const time of times) {
    if (time !== undefined && (best === undefined || instant(time) > instant(best))) best = time;
  }
  return best ?? new Date(0).toISOString();
}

export interface Merged {
  shipment: Shipment;
  /** `updateAsOf` of the update whose fields are now stored. */
  fieldsAsOf: number;
}

/**
 * The shipment after `update`, given what was stored (`before`, with the as-of time of its fields).
 * Events are merged (identity: instant, code, text, place), sorted, and status, problem and
 * delivery time are derived from all of them, so the order in which updates arrive does not matter.
 * Non-event fields come from the newest update; an older one only fills fields still missing.
 */
export function mergeUpdate(before: Shipment | undefined, beforeAsOf: number, update: ShipmentUpdate): Merged {
  const incoming = update.shipment;
  const asOf = updateAsOf(incoming);
  const newer = !before || asOf >= beforeAsOf;

  const byKey = new Map<string, number>();
  const events: TrackingEvent[] = [];
  for (const event of [...(before?.events ?? []), ...incoming.events]) {
    const key = eventKey(event);
    const index = byKey.get(key);
    if (index === undefined) {
      byKey.set(key, events.length);
      events.push(event);
    } else if (placeDetail(event.location) > placeDetail(events[index]!.location)) {
      events[index] = { ...events[index]!, location: event.location };
    }
  }

  const shipment: Shipment = {
    carrier: before?.carrier ?? incoming.carrier,
    trackingNumber: before?.trackingNumber ?? incoming.trackingNumber,
    status: 'pending',
    events: [],
    updatedAt: latest(before?.updatedAt, incoming.updatedAt, update.receivedAt),
  };
  for (const name of fieldNames) {
    const mine = before?.[name];
    const theirs = incoming[name];
    const value = newer ? (theirs ?? mine) : (mine ?? theirs);
    // One assignment per field keeps each field's own type; the union of all of them is what TS sees here.
    if (value !== undefined) (shipment as Record<string, unknown>)[name] = value;
  }

  if (events.length > 0) {
    const state = deriveShipmentState(sortEvents(events));
    shipment.events = state.events;
    shipment.status = state.status;
    if (state.problem) shipment.problem = state.problem;
    const deliveredAt = state.deliveredAt ?? (state.status === 'delivered' ? incoming.deliveredAt : undefined);
    if (deliveredAt) shipment.deliveredAt = deliveredAt;
  } else {
    // No scans at all (a tracker that only reports a status): take the newest status, never backwards.
    const status = before ? (newer ? notBackwards(before.status, incoming.status) : before.status) : incoming.status;
    shipment.status = status;
    const problem = newer ? incoming.problem : before?.problem;
    if (problem) shipment.problem = problem;
    const deliveredAt = newer ? (incoming.deliveredAt ?? before?.deliveredAt) : before?.deliveredAt;
    if (status === 'delivered' && deliveredAt) shipment.deliveredAt = deliveredAt;
  }
  return { shipment, fieldsAsOf: newer ? asOf : beforeAsOf };
}

function estimateKey(shipment: Shipment | undefined): string {
  const estimate = shipment?.estimate;
  return estimate ? `${estimate.earliest}|${estimate.latest}|${estimate.likely}` : '';
}

/**
 * Whether a shopper would be told something new: the status, the open problem's reason or the
 * estimated dates changed. A parcel seen for the first time counts as changed from "pending, no
 * problem, no estimate".
 */
export function isNews(before: Shipment | undefined, after: Shipment): boolean {
  return (
    (before?.status ?? 'pending') !== after.status ||
    before?.problem?.reason !== after.problem?.reason ||
    estimateKey(before) !== estimateKey(after)
  );
}

/** A stored placeholder for a parcel known from an order before any carrier data arrived. */
export function placeholderShipment(parcel: Pick<Shipment, 'carrier' | 'trackingNumber'>, at: string): Shipment {
  return {
    carrier: parcel.carrier,
    trackingNumber: parcel.trackingNumber,
    status: 'pending',
    events: [],
    updatedAt: at,
  };
}
