import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HTTPError } from 'ky';
import { isTracklineError } from '../../errors/trackline-error.js';
import { createTracker } from '../../tracker/create-tracker.js';
import { fedex } from '../fedex/fedex.js';
import { fakeFetch, json } from '../testing.js';
import { ups } from '../ups/ups.js';
import { usps } from '../usps/usps.js';
import { fedexSpecExample } from '../fedex/fixtures.js';
import { upsInTransitExample } from '../ups/fixtures.js';
import { groundAdvantageDelivered } from '../usps/fixtures.js';
import { createTokenSource, fallbackTokenLifetime, withToken } from './oauth.js';

function http401(): HTTPError {
  const request = new Request('http://127.0.0.1/api');
  return new HTTPError(new Response('{}', { status: 401 }), request, {} as never);
}

describe('createTokenSource', () => {
  it('reuses a token until a minute before it expires', async () => {
    let clock = 0;
    let issued = 0;
    const tokens = createTokenSource(async () => ({ accessToken: `t${++issued}`, expiresIn: 3600 }), {
      now: () => new Date(clock),
    });
    assert.equal(await tokens.get(), 't1');
    clock = 3_539_000;
    assert.equal(await tokens.get(), 't1');
    clock = 3_541_000;
    assert.equal(await tokens.get(), 't2');
  });

  it('keeps a token whose lifetime is missing or unreadable for the fallback lifetime, not for no time', async () => {
    for (const expiresIn of [undefined, null, '', 'abc', 0, -5, Number.NaN]) {
      let clock = 0;
      let issued = 0;
      const tokens = createTokenSource(async () => ({ accessToken: `t${++issued}`, expiresIn }), {
        now: () => new Date(clock),
      });
      assert.equal(await tokens.get(), 't1');
      // Replaced a tenth of its lifetime before it ends (less than the usual minute).
      clock = fallbackTokenLifetime * 900 - 1_000;
      assert.equal(await tokens.get(), 't1', `expiresIn ${String(expiresIn)}: reused`);
      clock = fallbackTokenLifetime * 900 + 1_000;
      assert.equal(await tokens.get(), 't2', `expiresIn ${String(expiresIn)}: replaced`);
    }
  });

  it('reuses a token that lives a minute or less, replacing it a tenth of its lifetime early', async () => {
    for (const expiresIn of [30, '30']) {
      let clock = 0;
      let issued = 0;
      const tokens = createTokenSource(async () => ({ accessToken: `t${++issued}`, expiresIn }), {
        now: () => new Date(clock),
      });
      assert.equal(await tokens.get(), 't1');
      clock = 26_000;
      assert.equal(await tokens.get(), 't1');
      clock = 28_000;
      assert.equal(await tokens.get(), 't2');
    }
  });

  it('asks for one token when many requests need one at once', async () => {
    let issued = 0;
    const tokens = createTokenSource(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { accessToken: `t${++issued}`, expiresIn: 3600 };
    });
    const all = await Promise.all([tokens.get(), tokens.get(), tokens.get()]);
    assert.deepEqual(all, ['t1', 't1', 't1']);
    assert.equal(issued, 1);
  });

  it('tries again after a failed token request instead of keeping the failure', async () => {
    let calls = 0;
    const tokens = createTokenSource(async () => {
      calls++;
      if (calls === 1) throw new Error('network');
      return { accessToken: 'ok', expiresIn: 3600 };
    });
    await assert.rejects(tokens.get(), /network/);
    assert.equal(await tokens.get(), 'ok');
  });
});

describe('withToken', () => {
  it('gets a new token and retries exactly once after a 401', async () => {
    let issued = 0;
    const tokens = createTokenSource(async () => ({ accessToken: `t${++issued}`, expiresIn: 3600 }));
    const seen: string[] = [];
    await assert.rejects(
      withToken(tokens, async (token) => {
        seen.push(token);
        throw http401();
      }),
      HTTPError,
    );
    assert.deepEqual(seen, ['t1', 't2']);
  });

  it('does not retry other failures', async () => {
    const tokens = createTokenSource(async () => ({ accessToken: 't', expiresIn: 3600 }));
    let calls = 0;
    await assert.rejects(
      withToken(tokens, async () => {
        calls++;
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(calls, 1);
  });
});

describe('createTokenSource and aborts', () => {
  it('lets one caller give up without failing the others waiting for the same token', async () => {
    const tokens = createTokenSource(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { accessToken: 'shared', expiresIn: 3600 };
    });
    const quitter = new AbortController();
    const first = tokens.get(quitter.signal);
    const second = tokens.get();
    quitter.abort();
    await assert.rejects(first, { name: 'AbortError' });
    assert.equal(await second, 'shared');
  });
});

describe('a token endpoint that answers 4xx', () => {
  const secret = 'client-secret-that-must-not-show';
  // What a web server answers for a path it does not have: a baseUrl with a path too many, for instance.
  const notFoundPage = () =>
    new Response('<html><body>Not Found</body></html>', { status: 404, headers: { 'content-type': 'text/html' } });
  const options = { clientId: 'id', clientSecret: secret, baseUrl: 'http://127.0.0.1:45002/api', retries: 0 };
  const adapters = (fetch: typeof globalThis.fetch) => [
    { adapter: ups({ ...options, fetch }), number: '1Z999AA10123456784', carrier: 'ups' as const },
    { adapter: fedex({ ...options, fetch }), number: '776094337676', carrier: 'fedex' as const },
    { adapter: usps({ ...options, fetch }), number: '9400109104250532908587', carrier: 'usps' as const },
  ];

  it('says auth, naming the status and what to check, never not_found', async () => {
    for (const status of [400, 403, 404, 410]) {
      const { fetch } = fakeFetch(() => (status === 404 ? notFoundPage() : json({ error: 'nope' }, status)));
      for (const { adapter, number } of adapters(fetch)) {
        const error = await adapter.track(number).then(
          () => assert.fail(`${adapter.id} answered`),
          (thrown: unknown) => thrown,
        );
        assert.ok(isTracklineError(error, 'auth'), `${adapter.id}, HTTP ${status}: ${String(error)}`);
        assert.match(error.message, new RegExp(`token endpoint answered HTTP ${status}\\b`));
        assert.match(error.message, /baseUrl/);
        assert.match(error.message, /client ID and secret/);
        assert.ok(!`${error.message} ${JSON.stringify(error)}`.includes(secret));
      }
    }
  });

  it('makes the tracker stop with auth rather than report an unknown parcel', async () => {
    const { fetch, requests } = fakeFetch(notFoundPage);
    for (const { adapter, number, carrier } of adapters(fetch)) {
      const tracker = createTracker({ adapters: [adapter] });
      for (const request of [{ carrier }, {}]) {
        await assert.rejects(
          tracker.track(number, request),
          { code: 'auth' },
          `${adapter.id} ${JSON.stringify(request)}`,
        );
      }
    }
    assert.ok(requests.every(({ request }) => /token$/.test(new URL(request.url).pathname)));
  });

  it('leaves a 429 from the token endpoint a rate limit, with its wait', async () => {
    const { fetch } = fakeFetch(
      () => new Response('{}', { status: 429, headers: { 'retry-after': '40', 'content-type': 'application/json' } }),
    );
    for (const { adapter, number } of adapters(fetch)) {
      const error = await adapter.track(number).then(
        () => assert.fail(`${adapter.id} answered`),
        (thrown: unknown) => thrown,
      );
      assert.ok(isTracklineError(error, 'rate_limited'), `${adapter.id}: ${String(error)}`);
      assert.equal(error.retryAfter, 40);
    }
  });
});

describe('a token answer without a usable expires_in', () => {
  const options = { clientId: 'id', clientSecret: 'secret', baseUrl: 'http://127.0.0.1:45003/api', retries: 0 };
  const carriers = [
    { make: ups, number: '1Z999AA10123456784', answer: upsInTransitExample, token: /oauth\/token$/ },
    { make: fedex, number: '776094337676', answer: fedexSpecExample, token: /oauth\/token$/ },
    { make: usps, number: '9400109104250532908587', answer: groundAdvantageDelivered, token: /oauth2\/v3\/token$/ },
  ];

  it('is asked for once, not on every call, by UPS, FedEx and USPS alike', async () => {
    for (const expiresIn of [undefined, 'not a number']) {
      for (const { make, number, answer, token } of carriers) {
        const { fetch, requests } = fakeFetch((request) =>
          token.test(new URL(request.url).pathname)
            ? json({ access_token: 'the-token', token_type: 'Bearer', ...(expiresIn ? { expires_in: expiresIn } : {}) })
            : json(answer),
        );
        const adapter = make({ ...options, fetch });
        for (let call = 0; call < 3; call++) await adapter.track(number);
        const asked = requests.filter(({ request }) => token.test(new URL(request.url).pathname)).length;
        assert.equal(asked, 1, `${adapter.id}, expires_in ${String(expiresIn)}: ${asked} token requests`);
      }
    }
  });
});
