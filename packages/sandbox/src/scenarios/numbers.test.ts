import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectCarrier } from '@trackline/core';
import { sandboxCarriers, trackingNumberFor } from './numbers.js';

describe('sandbox tracking numbers', () => {
  for (const carrier of sandboxCarriers) {
    it(`are detected as ${carrier} with a valid check digit`, () => {
      for (let n = 0; n < 25; n++) {
        const number = trackingNumberFor(carrier, n);
        const [best] = detectCarrier(number);
        assert.equal(best?.carrier, carrier, number);
        assert.equal(best?.checksum, 'valid', number);
      }
    });
  }

  it('are different for every parcel', () => {
    const all = sandboxCarriers.flatMap((carrier) =>
      Array.from({ length: 25 }, (_, n) => trackingNumberFor(carrier, n)),
    );
    assert.equal(new Set(all).size, all.length);
  });
});
