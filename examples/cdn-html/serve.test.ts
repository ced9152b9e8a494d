import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { orders } from '@trackline/sandbox';
import { bundlePath, startServer } from './serve.js';

describe('the plain HTML example', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('serves a page that loads the CDN bundle and places <order-tracker> on the look-up', async () => {
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    const html = await response.text();
    assert.match(html, /<script type="module" src="\/trackline\.min\.js"><\/script>/);
    assert.match(html, /<order-tracker endpoint="\/api\/track"[^>]*>/);
    // The order the page suggests is one the endpoint knows.
    const [, orderNumber, email] = /Try order <code>([^<]+)<\/code> with <code>([^<]+)<\/code>/.exec(html) ?? [];
    assert.ok(orders.some((order) => order.orderNumber === orderNumber && order.email === email));
  });

  it('serves the built bundle, which defines all four elements', async () => {
    const response = await fetch(`${server.url}/trackline.min.js`);
    if (!existsSync(bundlePath)) {
      // Not built in this checkout: the server says how to build it rather than serving nothing.
      assert.equal(response.status, 503);
      assert.match(await response.text(), /pnpm --filter @trackline\/elements build/);
      return;
    }
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/javascript/);
    const bundle = await response.text();
    assert.equal(bundle, readFileSync(bundlePath, 'utf8'));
    for (const tag of ['order-tracker', 'tracking-progress', 'tracking-timeline', 'delay-banner']) {
      assert.ok(bundle.includes(`"${tag}"`) || bundle.includes(`'${tag}'`), `the bundle names ${tag}`);
    }
  });

  it('answers the look-up the page makes for a demo order', async () => {
    const order = orders[1]!;
    const query = new URLSearchParams({ orderNumber: order.orderNumber, email: order.email });
    const response = await fetch(`${server.url}/api/track?${query}`, { headers: { accept: 'application/json' } });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { order: { orderNumber: string; shipments: { events: unknown[] }[] } };
    assert.equal(body.order.orderNumber, order.orderNumber);
    assert.equal(body.order.shipments.length, order.parcels.length);
    assert.ok(body.order.shipments[0]!.events.length > 0);
  });
});
