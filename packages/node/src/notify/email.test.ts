import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sqliteStore, type Store } from '../store/index.js';
import { createNotifier } from './index.js';
import { change, parcel, scan, scans, shopper } from './test-fixtures.js';

// Carrier text (scan descriptions, place names) and the brand are data from outside: the HTML must
// show them as text, never run them.

let store: Store;
before(async () => {
  store = await sqliteStore({ path: ':memory:' });
});
after(() => store.close());

const hostile = '<img src=x onerror="alert(1)">&copy;';

function emailFor(brand: Parameters<typeof createNotifier>[0]['brand'], description = hostile) {
  const hub = parcel('in_transit', [scans.label, scans.pickup, scans.hub]);
  const missed = scan('2024-05-06T12:00:00-07:00', 'in_transit', {
    description,
    location: { city: '<script>alert(2)</script>', region: 'CA' },
    problem: { reason: 'customs', actionRequired: false },
  });
  const afterShipment = parcel('in_transit', [...hub.events, missed], {
    problem: { reason: 'customs', actionRequired: false, since: missed.at },
  });
  const notifier = createNotifier({
    store,
    send: { email: async () => undefined },
    brand,
    now: () => new Date('2024-05-06T12:05:00-07:00'),
  });
  const [message] = notifier.plan(change(hub, afterShipment, { ...shopper, name: 'Ana <b>' }));
  assert.ok(message);
  return message.content;
}

describe('the email', () => {
  it('shows carrier text as text in the HTML and as written in the plain part', () => {
    const { html = '', text = '' } = emailFor({ name: 'Acme' });
    assert.ok(!html.includes('<img src=x'), 'no live image tag');
    assert.ok(!html.includes('<script>'), 'no live script tag');
    assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;copy;'));
    assert.ok(html.includes('&lt;script&gt;alert(2)&lt;/script&gt;'));
    assert.ok(html.includes('Hi Ana &lt;b&gt;,'));
    assert.ok(text.includes(`Latest update from the carrier: ${hostile}`));
  });

  it('drops control and bidi-override characters from carrier text', () => {
    const { text = '' } = emailFor({ name: 'Acme' }, 'Held\u202e at customs\u0000');
    assert.match(text, /Latest update from the carrier: Held at customs \(/);
  });

  it('carries the brand: name, colour, logo and support contacts', () => {
    const { html = '', text = '' } = emailFor({
      name: 'Acme',
      color: '#0a7',
      logoUrl: 'https://acme.example/logo.png',
      supportUrl: 'https://acme.example/help',
      supportEmail: 'help@acme.example',
    });
    assert.ok(html.includes('border-top:4px solid #0a7'));
    assert.ok(html.includes('<img src="https://acme.example/logo.png" alt="Acme"'));
    assert.ok(html.includes('href="mailto:help@acme.example"'));
    assert.match(text, /Questions\? Contact Acme:\nhttps:\/\/acme\.example\/help\nhelp@acme\.example/);
  });

  it('refuses a brand colour, logo or link that could break out of the HTML', () => {
    const { html = '' } = emailFor({
      name: 'Acme',
      color: 'red;background:url(javascript:alert(1))',
      logoUrl: 'javascript:alert(1)',
      supportUrl: 'https://acme.example/"><script>',
    });
    assert.ok(!html.includes('javascript:'));
    assert.ok(!html.includes('"><script>'));
    assert.ok(html.includes('border-top:4px solid #1f6feb'));
    assert.ok(html.includes('<strong style="font-size:18px;">Acme</strong>'), 'the name stands in for a refused logo');
  });

  it('answers what happened, what happens next and what to do', () => {
    const { text = '', subject } = emailFor({ name: 'Acme' });
    assert.equal(subject, 'Order A1001: Held in customs');
    assert.match(text, /Your parcel is waiting to clear customs\./);
    assert.match(text, /It will continue once customs releases it\./);
  });
});
