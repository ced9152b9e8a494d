import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { usps } from '@trackline/core';
import { uspsSandbox } from '../carriers/usps.js';
import { parcelFor } from '../scenarios/parcels.js';
import { createSandbox, type Sandbox } from '../server/server.js';
import { conformance, conformanceSecret } from './conformance.js';

conformance({
  name: 'USPS',
  api: 'usps',
  tokenPath: '/oauth2/v3/token',
  carriers: ['usps'],
  make: (baseUrl, options) => usps({ clientId: 'sandbox', clientSecret: conformanceSecret, baseUrl, ...options }),
});

describe('the USPS sandbox', () => {
  const start = new Date('2026-05-04T13:00:00Z');
  let sandbox: Sandbox;
  let url: string;
  before(async () => {
    let clock = start.getTime();
    sandbox = createSandbox({ carriers: [uspsSandbox], start, now: () => new Date(clock) });
    // 30 hours into every scenario.
    clock += 30 * 3_600_000;
    await sandbox.listen(0);
    url = sandbox.baseUrl('usps');
  });
  after(() => sandbox.close());

  const number = parcelFor('usps', 'on-time').trackingNumber;
  const token = async () => {
    const response = await fetch(`${url}/oauth2/v3/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'id', client_secret: 'secret', grant_type: 'client_credentials' }),
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { access_token: string; expires_in: unknown; token_type: string };
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, '3600');
    return body.access_token;
  };

  it('refuses a token request without a client secret as USPS does', async () => {
    const response = await fetch(`${url}/oauth2/v3/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=id',
    });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { error: string }).error, 'invalid_client');
  });

  it('answers 401 with USPS’s ErrorMessage without a live token', async () => {
    const response = await fetch(`${url}/tracking/v3/tracking/${number}?expand=DETAIL`, {
      headers: { authorization: 'Bearer expired' },
    });
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, '401');
  });

  it('answers DETAIL with local times, true GMT times and the expected delivery date', async () => {
    const response = await fetch(`${url}/tracking/v3/tracking/${number}?expand=DETAIL`, {
      headers: { authorization: `Bearer ${await token()}` },
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown> & { trackingEvents: Record<string, unknown>[] };
    assert.equal(body.mailClass, 'USPS Ground Advantage<SUP>&#153;</SUP>');
    assert.equal(body.statusCategory, 'In Transit');
    assert.equal(body.expectedDeliveryTimeStamp, '2026-05-08T00:00:00');
    // Newest first: arrived in Louisville at hour 20 (16:00 EDT); picked up at hour 8 with the misleading Z.
    assert.equal(body.trackingEvents[0]!.eventCode, 'T1');
    const pickedUp = body.trackingEvents.find((event) => event.eventCode === '03')!;
    assert.equal(pickedUp.eventTimestamp, '2026-05-04T17:00:00Z');
    assert.equal(pickedUp.GMTTimestamp, '2026-05-04T21:00:00Z');
    assert.equal(pickedUp.GMTOffset, '-04:00');
  });

  it('answers SUMMARY with one line per scan, and an unknown number with 404', async () => {
    const authorization = `Bearer ${await token()}`;
    const summary = await fetch(`${url}/tracking/v3/tracking/${number}`, { headers: { authorization } });
    const body = (await summary.json()) as { eventSummaries: string[] };
    assert.equal(body.eventSummaries.length, 5);
    assert.match(
      body.eventSummaries.at(-1)!,
      /^Shipping Label Created, USPS Awaiting Item, 9:00 am on May 4, 2026, NEWARK/,
    );
    const unknown = await fetch(`${url}/tracking/v3/tracking/9400100000000000000000?expand=DETAIL`, {
      headers: { authorization },
    });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, '404');
  });
});
