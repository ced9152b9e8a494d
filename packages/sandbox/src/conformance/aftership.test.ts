import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aftership } from '@trackline/core';
import { carrierSandboxes } from '../carriers/index.js';
import { parcelFor } from '../scenarios/parcels.js';
import { createSandbox, type Sandbox } from '../server/server.js';
import { conformance, conformanceSecret } from './conformance.js';

conformance({
  name: 'AfterShip',
  api: 'aftership',
  make: (baseUrl, options) => aftership({ ...options, baseUrl, apiKey: conformanceSecret }),
  carriers: ['ups', 'fedex', 'usps', 'dhl'],
});

describe('AfterShip sandbox', () => {
  const start = new Date('2026-05-04T13:00:00Z');
  const parcel = parcelFor('fedex', 'customs-hold');
  const auth = { 'as-api-key': 'asat_sandbox' };
  let sandbox: Sandbox;
  const get = (path: string, headers: Record<string, string> = auth) =>
    fetch(`${sandbox.baseUrl('aftership')}${path}`, { headers });

  before(async () => {
    // The sandbox clock starts at `start` and moves as this clock does.
    let clock = start.getTime();
    sandbox = createSandbox({ carriers: carrierSandboxes, start, now: () => new Date(clock) });
    clock += 23 * 3_600_000;
    await sandbox.listen(0);
  });
  after(() => sandbox.close());

  it('answers 401 in AfterShip’s envelope without an as-api-key', async () => {
    const response = await get(`/trackings?tracking_numbers=${parcel.trackingNumber}`, {});
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), {
      meta: { code: 401, message: 'Invalid API key.', type: 'Unauthorized' },
      data: {},
    });
  });

  it('lists the tracking of a number, and serves it again by its id', async () => {
    const list = (await (await get(`/trackings?tracking_numbers=${parcel.trackingNumber}`)).json()) as {
      data: {
        trackings: Array<{ id: string; tag: string; subtag: string; checkpoints: Array<{ checkpoint_time: string }> }>;
      };
    };
    const [tracking] = list.data.trackings;
    assert.equal(tracking?.tag, 'Exception');
    assert.equal(tracking?.subtag, 'Exception_001');
    assert.equal(tracking?.checkpoints[0]?.checkpoint_time, '2026-05-04T14:00:00+01:00');
    const byId = (await (await get(`/trackings/${tracking!.id}`)).json()) as { data: unknown };
    assert.deepEqual(byId.data, tracking);
  });

  it('answers error 4004 for a tracking id it does not have', async () => {
    const response = await get('/trackings/0123456789abcdef0123456789abcdef');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { meta: { code: number } }).meta.code, 4004);
  });
});
