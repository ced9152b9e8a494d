import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { HTTPError } from 'ky';
import { TracklineError } from '../../errors/trackline-error.js';
import { createTracker } from '../../tracker/create-tracker.js';
import { aftership } from '../aftership/aftership.js';
import { notFoundBody } from '../aftership/fixtures.js';
import { dhl } from '../dhl/dhl.js';
import { noResultFound } from '../dhl/fixtures.js';
import { easypost } from '../easypost/easypost.js';
import { fedex } from '../fedex/fedex.js';
import { shippo } from '../shippo/shippo.js';
import { fakeFetch, json } from '../testing.js';
import { ups } from '../ups/ups.js';
import { notTrackable } from '../usps/fixtures.js';
import { usps } from '../usps/usps.js';
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

  it('says invalid_response naming baseUrl for a 404, in JSON or as a web page, never not_found', () => {
    const answer = (type: string) => httpError(new Response('', { status: 404, headers: { 'content-type': type } }));
    for (const type of ['application/json', 'application/problem+json', 'text/html', 'application/xhtml+xml']) {
      const error = toTracklineError('DHL', answer(type)) as TracklineError;
      assert.equal(error.code, 'invalid_response', type);
      assert.match(error.message, /HTTP 404/);
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

describe('a 404 from a wrong baseUrl, in JSON', () => {
  const keys = { apiKey: 'key', clientId: 'id', clientSecret: 'secret', retries: 0 };
  const baseUrl = 'http://127.0.0.1:45004/wrong';
  /** Tokens are given; every other request gets `answer`, as a server without the carrier's API path would. */
  const serving = (answer: () => Response) =>
    fakeFetch((request) =>
      /token$/.test(new URL(request.url).pathname)
        ? json({ access_token: 'token', token_type: 'Bearer', expires_in: 3600 })
        : answer(),
    );
  const all = (fetch: typeof globalThis.fetch) => [
    { adapter: ups({ ...keys, baseUrl, fetch }), number: '1Z999AA10123456784', carrier: 'ups' as const },
    { adapter: fedex({ ...keys, baseUrl, fetch }), number: '776094337676', carrier: 'fedex' as const },
    { adapter: usps({ ...keys, baseUrl, fetch }), number: '9400109104250532908587', carrier: 'usps' as const },
    { adapter: dhl({ ...keys, baseUrl, fetch }), number: '3318810025', carrier: 'dhl' as const },
    { adapter: easypost({ ...keys, baseUrl, fetch }), number: '1Z999AA10123456784', carrier: 'ups' as const },
    { adapter: shippo({ ...keys, baseUrl, fetch }), number: '1Z999AA10123456784', carrier: 'ups' as const },
    { adapter: aftership({ ...keys, baseUrl, fetch }), number: '1Z999AA10123456784', carrier: 'ups' as const },
  ];
  // What a web framework or gateway answers for a path it does not have, and what the sandbox does.
  const notOurs = [
    () => json({ error: 'No such endpoint.' }, 404),
    () => json({ message: 'Not Found', statusCode: 404 }, 404),
    () => json({ title: 'Not Found', status: 404 }, 404, 'application/problem+json'),
  ];

  it('is invalid_response naming baseUrl for every adapter, never not_found', async () => {
    for (const answer of notOurs) {
      const { fetch } = serving(answer);
      for (const { adapter, number, carrier } of all(fetch)) {
        const error = await adapter.track(number, { carrier }).then(
          () => assert.fail(`${adapter.id} answered`),
          (thrown: unknown) => thrown,
        );
        assert.ok(error instanceof TracklineError, `${adapter.id}: ${String(error)}`);
        assert.equal(error.code, 'invalid_response', `${adapter.id}: ${error.message}`);
        assert.match(error.message, /HTTP 404/);
        assert.match(error.message, /baseUrl/);
      }
    }
  });

  it('stops the tracker instead of letting it try the next carrier as for an unknown parcel', async () => {
    const { fetch, requests } = serving(notOurs[0]!);
    const [first, second] = all(fetch);
    const tracker = createTracker({ adapters: [first!.adapter, second!.adapter] });
    await assert.rejects(tracker.track(first!.number, { carrier: 'ups' }), { code: 'invalid_response' });
    assert.ok(requests.every(({ request }) => !request.url.includes('/track/v1/trackingnumbers')));
  });

  it('is not_found only for the documented bodies of the carriers that answer an unknown number with a 404', async () => {
    const documented = [
      { id: 'dhl', answer: () => json(noResultFound, 404, 'application/problem+json') },
      { id: 'usps', answer: () => json(notTrackable, 404) },
      { id: 'aftership', answer: () => json(notFoundBody, 404) },
    ];
    for (const { id, answer } of documented) {
      const { fetch } = serving(answer);
      const { adapter, number, carrier } = all(fetch).find((entry) => entry.adapter.id === id)!;
      await assert.rejects(adapter.track(number, { carrier }), { code: 'not_found' }, id);
    }
  });
});

describe('a secret in the address', () => {
  const secret = 'PASSWORD-that-must-not-show';
  const makers = [
    (baseUrl: string) => dhl({ apiKey: 'key', baseUrl }),
    (baseUrl: string) => ups({ clientId: 'id', clientSecret: 'secret', baseUrl }),
    (baseUrl: string) => easypost({ apiKey: 'key', baseUrl }),
  ];

  it('refuses a baseUrl with a user name or password, or that is not an http(s) URL, without repeating it', () => {
    const wrong = [
      [`https://user:${secret}@api.example.com`, /user name or password/],
      [`https://${secret}@api.example.com`, /user name or password/],
      [`http://[bad/${secret}`, /not a URL/],
      [`ftp://api.example.com/${secret}`, /https:\/\/ or http:\/\//],
      [`api.example.com/${secret}`, /not a URL/],
      [`https://api.example.com/dhl?apikey=${secret}`, /query/],
    ] as const;
    for (const make of makers) {
      for (const [baseUrl, says] of wrong) {
        const error = (() => {
          try {
            make(baseUrl);
          } catch (thrown) {
            return thrown;
          }
          return assert.fail(`accepted ${baseUrl}`);
        })();
        assert.ok(error instanceof TypeError, String(error));
        assert.match(error.message, says, baseUrl);
        assert.match(error.message, /baseUrl/);
        const printed = inspect(error, { depth: Infinity, showHidden: true });
        assert.ok(!printed.includes(secret), printed);
      }
    }
  });

  it('still takes an http or https address with a path, with or without its last slash', () => {
    for (const make of makers) {
      for (const baseUrl of ['https://api.example.com', 'http://127.0.0.1:45005/dhl/', 'https://api.example.com/v1']) {
        assert.doesNotThrow(() => make(baseUrl), baseUrl);
      }
    }
  });

  it('never keeps an error that quotes a URL as the cause, from fetch or from a network failure', () => {
    const refused = new TypeError(
      `Request cannot be constructed from a URL that includes credentials: https://user:${secret}@127.0.0.1/track`,
    );
    const unreadable = new TypeError(`Failed to parse URL from http://[bad/${secret}/track`);
    const network = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error(`connect ECONNREFUSED for https://user:${secret}@127.0.0.1`), {
        code: 'ECONNREFUSED',
      }),
    });
    for (const thrown of [refused, unreadable, network]) {
      const error = toTracklineError('DHL', thrown) as TracklineError;
      assert.ok(error instanceof TracklineError);
      assert.equal(error.cause, undefined, thrown.message);
      assert.doesNotMatch(error.message, /report it/);
      const printed = inspect(error, { depth: Infinity, showHidden: true });
      assert.ok(!printed.includes(secret), printed);
    }
    assert.equal((toTracklineError('DHL', network) as TracklineError).code, 'unavailable');
    assert.match((toTracklineError('DHL', refused) as TracklineError).message, /baseUrl/);
  });

  it('through an adapter: a fetch that refuses the URL leaves no trace of it in the error', async () => {
    const refusing: typeof fetch = async (input) => {
      throw new TypeError(
        `Failed to parse URL from ${String(input instanceof Request ? input.url : input)}?token=${secret}`,
      );
    };
    const error = await dhl({ apiKey: 'key', baseUrl: 'https://api.example.com', fetch: refusing, retries: 0 })
      .track('3318810025')
      .then(
        () => assert.fail('answered'),
        (thrown: unknown) => thrown,
      );
    assert.ok(error instanceof TracklineError, String(error));
    const printed = inspect(error, { depth: Infinity, showHidden: true });
    assert.ok(!printed.includes(secret), printed);
  });
});
