// The Hono app (app.ts) on Node, with a SQLite store, and the offline sandbox standing in for EasyPost: it
// answers the tracker's API calls and sends signed webhooks, so this runs with no network and no credentials.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createTracker, easypost } from '@trackline/core';
import { sqliteStore } from '@trackline/node';
import { carrierSandboxes, createSandbox, orders } from '@trackline/sandbox';
import { createApp } from './app.js';

const hour = 3_600_000;

/** The CDN bundle, built by `pnpm --filter @trackline/elements build`; served from here so the page works offline. */
const bundlePath = fileURLToPath(
  new URL('dist/trackline.min.js', import.meta.resolve('@trackline/elements/package.json')),
);

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** The SQLite file; `:memory:` keeps nothing. */
  database?: string;
  /** Let the sandbox post a webhook whenever a parcel gets a new scan (off in tests, which send their own). */
  live?: boolean;
}

export async function startServer({ port = 0, database = ':memory:', live = true }: ServerOptions = {}) {
  // The sandbox plays each scenario from 30 hours ago, so every parcel already has a history.
  const sandbox = createSandbox({ carriers: carrierSandboxes, start: new Date(Date.now() - 30 * hour) });
  await sandbox.listen(0, '127.0.0.1');
  const store = await sqliteStore({ path: database });
  const tracker = createTracker({
    adapters: [
      easypost({ apiKey: process.env.EASYPOST_API_KEY ?? 'EZTK-sandbox', baseUrl: sandbox.baseUrl('easypost') }),
    ],
  });

  for (const order of orders) {
    await store.saveOrder({
      orderNumber: order.orderNumber,
      placedAt: new Date(Date.now() - 48 * hour).toISOString(),
      customer: { email: order.email, postalCode: order.postalCode },
      shipments: order.parcels.map((parcel) => ({ carrier: parcel.carrier, trackingNumber: parcel.trackingNumber })),
    });
  }
  // An order's parcels show in an order look-up once the store holds their state: read each one from the carrier
  // once, as a shop does when it buys the label. From then on, webhooks keep it current and the tracker refreshes
  // stale ones. (A tracking number the store never held is still answered, from the carrier, at the parcel tier.)
  await Promise.all(
    orders.flatMap((order) =>
      order.parcels.map(async (parcel) => {
        const shipment = await tracker.track(parcel.trackingNumber, { carrier: parcel.carrier });
        await store.applyUpdate({ shipment, source: 'tracker', receivedAt: new Date().toISOString() });
      }),
    ),
  );

  const webhookSecret = process.env.EASYPOST_WEBHOOK_SECRET ?? randomBytes(24).toString('base64url');
  const app = createApp({
    store,
    tracker,
    providers: { easypost: { secret: webhookSecret } },
    clientAddress: (c) => getConnInfo(c).remote.address,
    bundleUrl: '/trackline.min.js',
  });
  app.get('/trackline.min.js', async (c) => {
    const bundle = await readFile(bundlePath, 'utf8').catch(() => undefined);
    if (bundle === undefined) return c.text('Build the bundle first: pnpm --filter @trackline/elements build', 503);
    return c.body(bundle, 200, { 'content-type': 'text/javascript; charset=utf-8' });
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (live) sandbox.subscribe({ provider: 'easypost', url: `${url}/webhooks/easypost`, secret: webhookSecret });

  return {
    url,
    sandbox,
    store,
    webhookSecret,
    async close() {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await sandbox.close();
      await store.close();
    },
  };
}
