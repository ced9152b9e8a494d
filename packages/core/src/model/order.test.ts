import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TracklineError, parseOrder, parseShipment, type Order, type Shipment } from '@trackline/core';

// The parts of the model parse.test.ts does not reach: an order of several parcels, the store's promise, the
// delivery estimate and where an event's time came from.

const shipment: Shipment = {
  carrier: 'dhl',
  trackingNumber: '3318810025',
  status: 'in_transit',
  problem: { reason: 'customs', actionRequired: true, since: '2024-05-02T09:15:00+02:00' },
  events: [
    {
      at: '2024-05-01T07:53:47+02:00',
      timeSource: 'inferred',
      status: 'in_transit',
      code: 'transit',
      description: 'Processed at LEIPZIG - GERMANY',
      location: { city: 'Leipzig', country: 'DE', timeZone: 'Europe/Berlin' },
    },
    {
      at: '2024-05-02T09:15:00+02:00',
      timeSource: 'carrier',
      status: 'in_transit',
      problem: { reason: 'customs', actionRequired: true },
      code: 'failure',
      description: 'Clearance information required',
    },
  ],
  promised: { earliest: '2024-05-03', latest: '2024-05-06' },
  estimate: {
    earliest: '2024-05-06',
    latest: '2024-05-08',
    likely: '2024-05-07',
    confidence: 0.8,
    basis: 'history',
    sampleSize: 412,
  },
  destination: { city: 'Lyon', postalCode: '69002', country: 'FR', timeZone: 'Europe/Paris' },
  trackingUrl: 'https://www.dhl.com/fr-en/home/tracking.html?tracking-id=3318810025',
  updatedAt: '2024-05-02T07:20:00Z',
};

const { problem: _open, ...withoutProblem } = shipment;
const delivered: Shipment = {
  ...withoutProblem,
  trackingNumber: '8487135506',
  status: 'delivered',
  events: [
    {
      at: '2024-05-03T10:12:00+02:00',
      timeSource: 'carrier',
      status: 'delivered',
      code: 'delivered',
      description: 'Delivered',
      location: { city: 'Lyon', country: 'FR' },
    },
  ],
  deliveredAt: '2024-05-03T10:12:00+02:00',
};

const order: Order = {
  orderNumber: 'SO-10442',
  placedAt: '2024-04-30T18:02:11+02:00',
  shipments: [shipment, delivered],
};

function messageOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    assert.ok(error instanceof TracklineError, String(error));
    assert.equal(error.code, 'invalid_response');
    return error.message;
  }
  assert.fail('expected the parse to throw');
}

describe('parseOrder', () => {
  it('accepts an order of several parcels, with a promise, an estimate and inferred times', () => {
    assert.deepEqual(parseOrder(order), order);
  });

  it('names the parcel and the event whose time has no offset', () => {
    const bad = structuredClone(order);
    bad.shipments[1]!.events[0]!.at = '2024-05-03T10:12:00';
    assert.match(
      messageOf(() => parseOrder(bad)),
      /^Invalid order: shipments\[1\]\.events\[0\]\.at: expected an ISO 8601 date-time with a UTC offset/,
    );
  });

  it('says an order number must not be empty', () => {
    assert.match(
      messageOf(() => parseOrder({ ...order, orderNumber: '' })),
      /orderNumber: must not be empty \(got ""\)/,
    );
  });

  it('says when placedAt is missing', () => {
    const { placedAt: _omitted, ...rest } = order;
    assert.match(
      messageOf(() => parseOrder(rest)),
      /placedAt: expected an ISO 8601 date-time with a UTC offset.*\(got nothing\)/,
    );
  });
});

describe('parseShipment: promise, estimate and event times', () => {
  it('refuses a confidence above 1', () => {
    const bad = { ...shipment, estimate: { ...shipment.estimate!, confidence: 80 } };
    assert.match(
      messageOf(() => parseShipment(bad)),
      /estimate\.confidence: expected at most 1 \(got number 80\)/,
    );
  });

  it('refuses an estimate basis it does not know, listing the ones it does', () => {
    const bad = { ...shipment, estimate: { ...shipment.estimate!, basis: 'guess' } };
    assert.match(
      messageOf(() => parseShipment(bad)),
      /estimate\.basis: expected one of "carrier", "history", "promise" \(got "guess"\)/,
    );
  });

  it('wants calendar dates, not instants, in the promised window', () => {
    const bad = { ...shipment, promised: { earliest: '2024-05-03T00:00:00Z', latest: '2024-05-06' } };
    assert.match(
      messageOf(() => parseShipment(bad)),
      /promised\.earliest: expected a calendar date as YYYY-MM-DD, such as 2024-04-26 \(got "2024-05-03T00:00:00Z"\)/,
    );
  });

  it('lists the three sources an event time may have', () => {
    const bad = structuredClone(shipment);
    (bad.events[0] as { timeSource: string }).timeSource = 'guessed';
    assert.match(
      messageOf(() => parseShipment(bad)),
      /events\[0\]\.timeSource: expected one of "carrier", "inferred", "utc" \(got "guessed"\)/,
    );
  });

  it('wants the time an open problem began, with its offset', () => {
    const bad = { ...shipment, problem: { reason: 'customs', actionRequired: true } };
    assert.match(
      messageOf(() => parseShipment(bad)),
      /problem\.since: expected an ISO 8601 date-time/,
    );
  });

  it('keeps where the parcel is and what went wrong apart: a problem is not a status', () => {
    assert.match(
      messageOf(() => parseShipment({ ...shipment, status: 'customs' })),
      /^Invalid shipment: status: expected one of "pending"/,
    );
    const bad = { ...shipment, problem: { ...shipment.problem!, reason: 'in_transit' } };
    assert.match(
      messageOf(() => parseShipment(bad)),
      /problem\.reason: expected one of "delayed"/,
    );
  });

  it('accepts only a web address as the tracking link', () => {
    const bad = { ...shipment, trackingUrl: 'javascript:alert(1)' };
    assert.match(
      messageOf(() => parseShipment(bad)),
      /trackingUrl: expected an http\(s\) URL/,
    );
  });
});
