import type { Place, Problem, Shipment, Status, TrackingEvent } from '@trackline/core';
import type { Customer, ShipmentChange } from '../store/types.js';

// Shipments, changes and shoppers for the notifier's tests. Not exported from the package.

export const TRACKING = '1Z999AA10123456784';
export const fresno: Place = { city: 'FRESNO', region: 'CA', country: 'US' };
export const memphis: Place = { city: 'Memphis', region: 'TN', country: 'US' };
export const home: Place = {
  city: 'Clovis',
  region: 'CA',
  postalCode: '93612',
  country: 'US',
  timeZone: 'America/Los_Angeles',
};

export const shopper: Customer = {
  email: 'ana@example.com',
  phone: '+14155550123',
  name: 'Ana',
  locale: 'en-US',
  timeZone: 'America/Los_Angeles',
};

export function scan(at: string, status: Status, extra: Partial<TrackingEvent> = {}): TrackingEvent {
  return { at, timeSource: 'carrier', status, code: status.toUpperCase(), description: `Scan: ${status}`, ...extra };
}

export function parcel(status: Status, events: TrackingEvent[], extra: Partial<Shipment> = {}): Shipment {
  const last = events[events.length - 1];
  return {
    carrier: 'ups',
    trackingNumber: TRACKING,
    status,
    events,
    destination: home,
    trackingUrl: `https://www.ups.com/track?tracknum=${TRACKING}`,
    updatedAt: last?.at ?? '2024-05-06T08:00:00-07:00',
    ...extra,
  };
}

export function problem(reason: Problem['reason'], actionRequired: boolean, since: string): Problem {
  return { reason, actionRequired, since };
}

let ids = 0;
export function change(before: Shipment | undefined, after: Shipment, customer: Customer = shopper): ShipmentChange {
  const result: ShipmentChange = { id: String(++ids), orderNumber: 'A1001', customer, after, at: after.updatedAt };
  if (before) result.before = before;
  return result;
}

/** A parcel's life in scans, all on Monday 6 May 2024 (Pacific time) unless said otherwise. */
export const scans = {
  label: scan('2024-05-03T10:00:00-07:00', 'info_received'),
  pickup: scan('2024-05-03T18:00:00-07:00', 'in_transit', { location: memphis }),
  hub: scan('2024-05-05T04:00:00-07:00', 'in_transit', { location: fresno }),
  outForDelivery: scan('2024-05-06T07:50:00-07:00', 'out_for_delivery', { location: fresno }),
  delivered: scan('2024-05-06T14:10:00-07:00', 'delivered', { location: { city: 'Clovis', region: 'CA' } }),
};
