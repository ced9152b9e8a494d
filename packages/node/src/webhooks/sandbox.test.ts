// The full loop: the sandbox fires each aggregator's webhooks, signed as that aggregator signs them, into
// the handler on loopback, which stores them in SQLite. What is stored must be what polling the same
// aggregator gives, and what the scenario says happened.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aftership, easypost, shippo, type CarrierAdapter, type Shipment } from '@trackline/core';
import { createWebhookHandler, sqliteStore, type ApplyResult, type Store } from '@trackline/node';
import {
  carrierSandboxes,
  createSandbox,
  parcelFor,
  playParcel,
  type Sandbox,
  type SandboxCarrier,
} from '@trackline/sandbox';
import { listen } from './testing.js';

type Aggregator = 'easypost' | 'shippo' | 'aftership';

const start = new Date('2026-05-04T13:00:00Z');
const hour = 3_600_000;
const secrets: Record<Aggregator, string> = {
  easypost: 'whsec-easypost-sécret',
  shippo: 'shippo-sandbox-secret',
  aftership: 'aftership-sandbox-secret',
};

const cases: Array<{ provider: Aggregator; carrier: SandboxCarrier; scenario: string; hours: number[] }> = [
  { provider: 'easypost', carrier: 'fedex', scenario: 'failed-attempt', hours: [1, 5, 24, 31, 48, 53] },
  { provider: 'shippo', carrier: 'usps', scenario: 'on-time', hours: [1, 9, 21, 44, 48, 54] },
  { provider: 'aftership', carrier: 'dhl', scenario: 'returned', hours: [1, 7, 29, 34, 61, 91] },
];

/** Without `updatedAt`, which is when each side read it. */
function comparable(shipment: Shipment | undefined) {
  if (!shipment) return undefined;
  const { updatedAt: _updatedAt, ...rest } = shipment;
  return rest;
}

describe('the sandbox’s signed webhooks, through the handler, into SQLite', () => {
  let clock = start.getTime();
  let sandbox: Sandbox;
  let store: Store;
  let server: Awaited<ReturnType<typeof listen>>;
  const results: ApplyResult[] = [];

  before(async () => {
    sandbox = createSandbox({ carriers: carrierSandboxes, start, now: () => new Date(clock) });
    await sandbox.listen(0, '127.0.0.1');
    store = await sqliteStore({ path: ':memory:' });
    const handler = createWebhookHandler({
      providers: {
        easypost: { secret: secrets.easypost },
        shippo: { secret: secrets.shippo },
        aftership: { secret: secrets.aftership },
      },
      store,
      // The receiver's own clock: the sandbox signs with the real time, which is `clock` here.
      now: () => new Date(clock),
      // The hook the notifier plugs into: every stored change passes here once.
      onUpdate: (result) => void results.push(result),
    });
    server = await listen(handler);
  });
  after(async () => {
    await server.close();
    await sandbox.close();
    await store.close();
  });

  for (const { provider, carrier, scenario, hours } of cases) {
    it(`${provider}: keeps a ${carrier} parcel (${scenario}) as its webhooks and polling tell it`, async () => {
      const parcel = parcelFor(carrier, scenario);
      const adapters: Record<Aggregator, CarrierAdapter> = {
        easypost: easypost({ apiKey: 'EZTK-sandbox', baseUrl: sandbox.baseUrl('easypost'), now: () => sandbox.now() }),
        shippo: shippo({ apiKey: 'shippo_test_sandbox', baseUrl: sandbox.baseUrl('shippo'), now: () => sandbox.now() }),
        aftership: aftership({ apiKey: 'sandbox', baseUrl: sandbox.baseUrl('aftership'), now: () => sandbox.now() }),
      };
      const url = `${server.url}/webhooks/${provider}`;
      for (const at of hours) {
        clock = start.getTime() + at * hour;
        const expected = playParcel(parcel, { start, now: new Date(clock) });
        const status = await sandbox.sendWebhook(provider, url, secrets[provider], parcel.trackingNumber);
        assert.equal(status, 200, `hour ${at}`);
        const stored = await store.getShipment(parcel.trackingNumber, carrier);
        assert.equal(stored?.status, expected.status, `hour ${at}`);
        assert.equal(stored?.problem?.reason, expected.problem?.reason, `hour ${at}`);
        assert.equal(stored?.events.length, expected.events.length, `hour ${at}`);
      }
      // Webhooks and polling give the same shipment.
      const polled = await adapters[provider].track(parcel.trackingNumber, { carrier });
      assert.deepEqual(comparable(await store.getShipment(parcel.trackingNumber, carrier)), comparable(polled));

      // The same state delivered again changes nothing and reaches onUpdate with no change.
      const before = await store.getShipment(parcel.trackingNumber, carrier);
      const seen = results.length;
      assert.equal(await sandbox.sendWebhook(provider, url, secrets[provider], parcel.trackingNumber), 200);
      assert.deepEqual(await store.getShipment(parcel.trackingNumber, carrier), before);
      assert.equal(results.slice(seen).filter((result) => result.change).length, 0);
    });
  }

  it('refuses the sandbox’s webhook signed with another secret, and stores nothing from it', async () => {
    clock = start.getTime() + 30 * hour;
    const parcel = parcelFor('ups', 'weather-delay');
    for (const provider of ['easypost', 'shippo', 'aftership'] as const) {
      const status = await sandbox.sendWebhook(
        provider,
        `${server.url}/webhooks/${provider}`,
        'wrong',
        parcel.trackingNumber,
      );
      assert.equal(status, 401, provider);
    }
    assert.equal(await store.getShipment(parcel.trackingNumber, 'ups'), undefined);
  });
});
