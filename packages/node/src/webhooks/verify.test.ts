import assert from 'node:assert/strict';
import crypto, { createHmac } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { describe, it, mock } from 'node:test';
import { verifyWebhook } from '@trackline/node';
import { signedHeaders } from './testing.js';

// Vectors from shared/reference/carrier-apis.md: the Standard Webhooks one is the libraries' own test
// vector; the others were computed there with each provider's documented algorithm.
const standard = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  headers: {
    'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    'webhook-timestamp': '1614265330',
    'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  },
  body: '{"test": 2432232314}',
  now: 1614265330_000,
};

const easypostBody =
  '{"description":"tracker.updated","result":{"object":"Tracker","tracking_code":"EZ4000000004","status":"delivered"}}';

describe('verifyWebhook: Standard Webhooks', () => {
  it('accepts the specification’s test vector', () => {
    assert.deepEqual(verifyWebhook('standard', standard), {
      ok: true,
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
    });
  });

  it('accepts a secret given without its whsec_ prefix, and Fetch API headers', () => {
    const result = verifyWebhook('standard', {
      ...standard,
      secret: standard.secret.slice(6),
      headers: new Headers(standard.headers),
    });
    assert.equal(result.ok, true);
  });

  it('finds the valid signature in a rotation list and ignores other versions', () => {
    const headers = {
      ...standard.headers,
      'webhook-signature': `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${standard.headers['webhook-signature']}`,
    };
    assert.equal(verifyWebhook('standard', { ...standard, headers }).ok, true);
  });

  it('accepts the old secret during a rotation', () => {
    assert.equal(
      verifyWebhook('standard', { ...standard, secret: ['whsec_bmV3LXNlY3JldC1uZXctc2VjcmV0', standard.secret] }).ok,
      true,
    );
  });

  it('refuses a body changed by one character', () => {
    const result = verifyWebhook('standard', { ...standard, body: '{"test": 2432232315}' });
    assert.equal(result.ok, false);
  });

  it('refuses a timestamp more than five minutes old or ahead', () => {
    const old = verifyWebhook('standard', { ...standard, now: standard.now + 301_000 });
    const ahead = verifyWebhook('standard', { ...standard, now: standard.now - 301_000 });
    assert.deepEqual([old.ok, ahead.ok], [false, false]);
    assert.match((old as { reason: string }).reason, /301 s old/);
    assert.equal(verifyWebhook('standard', { ...standard, now: standard.now + 299_000 }).ok, true);
  });

  it('says which header is missing or malformed', () => {
    const { 'webhook-id': _id, ...noId } = standard.headers;
    assert.match((verifyWebhook('standard', { ...standard, headers: noId }) as { reason: string }).reason, /missing/);
    const hello = { ...standard.headers, 'webhook-timestamp': 'hello' };
    assert.match(
      (verifyWebhook('standard', { ...standard, headers: hello }) as { reason: string }).reason,
      /unix seconds/,
    );
    for (const signature of ['v1,dawfeoifkpqwoekfpqoekf', 'v1,', 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1O']) {
      assert.equal(
        verifyWebhook('standard', { ...standard, headers: { ...standard.headers, 'webhook-signature': signature } }).ok,
        false,
      );
    }
  });

  it('refuses to verify without a usable secret', () => {
    assert.match(
      (verifyWebhook('standard', { ...standard, secret: '' }) as { reason: string }).reason,
      /No webhook secret/,
    );
    assert.equal(verifyWebhook('standard', { ...standard, secret: 'whsec_' }).ok, false);
  });
});

describe('verifyWebhook: EasyPost', () => {
  const headers = {
    'X-Hmac-Signature': 'hmac-sha256-hex=7f4e84211d91642bb4fd41314a9eeaa9b9dab9c85a0bf4e837907c6d217af199',
  };

  it('accepts a signature made with the NFKD form of the secret', () => {
    assert.deepEqual(verifyWebhook('easypost', { headers, body: easypostBody, secret: 'sécret' }), { ok: true });
  });

  it('treats a composed and a decomposed é in the secret alike', () => {
    assert.equal(verifyWebhook('easypost', { headers, body: easypostBody, secret: 'se\u0301cret' }).ok, true);
  });

  it('verifies the raw bytes, so a Uint8Array body works too', () => {
    assert.equal(
      verifyWebhook('easypost', { headers, body: new TextEncoder().encode(easypostBody), secret: 'sécret' }).ok,
      true,
    );
  });

  it('refuses the wrong secret and a malformed header', () => {
    assert.equal(verifyWebhook('easypost', { headers, body: easypostBody, secret: 'secret' }).ok, false);
    const bad = { 'x-hmac-signature': '7f4e84211d91642bb4fd41314a9eeaa9b9dab9c85a0bf4e837907c6d217af199' };
    assert.match(
      (verifyWebhook('easypost', { headers: bad, body: easypostBody, secret: 'sécret' }) as { reason: string }).reason,
      /hmac-sha256-hex=/,
    );
  });
});

describe('verifyWebhook: AfterShip', () => {
  const body =
    '{"event":"tracking_update","event_id":"00000000-0000-4000-8000-000000000000","is_tracking_first_tag":true,"msg":{"tag":"Delivered","subtag":"Delivered_001"},"ts":1700000000}';

  it('accepts a base64 HMAC of the body, whatever the header casing', () => {
    const headers = { 'Aftership-Hmac-Sha256': 'vzGZUucsBHSQCOFSzQCLbBEsmnht7k1vtZTUglKsCgs=' };
    assert.equal(verifyWebhook('aftership', { headers, body, secret: 'aftership_test_secret' }).ok, true);
  });

  it('refuses a missing header', () => {
    assert.equal(verifyWebhook('aftership', { headers: {}, body, secret: 'aftership_test_secret' }).ok, false);
  });
});

describe('verifyWebhook: Shippo', () => {
  const body =
    '{"event":"track_updated","test":true,"data":{"carrier":"shippo","tracking_number":"SHIPPO_DELIVERED","tracking_status":{"status":"DELIVERED"}}}';
  const headers = {
    'shippo-auth-signature': 't=1700000000,v1=17f54d09e9434c27211bb99a162462aa945b58c051530f2fdc657f29335b12d6',
  };

  it('accepts a signature over "<t>.<body>" within the time tolerance', () => {
    assert.deepEqual(verifyWebhook('shippo', { headers, body, secret: 'shippo_test_secret', now: 1700000100_000 }), {
      ok: true,
      timestamp: 1700000000,
    });
  });

  it('refuses a replay an hour later', () => {
    assert.equal(
      verifyWebhook('shippo', { headers, body, secret: 'shippo_test_secret', now: 1700003600_000 }).ok,
      false,
    );
  });
});

describe('verifyWebhook: any provider', () => {
  it('names the providers it knows when given another', () => {
    const result = verifyWebhook('stripe' as 'standard', standard);
    assert.match((result as { reason: string }).reason, /use one of easypost, shippo, aftership, standard/);
  });
});

describe('verifyWebhook: what it is given', () => {
  it('accepts the body as an ArrayBuffer, as request.arrayBuffer() returns it', () => {
    const body = new TextEncoder().encode(standard.body).buffer;
    assert.equal(verifyWebhook('standard', { ...standard, body }).ok, true);
  });

  it('refuses parsed JSON instead of throwing, and says to pass the raw body', () => {
    const result = verifyWebhook('standard', { ...standard, body: JSON.parse(standard.body) as string });
    assert.match((result as { reason: string }).reason, /raw request body/);
  });

  it('fails closed when the tolerance or the clock is not a number', () => {
    const old = { ...standard, now: standard.now + 10 * 365 * 86_400_000 };
    assert.equal(verifyWebhook('standard', { ...old, toleranceSeconds: Number.NaN }).ok, false);
    assert.equal(verifyWebhook('standard', { ...standard, now: new Date('garbage') }).ok, false);
  });

  it('reads a signature list sent as repeated headers', () => {
    const headers = {
      ...standard.headers,
      'webhook-signature': ['v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=', standard.headers['webhook-signature']],
    };
    assert.equal(verifyWebhook('standard', { ...standard, headers }).ok, true);
  });
});

/**
 * Runs `verify` with `crypto.timingSafeEqual` spied on (the ESM binding verify.ts imported included:
 * `syncBuiltinESMExports` carries the spy over to it), and returns its result and every pair of
 * buffers the spy was called with.
 */
function spyOnTimingSafeEqual<T>(verify: () => T): { result: T; calls: Buffer[][] } {
  const spy = mock.method(crypto, 'timingSafeEqual');
  syncBuiltinESMExports();
  try {
    const result = verify();
    return { result, calls: spy.mock.calls.map((call) => call.arguments.map((a) => Buffer.from(a as Uint8Array))) };
  } finally {
    spy.mock.restore();
    syncBuiltinESMExports();
  }
}

const shippoBody =
  '{"event":"track_updated","test":true,"data":{"carrier":"shippo","tracking_number":"SHIPPO_DELIVERED","tracking_status":{"status":"DELIVERED"}}}';
const aftershipBody =
  '{"event":"tracking_update","event_id":"00000000-0000-4000-8000-000000000000","msg":{"tag":"Delivered"},"ts":1700000000}';

describe('verifyWebhook: compares digests in constant time', () => {
  it('Standard Webhooks: timingSafeEqual(expected, given) decides', () => {
    const { result, calls } = spyOnTimingSafeEqual(() => verifyWebhook('standard', standard));
    assert.equal(result.ok, true);
    const key = Buffer.from(standard.secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key)
      .update(`${standard.headers['webhook-id']}.${standard.headers['webhook-timestamp']}.${standard.body}`)
      .digest();
    const given = Buffer.from(standard.headers['webhook-signature'].slice(3), 'base64');
    assert.deepEqual(calls, [[expected, given]]);
  });

  it('EasyPost: timingSafeEqual(expected, given) decides', () => {
    const headers = signedHeaders('easypost', easypostBody, 'sécret');
    const { result, calls } = spyOnTimingSafeEqual(() =>
      verifyWebhook('easypost', { headers, body: easypostBody, secret: 'sécret' }),
    );
    assert.equal(result.ok, true);
    const expected = createHmac('sha256', Buffer.from('sécret'.normalize('NFKD')))
      .update(easypostBody)
      .digest();
    const given = Buffer.from(headers['x-hmac-signature']!.slice('hmac-sha256-hex='.length), 'hex');
    assert.deepEqual(expected, given);
    assert.deepEqual(calls, [[expected, given]]);
  });

  it('Shippo: timingSafeEqual(expected, given) decides', () => {
    const headers = signedHeaders('shippo', shippoBody, 'shippo_test_secret', { seconds: 1700000000 });
    const { result, calls } = spyOnTimingSafeEqual(() =>
      verifyWebhook('shippo', { headers, body: shippoBody, secret: 'shippo_test_secret', now: 1700000000_000 }),
    );
    assert.equal(result.ok, true);
    const expected = createHmac('sha256', 'shippo_test_secret').update(`1700000000.${shippoBody}`).digest();
    const given = Buffer.from(/v1=([0-9a-f]+)/.exec(headers['shippo-auth-signature']!)![1]!, 'hex');
    assert.deepEqual(calls, [[expected, given]]);
  });

  it('AfterShip: timingSafeEqual(expected, given) decides', () => {
    const headers = signedHeaders('aftership', aftershipBody, 'aftership_test_secret');
    const { result, calls } = spyOnTimingSafeEqual(() =>
      verifyWebhook('aftership', { headers, body: aftershipBody, secret: 'aftership_test_secret' }),
    );
    assert.equal(result.ok, true);
    const expected = createHmac('sha256', 'aftership_test_secret').update(aftershipBody).digest();
    const given = Buffer.from(headers['aftership-hmac-sha256']!, 'base64');
    assert.deepEqual(calls, [[expected, given]]);
  });

  it('a wrong signature is refused by timingSafeEqual too, not by an earlier shortcut', () => {
    const headers = signedHeaders('aftership', aftershipBody, 'another_secret');
    const { result, calls } = spyOnTimingSafeEqual(() =>
      verifyWebhook('aftership', { headers, body: aftershipBody, secret: 'aftership_test_secret' }),
    );
    assert.equal(result.ok, false);
    assert.equal(calls.length, 1);
  });
});

describe('verifyWebhook: several secrets during a rotation', () => {
  const right = 'right_secret_2026';
  const wrong = 'wrong_secret_2025';
  const cases = [
    { provider: 'easypost', body: easypostBody },
    { provider: 'shippo', body: shippoBody },
    { provider: 'aftership', body: aftershipBody },
  ] as const;
  for (const { provider, body } of cases) {
    it(`${provider}: accepts the right secret first or last in the list, refuses a list without it`, () => {
      const headers = signedHeaders(provider, body, right);
      const verdict = (secret: string[]) => verifyWebhook(provider, { headers, body, secret }).ok;
      assert.equal(verdict([wrong, right]), true, '[wrong, right]');
      assert.equal(verdict([right, wrong]), true, '[right, wrong]');
      assert.equal(verdict([wrong, wrong]), false, '[wrong, wrong]');
      assert.equal(verdict([wrong]), false, '[wrong]');
    });
  }
});
