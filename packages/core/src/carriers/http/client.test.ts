import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HTTPError, TimeoutError } from 'ky';
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
