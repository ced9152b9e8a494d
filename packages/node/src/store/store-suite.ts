import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import type { Shipment, Status, TrackingEvent } from '@trackline/core';
import { delayCheckSource } from '../delays/events.js';
import type { NewMessage, ShipmentChange, ShipmentUpdate, Store } from './types.js';

// The conformance suite every Store passes: the same tests, run by sqlite-store.test.ts and
// postgres-store.test.ts against a real database each.

export interface SuiteDatabase {
  /** Opens a store on this database; each call is another connection (another instance, another pool). */
  open(): Promise<Store>;
  /** The versions recorded in the database's migrations table, oldest first. */
  schemaVersions(): Promise<number[]>;
  /** Closes every store `open` made and deletes the database. */
  dispose(): Promise<void>;
}

export interface StoreSuiteOptions {
  /** A new, empty database. Called once per test. */
  database(): Promise<SuiteDatabase>;
  /** When set, the suite is skipped and this says why (and how to run it). */
  skip?: string | undefined;
}

export function event(
  at: string,
  status: Status,
  code: string,
  description = code,
  extra: Partial<TrackingEvent> = {},
): TrackingEvent {
  return { at, timeSource: 'carrier', status, code, description, ...extra };
}

export function shipment(events: TrackingEvent[], extra: Partial<Shipment> = {}): Shipment {
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    status: events.at(-1)?.status ?? 'pending',
    events,
    updatedAt: '2024-04-26T10:00:00Z',
    ...extra,
  };
}

export function update(
  events: TrackingEvent[],
  extra: Partial<ShipmentUpdate> = {},
  fields: Partial<Shipment> = {},
): ShipmentUpdate {
  return { shipment: shipment(events, fields), source: 'easypost', receivedAt: '2024-04-26T10:00:00Z', ...extra };
}

const labelCreated = event('2024-04-22T09:00:00-07:00', 'info_received', 'MP', 'Shipper created a label');
const pickedUp = event('2024-04-22T18:00:00-07:00', 'in_transit', 'OR', 'Picked up', {
  location: { city: 'Clovis', region: 'CA', country: 'US' },
});
const departed = event('2024-04-23T03:10:00-07:00', 'in_transit', 'DP', 'Departed from facility', {
  location: { city: 'Fresno', region: 'CA', country: 'US' },
});
const outForDelivery = event('2024-04-25T08:02:00-04:00', 'out_for_delivery', 'OT', 'Out for delivery');
const delivered = event('2024-04-25T14:31:00-04:00', 'delivered', 'KB', 'Delivered, front door');
const weatherDelay = event('2024-04-24T06:00:00-05:00', 'in_transit', 'WX', 'Weather delay', {
  problem: { reason: 'weather', actionRequired: false },
});

const estimate = (likely: string) => ({
  earliest: likely,
  latest: likely,
  likely,
  confidence: 0.8,
  basis: 'carrier' as const,
});

function message(change: ShipmentChange, channel: 'email' | 'sms' = 'email', notBefore = change.at): NewMessage {
  return {
    key: `${change.orderNumber}:${change.after.trackingNumber}:${change.after.status}:${channel}`,
    channel,
    kind: change.after.status,
    to: channel === 'email' ? (change.customer?.email ?? '') : (change.customer?.phone ?? ''),
    content: { text: `Your parcel is ${change.after.status}` },
    notBefore,
  };
}

async function allChanges(store: Store): Promise<ShipmentChange[]> {
  const changes: ShipmentChange[] = [];
  while ((await store.planMessages((change) => (changes.push(change), []), { limit: 50 })) > 0);
  return changes.sort((a, b) => Number(a.id) - Number(b.id));
}

const order = {
  orderNumber: 'A1001',
  placedAt: '2024-04-21T12:00:00-07:00',
  customer: { email: 'ada@example.com', phone: '+14155550123', postalCode: '94107', locale: 'en' },
  shipments: [{ carrier: 'ups' as const, trackingNumber: '1Z999AA10123456784' }],
};

export function storeSuite(name: string, options: StoreSuiteOptions): void {
  describe(name, { skip: options.skip ?? false }, () => {
    let database: SuiteDatabase;
    let store: Store;

    before(async () => {
      // Fail early, once, with the real reason, rather than in every test.
      const probe = await options.database();
      await probe.dispose();
    });
    afterEach(async () => {
      await database?.dispose();
    });

    async function fresh(): Promise<Store> {
      database = await options.database();
      store = await database.open();
      return store;
    }

    describe('orders', () => {
      it('returns a saved order with its customer and a pending parcel', async () => {
        await fresh();
        await store.saveOrder(order);
        const stored = await store.getOrder('A1001');
        assert.ok(stored);
        assert.equal(stored.orderNumber, 'A1001');
        assert.equal(stored.placedAt, order.placedAt);
        assert.deepEqual(stored.customer, order.customer);
        assert.equal(stored.shipments.length, 1);
        assert.equal(stored.shipments[0]!.trackingNumber, '1Z999AA10123456784');
        assert.equal(stored.shipments[0]!.status, 'pending');
        assert.deepEqual(stored.shipments[0]!.events, []);
        assert.equal(await store.getOrder('A1002'), undefined);
      });

      it('updates the customer and adds parcels when the order is saved again', async () => {
        await fresh();
        await store.saveOrder(order);
        await store.saveOrder({
          ...order,
          customer: { email: 'ada@example.org' },
          shipments: [{ carrier: 'usps', trackingNumber: '9400111899223197428490' }],
        });
        await store.attachShipment('A1001', { carrier: 'fedex', trackingNumber: '794644790138' });
        const stored = await store.getOrder('A1001');
        assert.deepEqual(stored?.customer, { email: 'ada@example.org' });
        assert.deepEqual(
          stored?.shipments.map((s) => s.carrier),
          ['ups', 'usps', 'fedex'],
        );
        assert.equal(await store.orderOf('794644790138'), 'A1001');
        assert.equal(await store.orderOf('794644790138', 'fedex'), 'A1001');
        assert.equal(await store.orderOf('794644790138', 'ups'), undefined);
      });

      it('refuses to attach a parcel to an order it does not have', async () => {
        await fresh();
        await assert.rejects(store.attachShipment('NOPE', { carrier: 'ups', trackingNumber: '1Z1' }), /no order NOPE/);
      });

      it('finds a parcel by its number written with spaces or in lower case', async () => {
        await fresh();
        await store.saveOrder(order);
        assert.equal((await store.getShipment('1z999aa1 0123456784'))?.trackingNumber, '1Z999AA10123456784');
        assert.equal(await store.getShipment('1Z000'), undefined);
      });

      it('keeps one parcel whether its number is written with dashes, dots, spaces or in lower case', async () => {
        await fresh();
        // The shop saved the number as printed on the label; the carrier's webhook writes it plain.
        await store.saveOrder({ ...order, shipments: [{ carrier: 'ups', trackingNumber: '1Z999-AA1-01234567-84' }] });
        const stored = await store.applyUpdate(update([pickedUp], {}, { trackingNumber: '1Z999AA10123456784' }));
        assert.equal(stored.orderNumber, 'A1001', 'the update found the order’s parcel');
        for (const written of ['1z.999.aa1.0123456784', '1Z 999 AA1 0123 4567 84', '1Z999AA10123456784']) {
          assert.equal((await store.getShipment(written))?.status, 'in_transit', written);
          assert.equal(await store.orderOf(written, 'ups'), 'A1001', written);
        }
        const saved = await store.getOrder('A1001');
        assert.equal(saved?.shipments.length, 1);
        assert.equal(saved?.shipments[0]!.trackingNumber, '1Z999-AA1-01234567-84', 'shown as the shop wrote it');
      });
    });

    describe('applyUpdate', () => {
      it('keeps a parcel whose webhook arrives before its order, and links it when the order comes', async () => {
        await fresh();
        const result = await store.applyUpdate(update([labelCreated, pickedUp], { webhookId: 'w1' }));
        assert.equal(result.duplicate, false);
        assert.equal(result.orderNumber, undefined);
        assert.equal(result.before, undefined);
        assert.equal(result.after.status, 'in_transit');
        assert.ok(result.change);
        assert.equal(await store.orderOf('1Z999AA10123456784'), undefined);

        await store.saveOrder(order);
        const stored = await store.getOrder('A1001');
        assert.equal(stored?.shipments.length, 1);
        assert.equal(stored?.shipments[0]!.status, 'in_transit');
        assert.equal(stored?.shipments[0]!.events.length, 2);
        const next = await store.applyUpdate(update([departed]));
        assert.equal(next.orderNumber, 'A1001');
        assert.equal(next.after.events.length, 3);
      });

      it('updates the order’s parcel when an update names its carrier differently', async () => {
        // EasyPost calls a SmartPost parcel FedEx's; the shop, like detectCarrier, knows the number as USPS'.
        const number = '9205590164917312751089';
        await fresh();
        await store.saveOrder({ ...order, shipments: [{ carrier: 'usps', trackingNumber: number }] });
        const result = await store.applyUpdate(
          update([pickedUp, departed], { webhookId: 'smartpost-1' }, { carrier: 'fedex', trackingNumber: number }),
        );
        assert.equal(result.orderNumber, 'A1001');
        assert.equal(result.after.carrier, 'usps', 'stored under the carrier the order gave');
        assert.equal(result.change?.orderNumber, 'A1001', 'the shopper can be told');
        assert.equal((await store.getOrder('A1001'))?.shipments[0]!.status, 'in_transit');
        assert.equal(await store.getShipment(number, 'fedex'), undefined, 'no second parcel');
        const again = await store.applyUpdate(
          update([pickedUp], { webhookId: 'smartpost-1' }, { carrier: 'fedex', trackingNumber: number }),
        );
        assert.equal(again.duplicate, true);
        assert.equal(again.after.events.length, 2);
      });

      it('lets an order adopt a parcel whose updates came first under another carrier’s name', async () => {
        const number = 'RR123456785DE';
        await fresh();
        await store.applyUpdate(update([pickedUp], {}, { carrier: 'other', trackingNumber: number }));
        await store.saveOrder({ ...order, shipments: [{ carrier: 'postal', trackingNumber: number }] });
        const parcel = (await store.getOrder('A1001'))?.shipments[0];
        assert.equal(parcel?.carrier, 'postal');
        assert.equal(parcel?.status, 'in_transit');
        assert.equal(parcel?.events.length, 1);
        assert.equal(await store.getShipment(number, 'other'), undefined);
        const next = await store.applyUpdate(update([departed], {}, { carrier: 'other', trackingNumber: number }));
        assert.equal(next.orderNumber, 'A1001');
        assert.equal(next.after.events.length, 2);
      });

      it('keeps parcels apart when the number is already stored under two carriers', async () => {
        const number = '9205590164917312751089';
        await fresh();
        await store.saveOrder({ ...order, shipments: [{ carrier: 'usps', trackingNumber: number }] });
        await store.attachShipment('A1001', { carrier: 'fedex', trackingNumber: number });
        const result = await store.applyUpdate(update([pickedUp], {}, { carrier: 'dhl', trackingNumber: number }));
        assert.equal(result.after.carrier, 'dhl', 'ambiguous: only the carrier decides');
        assert.equal(result.orderNumber, undefined);
        assert.equal((await store.getShipment(number, 'usps'))?.events.length, 0);
        assert.equal((await store.getShipment(number, 'fedex'))?.events.length, 0);
      });

      it('answers a redelivered webhook as a duplicate and writes nothing', async () => {
        await fresh();
        await store.saveOrder(order);
        const first = await store.applyUpdate(update([pickedUp], { webhookId: 'evt_1' }));
        const again = await store.applyUpdate(
          update([pickedUp, departed], { webhookId: 'evt_1', receivedAt: '2024-04-26T11:00:00Z' }),
        );
        assert.equal(first.duplicate, false);
        assert.equal(again.duplicate, true);
        assert.equal(again.change, undefined);
        assert.equal((await store.getShipment('1Z999AA10123456784'))?.events.length, 1);
        assert.equal((await allChanges(store)).length, 1);
        // The same id from another provider is another delivery.
        const other = await store.applyUpdate(update([departed], { webhookId: 'evt_1', source: 'shippo' }));
        assert.equal(other.duplicate, false);
        assert.equal((await store.getShipment('1Z999AA10123456784'))?.events.length, 2);
      });

      it('stays delivered when an older in-transit update arrives after the delivery', async () => {
        await fresh();
        await store.saveOrder(order);
        const first = await store.applyUpdate(update([outForDelivery, delivered], { webhookId: 'late-2' }));
        assert.equal(first.after.status, 'delivered');
        assert.equal(first.after.deliveredAt, delivered.at);
        const late = await store.applyUpdate(update([pickedUp, departed], { webhookId: 'late-1' }));
        assert.equal(late.after.status, 'delivered');
        assert.equal(late.change, undefined, 'an older update is not news');
        const stored = await store.getShipment('1Z999AA10123456784');
        assert.equal(stored?.status, 'delivered');
        assert.deepEqual(
          stored?.events.map((e) => e.code),
          ['OR', 'DP', 'OT', 'KB'],
        );
      });

      it('merges repeated events once, whichever update brought them', async () => {
        await fresh();
        await store.applyUpdate(update([labelCreated, pickedUp]));
        const again = await store.applyUpdate(update([labelCreated, pickedUp, departed]));
        assert.equal(again.after.events.length, 3);
        // Same scan written with another offset is the same instant: still one event.
        const shifted = { ...departed, at: '2024-04-23T10:10:00Z' };
        const third = await store.applyUpdate(update([shifted]));
        assert.equal(third.after.events.length, 3);
        // A redelivery that adds the place of a scan fills it in, without a second event.
        const bare = event('2024-04-24T01:00:00Z', 'in_transit', 'AR', 'Arrived at facility');
        assert.equal((await store.applyUpdate(update([bare]))).after.events.length, 4);
        const placed = { ...bare, location: { city: 'Reno', region: 'NV', country: 'US' } };
        const enriched = await store.applyUpdate(update([placed]));
        assert.equal(enriched.after.events.length, 4);
        assert.equal(enriched.after.events.find((e) => e.code === 'AR')?.location?.city, 'Reno');
      });

      it('keeps one scan that a poll and a webhook wrote with other spacing or capitals, the richer copy', async () => {
        await fresh();
        await store.saveOrder(order);
        // The webhook: the carrier's text as one aggregator copies it, no place.
        const fromWebhook = event('2024-04-23T03:10:00-07:00', 'in_transit', 'DP', 'Departed from  facility ');
        await store.applyUpdate(update([labelCreated, fromWebhook], { webhookId: 'evt_9', source: 'easypost' }));
        // The poll: the same scan, in capitals, with the place, written with another offset.
        const fromPoll = event('2024-04-23T10:10:00Z', 'in_transit', 'DP', 'DEPARTED FROM FACILITY', {
          timeSource: 'carrier',
          location: { city: 'Fresno', region: 'CA', country: 'US' },
        });
        const polled = await store.applyUpdate(update([labelCreated, fromPoll], { source: 'tracker' }));
        assert.deepEqual(
          polled.after.events.map((e) => e.code),
          ['MP', 'DP'],
        );
        assert.equal(polled.change, undefined, 'the same scan again is not news');
        const kept = polled.after.events[1]!;
        assert.equal(kept.location?.city, 'Fresno', 'the copy with the place is kept');
        assert.equal(kept.description, 'DEPARTED FROM FACILITY');

        // Later copies that say less change nothing: the richer one stays.
        const again = await store.applyUpdate(update([fromWebhook], { webhookId: 'evt_10' }));
        assert.deepEqual(again.after.events, polled.after.events);
        assert.deepEqual((await store.getShipment('1Z999AA10123456784'))?.events, polled.after.events);
        assert.equal((await allChanges(store)).length, 1, 'pending → in_transit, once');
      });

      it('keeps one scan that two aggregators coded differently, with what each copy adds', async () => {
        await fresh();
        // EasyPost and Shippo report the same weather delay: same instant, status and text, their own codes.
        const easypostCopy = event('2024-04-24T06:00:00-05:00', 'in_transit', 'in_transit/weather', 'Weather delay', {
          location: { city: 'Denver', region: 'CO', country: 'US' },
        });
        const shippoCopy = event('2024-04-24T11:00:00Z', 'in_transit', 'TRANSIT', 'weather delay', {
          problem: { reason: 'weather', actionRequired: false },
        });
        await store.applyUpdate(update([pickedUp, easypostCopy], { source: 'easypost', webhookId: 'a' }));
        const second = await store.applyUpdate(update([shippoCopy], { source: 'shippo', webhookId: 'b' }));
        assert.equal(second.after.events.length, 2);
        const merged = second.after.events[1]!;
        assert.equal(merged.code, 'in_transit/weather', 'the copy with the place is kept');
        assert.equal(merged.location?.city, 'Denver');
        assert.equal(merged.problem?.reason, 'weather', "the other copy's problem is not lost");
        assert.equal(second.after.problem?.reason, 'weather');

        // A different scan at the same instant stays a scan of its own.
        const other = event('2024-04-24T11:00:00Z', 'in_transit', 'AR', 'Arrived at facility');
        const third = await store.applyUpdate(update([other]));
        assert.equal(third.after.events.length, 3);
      });

      it('keeps two scans at one instant apart when they happened in different places', async () => {
        await fresh();
        // Same instant, status and text, other codes: alike but for where they happened.
        const reno = event('2024-04-23T10:00:00Z', 'in_transit', 'AR', 'In transit', {
          location: { city: 'Reno', region: 'NV', country: 'US' },
        });
        const fresno = event('2024-04-23T10:00:00Z', 'in_transit', 'DP', 'In transit', {
          location: { city: 'Fresno', region: 'CA', country: 'US' },
        });
        const together = await store.applyUpdate(update([reno, fresno]));
        assert.deepEqual(together.after.events.map((e) => e.location?.city).sort(), ['Fresno', 'Reno']);
        // The same by postal code, one update after the other.
        const here = { ...reno, location: { postalCode: '89501' } };
        const there = { ...fresno, location: { postalCode: '93650' } };
        const other = { trackingNumber: '1Z999AA10123456795' };
        await store.applyUpdate(update([here], {}, other));
        const second = await store.applyUpdate(update([there], {}, other));
        assert.equal(second.after.events.length, 2);
        // A copy that names no place, or the same place more fully, is still the same scan.
        const bare = { ...reno, code: 'in_transit/arrived', location: undefined };
        const zipPlus4 = { ...here, code: 'TRANSIT', location: { postalCode: '89501-1234', city: 'Reno' } };
        const third = await store.applyUpdate(update([bare, zipPlus4], {}, other));
        assert.equal(third.after.events.length, 2);
      });

      it('merges copies of one scan into the same events, whichever order they arrive in', async () => {
        await fresh();
        // A and B share a code, B and C a status; A and C share neither, so they are two scans, and B,
        // a copy of A, must not join them into one.
        const a = event('2024-04-23T11:00:00Z', 'in_transit', 'c1', 'Arrived at facility');
        const b = event('2024-04-23T11:00:00Z', 'out_for_delivery', 'c1', 'Arrived at facility');
        const c = event('2024-04-23T11:00:00Z', 'out_for_delivery', 'c2', 'Arrived at facility');
        // All six arrival orders, each for a parcel of its own.
        const orders: [string, TrackingEvent[]][] = [
          [a, b, c],
          [a, c, b],
          [b, a, c],
          [b, c, a],
          [c, a, b],
          [c, b, a],
        ].map((events, i) => [`1Z999AA1012345678${i}`, events]);
        const results: TrackingEvent[][] = [];
        for (const [trackingNumber, events] of orders) {
          // One update per scan, then all of them in one update of another parcel.
          for (const one of events) await store.applyUpdate(update([one], {}, { trackingNumber }));
          results.push((await store.getShipment(trackingNumber))!.events);
          const together = await store.applyUpdate(update(events, {}, { trackingNumber: `${trackingNumber}X` }));
          results.push(together.after.events);
        }
        assert.equal(results.length, 12);
        for (const events of results) {
          assert.deepEqual(
            events.map((e) => `${e.code} ${e.status}`),
            ['c1 in_transit', 'c2 out_for_delivery'],
          );
        }
        // Stored with what made them, the copies read back give the same answer: a copy delivered again changes nothing.
        const again = await store.applyUpdate(update([c, b, a], {}, { trackingNumber: orders[3]![0] }));
        assert.deepEqual(
          again.after.events.map((e) => `${e.code} ${e.status}`),
          ['c1 in_transit', 'c2 out_for_delivery'],
        );
        assert.equal(again.change, undefined);
      });

      it('appends one change per status, problem or estimate change, and none for repeats', async () => {
        await fresh();
        await store.saveOrder(order);
        const steps = [
          update([pickedUp]),
          update([pickedUp]),
          update([departed]),
          update([weatherDelay]),
          update([weatherDelay], {}, { estimate: estimate('2024-04-26') }),
          update([weatherDelay], {}, { estimate: estimate('2024-04-26') }),
          update([outForDelivery]),
        ];
        const results = [];
        for (const step of steps) results.push(await store.applyUpdate(step));
        assert.deepEqual(
          results.map((r) => Boolean(r.change)),
          [true, false, false, true, true, false, true],
        );
        const changes = await allChanges(store);
        assert.equal(changes.length, 4);
        assert.equal(changes[1]!.after.problem?.reason, 'weather');
        assert.equal(changes[1]!.after.problem?.since, weatherDelay.at);
        assert.equal(changes[2]!.after.estimate?.likely, '2024-04-26');
        assert.equal(changes[3]!.before?.status, 'in_transit');
        assert.equal(changes[3]!.after.status, 'out_for_delivery');
        assert.equal(changes[3]!.after.problem, undefined, 'a later good scan clears the problem');
        assert.equal(changes[3]!.orderNumber, 'A1001');
        assert.deepEqual(changes[3]!.customer, order.customer);
      });

      it('keeps the newest estimate and service; an older update only fills what is missing', async () => {
        await fresh();
        await store.applyUpdate(update([outForDelivery], {}, { estimate: estimate('2024-04-25') }));
        const older = await store.applyUpdate(
          update(
            [pickedUp],
            {},
            { estimate: estimate('2024-04-28'), service: 'UPS Ground', trackingUrl: 'https://ups.example/t' },
          ),
        );
        assert.equal(older.after.estimate?.likely, '2024-04-25');
        assert.equal(older.after.service, 'UPS Ground');
        assert.equal(older.after.status, 'out_for_delivery');
        const newer = await store.applyUpdate(update([delivered], {}, { service: 'UPS Ground Saver' }));
        assert.equal(newer.after.service, 'UPS Ground Saver');
        assert.equal(newer.after.trackingUrl, 'https://ups.example/t', 'a field the newer update leaves out is kept');
        // …except the estimate once the parcel is delivered: it no longer applies, as a polled shipment has none.
        assert.equal(newer.after.estimate, undefined);
      });

      it('keeps an estimate the carrier confirmed later over an older one that arrives after it', async () => {
        await fresh();
        const arrived = event('2024-05-14T10:00:00Z', 'in_transit', 'AR', 'Arrived at facility');
        await store.applyUpdate(
          update([arrived], { receivedAt: '2024-05-14T10:05:00Z' }, { estimate: estimate('2024-05-20') }),
        );
        // 10:03: the carrier says the same date again. Nothing shown changes, but the date is now
        // known true as of 10:03.
        await store.applyUpdate(
          update(
            [],
            { source: 'tracker', receivedAt: '2024-05-14T10:04:00Z' },
            { estimate: estimate('2024-05-20'), updatedAt: '2024-05-14T10:03:00Z' },
          ),
        );
        // A poll from 10:01 with the date it had then arrives last.
        const late = await store.applyUpdate(
          update(
            [],
            { source: 'tracker', receivedAt: '2024-05-14T10:06:00Z' },
            { estimate: estimate('2024-05-18'), updatedAt: '2024-05-14T10:01:00Z' },
          ),
        );
        assert.equal(late.after.estimate?.likely, '2024-05-20');
        assert.equal((await store.getShipment('1Z999AA10123456784'))?.estimate?.likely, '2024-05-20');
      });

      it('never moves a status back on an update without events', async () => {
        await fresh();
        await store.applyUpdate(update([], {}, { status: 'in_transit', updatedAt: '2024-04-24T10:00:00Z' }));
        const back = await store.applyUpdate(
          update([], {}, { status: 'info_received', updatedAt: '2024-04-25T10:00:00Z' }),
        );
        assert.equal(back.after.status, 'in_transit');
        const stale = await store.applyUpdate(
          update([], {}, { status: 'delivered', updatedAt: '2024-04-20T10:00:00Z' }),
        );
        assert.equal(stale.after.status, 'in_transit', 'an older report does not decide the status');
        const forward = await store.applyUpdate(
          update([], {}, { status: 'delivered', updatedAt: '2024-04-26T10:00:00Z' }),
        );
        assert.equal(forward.after.status, 'delivered');
      });
    });

    describe('listActiveShipments', () => {
      const numbers = ['1Z999AA10123456784', '1Z999AA10123456785', '1Z999AA10123456786', '1Z999AA10123456787'];

      it('lists the parcels still on their way with their order, page by page, and none that arrived', async () => {
        await fresh();
        await store.saveOrder({
          ...order,
          shipments: numbers.slice(0, 3).map((trackingNumber) => ({ carrier: 'ups' as const, trackingNumber })),
        });
        // numbers[0] stays a placeholder (pending), numbers[1] is on its way, numbers[2] was delivered,
        // numbers[3] is on its way but no order claims it yet.
        await store.applyUpdate(update([pickedUp], {}, { trackingNumber: numbers[1]! }));
        await store.applyUpdate(update([pickedUp, delivered], {}, { trackingNumber: numbers[2]! }));
        await store.applyUpdate(update([labelCreated], {}, { trackingNumber: numbers[3]! }));

        const all = await store.listActiveShipments();
        assert.deepEqual(
          all.map((listed) => [listed.shipment.trackingNumber, listed.shipment.status, listed.orderNumber]),
          [
            [numbers[0], 'pending', 'A1001'],
            [numbers[1], 'in_transit', 'A1001'],
            [numbers[3], 'info_received', undefined],
          ],
        );
        assert.equal(all[0]!.placedAt, order.placedAt);
        assert.equal(all[2]!.placedAt, undefined);
        assert.equal(all[1]!.shipment.events.length, 1);

        const first = await store.listActiveShipments({ limit: 2 });
        const rest = await store.listActiveShipments({ limit: 2, after: first.at(-1)!.id });
        assert.deepEqual(
          [...first, ...rest].map((listed) => listed.shipment.trackingNumber),
          all.map((listed) => listed.shipment.trackingNumber),
        );
        assert.deepEqual(await store.listActiveShipments({ after: all.at(-1)!.id }), []);
      });

      it('says what to pass when the cursor or the limit is wrong', async () => {
        await fresh();
        await assert.rejects(store.listActiveShipments({ after: 'next' }), /after must be the id of a listed parcel/);
        await assert.rejects(store.listActiveShipments({ limit: 0 }), /limit must be a whole number of 1 or more/);
      });
    });

    describe('delay checks', () => {
      // What `checkDelays` stores: one note of its own, the status it read, the time the carrier was last asked.
      const stalledAt = '2024-04-26T21:00:00Z';
      const stalled = event(stalledAt, 'pending', 'delay-check.stalled', 'No scan for 2 working days', {
        timeSource: 'inferred',
        problem: { reason: 'stalled', actionRequired: false },
      });
      const check = (read: Shipment, fields: Partial<Shipment> = {}): ShipmentUpdate => ({
        shipment: shipment([stalled], { status: read.status, updatedAt: read.updatedAt, ...fields }),
        source: delayCheckSource,
        receivedAt: stalledAt,
      });

      it('takes the status from the carrier alone, and ends the delay on delivery, without scans', async () => {
        await fresh();
        const statusOnly = (status: Status, at: string) =>
          store.applyUpdate(update([], { source: 'tracker', receivedAt: at }, { status, updatedAt: at }));
        const read = (await statusOnly('in_transit', '2024-04-24T10:00:00Z')).after;
        const noted = await store.applyUpdate(check(read));
        assert.deepEqual([noted.after.status, noted.after.problem?.reason], ['in_transit', 'stalled']);
        const delivered = await statusOnly('delivered', '2024-04-27T10:00:00Z');
        assert.deepEqual([delivered.after.status, delivered.after.problem], ['delivered', undefined]);
      });

      it('ends the delay when a scan made before the check, reported after it, delivers the parcel', async () => {
        await fresh();
        const read = (await store.applyUpdate(update([pickedUp, departed]))).after;
        assert.equal((await store.applyUpdate(check(read))).after.problem?.reason, 'stalled');
        const early = event('2024-04-26T14:00:00-04:00', 'delivered', 'KB', 'Delivered, front door');
        const after = await store.applyUpdate(update([early], { receivedAt: '2024-04-26T22:00:00Z' }));
        assert.deepEqual([after.after.status, after.after.problem], ['delivered', undefined]);
        assert.equal(after.after.deliveredAt, early.at);
      });

      it('keeps the carrier’s time on its data: a later scan’s date wins, a repeat of the old one does not', async () => {
        await fresh();
        const read = (
          await store.applyUpdate(
            update(
              [pickedUp, departed],
              { receivedAt: '2024-04-23T11:00:00Z' },
              {
                estimate: estimate('2024-04-25'),
                updatedAt: '2024-04-23T11:00:00Z',
              },
            ),
          )
        ).after;
        const history = { ...estimate('2024-04-30'), basis: 'history' as const };
        const noted = await store.applyUpdate(check(read, { estimate: history }));
        assert.deepEqual(noted.after.estimate, history);
        assert.equal(noted.after.updatedAt, '2024-04-23T11:00:00Z', 'the check asked the carrier nothing');

        const repeat = await store.applyUpdate(
          update(
            [pickedUp, departed],
            { source: 'tracker', receivedAt: '2024-04-26T21:30:00Z' },
            {
              estimate: estimate('2024-04-25'),
            },
          ),
        );
        assert.deepEqual(repeat.after.estimate, history, 'what the check judged, told again');
        // Made on the 26th before the check ran, reported after it.
        const arrived = event('2024-04-26T09:00:00-07:00', 'in_transit', 'AR', 'Arrived at facility');
        const newer = await store.applyUpdate(
          update([arrived], { receivedAt: '2024-04-26T22:00:00Z' }, { estimate: estimate('2024-04-29') }),
        );
        assert.deepEqual(newer.after.estimate, estimate('2024-04-29'));
      });
    });

    describe('outbox', () => {
      it('plans each change once, drops a message whose key exists, and waits for the order', async () => {
        await fresh();
        await store.applyUpdate(update([pickedUp], { webhookId: 'a' }));
        const planned: ShipmentChange[] = [];
        const plan = (change: ShipmentChange) => {
          planned.push(change);
          return [message(change), message(change, 'sms')];
        };
        assert.equal(await store.planMessages(plan), 0, 'no order yet: nobody to tell');
        await store.saveOrder(order);
        assert.equal(await store.planMessages(plan), 1);
        assert.equal(await store.planMessages(plan), 0);
        assert.equal(planned[0]!.orderNumber, 'A1001');
        assert.equal(planned[0]!.customer?.email, 'ada@example.com');
        assert.equal((await store.listMessages()).length, 2);

        // A second change that plans the same keys makes no new message.
        await store.applyUpdate(update([weatherDelay]));
        assert.equal(await store.planMessages(plan), 1);
        const messages = await store.listMessages();
        assert.equal(messages.length, 2);
        assert.deepEqual(
          messages.map((m) => m.channel),
          ['sms', 'email'],
          'newest first',
        );
        assert.equal(messages[1]!.orderNumber, 'A1001');
        assert.equal(messages[1]!.to, 'ada@example.com');
        assert.deepEqual(messages[1]!.content, { text: 'Your parcel is in_transit' });
        assert.equal(messages[1]!.state, 'pending');
        assert.equal(messages[1]!.attempts, 0);
      });

      it('plans nothing and marks nothing when plan throws', async () => {
        await fresh();
        await store.saveOrder(order);
        await store.applyUpdate(update([pickedUp]));
        await assert.rejects(
          store.planMessages(() => {
            throw new Error('template missing');
          }),
          /template missing/,
        );
        assert.equal((await store.listMessages()).length, 0);
        assert.equal(await store.planMessages((change) => [message(change)]), 1);
      });

      it('plans in batches of the limit', async () => {
        await fresh();
        await store.saveOrder(order);
        for (const step of [pickedUp, outForDelivery, delivered]) await store.applyUpdate(update([step]));
        assert.equal(await store.planMessages((change) => [message(change)], { limit: 2 }), 2);
        assert.equal(await store.planMessages((change) => [message(change)], { limit: 2 }), 1);
        assert.equal((await store.listMessages({ orderNumber: 'A1001' })).length, 3);
        assert.equal((await store.listMessages({ orderNumber: 'A9999' })).length, 0);
        assert.equal((await store.listMessages({ limit: 1 })).length, 1);
      });

      it('claims due messages with a lease, reclaims them when it lapses, and retries after markFailed', async () => {
        await fresh();
        await store.saveOrder(order);
        await store.applyUpdate(update([pickedUp]));
        await store.planMessages((change) => [message(change, 'email', '2024-04-26T12:00:00+02:00')]);

        assert.deepEqual(await store.claimMessages({ now: '2024-04-26T09:59:59Z' }), [], 'not due yet');
        const [claimed, ...rest] = await store.claimMessages({ now: '2024-04-26T10:00:00Z', leaseMs: 60_000 });
        assert.equal(rest.length, 0);
        assert.ok(claimed);
        assert.equal(claimed.state, 'sending');
        assert.equal(claimed.attempts, 1);
        assert.equal(Date.parse(claimed.leaseUntil!), Date.parse('2024-04-26T10:01:00Z'));
        assert.deepEqual(await store.claimMessages({ now: '2024-04-26T10:00:30Z' }), [], 'leased to the first sender');

        const [reclaimed] = await store.claimMessages({ now: '2024-04-26T10:01:00Z', leaseMs: 60_000 });
        assert.equal(reclaimed?.id, claimed.id, 'a lapsed lease is claimed again');
        assert.equal(reclaimed?.attempts, 2);
        assert.ok(claimed.claimToken && reclaimed.claimToken);
        assert.notEqual(reclaimed.claimToken, claimed.claimToken, 'each claim has a token of its own');

        // Without a token, a mark applies to whichever claim holds the message.
        assert.equal(await store.markFailed(claimed.id, 'SMTP 451 try later', '2024-04-26T10:10:00Z'), true);
        const [retrying] = await store.listMessages();
        assert.equal(retrying?.state, 'pending');
        assert.equal(retrying?.lastError, 'SMTP 451 try later');
        assert.equal(retrying?.notBefore, '2024-04-26T10:10:00Z');
        assert.deepEqual(await store.claimMessages({ now: '2024-04-26T10:09:00Z' }), []);
        const [third] = await store.claimMessages({ now: '2024-04-26T10:10:00Z' });
        assert.equal(third?.attempts, 3);

        assert.equal(await store.markSent(claimed.id, '2024-04-26T10:10:02Z', third?.claimToken), true);
        const [sent] = await store.listMessages();
        assert.equal(sent?.state, 'sent');
        assert.equal(sent?.sentAt, '2024-04-26T10:10:02Z');
        assert.equal(sent?.claimToken, undefined);
        assert.deepEqual(await store.claimMessages({ now: '2024-04-27T00:00:00Z' }), [], 'sent is never claimed');
      });

      it('gives up on a message marked failed without a retry time', async () => {
        await fresh();
        await store.saveOrder(order);
        await store.applyUpdate(update([pickedUp]));
        await store.planMessages((change) => [message(change)]);
        const [claimed] = await store.claimMessages({ now: '2024-04-26T10:00:00Z' });
        assert.equal(
          await store.markFailed(claimed!.id, 'mailbox does not exist', undefined, claimed!.claimToken),
          true,
        );
        const [failed] = await store.listMessages();
        assert.equal(failed?.state, 'failed');
        assert.equal(failed?.lastError, 'mailbox does not exist');
        assert.deepEqual(await store.claimMessages({ now: '2024-05-26T10:00:00Z' }), []);
      });

      it('puts failed messages back with retryFailed, never one sent, queued or being sent', async () => {
        await fresh();
        await store.saveOrder(order);
        await store.applyUpdate(update([pickedUp]));
        await store.applyUpdate(update([pickedUp, outForDelivery]));
        await store.applyUpdate(update([pickedUp, outForDelivery, delivered]));
        // in_transit (email, sms) fail; out_for_delivery (email) is sent; delivered (email) is being sent.
        await store.planMessages((change) =>
          change.after.status === 'in_transit'
            ? [message(change, 'email', '2024-04-26T10:00:00Z'), message(change, 'sms', '2024-04-26T10:00:00Z')]
            : [
                message(
                  change,
                  'email',
                  change.after.status === 'delivered' ? '2024-04-26T11:00:00Z' : '2024-04-26T10:00:00Z',
                ),
              ],
        );
        const first = await store.claimMessages({ now: '2024-04-26T10:00:00Z', limit: 10 });
        assert.equal(first.length, 3);
        for (const claimed of first) {
          if (claimed.kind === 'out_for_delivery') {
            assert.equal(await store.markSent(claimed.id, '2024-04-26T10:00:01Z', claimed.claimToken), true);
          } else {
            assert.equal(await store.markFailed(claimed.id, 'ECONNREFUSED', undefined, claimed.claimToken), true);
          }
        }
        const [sending] = await store.claimMessages({ now: '2024-04-26T11:00:00Z', leaseMs: 60_000 });
        assert.equal(sending?.kind, 'delivered');
        const stateOf = async () =>
          Object.fromEntries((await store.listMessages()).map((m) => [`${m.kind}:${m.channel}`, m.state]));

        assert.equal(await store.retryFailed({ since: '2024-04-26T10:00:01Z' }), 0, 'failed before `since`');
        assert.equal(await store.retryFailed({ kind: 'delivered' }), 0, 'being sent is not failed');
        assert.equal(await store.retryFailed({ kind: 'out_for_delivery' }), 0, 'sent is not failed');
        assert.equal(await store.retryFailed({ since: '2024-04-26T10:00:00Z', channel: 'sms' }), 1);
        assert.deepEqual(await stateOf(), {
          'in_transit:email': 'failed',
          'in_transit:sms': 'pending',
          'out_for_delivery:email': 'sent',
          'delivered:email': 'sending',
        });
        assert.equal(await store.retryFailed(), 1, 'the email is the only one left failed');
        assert.equal(await store.retryFailed(), 0, 'put back once');

        // Due now (the store's clock), with its tries counted afresh; the claim in progress goes on.
        const requeued = (await store.listMessages()).filter((m) => m.kind === 'in_transit');
        assert.deepEqual(
          requeued.map((m) => [m.state, m.attempts, m.lastError, m.claimToken]),
          [
            ['pending', 0, 'ECONNREFUSED', undefined],
            ['pending', 0, 'ECONNREFUSED', undefined],
          ],
        );
        assert.equal(await store.markSent(sending.id, '2024-04-26T11:00:02Z', sending.claimToken), true);
        const again = await store.claimMessages({ now: new Date().toISOString(), limit: 10 });
        assert.deepEqual(again.map((m) => `${m.kind}:${m.channel}`).sort(), ['in_transit:email', 'in_transit:sms']);
        assert.ok(again.every((m) => m.attempts === 1));
        for (const m of again) assert.equal(await store.markSent(m.id, new Date().toISOString(), m.claimToken), true);
        assert.equal(await store.retryFailed(), 0, 'a message sent after being put back cannot be put back');
        assert.deepEqual(
          (await store.listMessages()).map((m) => m.state),
          ['sent', 'sent', 'sent', 'sent'],
        );
        await assert.rejects(store.retryFailed({ since: 'yesterday' }), /since must be an ISO 8601 date-time/);
      });

      it('changes nothing when a claim that ran out marks a message another claim has sent', async () => {
        await fresh();
        await store.saveOrder(order);
        await store.applyUpdate(update([pickedUp]));
        await store.planMessages((change) => [message(change)]);
        const [stale] = await store.claimMessages({ now: '2024-04-26T10:00:00Z', leaseMs: 60_000 });
        const [current] = await store.claimMessages({ now: '2024-04-26T10:01:00Z', leaseMs: 60_000 });
        assert.ok(stale && current);
        assert.equal(current.id, stale.id);

        // The first sender is still at work when its lease lapses; its late word must not count.
        assert.equal(await store.markSent(stale.id, '2024-04-26T10:01:01Z', stale.claimToken), false);
        let [stored] = await store.listMessages();
        assert.equal(stored?.state, 'sending');
        assert.equal(stored?.sentAt, undefined);

        assert.equal(await store.markSent(current.id, '2024-04-26T10:01:02Z', current.claimToken), true);
        assert.equal(await store.markFailed(stale.id, 'timeout', '2024-04-26T10:05:00Z', stale.claimToken), false);
        assert.equal(await store.markFailed(stale.id, 'timeout', undefined, stale.claimToken), false);
        assert.equal(await store.markFailed(stale.id, 'timeout', '2024-04-26T10:05:00Z'), false, 'nor without a token');
        assert.equal(await store.markSent(current.id, '2024-04-26T10:09:00Z', current.claimToken), false, 'sent once');
        [stored] = await store.listMessages();
        assert.equal(stored?.state, 'sent');
        assert.equal(stored?.sentAt, '2024-04-26T10:01:02Z');
        assert.equal(stored?.lastError, undefined);
        assert.equal(stored?.notBefore, '2024-04-26T10:00:00Z');
        assert.deepEqual(await store.claimMessages({ now: '2024-04-27T00:00:00Z' }), [], 'never sent again');
      });

      it('changes nothing when markSent or markFailed names another claim', async () => {
        await fresh();
        await store.saveOrder(order);
        await store.applyUpdate(update([pickedUp]));
        await store.planMessages((change) => [message(change)]);
        const [claimed] = await store.claimMessages({ now: '2024-04-26T10:00:00Z' });
        assert.ok(claimed?.claimToken);
        assert.equal(await store.markSent(claimed.id, '2024-04-26T10:00:01Z', 'not-this-claim'), false);
        assert.equal(await store.markFailed(claimed.id, 'refused', undefined, 'not-this-claim'), false);
        let [stored] = await store.listMessages();
        assert.equal(stored?.state, 'sending');
        assert.equal(stored?.sentAt, undefined);
        assert.equal(stored?.lastError, undefined);
        assert.equal(stored?.claimToken, claimed.claimToken);

        assert.equal(await store.markFailed(claimed.id, '421 busy', '2024-04-26T10:02:00Z', claimed.claimToken), true);
        [stored] = await store.listMessages();
        assert.equal(stored?.state, 'pending');
        assert.equal(
          await store.markSent(claimed.id, '2024-04-26T10:00:02Z', claimed.claimToken),
          false,
          'not claimed',
        );
        assert.equal((await store.listMessages())[0]?.state, 'pending');
      });

      it('queues a message no change caused once, however often it is enqueued', async () => {
        await fresh();
        await store.saveOrder(order);
        const confirmation: NewMessage = {
          key: 'A1001:order_confirmed:email',
          channel: 'email',
          kind: 'order_confirmed',
          to: 'ada@example.com',
          orderNumber: 'A1001',
          content: { subject: 'Order A1001: confirmed', text: 'Thank you for your order.' },
          notBefore: '2024-04-21T12:00:00-07:00',
        };
        const text: NewMessage = {
          ...confirmation,
          key: 'A1001:order_confirmed:sms',
          channel: 'sms',
          to: '+14155550123',
        };
        assert.equal(await store.enqueueMessages([confirmation]), 1);
        assert.equal(await store.enqueueMessages([confirmation, text, text]), 1, 'only the text is new');
        assert.equal(await store.enqueueMessages([confirmation, text]), 0);
        assert.equal(await store.enqueueMessages([]), 0);
        const messages = await store.listMessages({ orderNumber: 'A1001' });
        assert.deepEqual(
          messages.map((m) => [m.key, m.state, m.attempts, m.to]),
          [
            ['A1001:order_confirmed:sms', 'pending', 0, '+14155550123'],
            ['A1001:order_confirmed:email', 'pending', 0, 'ada@example.com'],
          ],
        );
        assert.deepEqual(messages[1]!.content, confirmation.content);
        assert.equal(messages[1]!.notBefore, confirmation.notBefore);
        assert.deepEqual(await store.claimMessages({ now: '2024-04-21T18:59:59Z' }), [], 'not due yet');
        const claimed = await store.claimMessages({ now: '2024-04-21T19:00:00Z' });
        assert.deepEqual(
          claimed.map((m) => m.key),
          ['A1001:order_confirmed:email', 'A1001:order_confirmed:sms'],
        );
      });

      it('queues none of a batch when one of its messages is invalid', async () => {
        await fresh();
        const good: NewMessage = {
          key: 'A1001:order_confirmed:email',
          channel: 'email',
          kind: 'order_confirmed',
          to: 'ada@example.com',
          content: { text: 'Thank you for your order.' },
          notBefore: '2024-04-21T12:00:00-07:00',
        };
        await assert.rejects(
          store.enqueueMessages([good, { ...good, key: 'A1001:order_confirmed:sms', notBefore: 'tomorrow' }]),
          /notBefore must be an ISO 8601 date-time/,
        );
        assert.deepEqual(await store.listMessages(), []);
        assert.equal(await store.enqueueMessages([good]), 1);
      });

      it('claims only up to the limit, oldest due first', async () => {
        await fresh();
        await store.saveOrder(order);
        await store.applyUpdate(update([pickedUp]));
        await store.planMessages((change) => [
          { ...message(change), key: 'late', notBefore: '2024-04-26T10:05:00Z' },
          { ...message(change), key: 'early', notBefore: '2024-04-26T10:01:00Z' },
          { ...message(change), key: 'middle', notBefore: '2024-04-26T10:03:00Z' },
        ]);
        const first = await store.claimMessages({ now: '2024-04-26T11:00:00Z', limit: 2 });
        assert.deepEqual(first.map((m) => m.key).sort(), ['early', 'middle']);
        const second = await store.claimMessages({ now: '2024-04-26T11:00:00Z', limit: 2 });
        assert.deepEqual(
          second.map((m) => m.key),
          ['late'],
        );
      });
    });

    describe('several connections at once', () => {
      it('loses no event and records each transition once when two connections apply the same webhooks', async () => {
        const one = await fresh();
        const two = await database.open();
        await one.saveOrder(order);
        const scans = [labelCreated, pickedUp, departed, weatherDelay, outForDelivery, delivered];
        // Every webhook is delivered twice, once to each connection, all at once and in no order.
        const deliveries = scans.flatMap((scan, i) => [
          () => one.applyUpdate(update([scan], { webhookId: `w${i}` })),
          () => two.applyUpdate(update([scan], { webhookId: `w${i}` })),
        ]);
        const results = await Promise.all(deliveries.reverse().map((deliver) => deliver()));
        assert.equal(results.filter((r) => r.duplicate).length, scans.length);

        const final = await two.getShipment('1Z999AA10123456784');
        assert.equal(final?.events.length, scans.length);
        assert.equal(final?.status, 'delivered');

        const changes = await allChanges(one);
        assert.equal(changes.length, results.filter((r) => r.change).length);
        // Each change starts where the one before ended: no update was applied to a stale shipment.
        let status: Status = 'pending';
        for (const change of changes) {
          assert.equal(change.before?.status ?? 'pending', status);
          status = change.after.status;
        }
        assert.equal(status, 'delivered');
      });

      it('loses no event when two connections apply different updates to one parcel', async () => {
        const one = await fresh();
        const two = await database.open();
        const scans = Array.from({ length: 20 }, (_, i) =>
          event(`2024-04-23T${String(i).padStart(2, '0')}:00:00Z`, 'in_transit', 'AR', `Arrived at hub ${i}`),
        );
        await Promise.all(scans.map((scan, i) => (i % 2 ? one : two).applyUpdate(update([scan]))));
        const final = await one.getShipment('1Z999AA10123456784');
        assert.equal(final?.events.length, scans.length);
        assert.equal((await allChanges(two)).length, 0, 'no order yet: changes wait');
        await two.saveOrder(order);
        assert.equal((await allChanges(two)).length, 1, 'pending → in_transit, once');
      });

      it('plans each change and claims each message on exactly one connection', async () => {
        const one = await fresh();
        const two = await database.open();
        await one.saveOrder(order);
        for (let i = 0; i < 8; i++) {
          await one.applyUpdate(
            update([event(`2024-04-23T0${i}:00:00Z`, i % 2 ? 'in_transit' : 'out_for_delivery', `S${i}`)]),
          );
        }
        const seen: string[] = [];
        const plan = (change: ShipmentChange) => {
          seen.push(change.id);
          return [{ ...message(change), key: `change-${change.id}`, notBefore: '2024-04-20T00:00:00Z' }];
        };
        const planners = [one, two, one, two].map(async (store) => {
          let total = 0;
          for (let n; (n = await store.planMessages(plan, { limit: 1 })) > 0;) total += n;
          return total;
        });
        const planned = (await Promise.all(planners)).reduce((a, b) => a + b, 0);
        assert.equal(planned, 8);
        assert.equal(new Set(seen).size, seen.length, 'no change planned twice');

        const claims = await Promise.all(
          [one, two, one, two].map((store) => store.claimMessages({ now: '2024-04-26T10:00:00Z', limit: 3 })),
        );
        const ids = claims.flat().map((m) => m.id);
        assert.equal(ids.length, 8);
        assert.equal(new Set(ids).size, 8, 'no message claimed twice');
      });

      it('queues a message once when two connections enqueue it at the same time', async () => {
        const one = await fresh();
        const two = await database.open();
        const messages: NewMessage[] = Array.from({ length: 10 }, (_, i) => ({
          key: `B${i}:order_confirmed:email`,
          channel: 'email',
          kind: 'order_confirmed',
          to: `shopper${i}@example.com`,
          content: { text: 'Thank you for your order.' },
          notBefore: '2024-04-21T12:00:00Z',
        }));
        const added = await Promise.all([
          one.enqueueMessages(messages),
          two.enqueueMessages([...messages].reverse()),
          one.enqueueMessages(messages.slice(3)),
          two.enqueueMessages(messages.slice(0, 5)),
        ]);
        assert.equal(
          added.reduce((a, b) => a + b, 0),
          10,
        );
        assert.equal((await two.listMessages({ limit: 50 })).length, 10);
      });
    });

    describe('migrations', () => {
      it('opens an existing database without migrating it again and keeps its data', async () => {
        await fresh();
        await store.saveOrder(order);
        const versions = await database.schemaVersions();
        assert.ok(versions.length > 0);
        const again = await database.open();
        assert.deepEqual(await database.schemaVersions(), versions);
        assert.equal((await again.getOrder('A1001'))?.orderNumber, 'A1001');
      });

      it('two processes opening a new database at once migrate it once', async () => {
        database = await options.database();
        const [a, b] = await Promise.all([database.open(), database.open()]);
        await a.saveOrder(order);
        assert.equal((await b.getOrder('A1001'))?.orderNumber, 'A1001');
        const versions = await database.schemaVersions();
        assert.deepEqual(
          versions,
          [...new Set(versions)].sort((x, y) => x - y),
        );
      });
    });
  });
}
