import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { orders } from '@trackline/sandbox';
import { App } from './app.js';
import { startServer } from './server.js';

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
