import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { HTTPError } from 'ky';
import { TracklineError } from '../../errors/trackline-error.js';
import { dhl } from '../dhl/dhl.js';
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
