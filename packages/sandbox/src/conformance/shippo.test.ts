import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { shippo } from '@trackline/core';
import { carrierSandboxes } from '../carriers/index.js';
import { parcelFor } from '../scenarios/parcels.js';
import { createSandbox, type Sandbox } from '../server/server.js';
import { conformance, conformanceSecret } from './conformance.js';

conformance({
  name: 'Shippo',
  api: 'shippo',
  make: (baseUrl, options) => shippo({ ...options, baseUrl, apiKey: conformanceSecret }),
  carriers: ['ups', 'fedex', 'usps', 'dhl'],
});

describe('Shippo sandbox', () => {
  const start = new Date('2026-05-04T13:00:00Z');
  const parcel = parcelFor('dhl', 'on-time');
  const auth = { authorization: 'ShippoToken shippo_test_sandbox' };
  let sandbox: Sandbox;
  const get = (path: string, headers: Record<string, string> = auth) =>
    fetch(`${sandbox.baseUrl('shippo')}${path}`, { headers });

  before(async () => {
    // The sandbox clock starts at `start` and moves as this clock does.
    let clock = start.getTime();
    sandbox = createSandbox({ carriers: carrierSandboxes, start, now: () => new Date(clock) });
    clock += 30 * 3_600_000;
    await sandbox.listen(0);
  });
  after(() => sandbox.close());

  it('answers 401 in Shippo’s error shape without a ShippoToken', async () => {
    const missing = await get(`/tracks/dhl_express/${parcel.trackingNumber}`, {});
    assert.equal(missing.status, 401);
    assert.deepEqual(await missing.json(), { detail: 'Authentication credentials were not provided.' });
    const bearer = await get(`/tracks/dhl_express/${parcel.trackingNumber}`, { authorization: 'Bearer x' });
    assert.equal(bearer.status, 401);
  });

  it('tracks a DHL Express parcel under the token dhl_express, and knows nothing of it under another', async () => {
    const known = (await (await get(`/tracks/dhl_express/${parcel.trackingNumber}`)).json()) as {
      tracking_status: { status: string };
      tracking_history: unknown[];
    };
    assert.equal(known.tracking_status.status, 'TRANSIT');
    assert.ok(known.tracking_history.length > 0);
    const other = (await (await get(`/tracks/ups/${parcel.trackingNumber}`)).json()) as typeof known;
    assert.equal(other.tracking_status.status, 'UNKNOWN');
    assert.deepEqual(other.tracking_history, []);
  });

  it('registers a number with POST /tracks/ and answers its Track', async () => {
    const response = await fetch(`${sandbox.baseUrl('shippo')}/tracks/`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        carrier: 'dhl_express',
        tracking_number: parcel.trackingNumber,
        metadata: 'Order 1',
      }),
    });
    assert.equal(response.status, 201);
    const track = (await response.json()) as { tracking_number: string; metadata: string };
    assert.deepEqual([track.tracking_number, track.metadata], [parcel.trackingNumber, 'Order 1']);
  });
});
