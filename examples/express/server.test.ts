import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { orders, parcels } from '@trackline/sandbox';
import { startServer } from './server.js';

describe('the Express example', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer({ live: false });
  });
  after(() => server.close());

  const order = orders[0]!;
  // A sandbox parcel in none of the shop's orders: the store knows it only once a webhook brings it.
  const stranger = parcels.find((parcel) => !orders.some((o) => o.parcels.includes(parcel)))!;
  const lookUp = (query: Record<string, string>) =>
    fetch(`${server.url}/api/track?${new URLSearchParams(query)}`, { headers: { accept: 'application/json' } });

  it('answers a demo order looked up with its email', async () => {
    const response = await lookUp({ orderNumber: order.orderNumber, email: order.email });
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      order: { orderNumber: string; shipments: { trackingNumber: string; events: unknown[] }[] };
    };
    assert.equal(body.order.orderNumber, order.orderNumber);
    assert.deepEqual(
      body.order.shipments.map((s) => s.trackingNumber),
      order.parcels.map((p) => p.trackingNumber),
    );
    // The tracker read the parcel's history from the sandbox's EasyPost.
    assert.ok(body.order.shipments[0]!.events.length > 0);
  });

  it('says not found when the email is not the order’s', async () => {
    const response = await lookUp({ orderNumber: order.orderNumber, email: 'someone-else@example.com' });
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'not_found');
  });

  it('stores a parcel from a signed EasyPost webhook', async () => {
    // Not in the store yet (a look-up would still answer it, from the carrier through the tracker).
    assert.equal(await server.store.getShipment(stranger.trackingNumber), undefined);
    const status = await server.sandbox.sendWebhook(
      'easypost',
      `${server.url}/webhooks/easypost`,
      server.webhookSecret,
      stranger.trackingNumber,
    );
    assert.equal(status, 200);
    assert.equal((await server.store.getShipment(stranger.trackingNumber))?.trackingNumber, stranger.trackingNumber);
    const response = await lookUp({ trackingNumber: stranger.trackingNumber });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { shipment: { trackingNumber: string; carrier: string } };
    assert.equal(body.shipment.trackingNumber, stranger.trackingNumber);
    assert.equal(body.shipment.carrier, stranger.carrier);
  });

  it('refuses a webhook signed with another secret, and an unsigned one', async () => {
    const url = `${server.url}/webhooks/easypost`;
    assert.equal(
      await server.sandbox.sendWebhook('easypost', url, 'not-the-secret', order.parcels[0]!.trackingNumber),
      401,
    );
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(unsigned.status, 401);
  });

  it('serves the tracking page with <order-tracker> pointed at the look-up', async () => {
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<order-tracker endpoint="\/api\/track"><\/order-tracker>/);
    assert.match(html, /<script type="module" src="\/trackline\.min\.js"><\/script>/);
  });
});
