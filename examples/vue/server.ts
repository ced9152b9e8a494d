// Serves the Vue page: the app bundled by esbuild when the server starts, and the look-up endpoint
// `<order-tracker>` calls (createTrackingHandler on node:http, over SQLite holding the sandbox's demo orders).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createTrackingHandler, sqliteStore } from '@trackline/node';
import { orders, playParcel } from '@trackline/sandbox';

const hour = 3_600_000;

/** Bundles main.ts (Vue, the element and the core) into one ES module. */
export async function buildBundle(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('main.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    // The workspace's packages from their TypeScript sources, so no build of them is needed first. Their
    // `sideEffects` lists only `dist/define/*.js`, which would let esbuild drop the source define module that
    // registers <order-tracker>; `ignoreAnnotations` keeps it. A shop that installs the package needs neither.
    conditions: ['source'],
    ignoreAnnotations: true,
    // Vue's production build, without the Options API's devtools hooks.
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Track your order — Vue</title>
    <script type="module" src="/app.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

export async function startServer({ port = 0 }: { port?: number } = {}) {
  const bundle = await buildBundle();
  const store = await sqliteStore({ path: ':memory:' });
  // The demo orders, each parcel as its scenario stood 30 hours in (no carrier is called).
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

  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/api/track') return void track(request, response);
    if (pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (pathname === '/app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found. The page is at /.');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bundle,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}
