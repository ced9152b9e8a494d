import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Shipment } from '../model/schemas.js';
import { detectDelay } from '../delay/detect-delay.js';
import { fitTransitModel } from './fit.js';
import { CA, NY, weekly } from './fixtures.js';

// Orders placed at 10:00 and handed over at 16:00 the same day: handling is 0 working days, and the
// fit's pick-up cut-off is 14:00 at the origin (California).
const model = fitTransitModel(weekly('2024-03-11', 8, 5, 3), { now: '2024-05-13T08:00:00-04:00' });
const lane = { carrier: 'ups', service: 'ground', origin: CA, destination: NY };
const waiting: Shipment = {
  carrier: 'ups',
  trackingNumber: '1Z999AA10123456784',
  service: 'ground',
  status: 'pending',
  events: [],
  origin: CA,
  destination: NY,
  updatedAt: '2024-05-13T00:00:00Z',
};
// Monday after the cut-off starts handling on Tuesday, as an order placed Tuesday morning does.
const afterCutoff = '2024-05-13T15:00:00-07:00';
const beforeCutoff = '2024-05-14T10:00:00-07:00';

describe('silence before the hand-over', () => {
  it('counts from the day handling starts, as the estimate does', () => {
    for (const now of ['2024-05-15T09:00:00-04:00', '2024-05-16T09:00:00-04:00']) {
      const days = (since: string) => model.silence({ ...lane, since, now, moving: false })?.days;
      assert.equal(days(afterCutoff), days(beforeCutoff), `days at ${now}`);
      assert.equal(typeof days(afterCutoff), 'number');
      const estimate = (placedAt: string) => model.estimate({ ...lane, placedAt, now });
      assert.deepEqual(
        estimate(afterCutoff),
        estimate(beforeCutoff),
        `the estimate already treats both orders alike at ${now}`,
      );
    }
  });

  it('gives an order placed after the cut-off the same verdict as one placed before it', () => {
    const verdict = (placedAt: string, now: string) => detectDelay(waiting, { model, now, placedAt })?.cause;
    // Wednesday morning: one working day since handling started, which is usual.
    assert.equal(verdict(afterCutoff, '2024-05-15T09:00:00-04:00'), undefined);
    assert.equal(verdict(beforeCutoff, '2024-05-15T09:00:00-04:00'), undefined);
    // Thursday morning: two working days of a lane that hands over the same day — both stalled.
    assert.equal(verdict(afterCutoff, '2024-05-16T09:00:00-04:00'), 'stalled');
    assert.equal(verdict(beforeCutoff, '2024-05-16T09:00:00-04:00'), 'stalled');
  });

  it('still counts a carried parcel from the day of its last scan', () => {
    const silence = model.silence({ ...lane, since: afterCutoff, now: '2024-05-15T09:00:00-04:00', moving: true });
    assert.equal(silence?.days, 2, 'Monday to Wednesday at the destination');
  });
});

describe('toJSON', () => {
  it('gives a copy: changing it changes neither the model nor the next toJSON', () => {
    const first = model.toJSON();
    const before = model.estimate({ ...lane, placedAt: afterCutoff, now: '2024-05-14T09:00:00-04:00' });
    first.cutoffHour = 99;
    first.groups['*']!.handling!.pmf[0] = 0;
    first.calendars.US!.weekend.push(3);
    const second = model.toJSON();
    assert.equal(second.cutoffHour, 14);
    assert.equal(second.groups['*']!.handling!.pmf[0], 1);
    assert.deepEqual(second.calendars.US!.weekend, [0, 6]);
    assert.deepEqual(model.estimate({ ...lane, placedAt: afterCutoff, now: '2024-05-14T09:00:00-04:00' }), before);
  });
});
