import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { quantile, quantilesInPlace } from './quantile.js';

/** Type 7 on a sorted copy: the definition the selection must agree with. */
function bySorting(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const low = sorted[Math.floor(h)]!;
  const high = sorted[Math.min(sorted.length - 1, Math.floor(h) + 1)]!;
  return low + (h - Math.floor(h)) * (high - low);
}

describe('quantile', () => {
  it('gives the middle value, or the mean of the two middle values, as the median', () => {
    assert.equal(quantile([3, 1, 2], 0.5), 2);
    assert.equal(quantile([4, 1, 3, 2], 0.5), 2.5);
  });

  it('interpolates the 90th percentile between the two nearest ranks', () => {
    // ranks 0..10 of 1..11: h = 9 exactly; of 1..10: h = 8.1
    assert.equal(quantile([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9), 10);
    assert.ok(Math.abs(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) - 9.1) < 1e-12);
  });

  it('is NaN for no values and the value itself for one', () => {
    assert.ok(Number.isNaN(quantile([], 0.5)));
    assert.equal(quantile([7], 0.9), 7);
  });

  it('agrees with sorting, for several quantiles of one range at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 200 }),
        (values) => {
          const copy = Float64Array.from(values);
          const [median, p90, p10] = quantilesInPlace(copy, 0, copy.length, [0.5, 0.9, 0.1]);
          for (const [got, p] of [
            [median, 0.5],
            [p90, 0.9],
            [p10, 0.1],
          ] as const) {
            const expected = bySorting(values, p);
            assert.ok(Math.abs(got! - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${got} vs ${expected}`);
          }
        },
      ),
    );
  });
});
