import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRateLimiter } from './rate-limit.js';

describe('createRateLimiter', () => {
  it('allows a burst up to the limit, then says when to come back', () => {
    let clock = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => clock });
    assert.deepEqual(
      [1, 2, 3].map(() => limiter.take('a').ok),
      [true, true, true],
    );
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 20 });
    clock = 19_000;
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 1 });
    clock = 20_000;
    assert.equal(limiter.take('a').ok, true);
    assert.equal(limiter.take('a').ok, false);
  });

  it('keeps one allowance per key', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: () => 0 });
    assert.equal(limiter.take('a').ok, true);
    assert.equal(limiter.take('a').ok, false);
    assert.equal(limiter.take('b').ok, true);
  });

  it('gives back a refunded request', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: () => 0 });
    assert.equal(limiter.take('a').ok, true);
    limiter.refund('a');
    assert.equal(limiter.take('a').ok, true);
    assert.equal(limiter.take('a').ok, false);
  });

  it('never fills past its limit, however long it waits', () => {
    let clock = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000, now: () => clock });
    clock = 1e9;
    assert.deepEqual(
      [1, 2, 3].map(() => limiter.take('a').ok),
      [true, true, false],
    );
  });

  it('remembers at most maxKeys keys, forgetting the least recently seen', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 100, now: () => 0 });
    limiter.take('kept');
    for (let i = 0; i < 1000; i++) {
      limiter.take(`flood-${i}`);
      if (i % 50 === 0) limiter.take('kept');
    }
    assert.equal(limiter.size, 100);
    assert.equal(limiter.take('kept').ok, false, 'a key in use is not forgotten');
    assert.equal(limiter.take('flood-0').ok, true, 'the oldest is forgotten');
  });

  it('refuses a limit that cannot work', () => {
    assert.throws(() => createRateLimiter({ limit: 0, windowMs: 1000 }), RangeError);
    assert.throws(() => createRateLimiter({ limit: 1.5, windowMs: 1000 }), RangeError);
    assert.throws(() => createRateLimiter({ limit: 1, windowMs: 0 }), RangeError);
  });
});
