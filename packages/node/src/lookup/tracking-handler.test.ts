import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import {
  buildShipment,
  createTracker,
  dhl,
  fedex,
  parseOrder,
  parseShipment,
  ups,
  usps,
  type Shipment,
} from '@trackline/core';
import { carrierSandboxes, createSandbox, parcelFor, type Sandbox } from '@trackline/sandbox';
import { checkDelays } from '../delays/check-delays.js';
import { sqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/types.js';
import type { HttpRequest } from '../http/types.js';
import { createTrackingHandler } from './tracking-handler.js';
import type { TrackingHandlerOptions } from './lookup.js';

const minute = 60_000;
const placedAt = '2026-05-04T09:12:00-04:00';
const upsNumber = '1Z999AA10123456784';
const otherNumber = '1Z999AA10123456795';

/** A parcel in transit, as a carrier reports it: the full address on the destination and the delivery scan. */
function inTransit(trackingNumber: string, updatedAt: Date): Shipment {
  return buildShipment({
    carrier: 'ups',
    trackingNumber,
    service: 'UPS Ground',
    events: [
      {
        at: '2026-05-04T09:00:00-04:00',
        timeSource: 'carrier',
        status: 'info_received',
        code: 'MP',
        description: 'Shipper created a label',
        location: { city: 'Newark', region: 'NJ', country: 'US', postalCode: '07102' },
      },
      {
        at: '2026-05-05T07:30:00-04:00',
        timeSource: 'carrier',
        status: 'in_transit',
        code: 'AR',
        description: 'Arrived at Facility',
        location: { city: 'London', country: 'GB', postalCode: 'SW1A 1AA', label: 'LONDON GB' },
      },
    ],
    destination: {
      city: 'London',
      country: 'GB',
      postalCode: 'SW1A 1AA',
      label: 'Jane Doe, 10 Downing Street, London SW1A 1AA',
      timeZone: 'Europe/London',
    },
    origin: { city: 'Newark', region: 'NJ', country: 'US', postalCode: '07102' },
    trackingUrl: `https://www.ups.com/track?tracknum=${trackingNumber}`,
    now: updatedAt,
  });
}

function get(query: string, init: Partial<HttpRequest> = {}): HttpRequest {
  return {
    method: 'GET',
    url: `/api/track?${query}`,
    headers: {},
    body: new Uint8Array(0),
    remoteAddress: '192.0.2.10',
    ...init,
  };
}

const json = (body: unknown): unknown => JSON.parse(String(body));
const janeByEmail = 'orderNumber=TL-1001&email=jane.doe%40example.com';

describe('createTrackingHandler', () => {
  let clock: number;
  let store: Store;
  const handler = (options: Partial<TrackingHandlerOptions> = {}) =>
    createTrackingHandler({ store, now: () => clock, ...options });

  beforeEach(async () => {
    clock = Date.parse('2026-05-05T12:00:00Z');
    store = await sqliteStore({ path: ':memory:', now: () => new Date(clock) });
    await store.saveOrder({
      orderNumber: 'TL-1001',
      placedAt,
      customer: { email: ' Jane.Doe@Example.com', postalCode: 'SW1A 1AA', name: 'Jane Doe', phone: '+447700900123' },
      shipments: [{ carrier: 'ups', trackingNumber: upsNumber }],
    });
    await store.applyUpdate({
      shipment: inTransit(upsNumber, new Date(clock)),
      source: 'easypost',
      receivedAt: new Date(clock).toISOString(),
    });
    // Another shopper's order, to make sure nothing of it ever shows.
    await store.saveOrder({
      orderNumber: 'TL-1002',
      placedAt,
      customer: { email: 'sam@example.com', postalCode: '94105-1234', name: 'Sam Roe' },
      shipments: [{ carrier: 'ups', trackingNumber: otherNumber }],
    });
  });

  afterEach(async () => {
    await store.close();
  });

  describe('tiers', () => {
    it('shows the order and its parcels to a shopper with the order number and the email it was placed with', async () => {
      const answer = await handler().handle(get('orderNumber=%20TL-1001&email=%20JANE.DOE%40example.COM%20'));
      assert.equal(answer.status, 200);
      const body = json(answer.body) as { order: unknown };
      assert.deepEqual(Object.keys(body), ['order']);
      const order = parseOrder(body.order);
      assert.equal(order.orderNumber, 'TL-1001');
      assert.equal(order.placedAt, placedAt);
      assert.deepEqual(
        order.shipments.map((s) => [s.trackingNumber, s.status, s.events.length]),
        [[upsNumber, 'in_transit', 2]],
      );
      assert.deepEqual(Object.keys(body.order as object).sort(), ['orderNumber', 'placedAt', 'shipments']);
    });

    it('shows the order to a shopper with its postal code, however it is typed', async () => {
      for (const typed of ['SW1A%201AA', 'sw1a1aa', '%20Sw1a-1aA%20']) {
        const answer = await handler().handle(get(`orderNumber=TL-1001&postalCode=${typed}`));
        assert.equal(answer.status, 200, typed);
        assert.equal(parseOrder((json(answer.body) as { order: unknown }).order).orderNumber, 'TL-1001');
      }
    });

    it('matches a ZIP+4 on file with the five-digit ZIP the shopper types', async () => {
      const answer = await handler().handle(get('orderNumber=TL-1002&postalCode=94105'));
      assert.equal(answer.status, 200);
    });

    it('matches the parcel’s destination postal code when the store recorded none for the customer', async () => {
      await store.saveOrder({
        orderNumber: 'TL-1004',
        placedAt,
        customer: { email: 'kim@example.com' },
        shipments: [{ carrier: 'ups', trackingNumber: '1Z999AA10123456806' }],
      });
      const shipment = inTransit('1Z999AA10123456806', new Date(clock));
      await store.applyUpdate({ shipment, source: 'easypost', receivedAt: new Date(clock).toISOString() });
      const h = handler();
      assert.equal((await h.handle(get('orderNumber=TL-1004&postalCode=sw1a1aa'))).status, 200);
      assert.equal((await h.handle(get('orderNumber=TL-1004&postalCode=sw1a1ab'))).status, 404);
    });

    it('shows only the parcel for a tracking number alone: no order number, customer or full destination', async () => {
      const answer = await handler().handle(get('trackingNumber=1z%20999%20aa1%200123456784'));
      assert.equal(answer.status, 200);
      const body = json(answer.body) as { shipment: unknown };
      assert.deepEqual(Object.keys(body), ['shipment']);
      const shipment = parseShipment(body.shipment);
      assert.equal(shipment.trackingNumber, upsNumber);
      assert.equal(shipment.status, 'in_transit');
      assert.equal(shipment.carrier, 'ups');
      assert.equal(shipment.trackingUrl, `https://www.ups.com/track?tracknum=${upsNumber}`);
      assert.equal(shipment.events.length, 2);
      for (const secret of ['TL-1001', 'Jane', 'jane.doe', 'example.com', '+44', 'SW1A', 'Downing', placedAt]) {
        assert.ok(!String(answer.body).includes(secret), `the parcel answer shows ${secret}`);
      }
    });

    it('finds the stored parcel when the shopper types its number with dashes', async () => {
      const answer = await handler().handle(get('trackingNumber=1Z999AA1-0123456784'));
      assert.equal(answer.status, 200);
      assert.equal(parseShipment((json(answer.body) as { shipment: unknown }).shipment).trackingNumber, upsNumber);
    });

    it('shows a problem the delay check found, but not its note among the carrier’s scans', async () => {
      await store.applyUpdate({
        shipment: {
          ...inTransit(upsNumber, new Date(clock)),
          promised: { earliest: '2026-05-06', latest: '2026-05-07' },
        },
        source: 'easypost',
        receivedAt: new Date(clock).toISOString(),
      });
      clock = Date.parse('2026-05-12T12:00:00Z');
      const result = await checkDelays({ store, now: () => new Date(clock) });
      assert.equal(result.found, 1, 'the parcel is days past the last day it was promised');
      const stored = await store.getShipment(upsNumber);
      assert.equal(stored?.events.length, 3, 'the note is stored');
      for (const query of [janeByEmail, `trackingNumber=${upsNumber}`]) {
        const body = json((await handler().handle(get(query))).body) as { order?: unknown; shipment?: unknown };
        const shipment = body.order ? parseOrder(body.order).shipments[0]! : parseShipment(body.shipment);
        assert.equal(shipment.problem?.reason, 'delayed', query);
        assert.deepEqual(
          shipment.events.map((event) => event.code),
          ['MP', 'AR'],
          query,
        );
      }
    });

    it('never shows the street, the name or the postal code of the destination, in any tier', async () => {
      for (const query of [janeByEmail, `trackingNumber=${upsNumber}`]) {
        const answer = await handler().handle(get(query));
        const text = String(answer.body);
        for (const secret of ['Downing', 'Jane Doe', 'SW1A', '07102', '+447700900123', 'customer', 'phone']) {
          assert.ok(!text.includes(secret), `${query} shows ${secret}`);
        }
        const body = json(text) as { order?: { shipments: Shipment[] }; shipment?: Shipment };
        const shipment = body.shipment ?? body.order!.shipments[0]!;
        assert.deepEqual(shipment.destination, { city: 'London', country: 'GB', timeZone: 'Europe/London' });
        assert.deepEqual(shipment.events[1]!.location, { city: 'London', country: 'GB' });
      }
    });

    it('never shows another customer’s order or parcel with one shopper’s details', async () => {
      const answer = await handler().handle(get('orderNumber=TL-1002&email=jane.doe%40example.com'));
      assert.equal(answer.status, 404);
      assert.ok(!String(answer.body).includes(otherNumber));
      const mine = await handler().handle(get(janeByEmail));
      assert.ok(!String(mine.body).includes(otherNumber));
      assert.ok(!String(mine.body).includes('TL-1002'));
    });

    it('can turn the tracking-number tier off', async () => {
      const answer = await handler({ trackingNumberLookup: false }).handle(get(`trackingNumber=${upsNumber}`));
      assert.equal(answer.status, 400);
      assert.equal((json(answer.body) as { error: { code: string } }).error.code, 'invalid_request');
    });
  });

  describe('no enumeration', () => {
    it('answers "no such order" and "wrong email" or "wrong postal code" identically', async () => {
      const h = handler();
      const answers = await Promise.all(
        [
          'orderNumber=TL-9999&email=jane.doe%40example.com',
          'orderNumber=TL-1001&email=john%40example.com',
          'orderNumber=TL-9999&postalCode=SW1A1AA',
          'orderNumber=TL-1001&postalCode=SW1A1AB',
        ].map((query) => h.handle(get(query))),
      );
      for (const answer of answers) {
        assert.equal(answer.status, 404);
        assert.deepEqual(answer.headers, answers[0]!.headers);
        assert.equal(answer.body, answers[0]!.body);
      }
      assert.deepEqual(json(answers[0]!.body), {
        error: {
          code: 'not_found',
          message:
            'No order matches this order number with this email address or postal code. Check both against the order confirmation email.',
        },
      });
    });

    it('answers an order without an email on file like any other miss', async () => {
      await store.saveOrder({ orderNumber: 'TL-1003', placedAt, customer: { postalCode: '10115' } });
      const h = handler();
      const noEmail = await h.handle(get('orderNumber=TL-1003&email=a%40example.com'));
      const unknown = await h.handle(get('orderNumber=TL-9999&email=a%40example.com'));
      assert.equal(noEmail.status, 404);
      assert.equal(noEmail.body, unknown.body);
      assert.equal((await h.handle(get('orderNumber=TL-1003&postalCode=10115'))).status, 200);
    });

    it('answers an unknown tracking number with 404 not_found', async () => {
      const answer = await handler().handle(get('trackingNumber=1Z999AA10000000000'));
      assert.equal(answer.status, 404);
      assert.equal((json(answer.body) as { error: { code: string } }).error.code, 'not_found');
    });
  });

  describe('bad input', () => {
    it('answers 400 invalid_request saying what to fix', async () => {
      const answer = await handler().handle(get('orderNumber=TL-1001&email=jane'));
      assert.equal(answer.status, 400);
      assert.equal(answer.headers!['cache-control'], 'no-store');
      const { error } = json(answer.body) as { error: { code: string; message: string } };
      assert.equal(error.code, 'invalid_request');
      assert.match(error.message, /^email: enter the address the order was placed with/);
    });

    it('serves only GET, HEAD and OPTIONS', async () => {
      const answer = await handler().handle(get(janeByEmail, { method: 'POST' }));
      assert.equal(answer.status, 405);
      assert.equal(answer.headers!.allow, 'GET, HEAD, OPTIONS');
      const head = await handler().handle(get(janeByEmail, { method: 'HEAD' }));
      assert.equal(head.status, 200);
      assert.equal(head.body, undefined);
      assert.equal(head.headers!['content-type'], 'application/json; charset=utf-8');
    });

    it('answers 503 when the store fails, and tells onError', async () => {
      const errors: unknown[] = [];
      const h = handler({ onError: (error) => errors.push(error) });
      await store.close();
      const answer = await h.handle(get(janeByEmail));
      assert.equal(answer.status, 503);
      assert.equal((json(answer.body) as { error: { code: string } }).error.code, 'unavailable');
      assert.equal(errors.length, 1);
      store = await sqliteStore({ path: ':memory:' });
    });
  });

  describe('rate limits', () => {
    it('limits look-ups per client, with Retry-After, and lets the client back in when the window passes', async () => {
      const h = handler({ rateLimit: { client: { limit: 2, windowMs: minute } } });
      assert.equal((await h.handle(get(janeByEmail))).status, 200);
      assert.equal((await h.handle(get(`trackingNumber=${upsNumber}`))).status, 200);
      const limited = await h.handle(get(janeByEmail));
      assert.equal(limited.status, 429);
      assert.equal(limited.headers!['retry-after'], '30');
      assert.equal(limited.headers!['cache-control'], 'no-store');
      assert.equal((json(limited.body) as { error: { code: string } }).error.code, 'rate_limited');
      assert.equal((await h.handle(get(janeByEmail, { remoteAddress: '192.0.2.11' }))).status, 200, 'another client');
      clock += 30_000;
      assert.equal((await h.handle(get(janeByEmail))).status, 200);
    });

    it('counts clients behind a trusted proxy by their X-Forwarded-For address, and ignores it otherwise', async () => {
      const limit = { client: { limit: 1, windowMs: minute } };
      const behindProxy = handler({ rateLimit: limit, trustProxy: true });
      const viaProxy = (client: string) => get(janeByEmail, { headers: { 'x-forwarded-for': `spoofed, ${client}` } });
      assert.equal((await behindProxy.handle(viaProxy('203.0.113.1'))).status, 200);
      assert.equal((await behindProxy.handle(viaProxy('203.0.113.2'))).status, 200);
      assert.equal((await behindProxy.handle(viaProxy('203.0.113.1'))).status, 429);

      const direct = handler({ rateLimit: limit });
      assert.equal((await direct.handle(viaProxy('203.0.113.1'))).status, 200);
      assert.equal((await direct.handle(viaProxy('203.0.113.2'))).status, 429, 'the header is not believed');
    });

    it('counts a client behind a proxy that writes IP:port as one client, whatever its port', async () => {
      const behindProxy = handler({ rateLimit: { client: { limit: 1, windowMs: minute } }, trustProxy: true });
      const viaProxy = (client: string) => get(janeByEmail, { headers: { 'x-forwarded-for': client } });
      assert.equal((await behindProxy.handle(viaProxy('203.0.113.7:50123'))).status, 200);
      assert.equal((await behindProxy.handle(viaProxy('203.0.113.7:50999'))).status, 429);
      assert.equal((await behindProxy.handle(viaProxy('[2001:db8::1]:443'))).status, 200);
      assert.equal((await behindProxy.handle(viaProxy('[2001:db8::2]:8443'))).status, 429, 'the same /64');
    });

    it('takes a custom client key', async () => {
      const h = handler({
        rateLimit: { client: { limit: 1, windowMs: minute } },
        clientKey: (client) => client.headers['x-session'] ?? client.address,
      });
      assert.equal((await h.handle(get(janeByEmail, { headers: { 'x-session': 'a' } }))).status, 200);
      assert.equal((await h.handle(get(janeByEmail, { headers: { 'x-session': 'b' } }))).status, 200);
      assert.equal((await h.handle(get(janeByEmail, { headers: { 'x-session': 'a' } }))).status, 429);
    });

    it('stops anyone guessing the email of one order, from however many addresses', async () => {
      const h = handler({ rateLimit: { order: { limit: 3, windowMs: 15 * minute } } });
      for (let i = 1; i <= 3; i++) {
        const guess = get(`orderNumber=TL-1001&email=guess${i}%40example.com`, { remoteAddress: `198.51.100.${i}` });
        assert.equal((await h.handle(guess)).status, 404);
      }
      const locked = await h.handle(
        get('orderNumber=tl-1001&email=guess4%40example.com', { remoteAddress: '198.51.100.4' }),
      );
      assert.equal(locked.status, 429);
      assert.equal(locked.headers!['retry-after'], '300');
      assert.equal((await h.handle(get(janeByEmail))).status, 429, 'even the right email waits');
      assert.equal((await h.handle(get('orderNumber=TL-1002&email=sam%40example.com'))).status, 200, 'other orders');
      clock += 5 * minute;
      assert.equal((await h.handle(get(janeByEmail))).status, 200);
    });

    it('limits an unknown order number exactly like a known one, so the limit reveals nothing', async () => {
      const h = handler({ rateLimit: { order: { limit: 2, windowMs: minute } } });
      const statuses = async (orderNumber: string) => {
        const out: number[] = [];
        for (let i = 0; i < 3; i++)
          out.push((await h.handle(get(`orderNumber=${orderNumber}&email=x${i}%40example.com`))).status);
        return out;
      };
      assert.deepEqual(await statuses('TL-1001'), [404, 404, 429]);
      assert.deepEqual(await statuses('TL-9999'), [404, 404, 429]);
    });

    it('does not count look-ups that matched against the order', async () => {
      const h = handler({ rateLimit: { order: { limit: 2, windowMs: minute } } });
      for (let i = 0; i < 5; i++) assert.equal((await h.handle(get(janeByEmail))).status, 200);
    });

    it('keeps memory bounded however many clients come', async () => {
      const h = handler({ rateLimit: { client: { limit: 1, windowMs: minute }, maxKeys: 10 } });
      for (let i = 0; i < 50; i++) await h.handle(get('trackingNumber=X', { remoteAddress: `10.0.0.${i}` }));
      // The first client was forgotten (a full allowance again); the most recent is still limited.
      assert.equal((await h.handle(get('trackingNumber=X', { remoteAddress: '10.0.0.0' }))).status, 404);
      assert.equal((await h.handle(get('trackingNumber=X', { remoteAddress: '10.0.0.49' }))).status, 429);
    });
  });

  describe('cache and CORS headers', () => {
    it('keeps order answers out of every cache, and lets the browser keep a parcel answer a minute', async () => {
      const h = handler();
      assert.equal((await h.handle(get(janeByEmail))).headers!['cache-control'], 'no-store');
      assert.equal(
        (await h.handle(get(`trackingNumber=${upsNumber}`))).headers!['cache-control'],
        'private, max-age=60',
      );
      const configured = handler({ cacheMaxAge: { order: 30, parcel: 0 } });
      assert.equal((await configured.handle(get(janeByEmail))).headers!['cache-control'], 'private, max-age=30');
      assert.equal((await configured.handle(get(`trackingNumber=${upsNumber}`))).headers!['cache-control'], 'no-store');
    });

    it('lets a listed origin read the answer, and no other', async () => {
      const h = handler({ cors: { origins: ['https://shop.example'] } });
      const allowed = await h.handle(get(janeByEmail, { headers: { origin: 'https://shop.example' } }));
      assert.equal(allowed.headers!['access-control-allow-origin'], 'https://shop.example');
      assert.equal(allowed.headers!['access-control-expose-headers'], 'Retry-After');
      assert.equal(allowed.headers!.vary, 'Origin');
      assert.equal(allowed.headers!['access-control-allow-credentials'], undefined);
      const other = await h.handle(get(janeByEmail, { headers: { origin: 'https://evil.example' } }));
      assert.equal(other.headers!['access-control-allow-origin'], undefined);
      assert.equal(other.headers!.vary, 'Origin');
      const notFound = await h.handle(
        get('orderNumber=TL-9&email=a%40b.c', { headers: { origin: 'https://shop.example' } }),
      );
      assert.equal(notFound.headers!['access-control-allow-origin'], 'https://shop.example', 'errors are readable too');
    });

    it('answers a preflight from a listed origin, and only that', async () => {
      const h = handler({ cors: { origins: ['https://shop.example'], credentials: true, maxAge: 120 } });
      const preflight = (origin: string) =>
        h.handle(
          get('', {
            method: 'OPTIONS',
            headers: {
              origin,
              'access-control-request-method': 'GET',
              'access-control-request-headers': 'accept, x-evil',
            },
          }),
        );
      const ok = await preflight('https://shop.example');
      assert.equal(ok.status, 204);
      assert.equal(ok.body, undefined);
      assert.deepEqual(ok.headers, {
        vary: 'Origin, Access-Control-Request-Headers',
        'access-control-allow-origin': 'https://shop.example',
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, HEAD, OPTIONS',
        'access-control-allow-headers': 'Accept',
        'access-control-max-age': '120',
      });
      const refused = await preflight('https://evil.example');
      assert.equal(refused.status, 204);
      assert.deepEqual(refused.headers, { vary: 'Origin, Access-Control-Request-Headers' });
    });

    it('allows any origin with "*" only without credentials', () => {
      assert.throws(
        () => handler({ cors: { origins: ['*'], credentials: true } }),
        /cannot be combined with credentials/,
      );
    });

    it('answers any origin with "*" when so configured', async () => {
      const h = handler({ cors: { origins: ['*'] } });
      const answer = await h.handle(get(janeByEmail, { headers: { origin: 'https://anywhere.example' } }));
      assert.equal(answer.headers!['access-control-allow-origin'], '*');
    });

    it('takes a function that decides the origin', async () => {
      const h = handler({ cors: { origins: (origin) => origin.endsWith('.shop.example') } });
      const answer = await h.handle(get(janeByEmail, { headers: { origin: 'https://eu.shop.example' } }));
      assert.equal(answer.headers!['access-control-allow-origin'], 'https://eu.shop.example');
    });
  });
});

describe('createTrackingHandler with a tracker against the carrier sandbox', () => {
  // Scenario hour 0; the sandbox, the adapters, the store and the handler all read one clock.
  const start = new Date('2026-05-04T13:00:00Z');
  const hour = 3_600_000;
  let clock: number;
  let sandbox: Sandbox;
  let store: Store;
  const now = () => new Date(clock);
  const parcels = {
    ups: parcelFor('ups', 'on-time'),
    fedex: parcelFor('fedex', 'weather-delay'),
    usps: parcelFor('usps', 'failed-attempt'),
    dhl: parcelFor('dhl', 'customs-hold'),
  };

  function tracker() {
    const credentials = { clientId: 'test', clientSecret: 'test', retries: 0, now };
    return createTracker({
      adapters: [
        ups({ ...credentials, baseUrl: sandbox.baseUrl('ups') }),
        fedex({ ...credentials, baseUrl: sandbox.baseUrl('fedex') }),
        usps({ ...credentials, baseUrl: sandbox.baseUrl('usps') }),
        dhl({ apiKey: 'test', baseUrl: sandbox.baseUrl('dhl'), retries: 0, now }),
      ],
      // No tracker cache: every refresh here must reach the sandbox, so the tests can count them.
      ttl: () => 0,
    });
  }
  const trackRequests = () => sandbox.requests.filter((r) => !/oauth|token/i.test(r.path)).length;

  before(async () => {
    clock = start.getTime() + 30 * hour;
    sandbox = createSandbox({ carriers: carrierSandboxes, start, now });
    await sandbox.listen(0, '127.0.0.1');
  });

  after(async () => {
    await sandbox.close();
  });

  beforeEach(async () => {
    clock = start.getTime() + 30 * hour;
    sandbox.clearFaults();
    store = await sqliteStore({ path: ':memory:', now });
    let n = 0;
    for (const parcel of Object.values(parcels)) {
      n += 1;
      await store.saveOrder({
        orderNumber: `TL-20${n}`,
        placedAt: start.toISOString(),
        customer: { email: `shopper${n}@example.com` },
        shipments: [{ carrier: parcel.carrier, trackingNumber: parcel.trackingNumber }],
      });
    }
  });

  afterEach(async () => {
    await store.close();
  });

  it('refreshes a stale shipment through each carrier, stores what it learned and shows it', async () => {
    clock += 10 * 60_000;
    const h = createTrackingHandler({ store, tracker: tracker(), now: () => clock });
    let n = 0;
    for (const [carrier, parcel] of Object.entries(parcels)) {
      n += 1;
      const answer = await h.handle(get(`orderNumber=TL-20${n}&email=shopper${n}%40example.com`));
      assert.equal(answer.status, 200, carrier);
      const order = parseOrder((json(answer.body) as { order: unknown }).order);
      const shipment = order.shipments[0]!;
      assert.equal(shipment.carrier, carrier);
      assert.notEqual(shipment.status, 'pending', `${carrier} was refreshed`);
      assert.ok(shipment.events.length > 0, `${carrier} has its scans`);
      assert.equal(shipment.destination?.postalCode, undefined, `${carrier} hides the postal code`);
      const stored = await store.getShipment(parcel.trackingNumber, parcel.carrier);
      assert.equal(stored?.events.length, shipment.events.length, `${carrier} was stored`);
    }
  });

  it('refreshes a parcel looked up by tracking number alone', async () => {
    clock += 10 * 60_000;
    const h = createTrackingHandler({ store, tracker: tracker(), now: () => clock });
    const answer = await h.handle(get(`trackingNumber=${parcels.ups.trackingNumber}`));
    const shipment = parseShipment((json(answer.body) as { shipment: unknown }).shipment);
    assert.equal(shipment.status, 'in_transit');
    assert.ok(shipment.events.length >= 4);
  });

  it('does not ask the carrier again while the stored shipment is fresh', async () => {
    const h = createTrackingHandler({ store, tracker: tracker(), now: () => clock, maxAge: 5 * 60_000 });
    clock += 10 * 60_000;
    await h.handle(get(`trackingNumber=${parcels.ups.trackingNumber}`));
    const asked = trackRequests();
    clock += 4 * 60_000;
    await h.handle(get(`trackingNumber=${parcels.ups.trackingNumber}`));
    assert.equal(trackRequests(), asked, 'fresh for 5 minutes');
    clock += 2 * 60_000;
    await h.handle(get(`trackingNumber=${parcels.ups.trackingNumber}`));
    assert.equal(trackRequests(), asked + 1, 'asked again once stale');
  });

  it('asks the carrier once stale even while the tracker’s own cache would still answer', async () => {
    // A tracker with its default cache keeps an in-transit parcel 20 minutes; the look-up's maxAge is 5.
    const cached = createTracker({
      adapters: [ups({ clientId: 'test', clientSecret: 'test', retries: 0, now, baseUrl: sandbox.baseUrl('ups') })],
    });
    const h = createTrackingHandler({ store, tracker: cached, now: () => clock, maxAge: 5 * 60_000 });
    clock += 10 * 60_000;
    await h.handle(get(`trackingNumber=${parcels.ups.trackingNumber}`));
    const asked = trackRequests();
    clock += 6 * 60_000;
    await h.handle(get(`trackingNumber=${parcels.ups.trackingNumber}`));
    assert.equal(trackRequests(), asked + 1, 'the carrier itself was asked, not the tracker’s cache');
  });

  it('does not ask about a delivered parcel again', async () => {
    const h = createTrackingHandler({ store, tracker: tracker(), now: () => clock });
    clock = start.getTime() + 60 * hour;
    const first = await h.handle(get(`trackingNumber=${parcels.ups.trackingNumber}`));
    assert.equal(parseShipment((json(first.body) as { shipment: unknown }).shipment).status, 'delivered');
    const asked = trackRequests();
    clock += 24 * hour;
    await h.handle(get(`trackingNumber=${parcels.ups.trackingNumber}`));
    assert.equal(trackRequests(), asked);
  });

  it('shows a parcel the store never tracked, asked of the carrier, without storing it', async () => {
    const stranger = parcelFor('ups', 'weather-delay');
    assert.equal(await store.getShipment(stranger.trackingNumber), undefined);
    clock += 10 * 60_000;
    const h = createTrackingHandler({ store, tracker: tracker(), now: () => clock });
    const answer = await h.handle(get(`trackingNumber=${stranger.trackingNumber}`));
    assert.equal(answer.status, 200);
    const body = json(answer.body) as { shipment: unknown; order?: unknown };
    assert.equal(body.order, undefined, 'the parcel tier only');
    const shipment = parseShipment(body.shipment);
    assert.equal(shipment.trackingNumber, stranger.trackingNumber);
    assert.ok(shipment.events.length > 0);
    assert.equal(shipment.destination?.postalCode, undefined, 'no postal code, as for any parcel');
    assert.equal(await store.getShipment(stranger.trackingNumber), undefined, 'not stored');
    assert.equal(await store.orderOf(stranger.trackingNumber), undefined);
  });

  it('answers a number no carrier knows like any unknown parcel', async () => {
    const h = createTrackingHandler({ store, tracker: tracker(), now: () => clock });
    const unknown = await h.handle(get('trackingNumber=NOSUCHPARCEL123'));
    const untracked = await createTrackingHandler({ store, now: () => clock }).handle(
      get('trackingNumber=NOSUCHPARCEL123'),
    );
    assert.equal(unknown.status, 404);
    assert.deepEqual(json(unknown.body), json(untracked.body));
  });

  it('answers 503 and tells onError when the carrier fails on a parcel the store never tracked', async () => {
    const errors: unknown[] = [];
    const h = createTrackingHandler({ store, tracker: tracker(), now: () => clock, onError: (e) => errors.push(e) });
    sandbox.injectFault({ kind: 'malformed', carrier: 'ups', times: 5 });
    const answer = await h.handle(get(`trackingNumber=${parcelFor('ups', 'weather-delay').trackingNumber}`));
    assert.equal(answer.status, 503);
    assert.equal((json(answer.body) as { error: { code: string } }).error.code, 'unavailable');
    assert.equal(errors.length, 1);
  });

  it('bounds how often strangers’ parcels are asked of the carrier, across all clients', async () => {
    const h = createTrackingHandler({
      store,
      tracker: tracker(),
      now: () => clock,
      rateLimit: { untracked: { limit: 1, windowMs: 60_000 } },
    });
    const asked = trackRequests();
    const first = await h.handle(get(`trackingNumber=${parcelFor('ups', 'weather-delay').trackingNumber}`));
    const second = await h.handle(
      get(`trackingNumber=${parcelFor('fedex', 'on-time').trackingNumber}`, { remoteAddress: '198.51.100.7' }),
    );
    assert.equal(first.status, 200);
    assert.equal(second.status, 429);
    assert.ok(Number(second.headers?.['retry-after']) >= 1);
    assert.equal(trackRequests(), asked + 1, 'the second was not sent to the carrier');
    // The store's own parcels are not held back by it.
    const own = await h.handle(get(`trackingNumber=${parcels.fedex.trackingNumber}`));
    assert.equal(own.status, 200);
  });

  it('spends nothing of the strangers’ allowance on a number no carrier could have issued', async () => {
    const h = createTrackingHandler({
      store,
      tracker: tracker(),
      now: () => clock,
      rateLimit: { untracked: { limit: 1, windowMs: 60_000 } },
    });
    const asked = trackRequests();
    assert.equal((await h.handle(get('trackingNumber=NOSUCHPARCEL123'))).status, 404);
    assert.equal(trackRequests(), asked, 'not sent to the carrier');
    const real = await h.handle(
      get(`trackingNumber=${parcelFor('ups', 'weather-delay').trackingNumber}`, { remoteAddress: '198.51.100.7' }),
    );
    assert.equal(real.status, 200, 'the allowance is still there for a real number');
  });

  it('lets one client use only its share of the strangers’ allowance, and tells the others it is not their doing', async () => {
    const h = createTrackingHandler({
      store,
      tracker: tracker(),
      now: () => clock,
      // A share is a quarter: one look-up a minute per client here.
      rateLimit: { untracked: { limit: 4, windowMs: 60_000 } },
    });
    const from = (scenario: Parameters<typeof parcelFor>[1], remoteAddress: string, carrier: 'ups' | 'fedex' = 'ups') =>
      h.handle(get(`trackingNumber=${parcelFor(carrier, scenario).trackingNumber}`, { remoteAddress }));
    assert.equal((await from('weather-delay', '198.51.100.1')).status, 200);
    const greedy = await from('on-time', '198.51.100.1', 'fedex');
    assert.equal(greedy.status, 429, 'its share is used up');
    assert.match((json(greedy.body) as { error: { message: string } }).error.message, /^Too many look-ups\./);
    for (const address of ['198.51.100.2', '198.51.100.3', '198.51.100.4']) {
      assert.equal((await from('weather-delay', address)).status, 200, `${address} still has its share`);
    }
    const late = await from('on-time', '198.51.100.5', 'fedex');
    assert.equal(late.status, 429, 'the shared allowance is used up');
    assert.match(
      (json(late.body) as { error: { message: string } }).error.message,
      /^Too many parcels not known here are being looked up right now\. Try again in \d+ seconds?\.$/,
    );
  });

  it('answers with the stored shipment, and when it was updated, when the carrier fails', async () => {
    const errors: unknown[] = [];
    const h = createTrackingHandler({ store, tracker: tracker(), now: () => clock, onError: (e) => errors.push(e) });
    clock += 10 * 60_000;
    const first = await h.handle(get(`trackingNumber=${parcels.ups.trackingNumber}`));
    const stored = parseShipment((json(first.body) as { shipment: unknown }).shipment);

    clock += 3 * hour;
    sandbox.injectFault({ kind: 'malformed', carrier: 'ups', times: 5 });
    const answer = await h.handle(get(`orderNumber=TL-201&email=shopper1%40example.com`));
    assert.equal(answer.status, 200);
    const shipment = parseOrder((json(answer.body) as { order: unknown }).order).shipments[0]!;
    assert.deepEqual(shipment, stored, 'the stored shipment, as it was');
    assert.ok(Date.parse(shipment.updatedAt) <= clock - 3 * hour, 'its updatedAt says how old it is');
    assert.equal(errors.length, 1);
  });
});
