import { deriveShipmentState, type Place, type Shipment, type Status, type TrackingEvent } from '@trackline/core';
import type { ShipmentUpdate } from './types.js';

// What both stores do inside `applyUpdate`'s transaction, as pure functions: merge an update into
// the stored shipment, and tell whether a shopper would be told something new.

/** How parcels are keyed: the number without spaces, upper case (`1z 999` and `1Z999` are one parcel). */
export function trackingKey(trackingNumber: string): string {
  return trackingNumber.replace(/\s+/g, '').toUpperCase();
}

// Every update merges all of a parcel's stored events again, and the same few times and texts come
// back on every one of them: parsing a date or folding a text costs far more than looking it up, so
// both are remembered (a bounded cache, emptied when full).
const cacheLimit = 10_000;
const instants = new Map<string, number>();
const textKeys = new Map<string, string>();

function instant(at: string): number {
  let ms = instants.get(at);
  if (ms === undefined) {
    ms = Date.parse(at);
    if (Number.isNaN(ms)) ms = 0;
    if (instants.size >= cacheLimit) instants.clear();
    instants.set(at, ms);
  }
  return ms;
}

/**
 * The words of a scan's text as a key: trimmed, runs of white space made one space, case folded. Two
 * sources copy the carrier's text with different spacing or capitals ("Arrived at FedEx location" and
 * "ARRIVED AT FEDEX  LOCATION"); that is the same text.
 */
function textKey(description: string): string {
  let key = textKeys.get(description);
  if (key === undefined) {
    key = description.trim().replace(/\s+/g, ' ').toLowerCase();
    if (textKeys.size >= cacheLimit) textKeys.clear();
    textKeys.set(description, key);
  }
  return key;
}

/**
 * An event's two identities; a copy that matches another event in either is the same scan, whichever
 * update brought it.
 * - The same instant, code and text (compared by `textKey`). The core's `sortEvents` treats them so
 *   too, comparing the trimmed text exactly; this folds case and spacing as well, because the store
 *   meets one scan from two sources (a tracker poll and a webhook, or two aggregators) that copy the
 *   carrier's text differently.
 * - The same instant, status and text: two aggregators each have codes of their own (EasyPost
 *   `in_transit/arrived_at_facility`, Shippo `TRANSIT`), so the code cannot match, but the instant, our
 *   status and the carrier's text still do. Two different scans alike in all three are not told apart
 *   by a shopper either.
 */
export function eventKeys(event: TrackingEvent): [byCode: string, byStatus: string] {
  const at = instant(event.at);
  const text = textKey(event.description);
  // Marked apart, so a code that reads like a status (`delivered`) never matches the other identity.
  return [`code|${at}|${event.code.trim()}|${text}`, `status|${at}|${event.status}|${text}`];
}

function placeDetail(place: Place | undefined): number {
  let parts = 0;
  if (place) for (const part of Object.values(place)) if (part !== undefined && part !== '') parts++;
  return parts;
}

const timeSourceRank: Record<TrackingEvent['timeSource'], number> = { utc: 0, inferred: 1, carrier: 2 };

/**
 * Which of two copies of one scan says more: more detail about the place, then a problem named, then a
 * time whose offset the carrier gave (over one inferred from the place, over bare UTC). Positive when
 * `a` says more, negative when `b` does, 0 on a tie.
 */
function compareRichness(a: TrackingEvent, b: TrackingEvent): number {
  return (
    placeDetail(a.location) - placeDetail(b.location) ||
    Number(a.problem !== undefined) - Number(b.problem !== undefined) ||
    timeSourceRank[a.timeSource] - timeSourceRank[b.timeSource]
  );
}

/**
 * One event from two copies of a scan: the richer copy (on a tie the one met first, which is the stored
 * one, so a repeat changes nothing), with the place or problem that only the other copy has filled in.
 */
function richerCopy(first: TrackingEvent, next: TrackingEvent): TrackingEvent {
  const [kept, other] = compareRichness(next, first) > 0 ? [next, first] : [first, next];
  if ((kept.location || !other.location) && (kept.problem || !other.problem)) return kept;
  const merged: TrackingEvent = { ...kept };
  if (!merged.location && other.location) merged.location = other.location;
  if (!merged.problem && other.problem) merged.problem = other.problem;
  return merged;
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
 * Events are merged (identity: `eventKeys`; of two copies of one scan the richer is kept),
 * sorted, and status, problem and delivery time are derived from all of them, so the order in which
 * updates arrive does not matter.
 * Non-event fields come from the newest update; an older one only fills fields still missing.
 */
export function mergeUpdate(before: Shipment | undefined, beforeAsOf: number, update: ShipmentUpdate): Merged {
  const incoming = update.shipment;
  const asOf = updateAsOf(incoming);
  const newer = !before || asOf >= beforeAsOf;

  // Both identities of every event kept so far point at its place in `events`; a copy found under
  // either one is merged into it (see `richerCopy`).
  const byKey = new Map<string, number>();
  const events: TrackingEvent[] = [];
  for (const event of [...(before?.events ?? []), ...incoming.events]) {
    const [byCode, byStatus] = eventKeys(event);
    const index = byKey.get(byCode) ?? byKey.get(byStatus);
    if (index === undefined) {
      byKey.set(byCode, events.length);
      byKey.set(byStatus, events.length);
      events.push(event);
    } else {
      events[index] = richerCopy(events[index]!, event);
      // The merged copy answers to the identities of both.
      byKey.set(byCode, index);
      byKey.set(byStatus, index);
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
    // deriveShipmentState sorts (and drops exact repeats) itself.
    const state = deriveShipmentState(events);
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
