import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dhl } from '@trackline/core';
import { dhlSandbox } from '../carriers/dhl.js';
import { parcelFor } from '../scenarios/parcels.js';
import { createSandbox, type Sandbox } from '../server/server.js';
import { conformance, conformanceSecret } from './conformance.js';

// DHL has no OAuth: the API key goes in a header on every request, so there is no token path.
conformance({
  name: 'DHL',
  api: 'dhl',
  carriers: ['dhl'],
  make: (baseUrl, options) => dhl({ apiKey: conformanceSecret, baseUrl, ...options }),
});

describe('the DHL sandbox', () => {
  const start = new Date('2026-05-04T13:00:00Z');
  let sandbox: Sandbox;
  let url: string;
  before(async () => {
    let clock = start.getTime();
    sandbox = createSandbox({ carriers: [dhlSandbox], start, now: () => new Date(clock) });
    // 100 hours into every scenario.
    clock += 100 * 3_600_000;
    await sandbox.listen(0);
    url = sandbox.baseUrl('dhl');
  });
  after(() => sandbox.close());

  const delivered = parcelFor('dhl', 'on-time').trackingNumber;

  it('answers 401 in DHL’s own shape without an API key', async () => {
    const missing: Record<string, string>[] = [{}, { 'DHL-API-Key': ' ' }];
    for (const headers of missing) {
      const response = await fetch(`${url}/track/shipments?trackingNumber=${delivered}`, { headers });
      assert.equal(response.status, 401);
      assert.deepEqual(await response.json(), {
        title: 'Unauthorized',
        detail: 'Unauthorized for given resource.',
        status: 401,
      });
    }
  });

  it('answers an unknown number, or another division, with 404 "No result found"', async () => {
    const headers = { 'DHL-API-Key': 'any-key' };
    const unknown = await fetch(`${url}/track/shipments?trackingNumber=1234567890`, { headers });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { title: string }).title, 'No result found');
    const ups = await fetch(`${url}/track/shipments?trackingNumber=${parcelFor('ups', 'on-time').trackingNumber}`, {
      headers,
    });
    assert.equal(ups.status, 404);
    const division = await fetch(`${url}/track/shipments?trackingNumber=${delivered}&service=parcel-de`, { headers });
    assert.equal(division.status, 404);
  });

  it('renders a delivered parcel newest event first, with local times and DHL Express places', async () => {
    const response = await fetch(`${url}/track/shipments?trackingNumber=${delivered}`, {
      headers: { 'DHL-API-Key': 'any-key' },
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      shipments: Array<{ id: unknown; events: Array<Record<string, unknown>>; estimatedTimeOfDelivery?: string }>;
    };
    const [shipment] = body.shipments;
    assert.equal(shipment!.id, Number(delivered));
    assert.equal(shipment!.events[0]!.statusCode, 'delivered');
    assert.equal(shipment!.events[0]!.timestamp, '2026-05-06T13:00:00');
    assert.deepEqual(shipment!.events[0]!.location, {
      address: { countryCode: 'US', postalCode: '60607', addressLocality: 'CHICAGO, IL - USA' },
    });
    assert.equal(shipment!.estimatedTimeOfDelivery, undefined);
  });
});
