import {
  carrierIds,
  shopperCarrierName,
  problemReasons,
  statuses,
  type EstimateBasis,
  type Place,
  type ProblemReason,
  type Status,
} from '../model/index.js';
import { zoneForPlace } from '../time/zone-for-place.js';
import { createDates, dayIn, parseDay, parseInstant, timeZoneOf, type Instant, type Zone } from './dates.js';
import type { MessageContext, TimeText } from './types.js';

// Reads a shipment defensively: callers from plain JavaScript may pass anything, so every field is checked
// before use and anything unreadable is treated as unknown.

type Data = Record<string, unknown>;

const HOUR = 3_600_000;
const bases: readonly EstimateBasis[] = ['carrier', 'history', 'promise'];

const record = (value: unknown): Data | undefined =>
  typeof value === 'object' && value !== null ? (value as Data) : undefined;

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.find((v) => v === value);

/** What `describeShipment` needs to choose its messages. */
export interface Facts {
  status: Status | null;
  problem: { reason: ProblemReason; action: boolean } | null;
  basis: EstimateBasis;
  /** True when a delivered parcel was collected from a pickup point rather than brought to the door. */
  collected: boolean;
  /** True when the estimate ends after the promised window. */
  late: boolean;
  context: MessageContext;
}

// Control, zero-width and bidi-override characters could reorder or hide the sentence around a carrier's place name.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** Carrier text as short plain text; `FRESNO` becomes `Fresno`, while `CA` stays. */
function clean(value: unknown): string {
  if (typeof value !== 'string') return '';
  let text = Array.from(value.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim()).slice(0, 60).join('').trim();
  if (text.length > 3 && !/\p{Ll}/u.test(text)) {
    text = text.toLowerCase().replace(/(^|[\s'’.\-/(])(\p{L})/gu, (_, before: string, letter: string) => {
      return before + letter.toUpperCase();
    });
  }
  return text;
}

function placeText(place: Data | undefined): string {
  const city = clean(place?.city);
  const region = clean(place?.region);
  return city && region && city.toLowerCase() !== region.toLowerCase() ? `${city}, ${region}` : city || region;
}

/** A calendar window from `YYYY-MM-DD` ends, taking whichever ends are valid. */
function window(value: Data | undefined): { from: number; to: number; likely: number | null } | null {
  const earliest = parseDay(value?.earliest);
  const latest = parseDay(value?.latest);
  const likely = parseDay(value?.likely);
  const from = earliest ?? likely ?? latest;
  const to = latest ?? likely ?? earliest;
  if (from === null || to === null) return null;
  return { from: Math.min(from, to), to: Math.max(from, to), likely };
}

export function readShipment(input: unknown, locale: string, now: number): Facts {
  const shipment = record(input) ?? {};
  const dates = createDates(locale, now);

  const carrier = oneOf(carrierIds, shipment.carrier);
  // Without a name a shopper would recognise, the copy says "the carrier".
  const carrierText = carrier ? shopperCarrierName(carrier) : '';

  const rawProblem = record(shipment.problem);
  const problem = rawProblem
    ? { reason: oneOf(problemReasons, rawProblem.reason) ?? 'other', action: rawProblem.actionRequired === true }
    : null;
  const status = oneOf(statuses, shipment.status) ?? null;

  const { latest, delivered, beforeIt, zoneOf, today } = whereItGoes(shipment, now);

  /**
   * A time, naming its zone when the clock <tracking-timeline> shows its scan on reads otherwise: the scan's own
   * offset, or UTC for a time the carrier gave only in UTC.
   */
  const timeOf = (at: Instant, event: Data | undefined): TimeText =>
    dates.time(at, zoneOf(event, at), event?.timeSource === 'utc' ? 0 : at.offset);
  let time: TimeText | null = null;
  const deliveredAt = status === 'delivered' ? parseInstant(shipment.deliveredAt) : null;
  // deliveredAt is usually the delivery scan's own time: then it is told as the scan is.
  if (deliveredAt && deliveredAt.ms !== delivered?.at.ms) time = timeOf(deliveredAt, undefined);
  else if (status === 'delivered' && delivered) time = timeOf(delivered.at, delivered.event);
  else if (latest?.at) time = timeOf(latest.at, latest.event);
  const pickup = status === 'delivered' ? pickupScan(delivered, beforeIt, deliveredAt) : undefined;

  const estimate = record(shipment.estimate);
  const estimated = window(estimate);
  const promisedWindow = window(record(shipment.promised));
  const expected = estimated ?? promisedWindow;
  const passed = expected !== null && isOver(expected.to, today, now);

  return {
    status,
    problem,
    basis: estimated ? (oneOf(bases, estimate?.basis) ?? 'carrier') : 'promise',
    collected: pickup !== undefined,
    late: !passed && estimated !== null && promisedWindow !== null && estimated.to > promisedWindow.to,
    context: {
      carrier: carrierText,
      place: (pickup && placeText(record(pickup.location))) || placeText(record(latest?.event.location)),
      time,
      eta: expected && !passed ? dates.range(expected.from, expected.to, expected.likely, today) : null,
      due: expected && passed ? dates.day(expected.to, today) : null,
      promised: promisedWindow ? dates.range(promisedWindow.from, promisedWindow.to, null, today) : null,
      action: problem?.action ?? false,
    },
  };
}

/**
 * The parcel's latest scan (by time: carriers are not always in order; one without a readable time only wins when
 * none has), its latest delivery scan and its latest other scan.
 */
function scansOf(shipment: Data) {
  const events = Array.isArray(shipment.events) ? shipment.events.map(record).filter((e) => e !== undefined) : [];
  let latest: { event: Data; at: Instant | null } | undefined;
  let delivered: { event: Data; at: Instant } | undefined;
  let beforeIt: { event: Data; at: Instant } | undefined;
  for (const event of events) {
    const at = parseInstant(event.at);
    if (!latest || (at ? !latest.at || at.ms >= latest.at.ms : !latest.at)) latest = { event, at };
    if (!at) continue;
    if (event.status === 'delivered') {
      if (!delivered || at.ms >= delivered.at.ms) delivered = { event, at };
    } else if (!beforeIt || at.ms >= beforeIt.at.ms) beforeIt = { event, at };
  }
  return { latest, delivered, beforeIt };
}

/**
 * Where the parcel is going, as far as its days are concerned: its scans (`scansOf`), the zone a time is told in (the destination's when it is given, else inferred from its country and region, as
 * scan times are; else the scan's own offset) and the day it is there at `now` (null when no zone is known).
 */
function whereItGoes(shipment: Data, now: number) {
  const { latest, delivered, beforeIt } = scansOf(shipment);
  const destination = record(shipment.destination);
  const destinationZone = timeZoneOf(destination?.timeZone) ?? timeZoneOf(safeZoneForPlace(destination));
  const zoneOf = (event: Data | undefined, at: Instant): Zone | null =>
    destinationZone ?? (event?.timeSource === 'utc' ? null : at.offset);
  // "Today" for calendar dates: in the destination's zone, else in the zone of the latest scan.
  const home = latest?.at ? zoneOf(latest.event, latest.at) : destinationZone;
  return { latest, delivered, beforeIt, zoneOf, today: home === null ? null : dayIn(now, home) };
}

/**
 * The pickup point's scan of a delivered parcel collected there: the latest scan other than a delivery scan came
 * before the delivery (the latest delivery scan, else `deliveredAt`) and said the parcel was waiting at a pickup
 * point. A parcel that left it again (out for delivery, back in transit, sent back) came to the door.
 */
function pickupScan(
  delivered: { at: Instant } | undefined,
  beforeIt: { event: Data; at: Instant } | undefined,
  deliveredAt: Instant | null,
): Data | undefined {
  const delivery = delivered?.at ?? deliveredAt;
  return beforeIt?.event.status === 'available_for_pickup' && (!delivery || beforeIt.at.ms <= delivery.ms)
    ? beforeIt.event
    : undefined;
}

/**
 * Whether a delivered parcel was collected from a pickup point rather than brought to the door, as
 * `describeShipment` decides its "Collected" copy; <tracking-progress> names its steps by the same rule.
 */
export function collectedFromPickup(shipment: unknown): boolean {
  const data = record(shipment);
  if (data?.status !== 'delivered') return false;
  const { delivered, beforeIt } = scansOf(data);
  return pickupScan(delivered, beforeIt, parseInstant(data.deliveredAt)) !== undefined;
}

/**
 * Whether a parcel out for delivery is expected today, as `describeShipment` says "It should arrive later today"
 * rather than "soon": no problem is open, and its latest scan is from today where the parcel is going (the
 * destination's zone, else the scan's own) or has no readable time. False for any other status.
 */
export function outForDeliveryToday(shipment: unknown, now: Date | number = Date.now()): boolean {
  const data = record(shipment);
  // With a problem open, its copy speaks instead (and the date, if any, is the carrier's new one).
  if (data?.status !== 'out_for_delivery' || record(data.problem)) return false;
  const ms = typeof now === 'number' ? now : now.getTime();
  const { latest, zoneOf } = whereItGoes(data, ms);
  if (!latest?.at) return true;
  const zone = zoneOf(latest.event, latest.at);
  return zone !== null && dayIn(latest.at.ms, zone) === dayIn(ms, zone);
}

/** Whether calendar day `day` is over on `today`; without a zone, only once it is over everywhere (UTC−12 is last). */
function isOver(day: number, today: number | null, now: number): boolean {
  return day < (today ?? dayIn(now - 12 * HOUR, 0));
}

/**
 * Whether the day `day` (`YYYY-MM-DD`, such as an estimate's `latest`) is over at `now` where the shipment is going,
 * counted as `describeShipment` counts days: in the destination's time zone (given, or inferred from its country and
 * region), else in the zone of the latest scan; with neither, only once the day is over everywhere. A page that
 * hides a passed date with it never disagrees with the sentence `describeShipment` writes ("It was expected …").
 * False for a day that cannot be read.
 */
export function dayHasPassed(shipment: unknown, day: string, now: Date | number = Date.now()): boolean {
  const value = parseDay(day);
  const ms = typeof now === 'number' ? now : now.getTime();
  return value !== null && isOver(value, whereItGoes(record(shipment) ?? {}, ms).today, ms);
}

/** `zoneForPlace` for data of any shape: a malformed place has no zone. */
function safeZoneForPlace(place: Data | undefined): string | undefined {
  if (!place) return undefined;
  try {
    return zoneForPlace(place as Place);
  } catch {
    return undefined;
  }
}
