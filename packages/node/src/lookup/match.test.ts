import assert from 'node:assert/strict';
import crypto, { createHash } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { describe, it, mock } from 'node:test';
import fc from 'fast-check';
import { normalizeEmail, normalizePostalCode, sameSecret } from './match.js';

describe('normalizeEmail', () => {
  it('matches an address typed with other capitals and stray spaces', () => {
    assert.equal(normalizeEmail('  Jane.Doe@Example.COM '), 'jane.doe@example.com');
  });
});

describe('normalizePostalCode', () => {
  it('matches a postcode typed in lower case, without the space, or with a dash', () => {
    for (const typed of ['sw1a 1aa', 'SW1A1AA', ' Sw1a-1aA ', 'SW1A\u00a01AA']) {
      assert.equal(normalizePostalCode(typed), 'SW1A1AA', typed);
    }
  });

  it('matches a ZIP+4 with its five-digit ZIP', () => {
    assert.equal(normalizePostalCode('94105-1234'), normalizePostalCode('94105'));
    assert.equal(normalizePostalCode('94105 1234'), '94105');
  });

  it('keeps codes of other lengths whole', () => {
    assert.equal(normalizePostalCode('01310-100'), '01310100');
    assert.equal(normalizePostalCode('10115'), '10115');
    assert.notEqual(normalizePostalCode('94105'), normalizePostalCode('94106'));
  });
});

describe('sameSecret', () => {
  it('is true only for equal values', () => {
    assert.equal(sameSecret('jane@example.com', 'jane@example.com'), true);
    assert.equal(sameSecret('jane@example.com', 'jane@example.co'), false);
    assert.equal(sameSecret('a', 'a'.repeat(1000)), false);
  });

  it('is false when the store has nothing to compare with, whatever is typed', () => {
    fc.assert(fc.property(fc.string(), (given) => sameSecret(undefined, given) === false));
  });

  it('agrees with plain equality on any pair of strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => sameSecret(a, b) === (a === b)));
  });
});

describe('sameSecret: constant time', () => {
  /** Calls `sameSecret` with `crypto.timingSafeEqual` spied on (match.ts's ESM binding included). */
  function compare(expected: string | undefined, given: string): { equal: boolean; calls: Buffer[][] } {
    const spy = mock.method(crypto, 'timingSafeEqual');
    syncBuiltinESMExports();
    try {
      const equal = sameSecret(expected, given);
      return { equal, calls: spy.mock.calls.map((call) => call.arguments.map((a) => Buffer.from(a as Uint8Array))) };
    } finally {
      spy.mock.restore();
      syncBuiltinESMExports();
    }
  }
  const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

  it('compares the SHA-256 digests of what the store has and what was typed with timingSafeEqual', () => {
    for (const [expected, given] of [
      ['jane@example.com', 'jane@example.com'],
      ['jane@example.com', 'jane@example.co'],
      ['SW1A1AA', 'a much longer guess than the stored value'],
    ] as const) {
      const { equal, calls } = compare(expected, given);
      assert.equal(equal, expected === given);
      assert.deepEqual(calls, [[sha256(expected), sha256(given)]], `${expected} / ${given}`);
    }
  });

  it('still compares once, against a placeholder, when the store has nothing', () => {
    const { equal, calls } = compare(undefined, 'jane@example.com');
    assert.equal(equal, false);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0]![1], sha256('jane@example.com'));
  });
});
