import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSandbox, type CarrierSandbox, type Sandbox } from '@trackline/sandbox';

// A minimal API of its own, so these tests cover the server, not any carrier's format.
const echo: CarrierSandbox = {
  id: 'ups',
  routes: [
    {
      method: 'GET',
      path: /^\/parcels\/([^/]+)$/,
      handle: (_request, context, match) => {
        const parcel = context.parcel(match[1]!);
        return parcel
          ? { status: 200, body: { steps: context.steps(parcel).map((s) => s.kind) } }
          : { status: 404, body: { error: 'unknown' } };
      },
    },
    {
      method: 'POST',
      path: /^\/token$/,
      handle: (_request, context) => ({ status: 200, body: context.tokens.issue('ups', 60) }),
    },
    {
      method: 'GET',
      path: /^\/private$/,
      handle: (request, context) =>
        context.tokens.check('ups', request.headers.authorization)
          ? { status: 200, body: { ok: true } }
          : { status: 401, body: { error: 'expired' } },
    },
  ],
};

describe('the sandbox server', () => {
  let sandbox: Sandbox;
  let url: string;
  let clock = Date.parse('2026-05-04T13:00:00Z');

  before(async () => {
    sandbox = createSandbox({ carriers: [echo], speed: 3600, now: () => new Date(clock) });
    url = await sandbox.listen(0);
  });
  after(() => sandbox.close());

  it('plays scenarios on an accelerated clock: one real second is one scenario hour at 3600×', async () => {
    const parcels = (await (await fetch(`${url}/_sandbox/parcels`)).json()) as { trackingNumber: string }[];
    const first = parcels[0]!.trackingNumber;
    assert.deepEqual((await (await fetch(`${url}/ups/parcels/${first}`)).json()) as unknown, {
      steps: ['label_created'],
    });
    clock += 8_500; // 8.5 scenario hours
    const later = (await (await fetch(`${url}/ups/parcels/${first}`)).json()) as { steps: string[] };
    assert.deepEqual(later.steps, ['label_created', 'picked_up']);
  });

  it('answers an unknown API with the list of APIs it serves', async () => {
    const response = await fetch(`${url}/royalmail/track`);
    assert.equal(response.status, 404);
    assert.match(((await response.json()) as { error: string }).error, /This sandbox serves \/ups/);
  });

  it('says 405 for a known path with the wrong method', async () => {
    assert.equal((await fetch(`${url}/ups/token`)).status, 405);
  });

  it('injects a 429 with Retry-After once, then serves normally', async () => {
    const control = await fetch(`${url}/_sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'rate_limited', retryAfter: 7 }),
    });
    assert.equal(control.status, 204);
    const limited = await fetch(`${url}/ups/private`);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '7');
    assert.equal((await fetch(`${url}/ups/private`)).status, 401);
  });

  it('serves a body that is not JSON when asked for a malformed response', async () => {
    sandbox.injectFault({ kind: 'malformed' });
    const response = await fetch(`${url}/ups/private`);
    assert.equal(response.status, 200);
    await assert.rejects(response.json(), SyntaxError);
  });

  it('sends the headers and half the body, then stalls before the rest, when asked to stall the body', async () => {
    const parcels = (await (await fetch(`${url}/_sandbox/parcels`)).json()) as { trackingNumber: string }[];
    const path = `${url}/ups/parcels/${parcels[0]!.trackingNumber}`;
    const whole = await (await fetch(path)).text();
    sandbox.injectFault({ kind: 'stall_body', delayMs: 300 });
    const started = performance.now();
    const response = await fetch(path);
    assert.equal(response.status, 200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const half = whole.slice(0, Math.floor(whole.length / 2));
    let first = '';
    while (first.length < half.length) {
      const chunk = await reader.read();
      if (chunk.done) break;
      first += chunk.value;
    }
    assert.equal(first, half, 'the first half comes on its own');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += chunk.value;
    assert.equal(first + rest, whole, 'then the rest of the normal answer');
    // Timers may fire a millisecond early; the lower bound is all that matters (an upper one would be flaky).
    assert.ok(performance.now() - started >= 290, 'the rest came after the stall');
    assert.equal((await fetch(path)).status, 200, 'the fault is used up');
  });

  it('expires tokens on demand, and only a request carrying one uses the fault up', async () => {
    const token = (await (await fetch(`${url}/ups/token`, { method: 'POST' })).json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${token.accessToken}` };
    assert.equal((await fetch(`${url}/ups/private`, { headers: auth })).status, 200);
    sandbox.injectFault({ kind: 'expired_token' });
    await fetch(`${url}/ups/token`, { method: 'POST' }); // no bearer token: the fault waits
    assert.equal((await fetch(`${url}/ups/private`, { headers: auth })).status, 401);
  });

  it('keeps a token for its lifetime in real seconds, however fast the scenarios run', async () => {
    // The echo API's tokens last 60 s; at 3600× that is a minute of real time, not a second.
    const token = (await (await fetch(`${url}/ups/token`, { method: 'POST' })).json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${token.accessToken}` };
    clock += 30_000; // 30 real seconds: 30 scenario hours
    assert.equal((await fetch(`${url}/ups/private`, { headers: auth })).status, 200);
    clock += 31_000;
    assert.equal((await fetch(`${url}/ups/private`, { headers: auth })).status, 401);
  });

  it('explains a fault it cannot understand', async () => {
    const response = await fetch(`${url}/_sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'gremlins' }),
    });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { error: string }).error, /"kind" must be one of rate_limited/);
  });

  it('refuses a body over 1 MiB', async () => {
    const response = await fetch(`${url}/ups/token`, { method: 'POST', body: 'x'.repeat(1_100_000) });
    assert.equal(response.status, 413);
  });

  it('sends webhooks only to loopback addresses', async () => {
    await assert.rejects(sandbox.sendWebhook('easypost', 'http://example.com/hook', 's', '1Z'), /No sandbox parcel/);
    const parcels = (await (await fetch(`${url}/_sandbox/parcels`)).json()) as { trackingNumber: string }[];
    await assert.rejects(
      sandbox.sendWebhook('ups', 'http://example.com/hook', 's', parcels[0]!.trackingNumber),
      /loopback addresses only/,
    );
  });

  it('counts every request for tests that check retries', () => {
    assert.ok(sandbox.requests.some((r) => r.carrier === 'ups' && r.path === '/private'));
  });
});
