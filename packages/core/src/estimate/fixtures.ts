import type { DeliveryEstimate, Shipment, TrackingEvent } from '../model/schemas.js';
import type { Area, HistoryRecord } from './types.js';

// Hand-made histories for the tests: whole days, fixed clock times, so every answer can be worked
// out by hand. Not exported from the package.

export const CA: Area = { country: 'US', region: 'CA' };
export const NY: Area = { country: 'US', region: 'NY' };
export const TX: Area = { country: 'US', region: 'TX' };
export const WA: Area = { country: 'US', region: 'WA' };
export const SP: Area = { country: 'BR', region: 'SP' };
export const RJ: Area = { country: 'BR', region: 'RJ' };

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface LaneSpec {
  carrier?: string;
  service?: string;
  origin?: Area;
  destination?: Area;
  /** Offset written in the times, e.g. `-07:00`. */
  offset?: string;
}

/**
 * `count` orders placed at 10:00 on `placed` (local), shipped the same day at 16:00, delivered at
 * 15:00 on `delivered` (or still in flight when `delivered` is undefined).
 */
export function orders(
  count: number,
  placed: string,
  delivered: string | undefined,
  lane: LaneSpec = {},
): HistoryRecord[] {
  const offset = lane.offset ?? '-07:00';
  const record: HistoryRecord = {
    carrier: lane.carrier ?? 'ups',
    service: lane.service ?? 'ground',
    origin: lane.origin ?? CA,
    destination: lane.destination ?? NY,
    placedAt: `${placed}T10:00:00${offset}`,
    shippedAt: `${placed}T16:00:00${offset}`,
    ...(delivered === undefined ? {} : { deliveredAt: `${delivered}T15:00:00${offset}` }),
  };
  return Array.from({ length: count }, () => ({ ...record }));
}

/** The same orders every Monday from `firstMonday` for `weeks` weeks, delivered `transit` calendar days later. */
export function weekly(
  firstMonday: string,
  weeks: number,
  perWeek: number,
  transit: number,
  lane: LaneSpec = {},
): HistoryRecord[] {
  const out: HistoryRecord[] = [];
  for (let w = 0; w < weeks; w++) {
    const monday = addDays(firstMonday, 7 * w);
    out.push(...orders(perWeek, monday, addDays(monday, transit), lane));
  }
  return out;
}

/** `YYYY-MM-DD` of the `k`-th working day after the Monday `monday` (weekends only; before it for k < 0). */
export function workday(monday: string, k: number): string {
  return addDays(monday, k + 2 * Math.floor(k / 5));
}

/** Working days after the hand-over each week's ten orders take: 2 (10%), 3 (60%), 4 (20%), 5 (10%). */
export const carrierLaneTransits = [2, 3, 3, 3, 3, 3, 3, 4, 4, 5];

/**
 * `weeks` weeks from Monday 2024-01-15 of ten Monday orders each, handed over that Monday at 16:00 and
 * delivered `carrierLaneTransits` working days later, each keeping the date its carrier gave: the
 * working day after the hand-over that `carrierDay` names from the record's real transit (none when
 * it gives undefined).
 */
export function carrierDated(
  carrierDay: (transit: number, index: number) => number | undefined,
  lane: LaneSpec = {},
  weeks = 16,
): HistoryRecord[] {
  const offset = lane.offset ?? '-07:00';
  const out: HistoryRecord[] = [];
  for (let w = 0; w < weeks; w++) {
    const monday = addDays('2024-01-15', 7 * w);
    for (const transit of carrierLaneTransits) {
      const day = carrierDay(transit, out.length);
      out.push({
        carrier: lane.carrier ?? 'ups',
        service: lane.service ?? 'ground',
        origin: lane.origin ?? CA,
        destination: lane.destination ?? NY,
        placedAt: `${monday}T10:00:00${offset}`,
        shippedAt: `${monday}T16:00:00${offset}`,
        deliveredAt: `${workday(monday, transit)}T15:00:00${offset}`,
        ...(day === undefined ? {} : { carrierEstimate: workday(monday, day) }),
      });
    }
  }
  return out;
}

/** A carrier scan with its status as its code and text. */
export function scan(at: string, status: TrackingEvent['status']): TrackingEvent {
  return { at, timeSource: 'carrier', status, code: status, description: status };
}

/** A UPS parcel with these scans, its status that of the last one. */
export function shipment(events: TrackingEvent[], extra: Partial<Shipment> = {}): Shipment {
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    status: events.at(-1)?.status ?? 'pending',
    events,
    updatedAt: events.at(-1)?.at ?? '2024-05-13T16:00:00-07:00',
    ...extra,
  };
}

/** The carrier's own date, `likely` and, unless given, its whole window. */
export function carrierSays(likely: string, window: { earliest?: string; latest?: string } = {}): DeliveryEstimate {
  return {
    earliest: window.earliest ?? likely,
    latest: window.latest ?? likely,
    likely,
    confidence: 0.9,
    basis: 'carrier',
  };
}

/** The pick-up scan of a parcel handed over on Monday 2024-05-13 at 16:00, as `carrierDated`'s orders are. */
export const pickedUp: TrackingEvent = {
  at: '2024-05-13T16:00:00-07:00',
  timeSource: 'carrier',
  status: 'in_transit',
  code: 'I',
  description: 'Picked up',
};
