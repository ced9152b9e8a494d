// The demo server: starts the offline carrier sandbox, tracks every demo order's parcels through the real
// adapters (UPS, FedEx, USPS and DHL wire formats over HTTP, OAuth included), and serves a page that shows
// them with the core's plain-language text and <tracking-progress>. Uses the packages' built `dist/`
// (`pnpm demo` builds first), exactly as a store would.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { createTracker, describeShipment, dhl, fedex, memoryCache, ups, usps } from '@trackline/core';
import { carrierSandboxes, createSandbox, orders } from '@trackline/sandbox';

const here = new URL('.', import.meta.url);
const day = 86_400_000;

/** Starts the sandbox, bundles the page script once (Lit and the elements included), returns a request handler. */
export async function createDemo({ speed = 600, now = () => new Date() } = {}) {
  const bundle = await build({
    entryPoints: [new URL('app.js', here).pathname],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: 'es2022',
  });
  const appJs = bundle.outputFiles[0].text;
  const indexHtml = await readFile(new URL('index.html', here), 'utf8');

  // Scenario hour 0 is 13:00 UTC on the day the demo starts, and the sandbox clock starts there, so scans
  // fall at believable local times; from then on it runs `speed` times faster than the real clock.
  const startedAt = now().getTime();
  const start = new Date(Math.floor(startedAt / day) * day + 13 * 3_600_000);
  const shift = startedAt - start.getTime();
  const sandbox = createSandbox({
    carriers: carrierSandboxes,
    speed,
    start,
    now: () => new Date(now().getTime() - shift),
  });
  await sandbox.listen(0);
  const credentials = { clientId: 'demo', clientSecret: 'demo' };
  const tracker = createTracker({
    adapters: [
      ups({ ...credentials, baseUrl: sandbox.baseUrl('ups') }),
      fedex({ ...credentials, baseUrl: sandbox.baseUrl('fedex') }),
      usps({ ...credentials, baseUrl: sandbox.baseUrl('usps') }),
      dhl({ apiKey: 'demo', baseUrl: sandbox.baseUrl('dhl') }),
    ],
    // The cache keeps sandbox time, which runs fast: a sandbox minute is a tenth of a second at 600×.
    cache: memoryCache({ now: () => sandbox.now().getTime() }),
    ttl: () => 60_000,
  });

  async function shipments(locale) {
    const at = sandbox.now();
    const rows = orders.flatMap((order) => order.parcels.map((parcel) => ({ order, parcel })));
    return Promise.all(
      rows.map(async ({ order, parcel }) => {
        const shipment = await tracker.track(parcel.trackingNumber).catch((error) => ({
          carrier: parcel.carrier,
          trackingNumber: parcel.trackingNumber,
          status: 'pending',
          events: [],
          error: error.message,
        }));
        return {
          order: { orderNumber: order.orderNumber, email: order.email },
          scenario: { id: parcel.scenario.id, title: parcel.scenario.title },
          shipment,
          text: describeShipment(shipment, { locale, now: at }),
        };
      }),
    );
  }

  async function handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status, type, body) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (request.method !== 'GET') return send(405, 'text/plain; charset=utf-8', 'Only GET is served here.');
    if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', indexHtml);
    if (url.pathname === '/app.js') return send(200, 'text/javascript; charset=utf-8', appJs);
    if (url.pathname === '/api/shipments') {
      const list = await shipments(url.searchParams.get('locale') ?? 'en');
      return send(
        200,
        'application/json',
        JSON.stringify({ speed, now: sandbox.now().toISOString(), shipments: list }),
      );
    }
    return send(404, 'text/plain; charset=utf-8', `Nothing at ${url.pathname}. The demo is at /.`);
  }

  return { handle, sandbox };
}

/** Listens on 127.0.0.1; port 0 picks a free one. Resolves to the URL and a `close()` that stops everything. */
export async function startDemo({ port = 0, ...options } = {}) {
  const { handle, sandbox } = await createDemo(options);
  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`The demo failed: ${error.message}`);
    });
  });
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const address = server.address();
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await sandbox.close();
  };
  return { url: `http://127.0.0.1:${address.port}/`, sandbox: sandbox.baseUrl(''), close };
}
