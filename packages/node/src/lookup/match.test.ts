import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
