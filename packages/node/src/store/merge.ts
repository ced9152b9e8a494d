import { deriveShipmentState, type Place, type Shipment, type Status, type TrackingEvent } from '@trackline/core';
import { delayCheckSource, isDelayCheckEvent } from '../delays/events.js';
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
 * update brought it, unless their places disagree (see `mergeEvents`).
 * - The same instant, code and text (compared by `textKey`). The core's `sortEvents` treats them so
 *   too, comparing the trimmed text exactly; this folds case and spacing as well, because the store
 *   meets one scan from two sources (a tracker poll and a webhook, or two aggregators) that copy the
 *   carrier's text differently.
 * - The same instant, status and text: two aggregators each have codes of their own (EasyPost
 *   `in_transit/arrived_at_facility`, Shippo `TRANSIT`), so the code cannot match, but the instant, our
 *   status and the carrier's text still do. Two different scans alike in all three and in their place
 *   are not told apart by a shopper either.
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
 * Between two copies that say as much: the one with the smaller code, then status. Which copy is kept
 * decides which identities the event answers to later (see `mergeEvents`), so it must not depend on
 * which copy came first. Positive when `b` is kept.
 */
function compareIdentity(a: TrackingEvent, b: TrackingEvent): number {
  const [codeA, codeB] = [a.code.trim(), b.code.trim()];
  if (codeA !== codeB) return codeA > codeB ? 1 : -1;
  if (a.status !== b.status) return a.status > b.status ? 1 : -1;
  return 0;
}

/**
 * One event from two copies of a scan: the richer copy (on a tie the one with the smaller code or
 * status, and else the one met first, which is the stored one, so a repeat changes nothing), with the
 * place or problem that only the other copy has filled in.
 */
function richerCopy(first: TrackingEvent, next: TrackingEvent): TrackingEvent {
  const nextWins = compareRichness(next, first) || compareIdentity(first, next);
  const [kept, other] = nextWins > 0 ? [next, first] : [first, next];
  if ((kept.location || !other.location) && (kept.problem || !other.problem)) return kept;
  const merged: TrackingEvent = { ...kept };
  if (!merged.location && other.location) merged.location = other.location;
  if (!merged.problem && other.problem) merged.problem = other.problem;
  return merged;
}

function postalKey(postalCode: string | undefined): string {
  return (postalCode ?? '').toUpperCase().replace(/[\s-]+/g, '');
}

/**
 * Whether two places are certainly different: both name a city and the names differ (compared by
 * `textKey`), or both give a postal code and neither begins the other (a ZIP and its ZIP+4 agree).
 * A place that leaves a part out agrees with any value of it.
 */
function placesDisagree(a: Place | undefined, b: Place | undefined): boolean {
  if (!a || !b) return false;
  if (a.city && b.city && textKey(a.city) !== textKey(b.city)) return true;
  const [postalA, postalB] = [postalKey(a.postalCode), postalKey(b.postalCode)];
  return postalA !== '' && postalB !== '' && !postalA.startsWith(postalB) && !postalB.startsWith(postalA);
}

/**
 * `copies` (the stored events, then the update's) with the copies of each scan merged into one event
 * (see `richerCopy`). A copy joins the event that matches it by code, else one that matches it by
 * status (see `eventKeys`), never one whose place disagrees with its own: two scans alike in all else
 * (Reno and Fresno at one instant) stay two.
 * An event answers only to the identities of the copy it keeps, not to those of every copy merged
 * into it: else merges would chain (A like B by code, B like C by status, would make A, B and C one
 * event when B came before C, and two when C came first), and the result would hang on arrival order.
 */
function mergeEvents(copies: readonly TrackingEvent[]): TrackingEvent[] {
  const events: TrackingEvent[] = [];
  const identities: (readonly string[])[] = [];
  // Each identity, to the events that answer to it (more than one when their places disagree).
  const byKey = new Map<string, number[]>();
  const answer = (index: number) => {
    for (const key of identities[index]!) {
      const list = byKey.get(key);
      if (list) list.push(index);
      else byKey.set(key, [index]);
    }
  };
  const stopAnswering = (index: number) => {
    for (const key of identities[index]!) {
      const list = byKey.get(key)!;
      list.splice(list.indexOf(index), 1);
    }
  };
  for (const copy of copies) {
    const [byCode, byStatus] = eventKeys(copy);
    const matching = (key: string) =>
      byKey.get(key)?.find((index) => !placesDisagree(events[index]!.location, copy.location));
    const index = matching(byCode) ?? matching(byStatus);
    if (index === undefined) {
      identities.push([byCode, byStatus]);
      events.push(copy);
      answer(events.length - 1);
      continue;
    }
    const merged = richerCopy(events[index]!, copy);
    events[index] = merged;
    const keys = eventKeys(merged);
    if (keys[0] !== identities[index]![0] || keys[1] !== identities[index]![1]) {
      stopAnswering(index);
      identities[index] = keys;
      answer(index);
    }
  }
  return events;
}

/**
 * When an update's non-event fields (estimate, service, …) were true: its newest carrier event, or its
 * `updatedAt` when it has none. An update that is older than what is stored does not overwrite them.
 * A delay check's notes are no carrier news, so they never count.
 */
export function updateAsOf(shipment: Shipment): number {
  let newest = 0;
  for (const event of shipment.events) if (!isDelayCheckEvent(event)) newest = Math.max(newest, instant(event.at));
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
 * A delay check's update (`source: delayCheckSource`) is no news from the carrier: see `withDelayNotes`.
 */
export function mergeUpdate(before: Shipment | undefined, beforeAsOf: number, update: ShipmentUpdate): Merged {
  const incoming = update.shipment;
  const fromCheck = update.source === delayCheckSource;
  const asOf = updateAsOf(incoming);
  // A check's status is only what it read, and its time is when it ran, not when the carrier knew anything.
  const newer = !fromCheck && (!before || asOf >= beforeAsOf);
  // A check judged the parcel as it read it (it sends the `updatedAt` it read): carrier data stored since stands.
  const checkedAsStored = fromCheck && (!before || before.updatedAt === incoming.updatedAt);

  const events = mergeEvents([...(before?.events ?? []), ...incoming.events]);

  const shipment: Shipment = {
    carrier: before?.carrier ?? incoming.carrier,
    trackingNumber: before?.trackingNumber ?? incoming.trackingNumber,
    status: 'pending',
    events: [],
    // When the carrier's data was last fetched: a check fetches nothing (the look-up would skip its refresh).
    updatedAt:
      fromCheck && before ? before.updatedAt : latest(before?.updatedAt, incoming.updatedAt, update.receivedAt),
  };
  for (const name of fieldNames) {
    const mine = before?.[name];
    const theirs = incoming[name];
    // The estimate a check brings replaces the carrier's (see `checkAsOf` for how long it stands).
    const value = newer || checkedAsStored ? (theirs ?? mine) : (mine ?? theirs);
    // One assignment per field keeps each field's own type; the union of all of them is what TS sees here.
    if (value !== undefined) (shipment as Record<string, unknown>)[name] = value;
  }

  // Status, problem and delivery time as the carrier's own events say them; our notes come after.
  const scans = events.filter((event) => !isDelayCheckEvent(event));
  let carrierProblem: Shipment['problem'];
  if (scans.length > 0) {
    // deriveShipmentState sorts (and drops exact repeats) itself.
    const state = deriveShipmentState(scans);
    shipment.events = state.events;
    shipment.status = state.status;
    carrierProblem = state.problem;
    const deliveredAt = state.deliveredAt ?? (state.status === 'delivered' ? incoming.deliveredAt : undefined);
    if (deliveredAt) shipment.deliveredAt = deliveredAt;
  } else {
    // No scans at all (a tracker that only reports a status): take the newest status, never backwards.
    const status = before ? (newer ? notBackwards(before.status, incoming.status) : before.status) : incoming.status;
    shipment.status = status;
    carrierProblem = newer ? incoming.problem : before && !noteOpen(before) ? before.problem : undefined;
    const deliveredAt = newer ? (incoming.deliveredAt ?? before?.deliveredAt) : before?.deliveredAt;
    if (status === 'delivered' && deliveredAt) shipment.deliveredAt = deliveredAt;
  }
  const problem =
    scans.length < events.length
      ? withDelayNotes(shipment, events, carrierProblem, newer && scans.length === 0)
      : carrierProblem;
  if (problem) shipment.problem = problem;
  const fieldsAsOf = checkedAsStored ? checkAsOf(beforeAsOf, incoming) : newer ? asOf : beforeAsOf;
  return { shipment, fieldsAsOf };
}

/** Stages where a delay check's problem no longer applies (the core's `detectDelay` does not judge them). */
const settled: ReadonlySet<Status> = new Set([
  'delivered',
  'available_for_pickup',
  'returning',
  'returned',
  'cancelled',
]);

/** Whether the shipment's problem is one a delay check's note opened (its newest event is that note). */
function noteOpen(shipment: Shipment): boolean {
  const newest = shipment.events.at(-1);
  return (
    shipment.problem !== undefined &&
    !settled.has(shipment.status) &&
    newest !== undefined &&
    isDelayCheckEvent(newest) &&
    newest.problem !== undefined
  );
}

/**
 * The shipment's events with the delay check's notes among them, and the problem shown. A note carries a
 * problem the carrier never reported (stalled, lost, late) and stays open until a later carrier event, or
 * the check's own "cleared" note, closes it; a note never says where the parcel is, so the status comes
 * from the carrier alone (set before this is called). Once the carrier says the parcel has arrived, is
 * waiting to be collected, or is going back, a delay is over whatever the notes say: no scan reported
 * late (made before the note, so sorted before it) can leave "delivered and delayed" behind.
 * `carrierSaidLater`: a status-only update newer than what was stored, whose own problem then wins.
 */
function withDelayNotes(
  shipment: Shipment,
  events: TrackingEvent[],
  carrierProblem: Shipment['problem'],
  carrierSaidLater: boolean,
): Shipment['problem'] {
  const all = deriveShipmentState(events);
  shipment.events = all.events;
  if (settled.has(shipment.status) || (carrierSaidLater && carrierProblem)) return carrierProblem;
  return all.problem ?? carrierProblem;
}

/**
 * The fields' as-of time after a delay check's update: the check's time never counts (carrier data made
 * after the scans it judged, but reported after it ran, must still win). When it brought an estimate,
 * that estimate stands against a repeat of the carrier data it was judged on (as-of time equal), and
 * gives way to anything newer; one millisecond later says exactly that.
 */
function checkAsOf(beforeAsOf: number, incoming: Shipment): number {
  return fieldNames.some((name) => incoming[name] !== undefined) ? beforeAsOf + 1 : beforeAsOf;
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
