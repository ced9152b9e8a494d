// The demo storefront ("Fernhill Supply", a made-up shop). One process runs, all on 127.0.0.1:
//
// - the offline carrier sandbox, its clock running `speed` times faster than real time;
// - the Node helper: a SQLite store (a fresh file in a temporary folder, removed on close) holding one
//   demo order per sandbox scenario, the webhook endpoint the sandbox posts signed EasyPost webhooks to,
//   the look-up endpoint `<order-tracker>` calls, the notifier, whose senders only write to the outbox,
//   and the delay check, which finds parcels that went quiet (the "stalled, then lost" scenario);
// - the pages: my orders, the branded tracking page, the outbox, and insights over generated history.
//
// It uses the packages' built `dist/` (`pnpm demo` builds first), exactly as a store would.
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';
import { createTracker, easypost, memoryCache, zoneForPlace } from '@trackline/core';
import * as trackline from '@trackline/node';
import { carrierSandboxes, createSandbox, orders } from '@trackline/sandbox';
import { demoTransitModel, startDelayChecks } from './delays.js';
import { computeInsights, renderInsights } from './insights/page.js';
import { renderOrders } from './pages/orders.js';
import { renderOutbox } from './pages/outbox.js';
import { renderTracking } from './pages/tracking.js';

const here = new URL('.', import.meta.url);
const hour = 3_600_000;
const day = 24 * hour;

/** The aggregator whose signed webhooks the sandbox sends the demo. */
export const webhookProvider = 'easypost';
const providerName = 'EasyPost';

/** The demo's orders and shoppers: the sandbox's orders, with a made-up name and phone number (555-01xx is fictional). */
export function demoCustomers() {
  return orders.map((order, i) => {
    const parcels = order.parcels;
    const destination = parcels[0].scenario.destination;
    return {
      order,
      customer: {
        email: order.email,
        postalCode: order.postalCode,
        phone: `+1202555${String(100 + i).padStart(4, '0')}`,
        name: ['Ada', 'Bo', 'Chen', 'Dara', 'Eli', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jo'][i % 10],
        locale: 'en',
        timeZone: zoneForPlace(destination) ?? 'America/New_York',
      },
    };
  });
}

/**
 * Builds the demo: sandbox, store with the demo orders, handlers, notifier and pages. `warmUpHours` starts the
 * scenarios that many sandbox hours in the past, so parcels already have a story on the first page.
 * Call `begin(url)` once the server listens (the sandbox needs the URL to send webhooks to).
 */
export async function createDemo({ speed = 600, now = () => new Date(), warmUpHours = 12 } = {}) {
  const bundle = await build({
    entryPoints: [new URL('track.js', here).pathname],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  const trackJs = bundle.outputFiles[0].text;

  // Scenario hour 0 is 13:00 UTC on the day the demo starts (less the warm-up), so scans fall at believable
  // local times; the sandbox clock starts at hour `warmUpHours` and runs `speed` times faster than real time.
  const startedAt = now().getTime();
  const start = new Date(Math.floor(startedAt / day) * day + 13 * hour - warmUpHours * hour);
  const shift = startedAt - start.getTime() - warmUpHours * hour;
  const sandbox = createSandbox({
    carriers: carrierSandboxes,
    speed,
    start,
    now: () => new Date(now().getTime() - shift),
  });
  const clock = () => sandbox.now();
  const cleanup = [() => sandbox.close()];
  const close = async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  };

  try {
    await sandbox.listen(0);
    const folder = await mkdtemp(join(tmpdir(), 'trackline-demo-'));
    cleanup.push(() => rm(folder, { recursive: true, force: true }));
    const dbPath = join(folder, 'trackline.db');
    const store = await trackline.sqliteStore({ path: dbPath, now: clock });
    cleanup.push(() => store.close());

    // One source for every parcel: EasyPost (the sandbox's), polled by the tracker and pushing webhooks. Mixing
    // sources would store each scan twice, once in the carrier's words and once in EasyPost's.
    const tracker = createTracker({
      adapters: [easypost({ apiKey: 'EZTK-demo', baseUrl: sandbox.baseUrl('easypost'), now: clock })],
      // The cache keeps sandbox time, which runs fast: a sandbox minute is a tenth of a second at 600×.
      cache: memoryCache({ now: () => sandbox.now().getTime() }),
      ttl: () => 60_000,
    });

    // The demo orders, placed the evening before their labels were printed.
    const customers = demoCustomers();
    for (const { order, customer } of customers) {
      await store.saveOrder({
        orderNumber: order.orderNumber,
        placedAt: new Date(start.getTime() - 16 * hour).toISOString(),
        customer,
        shipments: order.parcels.map((p) => ({ carrier: p.carrier, trackingNumber: p.trackingNumber })),
      });
    }

    // What each parcel shows when the shop opens, read once from the carriers; webhooks bring the rest.
    await Promise.all(
      customers.flatMap(({ order }) =>
        order.parcels.map(async (parcel) => {
          const shipment = await tracker.track(parcel.trackingNumber, { carrier: parcel.carrier });
          await store.applyUpdate({ shipment, source: 'tracker', receivedAt: clock().toISOString() });
        }),
      ),
    );

    // Webhooks: verified, parsed and stored; the sandbox signs with its clock, so the handler reads the same one.
    const secret = randomBytes(24).toString('base64url');
    const webhookLog = Object.assign([], { others: 0 });
    const webhooks = trackline.createWebhookHandler({
      providers: { [webhookProvider]: { secret } },
      store,
      now: clock,
      onUpdate: (result, update) => {
        // The sandbox plays every scenario for every carrier; only the demo orders' parcels are listed.
        if (!result.orderNumber) {
          webhookLog.others += 1;
          return;
        }
        webhookLog.unshift({
          at: update.receivedAt,
          provider: update.source,
          trackingNumber: result.after.trackingNumber,
          carrier: result.after.carrier,
          status: result.after.status,
          problem: result.after.problem?.reason,
          orderNumber: result.orderNumber,
          changed: Boolean(result.change),
        });
        webhookLog.length = Math.min(webhookLog.length, 40);
      },
      onError: (error) => console.error('[demo webhooks]', error),
    });

    // The look-up endpoint. Its clock is the sandbox's (stored times are sandbox times), so its limits are
    // scaled by `speed` to mean real minutes: 120 look-ups a real minute per client.
    const lookup = trackline.createTrackingHandler({
      store,
      tracker,
      maxAge: 2 * hour, // sandbox hours: webhooks keep parcels fresh, the tracker is the fallback
      now: () => sandbox.now().getTime(),
      rateLimit: {
        client: { limit: 120, windowMs: 60_000 * speed },
        order: { limit: 10, windowMs: 60_000 * speed },
      },
      onError: (error) => console.error('[demo look-up]', error),
    });

    // The notifier: plans email and SMS for every change and "sends" them into the outbox only.
    let notifier;
    let notifierMissing;
    const notSent = async () => ({ demo: 'not actually sent' });
    if (typeof trackline.createNotifier === 'function') {
      notifier = trackline.createNotifier({
        store,
        send: { email: notSent, sms: notSent },
        brand: { name: 'Fernhill Supply', color: '#0b6e4f', supportEmail: 'help@fernhill.example' },
        // The link carries the order number alone (an email address has no place in an SMS): the tracking page
        // opens its form with the number filled in and the email field focused (pages/tracking.js).
        trackingPageUrl: ({ orderNumber }) => `${publicUrl}track?order=${encodeURIComponent(orderNumber ?? '')}`,
        now: clock,
        onError: (error) => console.error('[demo notifier]', error),
      });
    } else {
      notifierMissing = '@trackline/node does not export createNotifier yet (it is being built).';
    }

    // The delay check: no webhook comes for a parcel that goes quiet, so a timer asks about every parcel
    // on its way, judged against what past deliveries on its lane were like.
    const transitModel = demoTransitModel({ start });
    let delayChecks;

    let publicUrl = 'http://127.0.0.1/';
    // A year of generated history ending when the shop opened (on the sandbox clock), drawn once.
    let insights;
    const opened = clock();
    const insightsPage = () => Promise.resolve().then(() => renderInsights(computeInsights({ now: opened })));
    const html = (response, status, body) => {
      response.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy':
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self' about: data:",
        'x-content-type-options': 'nosniff',
      });
      response.end(body);
    };

    async function handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      if (path.startsWith('/webhooks/')) return webhooks(request, response);
      if (path === '/api/track') return lookup(request, response);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET' });
        return response.end('Only GET is served here.');
      }
      if (path === '/') {
        const stored = await Promise.all(customers.map(({ order }) => store.getOrder(order.orderNumber)));
        return html(
          response,
          200,
          renderOrders({ customers, stored, webhookLog, now: clock(), speed, provider: webhookProvider, providerName }),
        );
      }
      if (path === '/track') {
        return html(
          response,
          200,
          renderTracking({
            orderNumber: url.searchParams.get('order') ?? '',
            email: url.searchParams.get('email') ?? '',
            customers,
          }),
        );
      }
      if (path === '/track.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        return response.end(trackJs);
      }
      if (path === '/outbox') {
        const messages = await store.listMessages({ limit: 200 });
        return html(response, 200, renderOutbox({ messages, missing: notifierMissing }));
      }
      if (path === '/insights') {
        insights ??= insightsPage();
        return html(response, 200, await insights);
      }
      if (path === '/api/clock') {
        response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        return response.end(JSON.stringify({ now: clock().toISOString(), start: start.toISOString(), speed }));
      }
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Nothing at ${path}. The demo is at /.`);
    }

    /** Once listening: the sandbox posts a signed webhook to us whenever a parcel gets a new scan. */
    function begin(url) {
      publicUrl = url;
      // Draw the insights page in the background, so that the first visit to it does not wait.
      setTimeout(() => void (insights ??= insightsPage()), 200).unref();
      sandbox.subscribe({ provider: webhookProvider, url: new URL(`webhooks/${webhookProvider}`, url).href, secret });
      if (notifier) {
        notifier.start(1000);
        cleanup.push(() => notifier.stop());
      }
      delayChecks = startDelayChecks({
        store,
        model: transitModel,
        now: clock,
        onError: (error) => console.error('[demo delay check]', error),
      });
      cleanup.push(() => delayChecks.stop());
    }

    /** Runs the delay check now (it also runs every two seconds once the demo has begun). */
    const checkDelaysNow = () => delayChecks?.runNow();

    return { handle, begin, close, sandbox, store, dbPath, webhookSecret: secret, speed, checkDelaysNow };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Listens on 127.0.0.1; port 0 picks a free one. Resolves to the URL and a `close()` that stops everything. */
export async function startDemo({ port = 0, ...options } = {}) {
  const demo = await createDemo(options);
  const server = createServer((request, response) => {
    demo.handle(request, response).catch((error) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`The demo failed: ${error.message}`);
    });
  });
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
  } catch (error) {
    await demo.close();
    throw error;
  }
  const url = `http://127.0.0.1:${server.address().port}/`;
  demo.begin(url);
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await demo.close();
  };
  return {
    url,
    sandbox: demo.sandbox.baseUrl(''),
    sandboxClock: () => demo.sandbox.now(),
    store: demo.store,
    dbPath: demo.dbPath,
    webhookProvider,
    webhookSecret: demo.webhookSecret,
    checkDelaysNow: demo.checkDelaysNow,
    sendWebhook: (trackingNumber) =>
      demo.sandbox.sendWebhook(
        webhookProvider,
        `${url}webhooks/${webhookProvider}`,
        demo.webhookSecret,
        trackingNumber,
      ),
    close,
  };
}
