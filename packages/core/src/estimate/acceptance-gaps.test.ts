import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitTransitModel } from './fit.js';
import { CA, NY, addDays, orders, scan, shipment, weekly } from './fixtures.js';
import type { HistoryRecord } from './types.js';

// Behaviours an acceptance review found without a test that would fail if they were taken out.

const lane = { carrier: 'ups', service: 'ground', origin: CA, destination: NY };
const steady = { halfLifeDays: 10_000 };

describe('the fit reads the pick-up cut-off too', () => {
  // Every order placed on a Monday at 15:00 (after a 14:00 cut-off), handed over on Tuesday at 16:00 and
  // delivered on Thursday: with the cut-off, handling starts on Tuesday and takes no working day.
  const late: HistoryRecord[] = [];
  for (const monday of ['2024-04-08', '2024-04-15', '2024-04-22', '2024-04-29', '2024-05-06']) {
    const date = (d: number) => addDays(monday, d);
    for (let i = 0; i < 10; i++) {
      late.push({
        ...lane,
        placedAt: `${date(0)}T15:00:00-07:00`,
        shippedAt: `${date(1)}T16:00:00-07:00`,
        deliveredAt: `${date(3)}T15:00:00-04:00`,
      });
    }
  }
  const now = '2024-05-20T09:00:00-07:00'; // a Monday, before the cut-off
  const order = { ...lane, placedAt: '2024-05-20T08:00:00-07:00', now };

  it('learns no handling day for orders that came in after the cut-off and left the next day', () => {
    const withCutoff = fitTransitModel(late, { now, ...steady }).estimate(order);
    // Without a cut-off (midnight), the same history says a day of handling, so a day later.
    const without = fitTransitModel(late, { now, ...steady, cutoffHour: 24 }).estimate(order);
    assert.equal(withCutoff.likely, '2024-05-22', 'handed over Monday, two working days of transit');
    assert.equal(without.likely, '2024-05-23');
  });
});

describe('scans and carrier dates the estimate must not read', () => {
  const history = [...weekly('2024-03-11', 4, 5, 3), ...orders(10, '2024-04-22', '2024-04-25')];
  const model = fitTransitModel(history, { now: '2024-05-13T17:00:00-07:00', ...steady });
  const picked = scan('2024-05-13T16:00:00-07:00', 'in_transit');
  const now = '2024-05-14T09:30:00-04:00';

  it('ignores an out-for-delivery scan after now', () => {
    const plain = model.estimate({ ...lane, now, shipment: shipment([picked]) });
    assert.notEqual(plain.likely, '2024-05-14', 'the lane takes three working days');
    const future = model.estimate({
      ...lane,
      now,
      shipment: shipment([picked, scan('2024-05-15T07:00:00-04:00', 'out_for_delivery')]),
    });
    assert.deepEqual(future, plain);
  });

  it('ignores a carrier date whose last day has already gone by', () => {
    const plain = model.estimate({ ...lane, now, shipment: shipment([picked]) });
    const stale = model.estimate({
      ...lane,
      now,
      shipment: shipment([picked], {
        estimate: {
          earliest: '2024-05-13',
          latest: '2024-05-13',
          likely: '2024-05-13',
          confidence: 0.9,
          basis: 'carrier',
        },
      }),
    });
    assert.deepEqual(stale, plain);
  });

  it('reads a carrier window with missing or non-string parts as unreadable, without throwing', () => {
    const plain = model.estimate({ ...lane, now, shipment: shipment([picked]) });
    for (const odd of [{ likely: null }, { likely: 20_000 }, { earliest: undefined, latest: undefined }]) {
      const estimate = { likely: '2024-05-16', confidence: 0.9, basis: 'carrier', ...odd } as never;
      const result = model.estimate({ ...lane, now, shipment: shipment([picked], { estimate }) });
      assert.ok(result.earliest <= result.likely && result.likely <= result.latest, JSON.stringify(odd));
      if ('likely' in odd) assert.deepEqual(result, plain, JSON.stringify(odd));
    }
  });
});
