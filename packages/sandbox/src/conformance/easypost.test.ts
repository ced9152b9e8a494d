import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { easypost } from '@trackline/core';
import { carrierSandboxes } from '../carriers/index.js';
import { parcelFor } from '../scenarios/parcels.js';
import { createSandbox, type Sandbox } from '../server/server.js';
import { conformance, conformanceSecret } from './conformance.js';

conformance({
  name: 'EasyPost',
  api: 'easypost',
  make: (baseUrl, options) => easypost({ ...options, baseUrl, apiKey: conformanceSecret }),
  carriers: ['ups', 'fedex', 'usps', 'dhl'],
});

describe('EasyPost sandbox', () => {
  const start = new Date('2026-05-04T13:00:00Z');
  const parcel = parcelFor('usps', 'on-time');
  const auth = { authorization: `Basic ${btoa('EZTK-sandbox:')}`, 'content-type': 'application/json' };
  let sandbox: Sandbox;
  const create = (body: unknown, headers: Record<string, string> = auth) =>
    fetch(`${sandbox.baseUrl('easypost')}/v2/trackers`, { method: 'POST', headers, body: JSON.stringify(body) });

  before(async () => {
    // The sandbox clock starts at `start` and moves as this clock does.
    let clock = start.getTime();
    sandbox = createSandbox({ carriers: carrierSandboxes, start, now: () => new Date(clock) });
    clock += 30 * 3_600_000;
    await sandbox.listen(0);
  });
  after(() => sandbox.close());

  it('answers 401 in EasyPost’s error shape without an API key', async () => {
    const response = await create({ tracker: { tracking_code: parcel.trackingNumber } }, {});
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), {
      error: { code: 'APIKEY.REQUIRED', message: 'API key required.', errors: [] },
    });
  });

  it('returns the same tracker for the same number, as EasyPost does for a duplicate, and by its id', async () => {
    const first = (await (await create({ tracker: { tracking_code: parcel.trackingNumber } })).json()) as Record<
      string,
      unknown
    >;
    const again = (await (
      await create({ tracker: { tracking_code: parcel.trackingNumber, carrier: 'USPS' } })
    ).json()) as Record<string, unknown>;
    assert.equal(first.id, again.id);
    assert.equal(first.mode, 'test');
    assert.equal(first.carrier, 'USPS');
    const byId = await fetch(`${sandbox.baseUrl('easypost')}/v2/trackers/${String(first.id)}`, { headers: auth });
    assert.deepEqual(await byId.json(), first);
  });

  it('answers a number asked for under another carrier with a tracker in status error', async () => {
    const response = await create({ tracker: { tracking_code: parcel.trackingNumber, carrier: 'FedEx' } });
    const tracker = (await response.json()) as { status: string; tracking_details: Array<{ source: string }> };
    assert.equal(tracker.status, 'error');
    assert.equal(tracker.tracking_details[0]?.source, 'ProcessingError');
  });
});
