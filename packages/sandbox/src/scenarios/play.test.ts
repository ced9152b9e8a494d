import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectCarrier, parseShipment } from '@trackline/core';
import { orders, parcelFor, parcels, playParcel } from '@trackline/sandbox';

const start = new Date('2024-05-06T13:00:00Z');
const hoursLater = (hours: number) => new Date(start.getTime() + hours * 3_600_000);

describe('playParcel', () => {
  it('shows only what has happened so far', () => {
    const shipment = playParcel(parcelFor('ups', 'on-time'), { start, now: hoursLater(21) });
    assert.equal(shipment.status, 'in_transit');
    assert.deepEqual(
      shipment.events.map((e) => e.code),
      ['label_created', 'picked_up', 'departed', 'arrived'],
    );
  });

  it('reports scan times in the local time of the scan, with the offset', () => {
    const parcel = parcelFor('fedex', 'on-time');
    // 13:00Z is 09:00 in Newark (EDT); 53 h later it is 13:00 in Chicago (CDT).
    const first = playParcel(parcel, { start, now: hoursLater(21) }).events[0]!;
    assert.equal(first.at, '2024-05-06T09:00:00-04:00');
    const delivered = playParcel(parcel, { start, now: hoursLater(53) }).events.at(-1)!;
    assert.equal(delivered.at, '2024-05-08T13:00:00-05:00');
  });

  it('opens a weather delay and clears it at the next good scan', () => {
    const parcel = parcelFor('usps', 'weather-delay');
    assert.equal(playParcel(parcel, { start, now: hoursLater(23) }).problem?.reason, 'weather');
    assert.equal(playParcel(parcel, { start, now: hoursLater(47) }).problem, undefined);
  });

  it('ends each scenario where its story ends', () => {
    const ends: Record<string, string> = {
      'on-time': 'delivered',
      'weather-delay': 'delivered',
      'failed-attempt': 'delivered',
      pickup: 'delivered',
      'address-problem': 'delivered',
      'customs-hold': 'delivered',
      returned: 'returned',
      'stalled-lost': 'in_transit',
      'second-parcel': 'delivered',
    };
    for (const parcel of parcels) {
      const shipment = playParcel(parcel, { start, now: hoursLater(1000) });
      assert.equal(shipment.status, ends[parcel.scenario.id], parcel.scenario.id);
    }
    assert.equal(
      playParcel(parcelFor('dhl', 'stalled-lost'), { start, now: hoursLater(1000) }).problem?.reason,
      'lost',
    );
  });

  it('produces shipments that pass the core schema at every step of every scenario', () => {
    for (const parcel of parcels) {
      for (const step of parcel.scenario.steps) parseShipment(playParcel(parcel, { start, now: hoursLater(step.at) }));
    }
  });
});

describe('the sandbox parcels and orders', () => {
  it('has every scenario for each of UPS, FedEx, USPS and DHL, under numbers detectCarrier recognises', () => {
    assert.equal(parcels.length, 36);
    for (const parcel of parcels) assert.equal(detectCarrier(parcel.trackingNumber)[0]?.carrier, parcel.carrier);
  });

  it('includes an order shipped in two parcels', () => {
    const split = orders.find((order) => order.parcels.length > 1);
    assert.deepEqual(
      split?.parcels.map((p) => [p.carrier, p.scenario.id]),
      [
        ['usps', 'on-time'],
        ['fedex', 'second-parcel'],
      ],
    );
  });

  it('puts no parcel in two orders, as a store keeps each parcel in one order', () => {
    const numbers = orders.flatMap((order) => order.parcels.map((parcel) => parcel.trackingNumber));
    assert.equal(new Set(numbers).size, numbers.length);
  });
});
