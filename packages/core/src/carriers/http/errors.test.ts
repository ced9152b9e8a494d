import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { HTTPError } from 'ky';
import { TracklineError } from '../../errors/trackline-error.js';
import { createTracker } from '../../tracker/create-tracker.js';
import { dhl } from '../dhl/dhl.js';
import { fakeFetch } from '../testing.js';
import { ups } from '../ups/ups.js';
import { toTracklineError } from './errors.js';
import { retryAfterMs } from './retry-after.js';

const respond = (status: number, headers: Record<string, string> = {}) => new Response('{}', { status, headers });
const httpError = (response: Response) => new HTTPError(response, new Request('http://127.0.0.1/'), {} as never);

describe('retryAfterMs', () => {
  const now = Date.parse('2026-05-04T12:00:00Z');

  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(retryAfterMs(respond(429, { 'retry-after': '7' }), now), 7000);
    assert.equal(retryAfterMs(respond(503, { 'retry-after': 'Mon, 04 May 2026 12:01:00 GMT' }), now), 60_000);
  });

  it('falls back to RateLimit-Reset, as seconds to wait or as a Unix time', () => {
    assert.equal(retryAfterMs(respond(429, { 'ratelimit-reset': '3600' }), now), 3_600_000);
    assert.equal(retryAfterMs(respond(429, { 'x-ratelimit-reset': String(now / 1000 + 90) }), now), 90_000);
  });

  it('names no wait when the response gives none it can read', () => {
    assert.equal(retryAfterMs(respond(429), now), undefined);
    assert.equal(retryAfterMs(respond(429, { 'retry-after': 'soon' }), now), undefined);
  });
});

describe('toTracklineError', () => {
  it('says rate_limited with the wait the carrier asked for', () => {
    const error = toTracklineError('UPS', httpError(respond(429, { 'retry-after': '30' })));
    assert.ok(error instanceof TracklineError);
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfter, 30);
  });

  it('says not_found for a 404 in the API’s own format, and invalid_response naming baseUrl for a web page', () => {
    const answer = (type: string) => httpError(new Response('', { status: 404, headers: { 'content-type': type } }));
    for (const type of ['application/json', 'application/problem+json', 'application/json; charset=utf-8']) {
      assert.equal((toTracklineError('DHL', answer(type)) as TracklineError).code, 'not_found', type);
    }
    for (const type of ['text/html', 'text/html; charset=UTF-8', 'application/xhtml+xml']) {
      const error = toTracklineError('DHL', answer(type)) as TracklineError;
      assert.equal(error.code, 'invalid_response', type);
      assert.match(error.message, /HTTP 404 with a web page/);
      assert.match(error.message, /baseUrl/);
    }
  });

  it('makes the tracker report a 404 web page as a setup error, not as an unknown parcel', async () => {
    const { fetch, requests } = fakeFetch(
      () => new Response('<html>Not Found</html>', { status: 404, headers: { 'content-type': 'text/html' } }),
    );
    const tracker = createTracker({ adapters: [dhl({ apiKey: 'key', baseUrl: 'http://127.0.0.1:45003/v2', fetch })] });
    // A DHL Express number, its carrier detected and given.
    for (const request of [{}, { carrier: 'dhl' as const }]) {
      await assert.rejects(tracker.track('3318810025', request), { code: 'invalid_response' });
    }
    assert.equal(requests.length, 2);
  });

  it('says unavailable when the connection itself failed', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    assert.equal((toTracklineError('UPS', refused) as TracklineError).code, 'unavailable');
  });

  it('does not call a bug in reading the answer a network failure', () => {
    const error = toTracklineError('UPS', new TypeError('x.replace is not a function')) as TracklineError;
    assert.equal(error.code, 'invalid_response');
    assert.doesNotMatch(error.message, /network/);
  });

  it('passes the caller’s abort through untouched', () => {
    const controller = new AbortController();
    controller.abort();
    assert.equal(toTracklineError('UPS', new Error('aborted'), controller.signal), controller.signal.reason);
  });

  it('keeps the credentials out of a timeout error, even printed in full with its causes', async () => {
    const secret = 'api-key-that-must-not-be-logged';
    // A carrier that never answers: the request hangs until ky's timeout aborts it.
    const hang: typeof fetch = (input, init) =>
      new Promise((_, reject) => {
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    const adapters = [
      dhl({ apiKey: secret, fetch: hang, timeout: 20, retries: 0 }),
      ups({ clientId: 'id', clientSecret: secret, fetch: hang, timeout: 20, retries: 0 }),
    ];
    for (const adapter of adapters) {
      const error = await adapter.track('00340434161094042557').then(
        () => assert.fail(`${adapter.id} answered`),
        (thrown: unknown) => thrown,
      );
      assert.ok(error instanceof TracklineError, String(error));
      assert.equal(error.code, 'timeout');
      const printed = inspect(error, { depth: Infinity, showHidden: true });
      assert.ok(!printed.includes(secret), printed);
      assert.ok(!printed.includes(Buffer.from(`id:${secret}`).toString('base64')), printed);
    }
  });
});
