// Serves the plain HTML page (index.html), the CDN bundle it loads, and the look-up endpoint
// `<order-tracker endpoint="/api/track">` calls — with node:http alone, no framework.
//
// The store holds the sandbox's demo orders, each parcel as its scenario stood 30 hours in: no carrier API is
// called, so there is no tracker (the Express and Hono examples show one, with webhooks).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createTrackingHandler, sqliteStore } from '@trackline/node';
import { orders, playParcel } from '@trackline/sandbox';

/** The CDN bundle, built by `pnpm --filter @trackline/elements build` (jsDelivr serves the same file). */
export const bundlePath = fileURLToPath(
  new URL('dist/trackline.min.js', import.meta.resolve('@trackline/elements/package.json')),
);
const pagePath = fileURLToPath(new URL('index.html', import.meta.url));
const hour = 3_600_000;

export async function startServer({ port = 0 }: { port?: number } = {}) {
  const store = await sqliteStore({ path: ':memory:' });
  const start = new Date(Date.now() - 30 * hour);
  for (const order of orders) {
    await store.saveOrder({
      orderNumber: order.orderNumber,
      placedAt: new Date(start.getTime() - 16 * hour).toISOString(),
      customer: { email: order.email, postalCode: order.postalCode },
      shipments: order.parcels.map((parcel) => ({ carrier: parcel.carrier, trackingNumber: parcel.trackingNumber })),
    });
    for (const parcel of order.parcels) {
      const shipment = playParcel(parcel, { start, now: new Date() });
      await store.applyUpdate({ shipment, source: 'tracker', receivedAt: new Date().toISOString() });
    }
  }
  const track = createTrackingHandler({ store });

  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/api/track') return track(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(await readFile(pagePath));
      return;
    }
    if (pathname === '/trackline.min.js') {
      const bundle = await readFile(bundlePath).catch(() => undefined);
      if (!bundle) {
        response
          .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
          .end('Build the bundle first: pnpm --filter @trackline/elements build');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found. The page is at /.');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}
