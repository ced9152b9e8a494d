import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { orders } from '@trackline/sandbox';
import { App } from './app.js';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.js';
import { startServer } from './server.js';

// Debian's Chromium (or CHROMIUM_PATH), driven with puppeteer-core as the demo's browser test does: nothing is
// downloaded, and the flags keep it from calling home.

describe('the React example', () => {
  it('renders <order-tracker> with its attributes, kebab-case as in HTML', () => {
    const html = renderToString(
      h(App, { endpoint: '/api/track', orderNumber: 'TL-1002', email: 'weather-delay@example.com' }),
    );
    const tag = /<order-tracker([^>]*)>/.exec(html)?.[1] ?? '';
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    assert.equal(attribute('endpoint'), '/api/track');
    assert.equal(attribute('order-number'), 'TL-1002');
    assert.equal(attribute('email'), 'weather-delay@example.com');
    assert.equal(attribute('locale'), 'en');
    assert.equal(attribute('theme'), 'light');
  });

  it('leaves out the order when the link has none, so the element shows its form', () => {
    const html = renderToString(h(App, { endpoint: '/api/track' }));
    assert.match(html, /<order-tracker [^>]*endpoint="\/api\/track"/);
    assert.doesNotMatch(html, /order-number=|email=/);
  });

  describe('served', () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    before(async () => {
      server = await startServer();
    });
    after(() => server.close());

    it('bundles React with the element and serves it to the page', async () => {
      const html = await (await fetch(`${server.url}/`)).text();
      assert.match(html, /<div id="root"><\/div>/);
      assert.match(html, /<script type="module" src="\/app\.js"><\/script>/);
      const script = await fetch(`${server.url}/app.js`);
      assert.match(script.headers.get('content-type') ?? '', /text\/javascript/);
      const bundle = await script.text();
      assert.equal(bundle, server.bundle);
      assert.ok(bundle.includes('customElements.define("order-tracker"'), 'defines <order-tracker>');
      assert.ok(bundle.includes('createRoot'), 'mounts with React');
    });

    it(
      'in headless Chromium, shows the order from the link and hands its events and the theme toggle to React',
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
          // …and its trackline-loaded event reached the listener React's effect added.
          const news = await page.waitForFunction(
            () => document.querySelector('[role="status"]')?.textContent || undefined,
            { timeout: 5_000 },
          );
          assert.equal(
            await news.jsonValue(),
            `Showing ${answer.order.shipments.length} parcel(s) of order ${order.orderNumber}.`,
          );

          // React's state change reaches the element as its theme attribute, and the element restyles.
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
      const order = orders[1]!;
      const query = new URLSearchParams({ orderNumber: order.orderNumber, email: order.email });
      const response = await fetch(`${server.url}/api/track?${query}`);
      assert.equal(response.status, 200);
      assert.equal(
        ((await response.json()) as { order: { orderNumber: string } }).order.orderNumber,
        order.orderNumber,
      );
    });
  });
});
