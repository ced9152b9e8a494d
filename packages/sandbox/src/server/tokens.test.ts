import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTokenStore } from './tokens.js';

describe('the sandbox token store', () => {
  it('accepts a token until it expires, for its own API only', () => {
    let clock = Date.parse('2026-05-04T13:00:00Z');
    const tokens = createTokenStore(() => new Date(clock));
    const { accessToken, expiresIn } = tokens.issue('fedex', 3599);
    assert.equal(expiresIn, 3599);
    assert.equal(tokens.check('fedex', `Bearer ${accessToken}`), true);
    assert.equal(tokens.check('ups', `Bearer ${accessToken}`), false);
    clock += 3_598_000;
    assert.equal(tokens.check('fedex', `bearer ${accessToken}`), true);
    clock += 1_000;
    assert.equal(tokens.check('fedex', `Bearer ${accessToken}`), false);
  });

  it('drops expired tokens, so a sandbox left running keeps only the live ones', () => {
    let clock = Date.parse('2026-05-04T13:00:00Z');
    const tokens = createTokenStore(() => new Date(clock));
    for (let i = 0; i < 50; i++) {
      tokens.issue('ups', 60);
      clock += 10_000;
    }
    // A token lives 60 s and one comes every 10 s: only the last six can still be alive.
    assert.ok(tokens.count() <= 6, `${tokens.count()} tokens held`);

    // A token checked after it expired goes too, even when no new token is issued.
    const late = tokens.issue('ups', 60);
    const before = tokens.count();
    clock += 61_000;
    assert.equal(tokens.check('ups', `Bearer ${late.accessToken}`), false);
    assert.equal(tokens.count(), before - 1);
  });

  it('expires every token at once on demand', () => {
    const tokens = createTokenStore(() => new Date());
    const { accessToken } = tokens.issue('usps');
    tokens.expireAll();
    assert.equal(tokens.check('usps', `Bearer ${accessToken}`), false);
    assert.equal(tokens.count(), 0);
  });
});
