import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { orders } from '@trackline/sandbox';
import { App } from './app.js';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.js';
import { startServer } from './server.js';

// Debian's Chromium (or CHROMIUM_PATH), driven with puppeteer-core as the demo's browser test does: nothing is
// downloaded, and the flags keep it from calling home.

describe('the Vue example', () => {
  it('renders <order-tracker> with its attributes, kebab-case as in HTML', async () => {
    const html = await renderToString(
      createSSRApp(App, { endpoint: '/api/track', orderNumber: 'TL-1002', email: 'weather-delay@example.com' }),
    );
    const tag = /<order-tracker([^>]*)>/.exec(html)?.[1] ?? '';
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    assert.equal(attribute('endpoint'), '/api/track');
    assert.equal(attribute('order-number'), 'TL-1002');
    assert.equal(attribute('email'), 'weather-delay@example.com');
    assert.equal(attribute('locale'), 'en');
    assert.equal(attribute('theme'), 'light');
    // Listeners are not attributes.
    assert.doesNotMatch(tag, /trackline/i);
  });

  it('leaves out the order when the link has none, so the element shows its form', async () => {
    const html = await renderToString(createSSRApp(App, { endpoint: '/api/track' }));
    assert.match(html, /<order-tracker [^>]*endpoint="\/api\/track"/);
    assert.doesNotMatch(html, /order-number=|email=/);
  });

  describe('served', () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    before(async () => {
      server = await startServer();
    });
    after(() => server.close());

    it('bundles Vue with the element and serves it to the page', async () => {
      const html = await (await fetch(`${server.url}/`)).text();
      assert.match(html, /<div id="root"><\/div>/);
      assert.match(html, /<script type="module" src="\/app\.js"><\/script>/);
      const bundle = await (await fetch(`${server.url}/app.js`)).text();
      assert.equal(bundle, server.bundle);
      assert.ok(bundle.includes('customElements.define("order-tracker"'), 'defines <order-tracker>');
    });

    it(
      'in headless Chromium, shows the order from the link and hands its events and the theme toggle to Vue',
      { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` },
      async () => {
        const order = orders[1]!;
        const lookUp = new URLSearchParams({ orderNumber: order.orderNumber, email: order.email });
        const answer = (await (await fetch(`${server.url}/api/track?${lookUp}`)).json()) as {
          order: { shipments: unknown[] };
        };
        const browser = await puppeteer.launch({
          executablePath: chromiumPath,
          headless: true,
          args: [...chromiumFlags],
        });
        try {
          const page = await browser.newPage();
          const errors: string[] = [];
          page.on('pageerror', (error) => errors.push(String(error)));
          const link = new URLSearchParams({ order: order.orderNumber, email: order.email });
          await page.goto(`${server.url}/?${link}`);

          // The element looked the order up and rendered it inside its shadow root…
          const headline = await page.waitForSelector('order-tracker >>> [part~="shipment__headline"]', {
            timeout: 10_000,
          });
          assert.ok((await headline!.evaluate((el) => el.textContent?.trim()))?.length, 'a status headline');
          // …and its trackline-loaded event reached the `onTracklineLoaded` handler Vue bound.
          const news = await page.waitForFunction(
            () => document.querySelector('[role="status"]')?.textContent || undefined,
            { timeout: 5_000 },
          );
          assert.equal(
            await news.jsonValue(),
            `Showing ${answer.order.shipments.length} parcel(s) of order ${order.orderNumber}.`,
          );

          // Vue's reactive state reaches the element as its theme attribute, and the element restyles.
          const surface = () =>
            page.$eval('order-tracker >>> [part~="base"]', (base) => getComputedStyle(base).backgroundColor);
          const light = await surface();
          assert.equal(await page.$eval('order-tracker', (el) => el.getAttribute('theme')), 'light');
          await page.click('input[type="checkbox"]');
          await page.waitForFunction(() => document.querySelector('order-tracker')?.getAttribute('theme') === 'dark');
          assert.notEqual(await surface(), light, 'the dark theme changes the surface colour');
          assert.deepEqual(errors, []);
        } finally {
          await browser.close();
        }
      },
    );

    it('answers the look-up the element makes', async () => {
      const order = orders[2]!;
      const query = new URLSearchParams({ orderNumber: order.orderNumber, postalCode: order.postalCode });
      const response = await fetch(`${server.url}/api/track?${query}`);
      assert.equal(response.status, 200);
      assert.equal(
        ((await response.json()) as { order: { orderNumber: string } }).order.orderNumber,
        order.orderNumber,
      );
    });
  });
});
