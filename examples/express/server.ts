// An Express server with Trackline's two endpoints, over a SQLite store:
//
// - POST /webhooks/:provider — signed aggregator webhooks (here EasyPost's), verified, parsed and stored;
// - GET  /api/track          — the look-up `<order-tracker endpoint="/api/track">` calls;
// - GET  /                   — a tracking page with `<order-tracker>` from the CDN bundle.
//
// The offline sandbox stands in for EasyPost, so it runs with no network and no credentials: it answers the
// tracker's API calls and sends the signed webhooks. In a real shop, drop the sandbox, leave out `baseUrl`, and
// take the API key and webhook secret from the environment.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createTracker, easypost } from '@trackline/core';
import { createTrackingHandler, createWebhookHandler, sqliteStore } from '@trackline/node';
import { carrierSandboxes, createSandbox, orders } from '@trackline/sandbox';

const hour = 3_600_000;

/** The CDN bundle, built by `pnpm --filter @trackline/elements build` (a CDN serves the same file). */
export const bundlePath = fileURLToPath(
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

  // Polls EasyPost (the sandbox's) when a stored parcel is older than the look-up's `maxAge`.
  const tracker = createTracker({
    adapters: [
      easypost({ apiKey: process.env.EASYPOST_API_KEY ?? 'EZTK-sandbox', baseUrl: sandbox.baseUrl('easypost') }),
    ],
  });

  // The shop's orders: the sandbox's demo orders, each with the email and postal code it was placed with.
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
  const webhooks = createWebhookHandler({
    providers: { easypost: { secret: webhookSecret } },
    store,
    onUpdate(result) {
      if (result.change) console.log(`webhook: ${result.after.trackingNumber} is now ${result.after.status}`);
    },
    onError: (error) => console.error('webhook', error),
  });
  const track = createTrackingHandler({ store, tracker, onError: (error) => console.error('look-up', error) });

  const app = express();
  // Before any JSON body parser: the webhook handler reads the raw body, which its signature covers.
  app.post('/webhooks/:provider', webhooks);
  // Every method: were the page on another origin (the handler's `cors` option), its OPTIONS preflight must reach it.
  app.all('/api/track', track);
  app.get('/trackline.min.js', (_request, response) => {
    if (!existsSync(bundlePath)) {
      response.status(503).type('text/plain').send('Build the bundle first: pnpm --filter @trackline/elements build');
      return;
    }
    response.sendFile(bundlePath);
  });
  app.get('/', (_request, response) => {
    response.type('html').send(page);
  });
  app.use(express.json());
  // … the shop's other routes …

  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (live) sandbox.subscribe({ provider: 'easypost', url: `${url}/webhooks/easypost`, secret: webhookSecret });

  return {
    url,
    sandbox,
    store,
    webhookSecret,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await sandbox.close();
      await store.close();
    },
  };
}

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Track your order</title>
    <script type="module" src="/trackline.min.js"></script>
  </head>
  <body>
    <order-tracker endpoint="/api/track"></order-tracker>
    <p>Try order <code>${orders[0]!.orderNumber}</code> with <code>${orders[0]!.email}</code>.</p>
  </body>
</html>
`;
