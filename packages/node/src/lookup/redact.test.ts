import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShipment, type Shipment } from '@trackline/core';
import fc from 'fast-check';
import { coarsePlace, publicOrder, publicShipment } from './redact.js';
import { isStale } from './refresh.js';

const shipment: Shipment = {
  carrier: 'dhl',
  trackingNumber: '1234567890',
  status: 'available_for_pickup',
  problem: { reason: 'held', actionRequired: true, since: '2026-05-05T10:00:00+01:00' },
  events: [
    {
      at: '2026-05-05T10:00:00+01:00',
      timeSource: 'carrier',
      status: 'available_for_pickup',
      problem: { reason: 'held', actionRequired: true },
      code: 'PU',
      description: 'Held at a service point',
      location: { label: 'LONDON - HEATHROW - UK' },
    },
  ],
  destination: { city: 'London', postalCode: 'SW1A 1AA', country: 'GB', label: '10 Downing Street' },
  updatedAt: '2026-05-05T10:05:00Z',
};

describe('publicShipment', () => {
  it('keeps what a shopper needs and passes the core’s parseShipment', () => {
    const out = parseShipment(publicShipment(shipment));
    assert.equal(out.status, 'available_for_pickup');
    assert.deepEqual(out.problem, shipment.problem);
    assert.equal(out.events[0]!.description, 'Held at a service point');
  });

  it('keeps a scan’s own label when the carrier gives no parts', () => {
    assert.deepEqual(publicShipment(shipment).events[0]!.location, { label: 'LONDON - HEATHROW - UK' });
  });

  it('drops a scan’s label when the carrier split a postal code out beside it', () => {
    const delivered = { postalCode: '93612', country: 'US', label: 'CLOVIS CA 93612' };
    const withScan = { ...shipment, events: [{ ...shipment.events[0]!, location: delivered }] };
    assert.deepEqual(publicShipment(withScan).events[0]!.location, { country: 'US' });
    assert.equal(
      coarsePlace({ label: 'LONDON - HEATHROW - UK', postalCode: 'TW6 2GA' }, { keepLabel: true }),
      undefined,
    );
  });

  it('takes anything shaped like a postal code out of a scan’s label', () => {
    const label = (text: string, country?: string) =>
      coarsePlace(country ? { label: text, country } : { label: text }, { keepLabel: true })?.label;
    assert.equal(label('CLOVIS, CA 93612-1234', 'US'), 'CLOVIS, CA');
    assert.equal(label('LONDON SW1A 1AA'), 'LONDON');
    assert.equal(label('OTTAWA ON K1A 0B1', 'CA'), 'OTTAWA ON');
    assert.equal(label('LEIPZIG - D-04435'), 'LEIPZIG');
    assert.equal(label('AMSTERDAM 1012 AB', 'NL'), 'AMSTERDAM');
    assert.equal(label('1012AB AMSTERDAM'), 'AMSTERDAM', 'a split code is found without a country too');
    assert.equal(label('93612'), undefined, 'nothing is left');
  });

  it('never passes on a digit in a scan’s label, whatever the carrier wrote', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.option(fc.constantFrom('US', 'GB', 'NL', 'MT', 'DE')),
        (text, country) => {
          const place = coarsePlace(country ? { label: text, country } : { label: text }, { keepLabel: true });
          assert.ok(!/\p{Nd}/u.test(place?.label ?? ''), JSON.stringify(place));
        },
      ),
    );
  });

  it('drops the destination’s street, label and postal code', () => {
    assert.deepEqual(publicShipment(shipment).destination, { city: 'London', country: 'GB' });
    assert.equal(coarsePlace({ postalCode: 'SW1A 1AA', label: 'Jane Doe' }), undefined);
  });

  it('passes on no field it does not know, whatever the store adds', () => {
    const withExtras = { ...shipment, customer: { email: 'jane@example.com' }, orderNumber: 'TL-1' } as Shipment;
    const text = JSON.stringify(publicShipment(withExtras));
    assert.ok(!text.includes('jane@example.com'));
    assert.ok(!text.includes('TL-1'));
  });
});

describe('publicOrder', () => {
  it('shows the order number, date and parcels, never the customer', () => {
    const stored = { orderNumber: 'TL-1', placedAt: '2026-05-04T09:00:00Z', customer: { email: 'jane@example.com' } };
    assert.deepEqual(Object.keys(publicOrder(stored, [shipment])), ['orderNumber', 'placedAt', 'shipments']);
  });
});

describe('isStale', () => {
  const now = Date.parse('2026-05-05T10:10:00Z');
  it('is stale once older than the maximum age', () => {
    const inTransit = { ...shipment, status: 'in_transit' as const };
    assert.equal(isStale(inTransit, 5 * 60_000, now), true);
    assert.equal(isStale(inTransit, 6 * 60_000, now), false);
  });

  it('never refreshes a parcel whose story is over', () => {
    for (const status of ['delivered', 'returned', 'cancelled'] as const) {
      assert.equal(isStale({ ...shipment, status, updatedAt: '2020-01-01T00:00:00Z' }, 60_000, now), false);
    }
  });
});
