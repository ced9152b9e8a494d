import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Status } from '../model/status.js';
import type { TrackingEvent } from '../model/schemas.js';
import { buildShipment, calendarDate, carrierEstimate, hasField } from './build.js';

describe('calendarDate', () => {
  it('keeps the carrier’s own day of a date or date-time', () => {
    assert.equal(calendarDate('2024-05-04'), '2024-05-04');
    assert.equal(calendarDate(' 2024-05-04T23:30:00-07:00'), '2024-05-04');
  });

  it('keeps leap days and refuses days the month does not have', () => {
    assert.equal(calendarDate('2024-02-29'), '2024-02-29');
    assert.equal(calendarDate('2000-02-29'), '2000-02-29');
    assert.equal(calendarDate('2023-02-29'), undefined);
    assert.equal(calendarDate('1900-02-29'), undefined);
    assert.equal(calendarDate('2024-04-31'), undefined);
    assert.equal(calendarDate('2024-13-01'), undefined);
    assert.equal(calendarDate('2024-00-10'), undefined);
    assert.equal(calendarDate('2024-01-00'), undefined);
    assert.equal(calendarDate('soon'), undefined);
    assert.equal(calendarDate(20240504), undefined);
  });

  it('agrees with Date on which days exist, for any year from 0 to 9999', () => {
    const day = fc.record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
    });
    fc.assert(
      fc.property(day, ({ year, month, day }) => {
        const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const ms = Date.parse(`${text}T00:00:00Z`);
        const exists = !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text);
        assert.equal(calendarDate(text), exists ? text : undefined);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('hasField', () => {
  it('says whether an object holds something under a name', () => {
    assert.equal(hasField({ output: { results: [] } }, 'output'), true);
    assert.equal(hasField({ output: null }, 'output'), false);
    assert.equal(hasField({}, 'output'), false);
    assert.equal(hasField(null, 'output'), false);
    assert.equal(hasField('output', 'output'), false);
  });
});

describe('buildShipment and the carrier’s estimate', () => {
  const estimate = carrierEstimate('2024-05-10');
  const scan = (status: Status, at: string): TrackingEvent => ({
    at,
    timeSource: 'carrier',
    status,
    code: status,
    description: status,
  });
  const build = (last: Status) =>
    buildShipment({
      carrier: 'ups',
      trackingNumber: '1Z999AA10123456784',
      events: [scan('in_transit', '2024-05-06T10:00:00-05:00'), scan(last, '2024-05-08T10:00:00-05:00')],
      estimate,
      now: new Date('2024-05-08T12:00:00Z'),
    });

  it('keeps the expected day while the parcel is on its way', () => {
    for (const status of ['in_transit', 'out_for_delivery', 'available_for_pickup'] as const) {
      assert.deepEqual(build(status).estimate, estimate, status);
    }
  });

  it('drops it once the parcel is delivered, on its way back, returned or cancelled', () => {
    for (const status of ['delivered', 'returning', 'returned', 'cancelled'] as const) {
      const shipment = build(status);
      assert.equal(shipment.status, status);
      assert.equal(shipment.estimate, undefined, status);
    }
  });
});
