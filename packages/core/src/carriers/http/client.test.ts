import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { HTTPError, TimeoutError } from 'ky';
import { isTracklineError } from '../../errors/trackline-error.js';
import { dhl } from '../dhl/dhl.js';
import { fakeFetch, json } from '../testing.js';
import { createHttpClient } from './client.js';

const baseUrl = 'http://127.0.0.1:43001/api/';

describe('createHttpClient', () => {
  it('sends the URL, method, headers and body it was given, and reads the JSON answer', async () => {
    const { fetch, requests } = fakeFetch(() => json({ ok: true }));
    const client = createHttpClient({ baseUrl, fetch, retries: 0 });
    const answer = await client
      .post('track?lang=en', { headers: { authorization: 'Bearer t' }, body: '{"number":"1Z"}' })
      .json();
    assert.deepEqual(answer, { ok: true });
    assert.equal(requests.length, 1);
    const [{ request, body }] = requests as [(typeof requests)[0]];
    assert.equal(request.url, 'http://127.0.0.1:43001/api/track?lang=en');
    assert.equal(request.method, 'POST');
    assert.equal(request.headers.get('authorization'), 'Bearer t');
    assert.equal(request.headers.get('accept'), 'application/json');
    assert.equal(body, '{"number":"1Z"}');
  });

  it('sends the same body again on every retry of a POST', async () => {
    let calls = 0;
    const { fetch, requests } = fakeFetch(() => (++calls < 3 ? json({}, 503) : json({ ok: true })));
    const client = createHttpClient({ baseUrl, fetch, retries: 2 });
    // A backoff of at most 1 ms keeps the test from waiting.
    const answer = await client
      .extend({ retry: { backoffLimit: 1 } })
      .post('track', { json: { number: '1Z' } })
      .json();
    assert.deepEqual(answer, { ok: true });
    assert.deepEqual(
      requests.map(({ body }) => body),
      ['{"number":"1Z"}', '{"number":"1Z"}', '{"number":"1Z"}'],
    );
    assert.equal(requests[2]!.request.headers.get('content-type'), 'application/json');
  });

  it('gives up after its timeout with ky’s TimeoutError, and does not try again', async () => {
    let calls = 0;
    let aborted = false;
    const hang: typeof globalThis.fetch = (_input, init) => {
      calls++;
      return new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(init.signal!.reason);
        });
      });
    };
    const client = createHttpClient({ baseUrl, fetch: hang, timeout: 20, retries: 2 });
    await assert.rejects(client.get('track').json(), TimeoutError);
    assert.equal(calls, 1);
    assert.ok(aborted, 'the request that timed out was aborted');
  });

  it('stops the request when the caller aborts, with the caller’s reason', async () => {
    const hang: typeof globalThis.fetch = (_input, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const client = createHttpClient({ baseUrl, fetch: hang, retries: 2 });
    const controller = new AbortController();
    const reason = new Error('the shopper left');
    const answer = client.get('track', { signal: controller.signal }).json();
    setTimeout(() => controller.abort(reason), 5);
    await assert.rejects(answer, (error) => error === reason);
  });

  /** A `fetch` whose answer has its headers and the start of its body, and never the rest. */
  const stalledBody: typeof globalThis.fetch = async () => {
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('{"shipments":[')),
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };

  /** `promise`, or a failure naming `what` when it is still pending after `ms` (far past any wait it may take). */
  function settledWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new assert.AssertionError({ message: `${what}: still waiting after ${ms} ms` })),
        ms,
      );
    });
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
  }

  it('keeps counting its timeout while the body arrives, not only until the headers', async () => {
    const client = createHttpClient({ baseUrl, fetch: stalledBody, timeout: 30, retries: 2 });
    await assert.rejects(settledWithin(client.get('track').json(), 5_000, 'a 30 ms timeout'), TimeoutError);
  });

  it('stops reading the body when the caller aborts, with the caller’s reason', async () => {
    const client = createHttpClient({ baseUrl, fetch: stalledBody, timeout: 60_000, retries: 0 });
    const controller = new AbortController();
    const reason = new Error('the shopper left');
    const answer = client.get('track', { signal: controller.signal }).json();
    setTimeout(() => controller.abort(reason), 5);
    await assert.rejects(settledWithin(answer, 5_000, 'an abort after 5 ms'), (error) => error === reason);
  });

  it('reads a whole body that arrives in pieces, and an answer without a body', async () => {
    const pieces: typeof globalThis.fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          async start(controller) {
            for (const piece of ['{"events":', '[1,2', ',3]}']) {
              await new Promise((resolve) => setTimeout(resolve, 1));
              controller.enqueue(new TextEncoder().encode(piece));
            }
            controller.close();
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    assert.deepEqual(await createHttpClient({ baseUrl, fetch: pieces }).get('track').json(), { events: [1, 2, 3] });
    const empty: typeof globalThis.fetch = async () => new Response(null, { status: 204 });
    assert.equal(await createHttpClient({ baseUrl, fetch: empty }).get('track').json(), '');
  });

  it('does not send at all when the caller has already aborted', async () => {
    const { fetch, requests } = fakeFetch(() => json({}));
    const client = createHttpClient({ baseUrl, fetch, retries: 2 });
    const reason = new Error('gone');
    await assert.rejects(
      client.get('track', { signal: AbortSignal.abort(reason) }).json(),
      (error) => error === reason,
    );
    assert.equal(requests.length, 0);
  });

  it('throws HTTPError for a 4xx without trying again', async () => {
    const { fetch, requests } = fakeFetch(() => json({}, 400));
    const client = createHttpClient({ baseUrl, fetch, retries: 2 });
    await assert.rejects(client.get('track').json(), HTTPError);
    assert.equal(requests.length, 1);
  });

  it('refuses a timeout setTimeout cannot hold, saying what it accepts', () => {
    assert.throws(() => createHttpClient({ baseUrl, timeout: 2 ** 31 }), /timeout must be a number of milliseconds/);
    assert.throws(() => createHttpClient({ baseUrl, timeout: 0 }), RangeError);
  });
});

describe('the default timeout, on a mocked clock', () => {
  /** A `fetch` that never answers, and notes each call and whether its request was aborted. */
  function hanging() {
    const seen = { calls: 0, aborted: false };
    const fetch: typeof globalThis.fetch = (_input, init) => {
      seen.calls++;
      return new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => {
          seen.aborted = true;
          reject(init.signal!.reason);
        });
      });
    };
    return { fetch, seen };
  }

  /** Lets everything due now run: the request, the hook's timer being set, a rejection being handled. */
  async function settleNow(): Promise<void> {
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
  }

  /**
   * Starts `call` with node:test's mocked `setTimeout` (which the client's timer uses), moves the clock to
   * just before 10 s and then to 10 s, and says how the call stood at each: no real time passes.
   */
  async function atTenSeconds(t: TestContext, call: () => Promise<unknown>) {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let ended: { error: unknown } | undefined;
    call().then(
      () => (ended = { error: undefined }),
      (error: unknown) => (ended = { error }),
    );
    // Read through a function: the call sets `ended` behind the back of TypeScript's narrowing.
    const outcome = () => ended;
    await settleNow();
    t.mock.timers.tick(9_999);
    await settleNow();
    const before = outcome();
    t.mock.timers.tick(1);
    await settleNow();
    return { before, after: outcome() };
  }

  it('a client made without a timeout gives up after 10 s, not before, and does not try again', async (t) => {
    const { fetch, seen } = hanging();
    const client = createHttpClient({ baseUrl, fetch, retries: 2 });
    const { before, after } = await atTenSeconds(t, () => client.get('track').json());
    assert.equal(before, undefined, 'still waiting at 9.999 s');
    assert.ok(after?.error instanceof TimeoutError, `at 10 s: ${String(after?.error)}`);
    assert.ok(seen.aborted, 'the request that timed out was aborted');
    assert.equal(seen.calls, 1);
  });

  it('an adapter made without a timeout fails as `timeout` after 10 s, not before', async (t) => {
    const { fetch, seen } = hanging();
    const adapter = dhl({ apiKey: 'key', baseUrl, fetch });
    const { before, after } = await atTenSeconds(t, () => adapter.track('1234567890'));
    assert.equal(before, undefined, 'still waiting at 9.999 s');
    assert.ok(isTracklineError(after?.error, 'timeout'), `at 10 s: ${String(after?.error)}`);
    assert.ok(seen.aborted, 'the request that timed out was aborted');
    assert.equal(seen.calls, 1);
  });
});
