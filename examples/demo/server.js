// The demo server: plays every sandbox scenario at accelerated time and serves a page that shows
// them with the core (plain-language text) and <tracking-progress>. Uses the packages' built
// `dist/` (run through `pnpm demo`, which builds first), exactly as a store would.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { describeShipment } from '@trackline/core';
import { orders, playParcel } from '@trackline/sandbox';

const here = new URL('.', import.meta.url);

/** Bundles the page script once (Lit and the elements included) and returns a request handler. */
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
  // Scenario hour 0 is 13:00 UTC on the day the demo starts; from then on the scenario clock runs
  // `speed` times faster than the real one.
  const startedAt = now().getTime();
  const scenarioStart = new Date(Math.floor(startedAt / 86_400_000) * 86_400_000 + 13 * 3_600_000);
  const scenarioNow = () => new Date(scenarioStart.getTime() + (now().getTime() - startedAt) * speed);

  function shipments(locale) {
    const at = scenarioNow();
    return orders.flatMap((order) =>
      order.parcels.map((parcel) => {
        const shipment = playParcel(parcel, { start: scenarioStart, now: at });
        return {
          order: { orderNumber: order.orderNumber, email: order.email },
          scenario: { id: parcel.scenario.id, title: parcel.scenario.title },
          shipment,
          text: describeShipment(shipment, { locale, now: at }),
        };
      }),
    );
  }

  return function handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status, type, body) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (request.method !== 'GET') return send(405, 'text/plain; charset=utf-8', 'Only GET is served here.');
    if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', indexHtml);
    if (url.pathname === '/app.js') return send(200, 'text/javascript; charset=utf-8', appJs);
    if (url.pathname === '/api/shipments') {
      return send(
        200,
        'application/json',
        JSON.stringify({
          speed,
          now: scenarioNow().toISOString(),
          shipments: shipments(url.searchParams.get('locale') ?? 'en'),
        }),
      );
    }
    return send(404, 'text/plain; charset=utf-8', `Nothing at ${url.pathname}. The demo is at /.`);
  };
}

/** Listens on 127.0.0.1; port 0 picks a free one. Resolves to the server and its URL. */
export async function startDemo({ port = 0, ...options } = {}) {
  const handle = await createDemo(options);
  const server = createServer(handle);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  return { server, url: `http://127.0.0.1:${address.port}/` };
}
