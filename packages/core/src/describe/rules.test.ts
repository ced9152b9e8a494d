// The rules a page shares with describeShipment's sentences, so the page never contradicts them: whether a delivery
// date still holds, whether a parcel out for delivery comes today, and whether a delivered parcel was collected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  collectedFromPickup,
  deliveryDateHolds,
  describeShipment,
  outForDeliveryToday,
} from '@trackline/core/describe';
import { problemReasons, statuses, type Shipment, type TrackingEvent } from '@trackline/core/model';

const NOW = '2024-05-06T12:00:00-07:00';
const scan = (at: string, status: TrackingEvent['status'], extra: Partial<TrackingEvent> = {}): TrackingEvent => ({
  at,
  timeSource: 'carrier',
  status,
  code: 'X',
  description: 'SCAN',
  location: { city: 'Fresno', region: 'CA', country: 'US' },
  ...extra,
});
const parcel = (overrides: Partial<Shipment>): Shipment => ({
  carrier: 'ups',
  trackingNumber: '1Z999AA10123456784',
  status: 'in_transit',
  events: [scan('2024-05-06T08:00:00-07:00', 'in_transit')],
  destination: { city: 'Fresno', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' },
  estimate: { earliest: '2024-05-08', latest: '2024-05-09', likely: '2024-05-08', confidence: 0.8, basis: 'carrier' },
  updatedAt: '2024-05-06T15:00:00Z',
  ...overrides,
});

describe('deliveryDateHolds', () => {
  it('holds exactly when describeShipment gives the date, for every status, problem and action flag', () => {
    const dateWords = /May 8|May 9/;
    const cases = statuses.flatMap((status) => [
      parcel({ status }),
      ...problemReasons.flatMap((reason) =>
        [false, true].map((actionRequired) =>
          parcel({ status, problem: { reason, actionRequired, since: '2024-05-06T09:00:00-07:00' } }),
        ),
      ),
    ]);
    for (const shipment of cases) {
      const { whatNext } = describeShipment(shipment, { now: NOW });
      // Out for delivery without a problem says "later today" instead of the date: the page shows "Today".
      if (shipment.status === 'out_for_delivery' && !shipment.problem) continue;
      assert.equal(
        deliveryDateHolds(shipment),
        dateWords.test(whatNext),
        `${shipment.status} ${shipment.problem?.reason ?? ''} ${shipment.problem?.actionRequired ?? ''}: ${whatNext}`,
      );
    }
  });

  it('gives no date while a slowdown waits on the shopper (UPS "Delay: Action Required"), and one for duties not yet asked of them', () => {
    const since = '2024-05-06T09:00:00-07:00';
    assert.equal(deliveryDateHolds(parcel({ problem: { reason: 'delayed', actionRequired: true, since } })), false);
    assert.equal(deliveryDateHolds(parcel({ problem: { reason: 'payment_due', actionRequired: false, since } })), true);
    assert.equal(deliveryDateHolds(parcel({ problem: { reason: 'lost', actionRequired: false, since } })), false);
  });
});

describe('outForDeliveryToday', () => {
  const van = (at: string, extra: Partial<Shipment> = {}) =>
    parcel({ status: 'out_for_delivery', events: [scan(at, 'out_for_delivery')], ...extra });

  it('agrees with "later today" and "soon" in the summary, across zones and carriers that give UTC times', () => {
    const tokyo = { city: 'Tokyo', country: 'JP', timeZone: 'Asia/Tokyo' };
    const cases: [string, Shipment, Date | string][] = [
      ['this morning in Fresno', van('2024-05-06T07:10:00-07:00'), NOW],
      ['yesterday in Fresno', van('2024-05-05T07:10:00-07:00'), NOW],
      // 08:00 in Tokyo today, given in UTC: yesterday on the scan's own clock.
      ['Tokyo, UTC times', van('2024-05-05T23:00:00Z', { destination: tokyo }), '2024-05-06T10:00:00+09:00'],
      // 00:30 at +01:00 is 18:30 the evening before in New York.
      [
        'New York, another offset',
        van('2024-05-06T00:30:00+01:00', {
          destination: { city: 'New York', region: 'NY', country: 'US', timeZone: 'America/New_York' },
        }),
        '2024-05-06T12:00:00-04:00',
      ],
    ];
    for (const [name, shipment, now] of cases) {
      const later = /later today/.test(describeShipment(shipment, { now }).whatNext);
      assert.equal(outForDeliveryToday(shipment, new Date(now)), later, name);
    }
    assert.equal(outForDeliveryToday(van('2024-05-06T07:10:00-07:00'), new Date(NOW)), true);
    assert.equal(outForDeliveryToday(van('2024-05-05T07:10:00-07:00'), new Date(NOW)), false);
  });

  it('is false with a problem open, or for another status', () => {
    const since = '2024-05-06T09:00:00-07:00';
    const problem = { reason: 'delayed' as const, actionRequired: false, since };
    assert.equal(outForDeliveryToday(van('2024-05-06T07:10:00-07:00', { problem }), new Date(NOW)), false);
    assert.equal(outForDeliveryToday(parcel({}), new Date(NOW)), false);
  });
});

describe('collectedFromPickup', () => {
  const delivered = (events: TrackingEvent[], extra: Partial<Shipment> = {}) =>
    parcel({ status: 'delivered', events, ...extra });
  const cases: [string, Shipment][] = [
    [
      'collected',
      delivered([
        scan('2024-05-05T09:00:00-07:00', 'available_for_pickup'),
        scan('2024-05-06T10:00:00-07:00', 'delivered'),
      ]),
    ],
    [
      'a return started at the pickup point, then collected',
      delivered([
        scan('2024-05-04T09:00:00-07:00', 'available_for_pickup'),
        scan('2024-05-05T09:00:00-07:00', 'returning'),
        scan('2024-05-06T10:00:00-07:00', 'delivered'),
      ]),
    ],
    [
      'a pickup scan stamped after the delivery scan',
      delivered([
        scan('2024-05-06T09:00:00-07:00', 'delivered'),
        scan('2024-05-06T10:00:00-07:00', 'available_for_pickup'),
      ]),
    ],
    [
      'deliveredAt before the pickup scan',
      delivered([scan('2024-05-06T10:00:00-07:00', 'available_for_pickup')], {
        deliveredAt: '2024-05-06T09:00:00-07:00',
      }),
    ],
    [
      'redelivered to the door',
      delivered([
        scan('2024-05-04T09:00:00-07:00', 'available_for_pickup'),
        scan('2024-05-05T09:00:00-07:00', 'out_for_delivery'),
        scan('2024-05-05T15:00:00-07:00', 'delivered'),
      ]),
    ],
  ];

  it('is what the summary says, "Collected" or "Delivered"', () => {
    for (const [name, shipment] of cases) {
      const headline = describeShipment(shipment, { now: NOW }).headline;
      assert.equal(collectedFromPickup(shipment), headline === 'Collected', `${name}: ${headline}`);
    }
    assert.equal(collectedFromPickup(cases[0]![1]), true);
    assert.equal(collectedFromPickup(cases[1]![1]), false);
  });
});
