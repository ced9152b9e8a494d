import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { parseOrder, parseShipment } from '@trackline/core';
import { createTrackingHandler, type TrackingHandler } from '@trackline/node';
import { sqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/types.js';

const trackingNumber = '1Z999AA10123456784';
const orderQuery = 'orderNumber=TL-1001&email=Jane%40Example.com';

async function listen(
  listener: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ url: string; server: Server }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

describe('the tracking handler in each kind of server', () => {
  let store: Store;

  before(async () => {
    store = await sqliteStore({ path: ':memory:' });
    await store.saveOrder({
      orderNumber: 'TL-1001',
      placedAt: '2026-05-04T09:12:00-04:00',
      customer: { email: 'jane@example.com', postalCode: '60607' },
      shipments: [{ carrier: 'ups', trackingNumber }],
    });
  });

  after(async () => {
    await store.close();
  });

  it('works as a node:http listener', async () => {
    const handler = createTrackingHandler({ store, cors: { origins: ['https://shop.example'] } });
    const { url, server } = await listen(handler);
    try {
      const order = await fetch(`${url}/api/track?${orderQuery}`, { headers: { origin: 'https://shop.example' } });
      assert.equal(order.status, 200);
      assert.equal(order.headers.get('access-control-allow-origin'), 'https://shop.example');
      assert.equal(order.headers.get('cache-control'), 'no-store');
      assert.equal(parseOrder(((await order.json()) as { order: unknown }).order).orderNumber, 'TL-1001');

      const parcel = await fetch(`${url}/api/track?trackingNumber=${trackingNumber}`);
      assert.equal(
        parseShipment(((await parcel.json()) as { shipment: unknown }).shipment).trackingNumber,
        trackingNumber,
      );

      const missing = await fetch(`${url}/api/track?orderNumber=TL-1001&email=who%40example.com`);
      assert.equal(missing.status, 404);
      assert.deepEqual(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');

      const preflight = await fetch(`${url}/api/track`, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET, HEAD, OPTIONS');

      const post = await fetch(`${url}/api/track?${orderQuery}`, { method: 'POST', body: '{}' });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET, HEAD, OPTIONS');
    } finally {
      await close(server);
    }
  });

  it('rate-limits node:http clients by their socket address', async () => {
    const handler = createTrackingHandler({ store, rateLimit: { client: { limit: 1, windowMs: 60_000 } } });
    const { url, server } = await listen(handler);
    try {
      assert.equal((await fetch(`${url}/?${orderQuery}`)).status, 200);
      const limited = await fetch(`${url}/?${orderQuery}`);
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    } finally {
      await close(server);
    }
  });

  it('answers CORS preflights in Express when mounted for every method, as docs/node.md shows', async () => {
    const app = express();
    app.all('/api/track', createTrackingHandler({ store, cors: { origins: ['https://shop.example'] } }));
    const { url, server } = await listen(app);
    try {
      const preflight = await fetch(`${url}/api/track`, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');
      assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET, HEAD, OPTIONS');
      const order = await fetch(`${url}/api/track?${orderQuery}`, { headers: { origin: 'https://shop.example' } });
      assert.equal(order.status, 200);
      assert.equal(order.headers.get('access-control-allow-origin'), 'https://shop.example');
    } finally {
      await close(server);
    }
  });

  it('works in Express, on a route and in a router, after express.json()', async () => {
    const app = express();
    app.use(express.json());
    app.get('/api/track', createTrackingHandler({ store }));
    const router = express.Router();
    router.use(
      '/track',
      createTrackingHandler({ store, trustProxy: 1, rateLimit: { client: { limit: 1, windowMs: 60_000 } } }),
    );
    app.use('/v2', router);
    const { url, server } = await listen(app);
    try {
      const answer = await fetch(`${url}/api/track?${orderQuery}`);
      assert.equal(answer.status, 200);
      assert.equal(parseOrder(((await answer.json()) as { order: unknown }).order).orderNumber, 'TL-1001');

      const parcel = await fetch(`${url}/v2/track?trackingNumber=${trackingNumber}`, {
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      assert.equal(
        parseShipment(((await parcel.json()) as { shipment: unknown }).shipment).trackingNumber,
        trackingNumber,
      );
      const again = await fetch(`${url}/v2/track?trackingNumber=${trackingNumber}`, {
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      assert.equal(again.status, 429);
      const otherClient = await fetch(`${url}/v2/track?trackingNumber=${trackingNumber}`, {
        headers: { 'x-forwarded-for': '203.0.113.10' },
      });
      assert.equal(otherClient.status, 200);

      const wrong = await fetch(`${url}/api/track?orderNumber=TL-1001&email=x%40example.com`);
      assert.equal(wrong.status, 404);
    } finally {
      await close(server);
    }
  });

  it('works with Fetch-API Request and Response', async () => {
    const handler = createTrackingHandler({ store, cors: { origins: ['https://shop.example'] } });
    const response = await handler.fetch(
      new Request(`https://shop.example/api/track?${orderQuery}`, { headers: { origin: 'https://shop.example' } }),
    );
    assert.ok(response instanceof Response);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('vary'), 'Origin');
    assert.equal(parseOrder(((await response.json()) as { order: unknown }).order).orderNumber, 'TL-1001');

    const head = await handler.fetch(new Request(`https://shop.example/api/track?${orderQuery}`, { method: 'HEAD' }));
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');

    const preflight = await handler.fetch(
      new Request('https://shop.example/api/track', {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' },
      }),
    );
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');

    const bad = await handler.fetch(new Request('https://shop.example/api/track?orderNumber=TL-1001'));
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'invalid_request');
  });

  it('counts Fetch-API clients by the address clientAddress reads, one allowance each', async () => {
    const limit = { client: { limit: 1, windowMs: 60_000 } };
    const from = (handler: TrackingHandler, ip: string) =>
      handler.fetch(
        new Request(`https://shop.example/api/track?${orderQuery}`, { headers: { 'cf-connecting-ip': ip } }),
      );
    // Without it, every Fetch-API client shares one allowance.
    const blind = createTrackingHandler({ store, rateLimit: limit });
    assert.equal((await from(blind, '203.0.113.1')).status, 200);
    assert.equal((await from(blind, '203.0.113.2')).status, 429);

    const cloudflare = createTrackingHandler({
      store,
      rateLimit: limit,
      clientAddress: (request) => request.headers.get('cf-connecting-ip') ?? undefined,
    });
    assert.equal((await from(cloudflare, '203.0.113.1')).status, 200);
    assert.equal((await from(cloudflare, '203.0.113.2')).status, 200);
    assert.equal((await from(cloudflare, '203.0.113.1')).status, 429);
  });

  it('hands clientAddress what the platform passes beside the request (Deno’s info, Hono’s context)', async () => {
    interface ServeInfo {
      remoteAddr: { hostname: string };
    }
    const handler = createTrackingHandler({
      store,
      rateLimit: { client: { limit: 1, windowMs: 60_000 } },
      clientAddress: (_request, info) => (info as ServeInfo | undefined)?.remoteAddr.hostname,
    });
    const from = (hostname: string) =>
      handler.fetch(new Request(`https://shop.example/api/track?${orderQuery}`), { remoteAddr: { hostname } });
    assert.equal((await from('2001:db8::1')).status, 200);
    assert.equal((await from('198.51.100.9')).status, 200);
    assert.equal((await from('2001:db8::2')).status, 429, 'IPv6 clients count by /64');
  });

  it('answers and reports when clientAddress throws, counting the client as unknown', async () => {
    const errors: unknown[] = [];
    const handler = createTrackingHandler({
      store,
      clientAddress: () => {
        throw new Error('no address here');
      },
      onError: (error) => errors.push(error),
    });
    const response = await handler.fetch(new Request(`https://shop.example/api/track?${orderQuery}`));
    assert.equal(response.status, 200);
    assert.equal(errors.length, 1);
  });

  it('reports a clientAddress that returns no string, saying what to return, and counts the client as unknown', async () => {
    const errors: unknown[] = [];
    const handler = createTrackingHandler({
      store,
      rateLimit: { client: { limit: 1, windowMs: 60_000 } },
      // Deno's whole `info.remoteAddr` rather than its hostname.
      clientAddress: (_request, info) => (info as { remoteAddr: string }).remoteAddr,
      onError: (error) => errors.push(error),
    });
    const from = (hostname: string) =>
      handler.fetch(new Request(`https://shop.example/api/track?${orderQuery}`), {
        remoteAddr: { hostname, port: 443, transport: 'tcp' },
      });
    assert.equal((await from('203.0.113.1')).status, 200);
    assert.equal((await from('203.0.113.2')).status, 429, 'both count as the one unknown client');
    assert.equal(errors.length, 2);
    assert.match(
      String(errors[0]),
      /clientAddress must return the address as a string, e.g\. info\.remoteAddr\.hostname/,
    );
  });

  it('refuses a clientAddress that is not a function, rather than ignoring it', () => {
    assert.throws(
      () => createTrackingHandler({ store, clientAddress: '203.0.113.1' as never }),
      /clientAddress must be a function.*info\.remoteAddr\.hostname/,
    );
  });

  it('counts Fetch-API clients by X-Forwarded-For when told a proxy is in front', async () => {
    const handler = createTrackingHandler({
      store,
      trustProxy: true,
      rateLimit: { client: { limit: 1, windowMs: 60_000 } },
    });
    const from = (ip: string) =>
      handler.fetch(
        new Request(`https://shop.example/api/track?${orderQuery}`, { headers: { 'x-forwarded-for': ip } }),
      );
    assert.equal((await from('203.0.113.1')).status, 200);
    assert.equal((await from('203.0.113.2')).status, 200);
    assert.equal((await from('203.0.113.1')).status, 429);
  });
});
