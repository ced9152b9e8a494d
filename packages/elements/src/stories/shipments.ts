import type { Place, Shipment, Status, TrackingEvent } from '@trackline/core';
import { problemScan, sampleProblem, type ProblemChoice } from './problems.js';

// Sample histories for the stories of every component, in the shape the core's UPS adapter produces (UPS's
// documented test number).
const louisville: Place = {
  city: 'LOUISVILLE',
  region: 'KY',
  country: 'US',
  timeZone: 'America/Kentucky/Louisville',
};
const ontario: Place = { city: 'ONTARIO', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' };
const fresno: Place = { city: 'FRESNO', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' };

const event = (
  at: string,
  status: Status,
  code: string,
  description: string,
  location?: Place,
  extra: Partial<TrackingEvent> = {},
): TrackingEvent => ({
  at,
  timeSource: 'carrier',
  status,
  code,
  description,
  ...(location ? { location } : {}),
  ...extra,
});

const labelCreated = event(
  '2024-05-02T16:12:00-04:00',
  'info_received',
  'MP',
  'Shipper created a label, UPS has not received the package yet.',
);
const onTheWay = [
  event('2024-05-03T19:40:00-04:00', 'in_transit', 'OR', 'Pickup Scan', louisville),
  event('2024-05-04T03:05:00-04:00', 'in_transit', 'DP', 'Departed from Facility', louisville),
  event('2024-05-05T22:31:00-07:00', 'in_transit', 'AR', 'Arrived at Facility', ontario),
  event('2024-05-06T04:10:00-07:00', 'in_transit', 'DP', 'Departed from Facility', ontario),
  event('2024-05-06T10:50:00-07:00', 'in_transit', 'AR', 'Arrived at Facility', fresno),
];
const outForDelivery = event('2024-05-07T07:02:00-07:00', 'out_for_delivery', 'OT', 'Out For Delivery Today', fresno);

const histories: Record<Status, TrackingEvent[]> = {
  pending: [],
  info_received: [labelCreated],
  in_transit: [labelCreated, ...onTheWay],
  out_for_delivery: [labelCreated, ...onTheWay, outForDelivery],
  available_for_pickup: [
    labelCreated,
    ...onTheWay,
    event('2024-05-07T13:20:00-07:00', 'available_for_pickup', 'KB', 'Delivered to UPS Access Point™', fresno),
  ],
  delivered: [
    labelCreated,
    ...onTheWay,
    outForDelivery,
    event('2024-05-07T14:48:00-07:00', 'delivered', 'KB', 'DELIVERED', fresno),
  ],
  returning: [
    labelCreated,
    ...onTheWay,
    event(
      '2024-05-07T09:15:00-07:00',
      'returning',
      'RS',
      'The receiver refused the delivery. Returning to sender.',
      fresno,
    ),
  ],
  returned: [
    labelCreated,
    ...onTheWay,
    event('2024-05-07T09:15:00-07:00', 'returning', 'RS', 'Returning to sender.', fresno),
    event('2024-05-10T11:02:00-04:00', 'returned', 'RT', 'Returned to shipper', louisville),
  ],
  cancelled: [labelCreated, event('2024-05-03T09:00:00-04:00', 'cancelled', 'VD', 'Shipment voided by the shipper')],
};

/** Seventy scans over three weeks from Shenzhen to Fresno, across three time zones. */
export const longHistory: TrackingEvent[] = Array.from({ length: 70 }, (_, i) => {
  const day = 1 + Math.floor(i / 3.5);
  const leg = i < 25 ? 0 : i < 45 ? 1 : 2;
  const [offset, place]: [string, Place] = [
    ['+08:00', { city: 'Shenzhen', country: 'CN', timeZone: 'Asia/Shanghai' } as Place],
    ['+02:00', { city: 'Leipzig', country: 'DE', timeZone: 'Europe/Berlin' } as Place],
    ['-07:00', fresno],
  ][leg] as [string, Place];
  const hour = String(6 + ((i * 5) % 14)).padStart(2, '0');
  return event(
    `2024-05-${String(day).padStart(2, '0')}T${hour}:${String((i * 7) % 60).padStart(2, '0')}:00${offset}`,
    'in_transit',
    i % 2 ? 'DP' : 'AR',
    i % 2 ? 'Departed from Facility' : 'Arrived at Facility',
    place,
  );
});

/** The same local time `hours` later, written with the same offset. */
function hoursAfter(at: string, hours: number): string {
  const offset = /[+-]\d\d:\d\d$/.exec(at)?.[0] ?? '+00:00';
  const minutes = (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
  return new Date(Date.parse(at) + hours * 3_600_000 + minutes * 60_000).toISOString().slice(0, 19) + offset;
}

/**
 * A UPS Ground parcel to Fresno with the history of `status`, and `problem` (if any) reported by the carrier's
 * scan two hours after the last one, at the same place (the problem alone for `stalled`, which no carrier scans).
 */
export function sampleShipment(status: Status, problem: ProblemChoice = 'none'): Shipment {
  const history = histories[status];
  const last = history.at(-1);
  const since = last ? hoursAfter(last.at, 2) : '2024-05-02T12:00:00-04:00';
  const events = [...history, ...problemScan(problem, status, since, last?.location)];
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    service: 'UPS Ground',
    status,
    events,
    ...sampleProblem(problem, since),
    estimate: {
      earliest: '2024-05-07',
      latest: '2024-05-09',
      likely: '2024-05-08',
      confidence: 0.8,
      basis: 'history',
      sampleSize: 1240,
    },
    ...(status === 'delivered' && last ? { deliveredAt: last.at } : {}),
    destination: { city: 'Fresno', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' },
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    updatedAt: new Date(Date.parse(since) + 3_600_000).toISOString(),
  };
}

/**
 * The stories' clock: an hour after the newest scan of `shipments`, as a shopper who opens the page soon after
 * it would see them (the sample estimates, in May 2024, are then still ahead).
 */
export function hourAfterNewestScan(...shipments: readonly Shipment[]): Date {
  const newest = Math.max(...shipments.flatMap((shipment) => shipment.events.map((event) => Date.parse(event.at))));
  return new Date((Number.isFinite(newest) ? newest : Date.parse('2024-05-02T12:00:00-04:00')) + 3_600_000);
}
