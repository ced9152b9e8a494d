import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { detectDelay, type HistoryRecord, type Shipment, type TrackingEvent } from '@trackline/core';
import { fitTransitModel } from '@trackline/core/fit';
import {
  checkDelays,
  createNotifier,
  isDelayCheckEvent,
  sqliteStore,
  type EmailMessage,
  type Store,
} from '@trackline/node';

// A lane learned from eight weeks of Monday orders from California to New York: picked up on Monday,
// scanned on Tuesday and Wednesday, delivered on Thursday. A parcel on it that stays quiet for two
// working days is unusual (stalled); one quiet for a week is likely lost.

const CA = { country: 'US', region: 'CA' };
const NY = { country: 'US', region: 'NY' };

function day(monday: string, plus: number): string {
  return new Date(Date.parse(`${monday}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
}

const history: HistoryRecord[] = Array.from({ length: 8 * 5 }, (_, i) => {
  const monday = day('2024-03-11', 7 * Math.floor(i / 5));
  return {
    carrier: 'ups',
    service: 'ground',
    origin: CA,
    destination: NY,
    placedAt: `${monday}T10:00:00-07:00`,
    shippedAt: `${monday}T16:00:00-07:00`,
    scans: [`${day(monday, 1)}T12:00:00-07:00`, `${day(monday, 2)}T12:00:00-07:00`],
    deliveredAt: `${day(monday, 3)}T15:00:00-07:00`,
  };
});
const model = fitTransitModel(history, { now: '2024-05-13T08:00:00-04:00', halfLifeDays: 10_000 });

const TRACKING = '1Z999AA10123456784';
const thursday = new Date('2024-05-16T21:00:00Z'); // 17:00 in New York: two working days without a scan
const nextThursday = new Date('2024-05-23T21:00:00Z'); // a week without a scan

function scan(at: string, status: TrackingEvent['status'] = 'in_transit', extra: Partial<TrackingEvent> = {}) {
  return { at, timeSource: 'carrier', status, code: status, description: `Scan: ${status}`, ...extra } as TrackingEvent;
}
const pickedUp = scan('2024-05-13T16:00:00-07:00');
const tuesday = scan('2024-05-14T12:00:00-07:00', 'in_transit', { location: { city: 'Denver', region: 'CO' } });

function parcel(events: TrackingEvent[], extra: Partial<Shipment> = {}): Shipment {
  return {
    carrier: 'ups',
    trackingNumber: TRACKING,
    service: 'ground',
    status: events.at(-1)?.status ?? 'pending',
    events,
    origin: CA,
    destination: { ...NY, city: 'New York', timeZone: 'America/New_York' },
    updatedAt: events.at(-1)?.at ?? '2024-05-13T00:00:00Z',
    ...extra,
  };
}

const folders: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A store on a fresh SQLite file, with order A1001 placed on Monday 13 May and its parcel picked up. */
async function shop(events: TrackingEvent[] = [pickedUp, tuesday], extra: Partial<Shipment> = {}) {
  const folder = await mkdtemp(join(tmpdir(), 'trackline-delays-'));
  folders.push(folder);
  const path = join(folder, 'trackline.db');
  const open = async () => {
    const store = await sqliteStore({ path });
    stores.push(store);
    return store;
  };
  const store = await open();
  await store.saveOrder({
    orderNumber: 'A1001',
    placedAt: '2024-05-13T10:00:00-07:00',
    customer: { email: 'ana@example.com', name: 'Ana', locale: 'en' },
    shipments: [{ carrier: 'ups', trackingNumber: TRACKING }],
  });
  await store.applyUpdate({ shipment: parcel(events, extra), source: 'tracker', receivedAt: events.at(-1)!.at });
  return { store, open };
}

/** A store on a fresh SQLite file with no order in it (the order's own stamps use the real clock). */
async function emptyStore() {
  const folder = await mkdtemp(join(tmpdir(), 'trackline-delays-'));
  folders.push(folder);
  const store = await sqliteStore({ path: join(folder, 'trackline.db') });
  stores.push(store);
  return store;
}

/** The notifier at `now`, sending email into `sent`. */
function notifierAt(store: Store, now: Date, sent: EmailMessage[]) {
  return createNotifier({
    store,
    send: { email: async (message) => void sent.push(message) },
    brand: { name: 'Fernhill Supply' },
    now: () => now,
    onError: (error) => assert.fail(error as Error),
  });
}

describe('checkDelays', () => {
  it('sends the shopper one delay message when a parcel goes quiet, with the new estimate', async () => {
    const { store } = await shop();
    // What the shopper was told when the parcel was picked up, before it went quiet.
    await notifierAt(store, new Date('2024-05-14T20:00:00Z'), []).run();

    const result = await checkDelays({ store, model, now: () => thursday });
    assert.deepEqual(result, { checked: 1, found: 1, cleared: 0 });
    const stored = (await store.getShipment(TRACKING))!;
    assert.equal(stored.problem?.reason, 'stalled');
    assert.equal(stored.status, 'in_transit');
    const expected = detectDelay(parcel([pickedUp, tuesday]), { model, now: thursday })!;
    assert.ok(expected.estimate, 'the model gives a new estimate for this lane');
    assert.deepEqual(stored.estimate, expected.estimate);

    const sent: EmailMessage[] = [];
    await notifierAt(store, thursday, sent).run();
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.subject, 'Order A1001: No recent updates');
    assert.match(sent[0]!.text, /Based on recent deliveries, it should arrive/);
    // "Last scanned" and "latest update" name the carrier's Tuesday scan, not the check.
    assert.match(sent[0]!.text, /Latest update from the carrier: Scan: in_transit \(Denver, CO\)/);

    // The next checks find the same silence: nothing more is recorded or sent.
    const friday = new Date('2024-05-17T21:00:00Z');
    assert.deepEqual(await checkDelays({ store, model, now: () => friday }), { checked: 1, found: 0, cleared: 0 });
    await notifierAt(store, friday, sent).run();
    assert.equal(sent.length, 1);
    assert.equal((await store.listMessages()).filter((m) => m.kind === 'delay').length, 1);
  });

  it('calls the parcel lost after a week of silence, and says nothing once it moves on', async () => {
    const { store } = await shop();
    await checkDelays({ store, model, now: () => thursday });
    const lost = await checkDelays({ store, model, now: () => nextThursday });
    assert.equal(lost.found, 1);
    assert.equal((await store.getShipment(TRACKING))?.problem?.reason, 'lost');

    // The carrier scans it again: the scan clears the problem, and the check finds nothing to add.
    const moving = scan('2024-05-24T09:00:00-04:00');
    const after = await store.applyUpdate({
      shipment: parcel([moving]),
      source: 'easypost',
      receivedAt: moving.at,
    });
    assert.equal(after.after.problem, undefined);
    const friday = new Date('2024-05-24T15:00:00Z');
    assert.deepEqual(await checkDelays({ store, model, now: () => friday }), { checked: 1, found: 0, cleared: 0 });

    // Delivered: never looked at again, however long ago the promise was.
    const delivered = scan('2024-05-24T14:00:00-04:00', 'delivered');
    await store.applyUpdate({ shipment: parcel([delivered]), source: 'easypost', receivedAt: delivered.at });
    const later = new Date('2024-06-30T15:00:00Z');
    assert.deepEqual(await checkDelays({ store, model, now: () => later }), { checked: 0, found: 0, cleared: 0 });
  });

  it('loses no scan when a webhook is stored while it checks, and clears what the scan disproves', async () => {
    const { store, open } = await shop();
    const other = await open(); // the webhook handler's own connection, as in another process
    // A scan the carrier made at noon on Thursday but reported late: it lands between the check's read
    // and its write.
    const late = scan('2024-05-16T12:00:00-04:00', 'in_transit', { code: 'AR', description: 'Arrived at facility' });
    let delivered = false;
    const racing: Store = Object.create(store) as Store;
    racing.applyUpdate = async (update) => {
      if (!delivered) {
        delivered = true;
        await other.applyUpdate({ shipment: parcel([late]), source: 'easypost', receivedAt: thursday.toISOString() });
      }
      return store.applyUpdate(update);
    };

    await checkDelays({ store: racing, model, now: () => thursday });
    const stored = (await store.getShipment(TRACKING))!;
    assert.deepEqual(
      stored.events.filter((event) => !isDelayCheckEvent(event)).map((event) => event.code),
      ['in_transit', 'in_transit', 'AR'],
      'the webhook’s scan is kept',
    );

    // The next check sees the scan: the parcel is not stalled after all.
    const soon = new Date(thursday.getTime() + 5 * 60_000);
    assert.deepEqual(await checkDelays({ store, model, now: () => soon }), { checked: 1, found: 0, cleared: 1 });
    assert.equal((await store.getShipment(TRACKING))?.problem, undefined);
  });

  it('gives back a problem the carrier reported in a scan that came after the check', async () => {
    const { store } = await shop();
    await checkDelays({ store, model, now: () => thursday });
    // Made at noon, reported after the check at five: it sorts before the check's note.
    const duties = scan('2024-05-16T12:00:00-04:00', 'in_transit', {
      code: 'DUTY',
      problem: { reason: 'payment_due', actionRequired: true },
    });
    await store.applyUpdate({ shipment: parcel([duties]), source: 'easypost', receivedAt: thursday.toISOString() });
    assert.equal((await store.getShipment(TRACKING))?.problem?.reason, 'stalled', 'hidden behind the note');

    const soon = new Date(thursday.getTime() + 5 * 60_000);
    assert.deepEqual(await checkDelays({ store, model, now: () => soon }), { checked: 1, found: 0, cleared: 1 });
    const problem = (await store.getShipment(TRACKING))?.problem;
    assert.deepEqual(problem && [problem.reason, problem.actionRequired], ['payment_due', true]);
  });

  it('records a problem once when two processes check at the same time', async () => {
    const { store, open } = await shop();
    const other = await open();
    const results = await Promise.all([
      checkDelays({ store, model, now: () => thursday }),
      checkDelays({ store: other, model, now: () => thursday }),
    ]);
    assert.equal(results[0].found + results[1].found, 1);
    const stored = (await store.getShipment(TRACKING))!;
    assert.equal(stored.events.filter(isDelayCheckEvent).length, 1);
  });

  it('judges only the dates without a model: late once the promised days have passed', async () => {
    const { store } = await shop([pickedUp, tuesday], { promised: { earliest: '2024-05-15', latest: '2024-05-16' } });
    assert.equal((await checkDelays({ store, now: () => thursday })).found, 0, 'the last promised day itself');
    const friday = new Date('2024-05-17T21:00:00Z');
    assert.equal((await checkDelays({ store, now: () => friday })).found, 1);
    assert.equal((await store.getShipment(TRACKING))?.problem?.reason, 'delayed');
    const sent: EmailMessage[] = [];
    await notifierAt(store, friday, sent).run();
    assert.equal(sent.length, 1);
    assert.match(sent[0]!.subject, /^Order A1001: /);
  });

  it('keeps the carrier’s own date for a parcel that is late but still scanned', async () => {
    const carrierDate = {
      earliest: '2024-05-20',
      latest: '2024-05-20',
      likely: '2024-05-20',
      confidence: 0.9,
      basis: 'carrier',
    } as const;
    const recent = scan('2024-05-16T12:00:00-07:00');
    const { store } = await shop([pickedUp, tuesday, recent], {
      promised: { earliest: '2024-05-14', latest: '2024-05-15' },
      estimate: carrierDate,
    });
    assert.equal((await checkDelays({ store, model, now: () => thursday })).found, 1);
    const stored = (await store.getShipment(TRACKING))!;
    assert.equal(stored.problem?.reason, 'delayed');
    assert.deepEqual(stored.estimate, carrierDate);
  });

  it('leaves a problem the shopper must act on alone', async () => {
    const duties = scan('2024-05-14T12:00:00-07:00', 'in_transit', {
      code: 'DUTY',
      problem: { reason: 'payment_due', actionRequired: true },
    });
    const { store } = await shop([pickedUp, duties], { promised: { earliest: '2024-05-14', latest: '2024-05-15' } });
    assert.deepEqual(await checkDelays({ store, model, now: () => nextThursday }), {
      checked: 1,
      found: 0,
      cleared: 0,
    });
    assert.equal((await store.getShipment(TRACKING))?.problem?.reason, 'payment_due');
  });

  it('stops calling a parcel late once a scan made before the check says it was delivered', async () => {
    const { store } = await shop([pickedUp, tuesday], { promised: { earliest: '2024-05-15', latest: '2024-05-16' } });
    const friday = new Date('2024-05-17T21:00:00Z');
    assert.equal((await checkDelays({ store, now: () => friday })).found, 1);
    // Delivered at three in New York, two hours before the check, but reported after it.
    const delivered = scan('2024-05-17T15:00:00-04:00', 'delivered');
    const after = await store.applyUpdate({
      shipment: parcel([delivered]),
      source: 'easypost',
      receivedAt: '2024-05-17T23:00:00Z',
    });
    assert.equal(after.after.status, 'delivered');
    assert.equal(after.after.problem, undefined, 'a delivered parcel is no longer late');
    assert.deepEqual(await store.listActiveShipments(), []);
  });

  it('follows the carrier’s status for a parcel reported without scans', async () => {
    const store = await emptyStore();
    const promised = { earliest: '2024-05-15', latest: '2024-05-16' };
    // A tracker that only reports a status, never a scan.
    const statusOnly = (status: Shipment['status'], updatedAt: string) =>
      store.applyUpdate({
        shipment: parcel([], { status, promised, updatedAt }),
        source: 'tracker',
        receivedAt: updatedAt,
      });
    await statusOnly('in_transit', '2024-05-14T12:00:00Z');

    const friday = new Date('2024-05-17T21:00:00Z');
    assert.equal((await checkDelays({ store, now: () => friday })).found, 1);
    const late = (await store.getShipment(TRACKING))!;
    assert.deepEqual([late.status, late.problem?.reason], ['in_transit', 'delayed']);

    const delivered = await statusOnly('delivered', '2024-05-18T12:00:00Z');
    assert.deepEqual([delivered.after.status, delivered.after.problem], ['delivered', undefined]);
    const later = new Date('2024-05-20T21:00:00Z');
    assert.deepEqual(await checkDelays({ store, now: () => later }), { checked: 0, found: 0, cleared: 0 });
  });

  it('shows the carrier’s new date after the check’s estimate, but not an old one repeated', async () => {
    const carrierDate = (likely: string) =>
      ({ earliest: likely, latest: likely, likely, confidence: 0.9, basis: 'carrier' }) as const;
    const { store } = await shop([pickedUp, tuesday], { estimate: carrierDate('2024-05-16') });
    await checkDelays({ store, model, now: () => thursday });
    const checked = (await store.getShipment(TRACKING))!;
    assert.equal(checked.estimate?.basis, 'history', 'the check’s estimate replaces the date of the silent carrier');

    // A poll that brings the scans the check judged and the carrier's date of then changes nothing.
    await store.applyUpdate({
      shipment: parcel([pickedUp, tuesday], { estimate: carrierDate('2024-05-16') }),
      source: 'tracker',
      receivedAt: new Date(thursday.getTime() + 60_000).toISOString(),
    });
    assert.deepEqual((await store.getShipment(TRACKING))?.estimate, checked.estimate);

    // A scan made at noon on Thursday, before the check, reported after it with the carrier's new date.
    const moving = scan('2024-05-16T12:00:00-04:00', 'in_transit', { code: 'AR', description: 'Arrived at facility' });
    await store.applyUpdate({
      shipment: parcel([moving], { estimate: carrierDate('2024-05-20') }),
      source: 'easypost',
      receivedAt: new Date(thursday.getTime() + 120_000).toISOString(),
    });
    assert.deepEqual((await store.getShipment(TRACKING))?.estimate, carrierDate('2024-05-20'));
  });

  it('keeps the carrier’s date that arrives while it checks', async () => {
    const store = await emptyStore();
    await store.applyUpdate({ shipment: parcel([pickedUp, tuesday]), source: 'tracker', receivedAt: tuesday.at });
    const carrierDate = {
      earliest: '2024-05-20',
      latest: '2024-05-20',
      likely: '2024-05-20',
      confidence: 0.9,
    } as const;
    // A scan and a new date from the carrier, stored between the check's read and its write.
    const moving = scan('2024-05-16T12:00:00-04:00', 'in_transit', { code: 'AR', description: 'Arrived at facility' });
    const racing: Store = Object.create(store) as Store;
    racing.applyUpdate = async (update) => {
      const webhook = parcel([moving], { estimate: { ...carrierDate, basis: 'carrier' } });
      await store.applyUpdate({ shipment: webhook, source: 'easypost', receivedAt: thursday.toISOString() });
      return store.applyUpdate(update);
    };
    await checkDelays({ store: racing, model, now: () => thursday });
    assert.deepEqual((await store.getShipment(TRACKING))?.estimate, { ...carrierDate, basis: 'carrier' });
  });

  it('tells again that a parcel is late after a scan that does not deliver it', async () => {
    const { store } = await shop([pickedUp, tuesday], { promised: { earliest: '2024-05-15', latest: '2024-05-16' } });
    const friday = new Date('2024-05-17T21:00:00Z');
    assert.equal((await checkDelays({ store, now: () => friday })).found, 1);
    const saturday = scan('2024-05-18T09:00:00-04:00', 'in_transit', { code: 'AR', description: 'Arrived' });
    await store.applyUpdate({ shipment: parcel([saturday]), source: 'easypost', receivedAt: saturday.at });
    assert.equal((await store.getShipment(TRACKING))?.problem, undefined, 'the scan closes the note');

    const sunday = new Date('2024-05-19T21:00:00Z');
    assert.deepEqual(await checkDelays({ store, now: () => sunday }), { checked: 1, found: 1, cleared: 0 });
    assert.equal((await store.getShipment(TRACKING))?.problem?.reason, 'delayed');
  });

  it('records a date that moved later once, though two processes check a minute apart', async () => {
    const { store, open } = await shop([pickedUp, tuesday], {
      promised: { earliest: '2024-05-17', latest: '2024-05-20' },
      estimate: {
        earliest: '2024-05-22',
        latest: '2024-05-22',
        likely: '2024-05-22',
        confidence: 0.9,
        basis: 'carrier',
      },
    });
    const other = await open();
    const results = await Promise.all([
      checkDelays({ store, now: () => thursday }),
      checkDelays({ store: other, now: () => new Date(thursday.getTime() + 60_000) }),
    ]);
    assert.equal(results[0].found + results[1].found, 1);
    const stored = (await store.getShipment(TRACKING))!;
    assert.deepEqual(
      stored.events.filter(isDelayCheckEvent).map((event) => event.code),
      ['delay-check.later'],
    );
  });

  it('leaves the time the carrier was last asked as it was, so a look-up still refreshes the parcel', async () => {
    const store = await emptyStore();
    await store.applyUpdate({ shipment: parcel([pickedUp, tuesday]), source: 'tracker', receivedAt: tuesday.at });
    const asked = (await store.getShipment(TRACKING))!.updatedAt;
    await checkDelays({ store, model, now: () => thursday });
    const stalled = (await store.getShipment(TRACKING))!;
    assert.equal(stalled.problem?.reason, 'stalled');
    assert.equal(stalled.updatedAt, asked);

    const moving = scan('2024-05-16T12:00:00-04:00', 'in_transit', { code: 'AR', description: 'Arrived at facility' });
    await store.applyUpdate({ shipment: parcel([moving]), source: 'easypost', receivedAt: thursday.toISOString() });
    const soon = new Date(thursday.getTime() + 5 * 60_000);
    assert.equal((await checkDelays({ store, model, now: () => soon })).cleared, 1);
    assert.equal((await store.getShipment(TRACKING))?.updatedAt, thursday.toISOString(), 'the scan’s, not the check’s');
  });

  it('says what to pass when the store or the page size is wrong', async () => {
    await assert.rejects(checkDelays({ store: {} as Store }), /checkDelays needs a store with listActiveShipments/);
    const { store } = await shop();
    await assert.rejects(checkDelays({ store, pageSize: 0 }), /pageSize must be a whole number/);
  });
});
