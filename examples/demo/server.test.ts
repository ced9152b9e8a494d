import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
// @ts-expect-error -- plain JavaScript module without type declarations
import { startDemo } from './server.js';

describe('the demo server', () => {
  let close: () => Promise<void>;
  let url: string;
  let clock = new Date('2024-05-06T13:00:00Z');

  before(async () => {
    ({ close, url } = await startDemo({ port: 0, speed: 60, now: () => clock }));
  });
  after(() => close());

  it('serves the page and its script', async () => {
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<script type="module" src="\/app.js">/);
    const script = await fetch(new URL('app.js', url));
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(await script.text(), /tracking-progress/);
  });

  it('tracks every parcel through the carrier adapters as sandbox time passes, described in the chosen language', async () => {
    clock = new Date('2024-05-06T13:00:00Z');
    const first = (await (await fetch(new URL('api/shipments?locale=de', url))).json()) as {
      shipments: { scenario: { id: string }; shipment: { status: string }; text: { headline: string } }[];
    };
    assert.deepEqual(
      first.shipments.map((s) => s.scenario.id),
      [
        'on-time',
        'weather-delay',
        'failed-attempt',
        'pickup',
        'address-problem',
        'customs-hold',
        'returned',
        'stalled-lost',
        'on-time',
        'second-parcel',
      ],
    );
    // At hour 0 only the first label is printed; the split order's second parcel has no scan yet.
    assert.deepEqual([...new Set(first.shipments.map((s) => s.shipment.status))].sort(), ['info_received', 'pending']);
    assert.ok(first.shipments.every((s) => s.text.headline.length > 0));

    clock = new Date('2024-05-06T17:00:00Z'); // four real hours at 60× = 240 scenario hours: every story told
    const later = (await (await fetch(new URL('api/shipments', url))).json()) as typeof first;
    const done = later.shipments.filter((s) => !['returned', 'stalled-lost'].includes(s.scenario.id));
    assert.ok(done.every((s) => s.shipment.status === 'delivered'));
  });

  it('answers an unknown path with 404 and a pointer to the demo', async () => {
    const response = await fetch(new URL('nope', url));
    assert.equal(response.status, 404);
    assert.match(await response.text(), /The demo is at \//);
  });
});
