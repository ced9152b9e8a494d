// Screenshots of <order-tracker> for the README and docs/images: a delivered, an out-for-delivery and a delayed
// parcel, at 375 px (mobile) and 1280 px (desktop), light and dark, in headless Chromium from the CDN bundle.
// Dates are relative to today so the copy reads as a shopper would see it. Run after building the elements:
//   pnpm --filter @trackline/elements build && node --import tsx scripts/elements-screenshots.ts
import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Shipment, TrackingEvent } from '@trackline/core';
import { chromiumFlags, chromiumPath } from './chromium.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = join(root, 'docs/images');

const HOUR = 3_600_000;
const now = Date.now();
/** A zone's offset now (`-08:00` for Los Angeles in winter). */
const offsetOf = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(now)
    .find((part) => part.type === 'timeZoneName')!
    .value.replace('GMT', '') || '+00:00';
/** An ISO time `hoursAgo` before now, on the clock of `timeZone`. */
const at = (hoursAgo: number, timeZone = 'America/Los_Angeles') => {
  const offset = offsetOf(timeZone);
  const hours = Number(offset.slice(0, 3));
  return `${new Date(now - hoursAgo * HOUR + hours * HOUR).toISOString().slice(0, 19)}${offset}`;
};
/** A calendar day `daysFromNow` on the destination's (Los Angeles) calendar. */
const day = (daysFromNow: number) => at(-daysFromNow * 24).slice(0, 10);
const fresno = { city: 'FRESNO', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' };
const ontario = { city: 'ONTARIO', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' };
const louisville = { city: 'LOUISVILLE', region: 'KY', country: 'US', timeZone: 'America/Kentucky/Louisville' };

const scan = (
  hoursAgo: number,
  status: TrackingEvent['status'],
  code: string,
  description: string,
  location?: { timeZone: string },
) =>
  ({
    // A carrier reports a scan on the clock of the place it happened (Louisville is on Eastern time).
    at: at(hoursAgo, location?.timeZone),
    timeSource: 'carrier',
    status,
    code,
    description,
    ...(location ? { location } : {}),
  }) as TrackingEvent;

const onTheWay: TrackingEvent[] = [
  scan(80, 'info_received', 'MP', 'Shipper created a label, UPS has not received the package yet.'),
  scan(70, 'in_transit', 'OR', 'Pickup Scan', louisville),
  scan(62, 'in_transit', 'DP', 'Departed from Facility', louisville),
  scan(30, 'in_transit', 'AR', 'Arrived at Facility', ontario),
  scan(20, 'in_transit', 'DP', 'Departed from Facility', ontario),
  scan(9, 'in_transit', 'AR', 'Arrived at Facility', fresno),
];

const base = {
  carrier: 'ups',
  trackingNumber: '1Z999AA10123456784',
  service: 'UPS Ground',
  destination: { city: 'Fresno', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' },
  trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
  updatedAt: new Date(now).toISOString(),
} as const;

const shipments: Record<string, Shipment> = {
  'out-for-delivery': {
    ...base,
    status: 'out_for_delivery',
    events: [...onTheWay, scan(2, 'out_for_delivery', 'OT', 'Out For Delivery Today', fresno)],
    estimate: { earliest: day(0), latest: day(0), likely: day(0), confidence: 0.93, basis: 'carrier' },
  },
  delivered: {
    ...base,
    status: 'delivered',
    events: [
      ...onTheWay,
      scan(6, 'out_for_delivery', 'OT', 'Out For Delivery Today', fresno),
      scan(1, 'delivered', 'KB', 'DELIVERED', fresno),
    ],
    deliveredAt: at(1),
  },
  delayed: {
    ...base,
    status: 'in_transit',
    problem: { reason: 'weather', actionRequired: false, since: at(8) },
    events: [
      ...onTheWay,
      scan(8, 'in_transit', 'WD', 'Weather delay: severe weather conditions have delayed delivery', fresno),
    ],
    estimate: { earliest: day(1), latest: day(3), likely: day(2), confidence: 0.8, basis: 'history', sampleSize: 1240 },
  },
};

const page = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>body { margin: 0; } #shot { padding: 16px 0; }</style>
<body><div id="shot"></div>
<script type="module">
  import '/trackline.min.js';
  window.show = async (shipment, theme) => {
    document.body.style.background = theme === 'dark' ? '#0d1117' : '#ffffff';
    const el = document.createElement('order-tracker');
    el.setAttribute('locale', 'en-US');
    el.setAttribute('theme', theme);
    el.shipment = shipment;
    document.querySelector('#shot').replaceChildren(el);
    await el.updateComplete;
    for (const inner of el.shadowRoot.querySelectorAll('*')) await inner.updateComplete;
  };
  window.ready = true;
</script>`;

interface Puppeteer {
  launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<{
    newPage(): Promise<{
      setViewport(viewport: { width: number; height: number; deviceScaleFactor: number }): Promise<void>;
      goto(url: string): Promise<unknown>;
      waitForFunction(expression: string): Promise<unknown>;
      evaluate<A extends unknown[]>(fn: (...args: A) => Promise<void>, ...args: A): Promise<void>;
      $(selector: string): Promise<{ screenshot(options: { path: string }): Promise<unknown> } | null>;
    }>;
    close(): Promise<void>;
  }>;
}

const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/') return void response.writeHead(200, { 'content-type': 'text/html' }).end(page);
  if (path === '/trackline.min.js') {
    const file = readFileSync(join(root, 'packages/elements/dist/trackline.min.js'));
    return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(file);
  }
  response.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const launcher = realpathSync(join(root, 'node_modules/@web/test-runner-chrome/package.json'));
const puppeteer = createRequire(launcher)('puppeteer-core') as Puppeteer;
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [...chromiumFlags],
});
try {
  mkdirSync(out, { recursive: true });
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await tab.waitForFunction('window.ready === true');
  for (const [width, device] of [
    [375, 'mobile'],
    [1280, 'desktop'],
  ] as const) {
    await tab.setViewport({ width, height: 800, deviceScaleFactor: 1 });
    for (const theme of ['light', 'dark'] as const) {
      for (const [name, shipment] of Object.entries(shipments)) {
        await tab.evaluate(
          (s, t) => (window as unknown as { show(s: unknown, t: string): Promise<void> }).show(s, t),
          shipment as unknown,
          theme as string,
        );
        const path = join(out, `order-tracker-${name}-${device}-${theme}.png`);
        await (await tab.$('#shot'))!.screenshot({ path });
        console.log(path.slice(root.length));
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
