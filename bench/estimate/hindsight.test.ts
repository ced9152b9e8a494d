import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hindsight } from './hindsight.js';

describe('hindsight references', () => {
  it("takes each group's own median and the one quantile level that reaches the on-time target", () => {
    const outcomes = [
      ...[2, 3, 4].map((days) => ({ group: 'near', days })),
      ...[10, 12, 20].map((days) => ({ group: 'far', days })),
    ];
    const h = hindsight(outcomes, 4 / 6);
    // Medians 3 and 12: errors 1, 0, 1 and 2, 0, 8.
    assert.equal(h.mae, 12 / 6);
    // Two of three in each group on time: promise 3 near and 12 far.
    assert.deepEqual([h.onTime, h.promiseLength], [4 / 6, (3 * 3 + 3 * 12) / 6]);
  });
});
