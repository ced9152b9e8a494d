// How long retries may take, on a mocked clock: ky waits with `setTimeout`, so with node:test's mock timers
// a test moves time itself and reads exactly how long a call waited, however loaded the machine is.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { isTracklineError } from '../../errors/trackline-error.js';
import { dhl } from '../dhl/dhl.js';
import { fakeFetch } from '../testing.js';
import { createHttpClient } from './client.js';

const baseUrl = 'http://127.0.0.1:45001/api/';

/** A carrier that always answers `status`, with `Retry-After` when given. */
function failing(status: number, retryAfter?: string) {
  return fakeFetch(
    () =>
      new Response('{"error":"try later"}', {
        status,
        headers: { 'content-type': 'application/json', ...(retryAfter ? { 'retry-after': retryAfter } : {}) },
      }),
  );
}

/** Lets everything due now run: the requests, ky's handling of each answer, and the next wait being set. */
async function settleNow(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `call` on the mocked clock, moving it `step` ms at a time while the call waits, and says how far
 * the clock had to move before the call ended (its total waiting time, to within `step`) and how it ended.
 * Gives up past `limit`: a call still waiting then never stops. `onTick` hears the time waited after each step.
 */
async function onMockedClock(
  t: TestContext,
  call: () => Promise<unknown>,
  { step = 5, limit = 120_000, onTick }: { step?: number; limit?: number; onTick?: (waited: number) => void } = {},
): Promise<{ waited: number; error: unknown }> {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let outcome: { error: unknown } | undefined;
  call().then(
    () => (outcome = { error: undefined }),
    (error: unknown) => (outcome = { error }),
  );
  let waited = 0;
  await settleNow();
  while (!outcome) {
    assert.ok(waited < limit, `still waiting after ${limit} ms`);
    t.mock.timers.tick(step);
    waited += step;
    onTick?.(waited);
    await settleNow();
  }
  return { waited, ...outcome };
}

describe('retries stop in bounded time', () => {
  it('waits what Retry-After asks before each retry, and no more, then stops', async (t) => {
    const { fetch, requests } = failing(503, '1');
    const client = createHttpClient({ baseUrl, fetch, retries: 2 });
    const { waited, error } = await onMockedClock(t, () => client.get('track').json());
    assert.equal((error as { response?: Response }).response?.status, 503);
    assert.equal(requests.length, 3, 'the first try and two retries');
    // Two waits of 1 s each; the clock moves in steps of 5 ms.
    assert.ok(waited >= 2_000 && waited <= 2_000 + 2 * 5, `waited ${waited} ms`);
  });

  for (const status of [500, 502, 504, 408]) {
    it(`keeps the short backoff on a ${status}, whatever wait or quota window its headers name`, async (t) => {
      // A gateway's quota window comes on every answer; it says nothing about when a 500 will pass.
      t.mock.method(Math, 'random', () => 0.999);
      const { fetch, requests } = fakeFetch(
        () =>
          new Response('{"error":"try later"}', {
            status,
            headers: { 'content-type': 'application/json', 'retry-after': '120', 'ratelimit-reset': '8' },
          }),
      );
      const client = createHttpClient({ baseUrl, fetch, retries: 2 });
      const { waited, error } = await onMockedClock(t, () => client.get('track').json());
      assert.equal((error as { response?: Response }).response?.status, status);
      assert.equal(requests.length, 3, 'retried, not given up on');
      // The backoff: 0.3 s then 0.6 s at most.
      assert.ok(waited <= 900 + 2 * 5, `waited ${waited} ms`);
    });
  }

  it("waits a 429's rate-limit window", async (t) => {
    const { fetch, requests } = fakeFetch(
      () =>
        new Response('{}', { status: 429, headers: { 'content-type': 'application/json', 'ratelimit-reset': '2' } }),
    );
    const client = createHttpClient({ baseUrl, fetch, retries: 1 });
    const { waited } = await onMockedClock(t, () => client.get('track').json());
    assert.equal(requests.length, 2);
    assert.ok(waited >= 2_000 && waited <= 2_000 + 5, `waited ${waited} ms`);
  });

  it('gives up at once on a 503 whose Retry-After is longer than maxRetryAfter', async (t) => {
    const { fetch, requests } = failing(503, '120');
    const adapter = dhl({ apiKey: 'key', baseUrl, fetch, retries: 2, maxRetryAfter: 30_000 });
    const { waited, error } = await onMockedClock(t, () => adapter.track('1234567890'));
    assert.ok(isTracklineError(error, 'unavailable'), String(error));
    assert.equal((error as { retryAfter?: number }).retryAfter, 120);
    assert.equal(requests.length, 1);
    assert.equal(waited, 0);
  });

  it('keeps its exponential backoff under the cap, even with the largest jitter', async (t) => {
    // Full jitter waits a random part of each backoff: the largest random number gives the longest waits.
    t.mock.method(Math, 'random', () => 0.999);
    const { fetch, requests } = failing(500);
    const client = createHttpClient({ baseUrl, fetch, retries: 6 });
    const { waited } = await onMockedClock(t, () => client.get('track').json());
    assert.equal(requests.length, 7);
    // 0.3, 0.6, 1.2, 2.4 and 4.8 s, then 9.6 s capped at 5 s: at most 14.3 s in all.
    const allowed = [300, 600, 1_200, 2_400, 4_800, 5_000].reduce((sum, wait) => sum + wait, 0);
    assert.ok(waited <= allowed + 6 * 5, `waited ${waited} ms, allowed ${allowed} ms`);
    assert.ok(waited >= 0.99 * allowed, `waited ${waited} ms: the backoff is not being waited for`);
  });

  it('through an adapter: stops after its retries within the waits the carrier asked for', async (t) => {
    const { fetch, requests } = failing(429, '2');
    const adapter = dhl({ apiKey: 'key', baseUrl, fetch, retries: 2 });
    const { waited, error } = await onMockedClock(t, () => adapter.track('1234567890'));
    assert.ok(isTracklineError(error, 'rate_limited'), String(error));
    assert.equal(requests.length, 3);
    assert.ok(waited >= 4_000 && waited <= 4_000 + 2 * 5, `waited ${waited} ms`);
  });

  it('does not wait at all for a Retry-After longer than maxRetryAfter', async (t) => {
    const { fetch, requests } = failing(503, '120');
    const adapter = dhl({ apiKey: 'key', baseUrl, fetch, retries: 2, maxRetryAfter: 30_000 });
    const { waited, error } = await onMockedClock(t, () => adapter.track('1234567890'));
    assert.ok(isTracklineError(error, 'unavailable'), String(error));
    assert.equal((error as { retryAfter?: number }).retryAfter, 120);
    assert.equal(requests.length, 1);
    assert.equal(waited, 0);
  });
});

describe('jitter', () => {
  /**
   * With `Math.random` giving `randoms` in turn, a call to a carrier that always answers 500 (no
   * `Retry-After`, so the backoff applies), retried once per random number; says how long the call waited
   * before each retry, read on the mocked clock in steps of 1 ms, and how many random numbers it drew.
   */
  async function waitsWith(t: TestContext, randoms: readonly number[]): Promise<{ waits: number[]; draws: number }> {
    const queue = [...randoms];
    const random = t.mock.method(Math, 'random', () => queue.shift() ?? 0.5);
    let elapsed = 0;
    const sentAt: number[] = [];
    const { fetch } = fakeFetch(() => {
      sentAt.push(elapsed);
      return new Response('{"error":"try later"}', { status: 500, headers: { 'content-type': 'application/json' } });
    });
    const client = createHttpClient({ baseUrl, fetch, retries: randoms.length });
    const { error } = await onMockedClock(t, () => client.get('track').json(), {
      step: 1,
      onTick: (waited) => (elapsed = waited),
    });
    assert.equal((error as { response?: Response }).response?.status, 500);
    assert.equal(sentAt.length, randoms.length + 1, 'the first try and one retry per random number');
    const draws = random.mock.callCount();
    // The next run in the same test mocks both again.
    random.mock.restore();
    t.mock.timers.reset();
    return { waits: sentAt.slice(1).map((at, index) => at - sentAt[index]!), draws };
  }

  it('waits a random part of each backoff (full jitter): other random numbers, other waits', async (t) => {
    // The backoffs before the first three retries: 0.3, 0.6 and 1.2 s (documented on createHttpClient).
    const backoffs = [300, 600, 1_200];
    const runs = [
      [0.25, 0.5, 0.75],
      [0.9, 0.1, 0.4],
    ];
    const waits: number[][] = [];
    for (const randoms of runs) {
      const { waits: waited, draws } = await waitsWith(t, randoms);
      waits.push(waited);
      waited.forEach((wait, index) => {
        const backoff = backoffs[index]!;
        const expected = randoms[index]! * backoff;
        assert.ok(wait >= 0 && wait <= backoff, `wait ${index + 1}: ${wait} ms, outside [0, ${backoff}] ms`);
        // To within the clock's 1 ms steps (and one more for a fractional wait).
        assert.ok(
          Math.abs(wait - expected) <= 2,
          `wait ${index + 1}: ${wait} ms with Math.random() = ${randoms[index]}, expected ${expected} ms`,
        );
      });
      assert.equal(draws, randoms.length, 'one random number drawn per wait');
    }
    assert.notDeepEqual(waits[0], waits[1], 'two runs with other random numbers waited the same');
  });
});

describe('an abort during a back-off wait', () => {
  /** Starts `call`, aborts with `reason` once the first answer is in and the wait has begun, and reports. */
  async function abortInWait(t: TestContext, call: (signal: AbortSignal) => Promise<unknown>) {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const controller = new AbortController();
    const reason = new Error('the shopper left');
    let ended: { error: unknown } | undefined;
    call(controller.signal).then(
      () => (ended = { error: undefined }),
      (error: unknown) => (ended = { error }),
    );
    // Read through a function: the call sets `ended` behind the back of TypeScript's narrowing.
    const outcome = () => ended;
    await settleNow();
    assert.equal(outcome(), undefined, 'waiting before the retry');
    controller.abort(reason);
    await settleNow();
    // The mocked clock has not moved: only the abort can have ended the 30 s wait.
    return { reason, outcome: outcome() };
  }

  it('rejects at once with the caller’s reason, and sends no retry', async (t) => {
    const { fetch, requests } = failing(503, '30');
    const client = createHttpClient({ baseUrl, fetch, retries: 2 });
    const { reason, outcome } = await abortInWait(t, (signal) => client.get('track', { signal }).json());
    assert.equal(outcome?.error, reason);
    assert.equal(requests.length, 1);
  });

  it('through an adapter: rejects at once with the caller’s reason', async (t) => {
    const { fetch, requests } = failing(429, '30');
    const adapter = dhl({ apiKey: 'key', baseUrl, fetch, retries: 2 });
    const { reason, outcome } = await abortInWait(t, (signal) => adapter.track('1234567890', { signal }));
    assert.equal(outcome?.error, reason);
    assert.equal(requests.length, 1);
  });
});
