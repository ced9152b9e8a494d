import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { orders } from '@trackline/sandbox';
import { App } from './app.js';
import { startServer } from './server.js';

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
