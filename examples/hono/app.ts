// The Hono app: Trackline's webhook and look-up endpoints on the Fetch API only (`Request` in, `Response` out),
// so the same app runs on Node (start.ts), Bun, Deno, Cloudflare Workers or Vercel's edge. The store and the
// tracker come in from outside: on Node a `sqliteStore`, on a platform without a file system `postgresStore`.
import { Hono, type Context } from 'hono';
import type { Tracker } from '@trackline/core';
import { createTrackingHandler, createWebhookHandler, type Store, type WebhookHandlerOptions } from '@trackline/node';

export interface AppOptions {
  store: Store;
  /** Refreshes stale parcels on look-up; optional. */
  tracker?: Tracker;
  /** The aggregators that post webhooks here, each with its secret. */
  providers: WebhookHandlerOptions['providers'];
  /**
   * The shopper's IP address, for the look-up's per-client rate limit. A Fetch `Request` does not carry it, so
   * each platform says where it is: on Cloudflare `c.req.header('cf-connecting-ip')`, on Node the socket's
   * (`getConnInfo(c).remote.address` from `@hono/node-server/conninfo`).
   */
  clientAddress: (c: Context) => string | undefined;
  /** Where the page loads the elements from. Default: the CDN. */
  bundleUrl?: string;
}

export function createApp(options: AppOptions): Hono {
  const webhooks = createWebhookHandler({
    providers: options.providers,
    store: options.store,
    onError: (error) => console.error('webhook', error),
  });
  const track = createTrackingHandler({
    store: options.store,
    ...(options.tracker ? { tracker: options.tracker } : {}),
    onError: (error) => console.error('look-up', error),
  });

  const app = new Hono();
  // The handler reads the raw body itself (the signature covers those bytes): hand it the untouched Request.
  app.post('/webhooks/:provider', (c) => webhooks.fetch(c.req.raw));
  // `track.fetch(c.req.raw)` would work too, but could not tell one shopper from another for its rate limit:
  // `track.handle` takes the request with the client's address.
  app.on(['GET', 'HEAD', 'OPTIONS'], '/api/track', async (c) => {
    const url = new URL(c.req.url);
    const answer = await track.handle({
      method: c.req.method,
      url: url.pathname + url.search,
      headers: Object.fromEntries(c.req.raw.headers),
      body: new Uint8Array(0),
      remoteAddress: options.clientAddress(c),
    });
    const empty = c.req.method === 'HEAD' || answer.status === 204 || answer.status === 304;
    return new Response(empty ? null : (answer.body as BodyInit | undefined), {
      status: answer.status,
      headers: answer.headers,
    });
  });
  app.get('/', (c) => c.html(page(options.bundleUrl ?? cdnBundle)));
  return app;
}

export const cdnBundle = 'https://cdn.jsdelivr.net/npm/@trackline/elements/dist/trackline.min.js';

const page = (bundleUrl: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Track your order</title>
    <script type="module" src="${bundleUrl}"></script>
  </head>
  <body>
    <order-tracker endpoint="/api/track"></order-tracker>
  </body>
</html>
`;
