import {
  deriveShipmentState,
  isPastDelivery,
  normalizeTrackingNumber,
  statuses,
  type Place,
  type Shipment,
  type Status,
  type TrackingEvent,
} from '@trackline/core';
import { delayCheckSource, isDelayCheckEvent } from '../delays/events.js';
import { newProblem, reachedRegion } from '../milestones.js';
import type { ShipmentUpdate } from './types.js';

// What both stores do inside `applyUpdate`'s transaction, as pure functions: merge an update into
// the stored shipment, and tell whether a shopper would be told something new.

/**
 * How parcels are keyed: the core's `normalizeTrackingNumber`, the form `detectCarrier` reads a pasted
 * number in (`1z 999-aa1`, `1Z.999.AA1` and `1Z999AA1` are one parcel). Migration 4 rewrote the keys
 * stored before it (see `mergeParcelRows`).
 */
export function trackingKey(trackingNumber: string): string {
  return normalizeTrackingNumber(trackingNumber);
}

/**
 * A parcel's part of the ids the outbox and the delay notes dedupe on: the stored number without
 * spaces, upper case — the parcel key as it was before migration 4. It must never change: an id
 * written by an older version has to match the one this version computes for the same message, or a
 * message already sent could be planned and sent again after an upgrade.
 */
export function parcelIdPart(trackingNumber: string): string {
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

// The group of each copy (`mergeEvents`), by its `at` and its text as written: the same few come back
// in every update of a parcel, and making the key anew (a number written out, two strings joined) cost
// more than the rest of the grouping.
const groupKeys = new Map<string, Map<string, string>>();

/** The copies that may be one scan share this: the same instant, and the same text (`textKey`). */
function groupKey(event: TrackingEvent): string {
  let byText = groupKeys.get(event.at);
  if (byText === undefined) {
    if (groupKeys.size >= cacheLimit) groupKeys.clear();
    byText = new Map();
    groupKeys.set(event.at, byText);
  }
  let key = byText.get(event.description);
  if (key === undefined) {
    key = `${instant(event.at)}|${textKey(event.description)}`;
    byText.set(event.description, key);
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
 * decides which identities the event answers to (see `mergeEvents`), so it must not depend on which copy
 * came first. Positive when `b` is kept.
 */
function compareIdentity(a: TrackingEvent, b: TrackingEvent): number {
  const [codeA, codeB] = [a.code.trim(), b.code.trim()];
  if (codeA !== codeB) return codeA > codeB ? 1 : -1;
  if (a.status !== b.status) return a.status > b.status ? 1 : -1;
  return 0;
}

/**
 * One event from two copies of a scan: the richer copy (on a tie the one with the smaller code or
 * status, and else `first`, which `mergeEvents` takes in a fixed order), with the place or problem that
 * only the other copy has filled in.
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

const statusRank = new Map<string, number>(statuses.map((status, rank) => [status, rank]));

/**
 * A copy written out in full, with the keys of every object in one order: the last word in the order
 * of copies, so that order is total (only copies that differ get this far, and they never write alike).
 */
function copyKey(event: TrackingEvent): string {
  return JSON.stringify(event, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/** Whether two copies say the same in every field (a field left out and one set to undefined are alike). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const first = a as Record<string, unknown>;
  const second = b as Record<string, unknown>;
  for (const key in first) if (!sameValue(first[key], second[key])) return false;
  for (const key in second) if (!(key in first) && second[key] !== undefined) return false;
  return true;
}

/** `copyKey` of `event`, made once per merge (`keys`) and only for the few copies that need it. */
function copyKeyIn(keys: Map<TrackingEvent, string>, event: TrackingEvent): string {
  let key = keys.get(event);
  if (key === undefined) keys.set(event, (key = copyKey(event)));
  return key;
}

/** A total order on copies: first the one that says the most, then by identity, then by what they say. */
function canonicalOrder(keys: Map<TrackingEvent, string>) {
  return (a: TrackingEvent, b: TrackingEvent): number => {
    const order = compareRichness(b, a) || compareIdentity(a, b);
    if (order !== 0) return order;
    const keyA = copyKeyIn(keys, a);
    const keyB = copyKeyIn(keys, b);
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  };
}

/**
 * The events by instant; at one instant in the order of a parcel's life (`statuses`: in transit before
 * delivered), then as `canonicalOrder` puts them. The core derives the status from the last event at an
 * instant, so this order, not arrival, decides it.
 */
function eventOrder(keys: Map<TrackingEvent, string>) {
  const tie = canonicalOrder(keys);
  return (a: TrackingEvent, b: TrackingEvent): number =>
    instant(a.at) - instant(b.at) || (statusRank.get(a.status) ?? 0) - (statusRank.get(b.status) ?? 0) || tie(a, b);
}

export interface MergedEvents {
  /** One event per scan, in a fixed order (see `eventOrder`). */
  events: TrackingEvent[];
  /** Every different copy received, stored ones first; a repeat of one is not listed again. */
  copies: TrackingEvent[];
  /** Each event is one copy as it came (no scan had two copies, nothing was filled in). */
  oneCopyEach: boolean;
}

/**
 * The events that `copies` (every copy of every scan received, in any order, repeats included) make:
 * the copies of one scan merged into one event (see `richerCopy`). The answer depends only on which
 * copies there are, never on the order they came in (a shopper must see the same timeline whichever
 * webhook was delivered first):
 * - Copies are taken from the one that says the most to the one that says the least (a total order:
 *   `canonicalOrder`). Each copy joins the event whose leading copy has its code, else one whose
 *   leading copy has its status (see `eventKeys`), never one whose place disagrees with its own: two
 *   scans alike in all else (Reno and Fresno at one instant) stay two. A copy that joins none leads an
 *   event of its own.
 * - An event answers only to the identities of its leading copy, which, taken first, says the most and
 *   is the copy it keeps: merges never chain (A like B by code, B like C by status, does not make A, B and
 *   C one event), and a copy's place in the order, not its arrival, decides which event it joins.
 * Only copies at the same instant and with the same text (`eventKeys`) can be one scan, so each such
 * group is ordered on its own, and most groups have one copy.
 */
export function mergeEvents(copies: readonly TrackingEvent[]): MergedEvents {
  const keys = new Map<TrackingEvent, string>();
  // Copies by instant and text; a copy already listed (the same in every field) is dropped.
  const groups = new Map<string, TrackingEvent[]>();
  const distinct: TrackingEvent[] = [];
  for (const copy of copies) {
    const group = groupKey(copy);
    const list = groups.get(group);
    if (!list) {
      groups.set(group, [copy]);
      distinct.push(copy);
      continue;
    }
    // Compared in full only with the few copies that share the instant and the text.
    if (list.some((other) => sameValue(other, copy))) continue;
    list.push(copy);
    distinct.push(copy);
  }

  const order = canonicalOrder(keys);
  const events: TrackingEvent[] = [];
  let oneCopyEach = true;
  for (const group of groups.values()) {
    if (group.length === 1) {
      events.push(group[0]!);
      continue;
    }
    group.sort(order);
    const merged: TrackingEvent[] = [];
    // Each identity of a leading copy, to the events it leads (more than one when their places disagree).
    const byKey = new Map<string, number[]>();
    for (const copy of group) {
      const [byCode, byStatus] = eventKeys(copy);
      const matching = (key: string) =>
        byKey.get(key)?.find((index) => !placesDisagree(merged[index]!.location, copy.location));
      const index = matching(byCode) ?? matching(byStatus);
      if (index === undefined) {
        merged.push(copy);
        for (const key of [byCode, byStatus]) {
          const list = byKey.get(key);
          if (list) list.push(merged.length - 1);
          else byKey.set(key, [merged.length - 1]);
        }
        continue;
      }
      // The leading copy came first and says at least as much: it stays, and only what it lacks is filled in.
      merged[index] = richerCopy(merged[index]!, copy);
      oneCopyEach = false;
    }
    events.push(...merged);
  }
  events.sort(eventOrder(keys));
  return { events, copies: distinct, oneCopyEach };
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
  /**
   * Every different copy of the parcel's events received so far, for the next merge: the events alone
   * cannot tell which copies made them, and without that a merge would hang on arrival order (see
   * `mergeEvents`). Undefined when the events are those copies as they came (no scan came twice in two
   * shapes), which is what a store keeps for most parcels: it then stores nothing more.
   */
  copies?: TrackingEvent[];
}

/**
 * The shipment after `update`, given what was stored (`before`, with the as-of time of its fields, and
 * the copies its events were made of: `Merged.copies`, undefined when they are its events).
 * Events are merged from every copy received (identity: `eventKeys`; of two copies of one scan the
 * richer is kept), sorted, and status, problem and delivery time are derived from all of them, so the
 * order in which updates arrive does not matter.
 * Non-event fields come from the newest update; an older one only fills fields still missing.
 * A delay check's update (`source: delayCheckSource`) is no news from the carrier: see `withDelayNotes`.
 */
export function mergeUpdate(
  before: Shipment | undefined,
  beforeAsOf: number,
  update: ShipmentUpdate,
  beforeCopies?: readonly TrackingEvent[],
): Merged {
  const incoming = update.shipment;
  const fromCheck = update.source === delayCheckSource;
  const asOf = updateAsOf(incoming);
  // A check's status is only what it read, and its time is when it ran, not when the carrier knew anything.
  const newer = !fromCheck && (!before || asOf >= beforeAsOf);
  // A check judged the parcel as it read it (it sends the `updatedAt` it read): carrier data stored since stands.
  const checkedAsStored = fromCheck && (!before || before.updatedAt === incoming.updatedAt);

  const merged = mergeEvents([...(beforeCopies ?? before?.events ?? []), ...incoming.events]);
  const events = merged.events;

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
  // The newest estimate may come from before the parcel arrived (or turned back): it no longer applies, as
  // `buildShipment` leaves it out of a polled shipment.
  if (isPastDelivery(shipment.status)) delete shipment.estimate;
  const problem =
    scans.length < events.length
      ? withDelayNotes(shipment, events, carrierProblem, newer && scans.length === 0)
      : carrierProblem;
  if (problem) shipment.problem = problem;
  const fieldsAsOf = checkedAsStored ? checkAsOf(beforeAsOf, incoming) : newer ? asOf : beforeAsOf;
  const result: Merged = { shipment, fieldsAsOf };
  if (!copiesAreEvents(merged, shipment.events)) result.copies = merged.copies;
  return result;
}

/**
 * Whether the shipment's events are exactly the copies received, each as it came: then the events are
 * all a later merge needs. Not so when copies were merged, or when `deriveShipmentState` dropped or
 * rewrote one (a "delivered" on the way back becomes "returned").
 */
function copiesAreEvents(merged: MergedEvents, events: readonly TrackingEvent[]): boolean {
  if (!merged.oneCopyEach || events.length !== merged.copies.length) return false;
  const received = new Set(merged.copies);
  return events.every((event) => received.has(event));
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
 * Whether a shopper could be told something new, so the notifier gets to judge it: the status changed,
 * a problem opened, closed or came again (a second failed attempt: same reason, a later start), or now needs
 * (or no longer needs) the shopper's action, the estimated dates changed, or the parcel reached the
 * shopper's region. A parcel seen for the first time counts as changed from "pending, no problem, no
 * estimate".
 */
export function isNews(before: Shipment | undefined, after: Shipment): boolean {
  return (
    (before?.status ?? 'pending') !== after.status ||
    before?.problem?.reason !== after.problem?.reason ||
    newProblem(before, after) ||
    before?.problem?.actionRequired !== after.problem?.actionRequired ||
    estimateKey(before) !== estimateKey(after) ||
    reachedRegion(before, after)
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

/** A stored parcel, as migration 4 reads it to give it its new key. */
export interface ParcelRow {
  id: number;
  orderNumber: string | null;
  /** `updated_at` of that order: when an order last claimed (or changed) its parcels. */
  orderUpdatedAt: string | null;
  shipment: Shipment;
  fieldsAsOf: number;
  /** The stored copies (`Merged.copies`), when the store keeps them. */
  copies?: TrackingEvent[] | undefined;
}

/** What becomes of parcel rows that one key now names (see `mergeParcelRows`). */
export interface ParcelMerge {
  /** The row that stays: the first stored, so paging and the changes' links keep their place. */
  keep: number;
  /** The rows merged into it. */
  remove: number[];
  orderNumber: string | null;
  shipment: Shipment;
  fieldsAsOf: number;
  copies?: TrackingEvent[];
}

/**
 * Migration 4's plan: the stored rows whose key changes under `trackingKey`, grouped by the key they
 * take (per carrier). A group may still meet a row already stored under that key (the migration looks).
 */
export function rekeyGroups<Id>(
  rows: readonly { id: Id; carrier: string; tracking_key: string }[],
): { carrier: string; key: string; ids: Id[] }[] {
  const groups = new Map<string, { carrier: string; key: string; ids: Id[] }>();
  for (const row of rows) {
    const key = trackingKey(row.tracking_key);
    if (key === row.tracking_key) continue;
    const name = JSON.stringify([row.carrier, key]);
    const group = groups.get(name) ?? groups.set(name, { carrier: row.carrier, key, ids: [] }).get(name)!;
    group.ids.push(row.id);
  }
  return [...groups.values()];
}

/**
 * One parcel from rows that were stored apart only because their tracking numbers were written
 * differently (`1Z999-AA1…` and `1Z999AA1…`, keyed apart before migration 4). Nothing is lost: every
 * event of every row is merged as if each row had been one more update of the first (`mergeUpdate`,
 * so the newest estimate and service win and each scan is one event), and the migration keeps every
 * row of the group as it was in a table of its own.
 * The parcel belongs to the order that claimed it last (the order updated last; on a tie, the row
 * stored last), as `saveOrder` already does when a second order names a stored parcel.
 */
export function mergeParcelRows(rows: readonly ParcelRow[]): ParcelMerge {
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  const [first, ...rest] = sorted;
  if (!first) throw new Error('mergeParcelRows needs at least one row.');
  const readable = (shipment: Shipment): Shipment => ({
    ...shipment,
    events: Array.isArray(shipment.events) ? shipment.events : [],
  });
  let shipment = readable(first.shipment);
  let fieldsAsOf = first.fieldsAsOf;
  let copies = first.copies;
  for (const row of rest) {
    const update: ShipmentUpdate = {
      shipment: { ...readable(row.shipment), events: row.copies ?? readable(row.shipment).events },
      source: 'migration',
      receivedAt: row.shipment.updatedAt ?? shipment.updatedAt,
    };
    const merged = mergeUpdate(shipment, fieldsAsOf, update, copies);
    shipment = merged.shipment;
    fieldsAsOf = merged.fieldsAsOf;
    copies = merged.copies;
  }
  let owner: ParcelRow | undefined;
  for (const row of sorted) {
    if (row.orderNumber === null) continue;
    if (!owner || instant(row.orderUpdatedAt ?? '') >= instant(owner.orderUpdatedAt ?? '')) owner = row;
  }
  const result: ParcelMerge = {
    keep: first.id,
    remove: rest.map((row) => row.id),
    orderNumber: owner?.orderNumber ?? null,
    shipment,
    fieldsAsOf,
  };
  if (copies) result.copies = copies;
  return result;
}
