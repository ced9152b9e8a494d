import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { Shipment } from '@trackline/core';
import type { Store } from '@trackline/node';
import type { Browser } from 'puppeteer-core';
import { orders, parcelFor, playParcel } from '@trackline/sandbox';
// @ts-expect-error -- plain JavaScript module without type declarations
import { chromiumPath, launchChromium } from './browser.js';
// @ts-expect-error -- plain JavaScript module without type declarations
import { startDemo } from './server.js';

interface Demo {
  url: string;
  store: Store;
  dbPath: string;
  sandboxClock: () => Date;
  sendWebhook: (trackingNumber: string) => Promise<number>;
  checkDelaysNow: () => Promise<unknown>;
  close: () => Promise<void>;
}

const hour = 3_600_000;

describe('the demo storefront', () => {
  // The real clock would move the sandbox 600× faster; a clock of our own keeps every step deterministic.
  let clock = new Date('2026-05-04T05:00:00Z');
  let demo: Demo;

  before(async () => {
    demo = (await startDemo({ port: 0, speed: 600, warmUpHours: 30, now: () => clock })) as Demo;
  });
  after(() => demo.close());

  it('answers every page: my orders, tracking, outbox and insights', async () => {
    const pages = await Promise.all(
      ['', 'track', 'track?order=TL-1002&email=weather-delay%40example.com', 'outbox', 'insights'].map(async (path) => {
        const response = await fetch(new URL(path, demo.url));
        return {
          path,
          status: response.status,
          type: response.headers.get('content-type'),
          text: await response.text(),
        };
      }),
    );
    for (const page of pages) {
      assert.equal(page.status, 200, page.path);
      assert.equal(page.type, 'text/html; charset=utf-8', page.path);
    }
    const [orders, form, tracking, outbox, insights] = pages.map((p) => p.text);
    // Every demo order, with what anyone needs to look it up.
    for (const [number, email] of [
      ['TL-1001', 'on-time@example.com'],
      ['TL-1002', 'weather-delay@example.com'],
      ['TL-1099', 'split-order@example.com'],
    ]) {
      assert.match(orders!, new RegExp(`Order ${number}`));
      assert.match(orders!, new RegExp(email!));
    }
    assert.match(form!, /<order-tracker\s+endpoint="\/api\/track"\s+refresh-interval/);
    assert.match(tracking!, /order-number="TL-1002" email="weather-delay@example.com"/);
    // The notifier's links carry the order number alone: the form opens with it, focus on the email field.
    const fromSms = await (await fetch(new URL('track?order=TL-1003', demo.url))).text();
    assert.match(
      fromSms,
      /<order-tracker\s+endpoint="\/api\/track"\s+order-number="TL-1003" autofocus\s+refresh-interval/,
    );
    assert.doesNotMatch(fromSms, /<order-tracker[^>]*email=/);
    assert.match(outbox!, /Not actually sent: demo/);
    assert.match(insights!, /Generated demo data/);
    assert.match(insights!, /<svg[^>]*role="img"/);
    assert.match(insights!, /Lanes that got worse[\s\S]*FedEx → US-TX/);

    const script = await fetch(new URL('track.js', demo.url));
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(await script.text(), /order-tracker/);
  });

  it('keeps the demo orders in a SQLite file and answers look-ups from it', async () => {
    assert.ok(existsSync(demo.dbPath), demo.dbPath);
    const found = await fetch(new URL('api/track?orderNumber=TL-1001&email=on-time%40example.com', demo.url));
    assert.equal(found.status, 200);
    const { order } = (await found.json()) as { order: { orderNumber: string; shipments: Shipment[] } };
    assert.equal(order.orderNumber, 'TL-1001');
    assert.equal(order.shipments[0]!.status, 'in_transit');
    assert.ok(order.shipments[0]!.events.length >= 3);
    assert.ok(order.shipments[0]!.estimate?.likely);

    const wrong = await fetch(new URL('api/track?orderNumber=TL-1001&email=someone%40example.com', demo.url));
    assert.equal(wrong.status, 404);
  });

  it(
    'in headless Chromium, looks up a demo order and shows its status, estimate and history',
    {
      skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}`,
    },
    async () => {
      const browser = (await launchChromium()) as Browser;
      try {
        const page = await browser.newPage();
        await page.setViewport({ width: 375, height: 800 });
        await page.goto(new URL('track', demo.url).href, { waitUntil: 'networkidle0' });
        await page.waitForSelector('order-tracker >>> [part~="form__input"]');
        await page.type('order-tracker >>> input[name="orderNumber"]', 'TL-1002');
        await page.type('order-tracker >>> input[name="contact"]', 'weather-delay@example.com');
        const [answer] = await Promise.all([
          page.waitForResponse((response) => response.url().includes('/api/track?'), { timeout: 10_000 }),
          page.click('order-tracker >>> [part~="form__submit"]'),
        ]);
        assert.equal(answer.status(), 200, await answer.text());

        const shown = () =>
          page.evaluate(() => document.querySelector('order-tracker')?.shadowRoot?.textContent?.replace(/\s+/g, ' '));
        const text = async (selector: string) => {
          const found = await page.waitForSelector(selector, { timeout: 10_000 }).catch(async (error: Error) => {
            throw new Error(`${error.message}; the tracker shows: ${await shown()}`);
          });
          return found!.evaluate((el) => el.textContent?.trim() ?? '');
        };
        assert.match(await text('order-tracker >>> [part~="order__title"]'), /TL-1002/);
        assert.match(await text('order-tracker >>> [part~="shipment__headline"]'), /weather/i);
        assert.match(await text('order-tracker >>> [part~="estimate__date"]'), /\w{3}, \w{3} \d+/);
        const history = await page.$$eval('order-tracker >>> [part~="event__description"]', (nodes) =>
          nodes.map((n) => n.textContent?.trim()),
        );
        assert.ok(history.includes('Picked up'), history.join(' | '));
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'no sideways scrolling');
      } finally {
        await browser.close();
      }
    },
  );
  it('stores what a signed sandbox webhook says, and refuses one signed with another secret', async () => {
    const parcel = parcelFor('ups', 'on-time'); // order TL-1001: delivered at scenario hour 53
    const before = await demo.store.getShipment(parcel.trackingNumber, 'ups');
    assert.equal(before?.status, 'in_transit');

    clock = new Date(clock.getTime() + (24 * hour) / 600); // 24 sandbox hours later: hour 54
    assert.equal(await demo.sendWebhook(parcel.trackingNumber), 200);
    const after = await demo.store.getShipment(parcel.trackingNumber, 'ups');
    assert.equal(after?.status, 'delivered');
    const start = new Date(demo.sandboxClock().getTime() - 54 * hour);
    assert.equal(after?.events.length, playParcel(parcel, { start, now: demo.sandboxClock() }).events.length);

    const forged = await fetch(new URL('webhooks/easypost', demo.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hmac-signature': 'hmac-sha256-hex=00' },
      body: JSON.stringify({ description: 'tracker.updated', result: { tracking_code: parcel.trackingNumber } }),
    });
    assert.equal(forged.status, 401);
  });

  it('puts the notifier’s messages in the outbox, marked as not sent', async () => {
    let messages = await demo.store.listMessages();
    for (let i = 0; i < 40 && !messages.some((m) => m.kind === 'delivered'); i++) {
      await delay(100);
      messages = await demo.store.listMessages();
    }
    assert.ok(messages.some((m) => m.kind === 'delivered' && m.orderNumber === 'TL-1001'));
    const outbox = await (await fetch(new URL('outbox', demo.url))).text();
    // Email HTML only ever inside a sandboxed iframe, escaped into its srcdoc.
    assert.match(outbox, /<iframe\s+class="email"[^>]*\ssandbox=""[^>]*\ssrcdoc="&lt;!doctype html&gt;/);
    assert.doesNotMatch(outbox, /<iframe[^>]*srcdoc="</);
  });

  it('finds the parcel that went quiet and puts one delay message about it in the outbox', async () => {
    const order = orders.find((o) => o.parcels[0]!.scenario.id === 'stalled-lost')!;
    const parcel = order.parcels[0]!; // last scanned at scenario hour 24; the carrier calls it lost at 192
    const quiet = async () => (await demo.store.getShipment(parcel.trackingNumber, parcel.carrier))?.problem?.reason;
    await demo.checkDelaysNow();
    assert.equal(await quiet(), undefined, 'at hour 54, a day and a bit without a scan is usual');

    clock = new Date(clock.getTime() + (72 * hour) / 600); // hour 126: four days without a scan
    await demo.checkDelaysNow();
    assert.equal(await quiet(), 'stalled');

    const delays = async () =>
      (await demo.store.listMessages({ orderNumber: order.orderNumber })).filter((m) => m.kind === 'delay');
    let messages = await delays();
    for (let i = 0; i < 40 && messages.length === 0; i++) {
      await delay(100);
      messages = await delays();
    }
    assert.deepEqual(
      messages.map((m) => m.channel),
      ['email'],
    );
    const outbox = await (await fetch(new URL('outbox', demo.url))).text();
    assert.match(outbox, new RegExp(`Order ${order.orderNumber}: No recent updates`));

    // Later checks find the same silence: no second message.
    await demo.checkDelaysNow();
    await delay(1200);
    assert.equal((await delays()).length, 1);
  });
});
