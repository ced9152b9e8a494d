import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { aftership, easypost, shippo, type CarrierAdapter } from '@trackline/core';
import { verifyWebhook } from '@trackline/node';
import { signAftership } from './carriers/aftership.js';
import { signEasypost } from './carriers/easypost.js';
import { carrierSandboxes } from './carriers/index.js';
import { signShippo } from './carriers/shippo.js';
import type { SandboxCarrier } from './scenarios/numbers.js';
import { parcelFor } from './scenarios/parcels.js';
import { playParcel } from './scenarios/play.js';
import { createSandbox, type Sandbox } from './server/server.js';

type Provider = 'easypost' | 'shippo' | 'aftership';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A node:http server on 127.0.0.1 that keeps every POST it gets, answering 200. */
async function startReceiver() {
  const deliveries: Delivery[] = [];
  const waiting: Array<{ test: (d: Delivery) => boolean; resolve: (d: Delivery) => void }> = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const delivery = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      deliveries.push(delivery);
      for (const waiter of waiting.splice(0)) {
        if (waiter.test(delivery)) waiter.resolve(delivery);
        else waiting.push(waiter);
      }
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    deliveries,
    /** The first delivery, past or future, that passes `test`. */
    waitFor(test: (d: Delivery) => boolean, ms = 8_000): Promise<Delivery> {
      const seen = deliveries.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching webhook within ${ms} ms`)), ms);
        waiting.push({
          test,
          resolve: (d) => {
            clearTimeout(timer);
            resolve(d);
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const start = new Date('2026-05-04T13:00:00Z');

/** EasyPost/examples@0492e408, official/fixtures/event-body.json, byte for byte. */
const easypostEventBody =
  '{"description":"tracker.updated","mode":"production","previous_attributes":{"status":"in_transit"},"created_at":"2024-08-02T19:26:52.000Z","pending_urls":["https://example.com/easypost"],"completed_urls":[],"updated_at":"2024-08-02T19:26:52.000Z","id":"evt_1","user_id":"user_1","status":"pending","object":"Event","result":{"id":"trk_1","object":"Tracker","mode":"production","tracking_code":"1","status":"in_transit","status_detail":"arrived_at_facility","created_at":"2024-07-31T14:45:27Z","updated_at":"2024-08-02T19:26:51Z","signed_by":null,"weight":614.4,"est_delivery_date":"2024-08-05T00:00:00Z","shipment_id":null,"carrier":"FedEx","tracking_details":[{"object":"TrackingDetail","message":"Shipment information sent to FedEx","description":"Shipment information sent to FedEx","status":"pre_transit","status_detail":"label_created","datetime":"2024-07-31T15:00:00Z","source":"FedEx","carrier_code":"OC","tracking_location":{"object":"TrackingLocation","city":null,"state":null,"country":"US","zip":"32837"}},{"object":"TrackingDetail","message":"Picked up","description":"Picked up","status":"in_transit","status_detail":"arrived_at_facility","datetime":"2024-07-31T19:27:00Z","source":"FedEx","carrier_code":"PU","tracking_location":{"object":"TrackingLocation","city":"ORLANDO","state":"FL","country":"US","zip":"32809"}},{"object":"TrackingDetail","message":"Arrived at FedEx location","description":"Arrived at FedEx location","status":"in_transit","status_detail":"arrived_at_facility","datetime":"2024-07-31T22:35:00Z","source":"FedEx","carrier_code":"AR","tracking_location":{"object":"TrackingLocation","city":"ORLANDO","state":"FL","country":"US","zip":"32809"}},{"object":"TrackingDetail","message":"Departed FedEx location","description":"Departed FedEx location","status":"in_transit","status_detail":"departed_facility","datetime":"2024-08-01T14:42:13Z","source":"FedEx","carrier_code":"DP","tracking_location":{"object":"TrackingLocation","city":"ORLANDO","state":"FL","country":"US","zip":"32809"}},{"object":"TrackingDetail","message":"On the way","description":"On the way","status":"in_transit","status_detail":"unknown","datetime":"2024-08-02T02:46:19Z","source":"FedEx","carrier_code":"IT","tracking_location":{"object":"TrackingLocation","city":"KENLY","state":"NC","country":"US","zip":"27542"}},{"object":"TrackingDetail","message":"On the way","description":"On the way","status":"in_transit","status_detail":"unknown","datetime":"2024-08-02T18:35:20Z","source":"FedEx","carrier_code":"IT","tracking_location":{"object":"TrackingLocation","city":"EDISON TWP","state":"NJ","country":"US","zip":"08817"}},{"object":"TrackingDetail","message":"Arrived at FedEx location","description":"Arrived at FedEx location","status":"in_transit","status_detail":"arrived_at_facility","datetime":"2024-08-02T18:50:00Z","source":"FedEx","carrier_code":"AR","tracking_location":{"object":"TrackingLocation","city":"EDISON","state":"NJ","country":"US","zip":"08817"}}],"carrier_detail":{"object":"CarrierDetail","service":"FEDEX_GROUND","container_type":null,"est_delivery_date_local":"2024-08-05","est_delivery_time_local":null,"origin_location":"ORLANDO FL US","origin_tracking_location":{"object":"TrackingLocation","city":"ORLANDO","state":"FL","country":"US","zip":"32809"},"destination_location":"BROOKLYN HGTS NY US","destination_tracking_location":null,"guaranteed_delivery_date":null,"alternate_identifier":null,"initial_delivery_attempt":null},"finalized":false,"is_return":false,"public_url":"https://track.easypost.com/1"}}';
const hour = 3_600_000;
const secret = 'whsec-sandbox-sécret';

/** Each provider's adapter reads its own webhook body: the webhook carries what the API would answer. */
const readers: Record<Provider, CarrierAdapter> = {
  easypost: easypost({ apiKey: 'unused' }),
  shippo: shippo({ apiKey: 'unused' }),
  aftership: aftership({ apiKey: 'unused' }),
};

/** The tracking number a webhook body is about, in each provider's envelope. */
function numberIn(provider: Provider, body: string): string | undefined {
  const payload = JSON.parse(body) as Record<string, Record<string, unknown> | undefined>;
  const inner = provider === 'easypost' ? payload.result : provider === 'shippo' ? payload.data : payload.msg;
  const number = inner?.[provider === 'easypost' ? 'tracking_code' : 'tracking_number'];
  return typeof number === 'string' ? number : undefined;
}

describe('sandbox webhooks', () => {
  let clock = start.getTime();
  let sandbox: Sandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  before(async () => {
    sandbox = createSandbox({ carriers: carrierSandboxes, start, now: () => new Date(clock) });
    await sandbox.listen(0);
    receiver = await startReceiver();
  });
  after(async () => {
    await sandbox.close();
    await receiver.close();
  });

  const cases: Array<{ provider: Provider; carrier: SandboxCarrier; scenario: string; at: number }> = [
    { provider: 'easypost', carrier: 'fedex', scenario: 'failed-attempt', at: 30.25 },
    { provider: 'shippo', carrier: 'usps', scenario: 'pickup', at: 30.25 },
    { provider: 'aftership', carrier: 'dhl', scenario: 'returned', at: 60.25 },
  ];

  for (const { provider, carrier, scenario, at } of cases) {
    it(`${provider} sends a ${carrier} parcel's current state, signed as ${provider} signs it`, async () => {
      clock = start.getTime() + at * hour;
      const parcel = parcelFor(carrier, scenario);
      const expected = playParcel(parcel, { start, now: new Date(clock) });

      const status = await sandbox.sendWebhook(provider, receiver.url, secret, parcel.trackingNumber);
      assert.equal(status, 200);
      const delivery = await receiver.waitFor((d) => numberIn(provider, d.body) === parcel.trackingNumber);

      assert.equal(delivery.headers['content-type'], 'application/json');
      const input = { headers: delivery.headers, body: delivery.body, now: new Date(clock) };
      assert.deepEqual(verifyWebhook(provider, { ...input, secret }).ok, true);
      assert.equal(verifyWebhook(provider, { ...input, secret: 'another secret' }).ok, false);

      const shipment = readers[provider].parse(JSON.parse(delivery.body));
      assert.equal(shipment.trackingNumber, parcel.trackingNumber);
      assert.equal(shipment.carrier, carrier);
      assert.equal(shipment.status, expected.status);
      assert.equal(shipment.problem?.reason, expected.problem?.reason);
      assert.equal(shipment.events.length, expected.events.length);
    });
  }

  it('wraps each body in the provider’s own envelope', async () => {
    clock = start.getTime() + 24.25 * hour;
    const parcel = parcelFor('ups', 'on-time');
    const bodies = new Map<Provider, Record<string, unknown>>();
    for (const provider of ['easypost', 'shippo', 'aftership'] as const) {
      const before = receiver.deliveries.length;
      await sandbox.sendWebhook(provider, receiver.url, secret, parcel.trackingNumber);
      bodies.set(provider, JSON.parse(receiver.deliveries[before]!.body) as Record<string, unknown>);
    }
    const easypostEvent = bodies.get('easypost')!;
    assert.equal(easypostEvent.object, 'Event');
    assert.equal(easypostEvent.description, 'tracker.updated');
    assert.match(String(easypostEvent.id), /^evt_/);
    assert.equal((easypostEvent.result as { object: string }).object, 'Tracker');
    assert.equal(easypostEvent.created_at, '2026-05-05T13:15:00Z');

    const shippoEvent = bodies.get('shippo')!;
    assert.deepEqual([shippoEvent.event, shippoEvent.test], ['track_updated', true]);

    const aftershipEvent = bodies.get('aftership')!;
    assert.equal(aftershipEvent.event, 'tracking_update');
    assert.equal(aftershipEvent.ts, Math.floor(clock / 1000));
    assert.match(
      String(aftershipEvent.event_id),
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.equal(typeof aftershipEvent.is_tracking_first_tag, 'boolean');
  });

  it('signs with each provider’s published algorithm (known vectors)', () => {
    // EasyPost's own test vector: EasyPost/examples@0492e408 official/fixtures/event-body.json (without its
    // trailing newline) with the secret "sécret", as easypost-python's test_validate_webhook checks it.
    assert.equal(
      signEasypost(easypostEventBody, 'sécret'),
      'hmac-sha256-hex=38f3f53c103713df81616a0a186d77141957323ec21d5fe9363db93840f527db',
    );
    // A decomposed é is the same secret once NFKD-normalised; NFC alone would give another signature.
    assert.equal(signEasypost(easypostEventBody, 'se\u0301cret'), signEasypost(easypostEventBody, 'sécret'));
    // The others: the reference notes' vectors, computed with each provider's documented algorithm.
    assert.equal(
      signShippo(
        '{"event":"track_updated","test":true,"data":{"carrier":"shippo","tracking_number":"SHIPPO_DELIVERED","tracking_status":{"status":"DELIVERED"}}}',
        'shippo_test_secret',
        1700000000,
      ),
      't=1700000000,v1=17f54d09e9434c27211bb99a162462aa945b58c051530f2fdc657f29335b12d6',
    );
    assert.equal(
      signAftership(
        '{"event":"tracking_update","event_id":"00000000-0000-4000-8000-000000000000","is_tracking_first_tag":true,"msg":{"tag":"Delivered","subtag":"Delivered_001"},"ts":1700000000}',
        'aftership_test_secret',
      ),
      'vzGZUucsBHSQCOFSzQCLbBEsmnht7k1vtZTUglKsCgs=',
    );
  });

  it('signs with the real time at any speed, so a receiver on the real clock accepts every webhook', async () => {
    // At 600× (the demo's speed) one real minute is ten scenario hours: the sandbox clock is far ahead.
    let real = start.getTime();
    const fast = createSandbox({ carriers: carrierSandboxes, start, speed: 600, now: () => new Date(real) });
    await fast.listen(0);
    try {
      real += 60_000;
      const parcel = parcelFor('usps', 'on-time');
      for (const provider of ['easypost', 'shippo', 'aftership'] as const) {
        const before = receiver.deliveries.length;
        assert.equal(await fast.sendWebhook(provider, receiver.url, secret, parcel.trackingNumber), 200);
        const delivery = receiver.deliveries[before]!;
        const verified = verifyWebhook(provider, { ...delivery, secret, now: new Date(real) });
        assert.equal(verified.ok, true, `${provider}: ${JSON.stringify(verified)}`);
        // The scenario still plays on the sandbox clock: ten hours in, the parcel has been picked up.
        assert.equal(readers[provider].parse(JSON.parse(delivery.body)).status, 'in_transit', provider);
      }
    } finally {
      await fast.close();
    }
  });

  it('sends a signed webhook to each subscriber when a parcel gets a new scan', async () => {
    clock = start.getTime() + 0.5 * hour;
    const parcel = parcelFor('ups', 'on-time');
    const providers = ['easypost', 'shippo', 'aftership'] as const;
    const receivers = await Promise.all(providers.map(() => startReceiver()));
    try {
      providers.forEach((provider, i) => sandbox.subscribe({ provider, url: receivers[i]!.url, secret }));
      const about = (provider: Provider, status: string) => (d: Delivery) =>
        numberIn(provider, d.body) === parcel.trackingNumber &&
        readers[provider].parse(JSON.parse(d.body)).status === status;

      // Let a tick of the sandbox pass on the label alone, so that the next scan is news.
      await delay(1_500);

      // The carrier picks the parcel up at hour 8: a new scan, so a new webhook.
      clock = start.getTime() + 8.25 * hour;
      const deliveries = await Promise.all(
        providers.map((provider, i) => receivers[i]!.waitFor(about(provider, 'in_transit'))),
      );
      deliveries.forEach((delivery, i) => {
        const verified = verifyWebhook(providers[i]!, { ...delivery, secret, now: new Date(clock) });
        assert.equal(verified.ok, true, `${providers[i]}: ${JSON.stringify(verified)}`);
      });
    } finally {
      await Promise.all(receivers.map((r) => r.close()));
    }
  });
});
