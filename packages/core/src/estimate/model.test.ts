import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isTracklineError } from '../errors/trackline-error.js';
import { fitTransitModel } from './fit.js';
import { CA, NY, orders, scan, shipment, weekly } from './fixtures.js';
import { loadTransitModel } from './load.js';
import type { EstimateInput } from './types.js';

const now = '2024-05-20T17:00:00-07:00';
// A lane that takes 1, 2, 3 or 6 working days: 10, 10, 15 and 10 times.
const history = [
  ...weekly('2024-03-11', 2, 5, 1),
  ...weekly('2024-03-25', 2, 5, 2),
  ...weekly('2024-04-01', 3, 5, 3),
  ...orders(10, '2024-04-22', '2024-04-30'),
];
const model = fitTransitModel(history, { now, halfLifeDays: 10_000 });
const lane = { carrier: 'ups', service: 'ground', origin: CA, destination: NY };

describe('estimate with scans', () => {
  const picked = scan('2024-05-13T16:00:00-07:00', 'in_transit');

  it('says today once the parcel is out for delivery', () => {
    const estimate = model.estimate({
      ...lane,
      now: '2024-05-14T09:30:00-04:00',
      shipment: shipment([picked, scan('2024-05-14T07:00:00-04:00', 'out_for_delivery')]),
    });
    assert.deepEqual([estimate.earliest, estimate.likely, estimate.latest], ['2024-05-14', '2024-05-14', '2024-05-14']);
    assert.ok(estimate.confidence >= 0.9);
  });

  it('gives the delivery day once delivered, in the destination zone', () => {
    const delivered = scan('2024-05-16T01:30:00Z', 'delivered'); // 21:30 on the 15th in New York
    const estimate = model.estimate({ ...lane, now, shipment: shipment([picked, delivered]) });
    assert.equal(estimate.likely, '2024-05-15');
    assert.equal(estimate.confidence, 1);
  });

  it('ignores scans after now', () => {
    const delivered = scan('2024-05-16T15:00:00-04:00', 'delivered');
    const estimate = model.estimate({
      ...lane,
      now: '2024-05-13T17:00:00-07:00',
      shipment: shipment([picked, delivered]),
    });
    assert.notEqual(estimate.confidence, 1);
    assert.equal(estimate.earliest, '2024-05-14');
  });

  it('conditions on the days already gone by: four days in transit, the parcel can only be a six-day one', () => {
    const fresh = model.estimate({ ...lane, now: '2024-05-13T17:00:00-07:00', shipment: shipment([picked]) });
    assert.deepEqual([fresh.earliest, fresh.likely, fresh.latest], ['2024-05-14', '2024-05-16', '2024-05-21']);
    const late = model.estimate({ ...lane, now: '2024-05-17T17:00:00-04:00', shipment: shipment([picked]) });
    assert.deepEqual([late.earliest, late.likely, late.latest], ['2024-05-21', '2024-05-21', '2024-05-21']);
  });

  it("without any record of carrier dates, takes the carrier's likely day and widens our window to cover it", () => {
    const withCarrier = shipment([picked], {
      estimate: {
        earliest: '2024-05-16',
        latest: '2024-05-17',
        likely: '2024-05-17',
        confidence: 0.9,
        basis: 'carrier',
      },
    });
    const estimate = model.estimate({ ...lane, now: '2024-05-13T17:00:00-07:00', shipment: withCarrier });
    assert.deepEqual([estimate.earliest, estimate.likely, estimate.latest], ['2024-05-14', '2024-05-17', '2024-05-21']);
    assert.equal(estimate.basis, 'carrier');
  });

  it('keeps earliest ≤ likely ≤ latest, never before today, for any order time and confidence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 * 30 }),
        fc.integer({ min: 0, max: 60 * 24 * 20 }),
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        (placedMinute, waitedMinutes, confidence) => {
          const placed = Date.parse('2024-04-01T00:00:00Z') + placedMinute * 60_000;
          const at = new Date(placed + waitedMinutes * 60_000);
          const input: EstimateInput = { ...lane, placedAt: new Date(placed).toISOString(), now: at, confidence };
          const e = model.estimate(input);
          assert.ok(e.earliest <= e.likely && e.likely <= e.latest, JSON.stringify(e));
          assert.ok(e.earliest >= at.toISOString().slice(0, 10) || e.earliest >= addDayUtc(at, -1), JSON.stringify(e));
        },
      ),
      { numRuns: 300 },
    );
  });
});

function addDayUtc(at: Date, days: number): string {
  return new Date(at.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('toJSON and loadTransitModel', () => {
  it('round-trips through JSON text with the same estimates', () => {
    const loaded = loadTransitModel(JSON.stringify(model.toJSON()));
    const inputs: EstimateInput[] = [
      { ...lane, placedAt: '2024-05-20T10:00:00-07:00', now },
      { ...lane, shippedAt: '2024-05-16T10:00:00-07:00', now, confidence: 0.5 },
      { ...lane, carrier: 'usps', destination: { country: 'US', region: 'FL' }, now },
    ];
    for (const input of inputs) assert.deepEqual(loaded.estimate(input), model.estimate(input));
    assert.deepEqual(loaded.promise(inputs[0]!, 0.95), model.promise(inputs[0]!, 0.95));
    assert.deepEqual(JSON.parse(JSON.stringify(loaded)), JSON.parse(JSON.stringify(model)));
  });

  it('names the field that is wrong', () => {
    const json = structuredClone(model.toJSON());
    (json.groups['*']!.transit as { pmf: unknown }).pmf = 'soon';
    assert.throws(
      () => loadTransitModel(json),
      (error: unknown) =>
        isTracklineError(error, 'invalid_response') && error.message.includes('groups["*"].transit.pmf'),
    );
    const badHoliday = structuredClone(model.toJSON());
    badHoliday.calendars.US!.holidays[0] = '2024-13-01';
    assert.throws(() => loadTransitModel(badHoliday), /calendars\.US\.holidays\[0\]/);
    assert.throws(() => loadTransitModel({ ...model.toJSON(), version: 2 }), /version/);
    assert.throws(
      () => loadTransitModel('{'),
      (error: unknown) => isTracklineError(error, 'invalid_response'),
    );
  });

  it('throws only TracklineError on anything that is not a model', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          loadTransitModel(value);
        } catch (error) {
          assert.ok(isTracklineError(error, 'invalid_response'), String(error));
        }
      }),
    );
  });

  it('says plainly when there is nothing to estimate from', () => {
    const empty = fitTransitModel([], { now });
    assert.throws(
      () => empty.estimate({ ...lane, now }),
      (error: unknown) => isTracklineError(error, 'not_found'),
    );
  });
});
