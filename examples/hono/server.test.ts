import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sqliteStore } from '@trackline/node';
import { orders, parcels } from '@trackline/sandbox';
import { createApp } from './app.js';
import { startServer } from './server.js';

describe('the Hono example', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer({ live: false });
  });
  after(() => server.close());

  const order = orders[1]!;
  // A sandbox parcel in none of the shop's orders: the store knows it only once a webhook brings it.
  const stranger = parcels.find((parcel) => !orders.some((o) => o.parcels.includes(parcel)))!;
  const lookUp = (query: Record<string, string>) =>
    fetch(`${server.url}/api/track?${new URLSearchParams(query)}`, { headers: { accept: 'application/json' } });

  it('answers a demo order looked up with its postal code', async () => {
    const response = await lookUp({ orderNumber: order.orderNumber, postalCode: order.postalCode });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const body = (await response.json()) as {
      order: { orderNumber: string; shipments: { trackingNumber: string; events: unknown[] }[] };
    };
    assert.equal(body.order.orderNumber, order.orderNumber);
    assert.deepEqual(
      body.order.shipments.map((s) => s.trackingNumber),
      order.parcels.map((p) => p.trackingNumber),
    );
    assert.ok(body.order.shipments[0]!.events.length > 0);
  });

  it('says not found when the email is not the order’s', async () => {
    const response = await lookUp({ orderNumber: order.orderNumber, email: 'someone-else@example.com' });
    assert.equal(response.status, 404);
  });

  it('stores a parcel from a signed EasyPost webhook', async () => {
    // Not in the store yet (a look-up would still answer it, from the carrier through the tracker).
    assert.equal(await server.store.getShipment(stranger.trackingNumber), undefined);
    const url = `${server.url}/webhooks/easypost`;
    assert.equal(await server.sandbox.sendWebhook('easypost', url, server.webhookSecret, stranger.trackingNumber), 200);
    assert.equal((await server.store.getShipment(stranger.trackingNumber))?.trackingNumber, stranger.trackingNumber);
    const response = await lookUp({ trackingNumber: stranger.trackingNumber });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { shipment: { trackingNumber: string } };
    assert.equal(body.shipment.trackingNumber, stranger.trackingNumber);
  });

  it('refuses a webhook signed with another secret, and an unsigned one', async () => {
    const url = `${server.url}/webhooks/easypost`;
    assert.equal(await server.sandbox.sendWebhook('easypost', url, 'not-the-secret', stranger.trackingNumber), 401);
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(unsigned.status, 401);
  });

  it('serves the page with <order-tracker> and the bundle it loads', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    assert.match(html, /<order-tracker endpoint="\/api\/track"><\/order-tracker>/);
    assert.match(html, /<script type="module" src="\/trackline\.min\.js"><\/script>/);
  });
});

describe('the Hono app on the Fetch API alone', () => {
  it('rate-limits each shopper by the address the platform gives, not all of them together', async () => {
    const store = await sqliteStore({ path: ':memory:' });
    try {
      const app = createApp({
        store,
        providers: { easypost: { secret: 'whsec-test' } },
        clientAddress: (c) => c.req.header('x-test-client'),
      });
      const ask = (client: string) =>
        app.request('/api/track?trackingNumber=1Z999AA10123456784', { headers: { 'x-test-client': client } });
      // 30 look-ups a minute per client, by default.
      for (let i = 0; i < 30; i++) assert.equal((await ask('203.0.113.7')).status, 404);
      const limited = await ask('203.0.113.7');
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal((await ask('198.51.100.20')).status, 404);
    } finally {
      await store.close();
    }
  });
});
