import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { DeliveryEstimate, HistoryRecord, Shipment, TrackingEvent } from '@trackline/core';
import { fitTransitModel } from '@trackline/core/fit';
import { checkDelays, createNotifier, sqliteStore, type EmailMessage, type Store } from '@trackline/node';

// A lane from California to New York whose parcels take 2 to 5 working days after the hand-over (likely
// 3), learned from sixteen weeks of ten Monday orders, each keeping the date its carrier gave. A parcel
// handed over on Monday 13 May is promised by Thursday; the carrier says Wednesday.

const CA = { country: 'US', region: 'CA' };
const NY = { country: 'US', region: 'NY' };
const transits = [2, 3, 3, 3, 3, 3, 3, 4, 4, 5];

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The `k`-th working day after the Monday `monday`. */
function workday(monday: string, k: number): string {
  return addDays(monday, k + 2 * Math.floor(k / 5));
}

/** The lane's history, its carrier's date for each parcel `early` working days before the delivery. */
function modelWhoseCarrierIsEarlyBy(early: number) {
  const history: HistoryRecord[] = [];
  for (let week = 0; week < 16; week++) {
    const monday = addDays('2024-01-15', 7 * week);
    for (const transit of transits) {
      history.push({
        carrier: 'ups',
        service: 'ground',
        origin: CA,
        destination: NY,
        placedAt: `${monday}T10:00:00-07:00`,
        shippedAt: `${monday}T16:00:00-07:00`,
        deliveredAt: `${workday(monday, transit)}T15:00:00-07:00`,
        carrierEstimate: workday(monday, transit - early),
      });
    }
  }
  // Told four times over (640 records): the dates given 2 or 3 working days ahead, 48 of each 160, then
  // speak mostly for themselves against minSamples 30 rather than leaning on "the carrier's day is right".
  return fitTransitModel(Array.from({ length: 4 }, () => history).flat(), {
    now: '2024-05-13T08:00:00-04:00',
    halfLifeDays: 10_000,
    holidays: false,
  });
}

const TRACKING = '1Z999AA10123456784';
const pickedUp: TrackingEvent = {
  at: '2024-05-13T16:00:00-07:00',
  timeSource: 'carrier',
  status: 'in_transit',
  code: 'I',
  description: 'Picked up',
};
const mondayEvening = new Date('2024-05-13T23:30:00Z');
const checkedAt = new Date('2024-05-14T00:30:00Z');

function carrierSays(likely: string): DeliveryEstimate {
  return { earliest: likely, latest: likely, likely, confidence: 0.9, basis: 'carrier' };
}

function parcel(events: TrackingEvent[], estimate: DeliveryEstimate): Shipment {
  return {
    carrier: 'ups',
    trackingNumber: TRACKING,
    service: 'ground',
    status: 'in_transit',
    events,
    origin: CA,
    destination: { ...NY, city: 'New York', timeZone: 'America/New_York' },
    updatedAt: events.at(-1)!.at,
    promised: { earliest: '2024-05-14', latest: '2024-05-16' },
    estimate,
  };
}

const folders: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** Order A1001 with its parcel as the carrier gave it, and the shopper told about the pick-up. */
async function shop(estimate: DeliveryEstimate) {
  const folder = await mkdtemp(join(tmpdir(), 'trackline-blended-'));
  folders.push(folder);
  const store = await sqliteStore({ path: join(folder, 'trackline.db') });
  stores.push(store);
  await store.saveOrder({
    orderNumber: 'A1001',
    placedAt: '2024-05-13T10:00:00-07:00',
    customer: { email: 'ana@example.com', name: 'Ana', locale: 'en' },
    shipments: [{ carrier: 'ups', trackingNumber: TRACKING }],
  });
  await store.applyUpdate({ shipment: parcel([pickedUp], estimate), source: 'tracker', receivedAt: pickedUp.at });
  await notify(store, mondayEvening);
  return store;
}

async function notify(store: Store, now: Date): Promise<EmailMessage[]> {
  const sent: EmailMessage[] = [];
  await createNotifier({
    store,
    send: { email: async (message) => void sent.push(message) },
    brand: { name: 'Fernhill Supply' },
    now: () => now,
    onError: (error) => assert.fail(error as Error),
  }).run();
  return sent;
}

describe('checkDelays never contradicts the carrier’s own date', () => {
  // The carrier's dates have run 2 working days early on this lane: the model reads its Wednesday as
  // Friday, a day past the promise. The shopper is still told what the carrier says.
  const model = modelWhoseCarrierIsEarlyBy(2);

  it('records no delay while the carrier’s date is within the promise, and keeps that date', async () => {
    const store = await shop(carrierSays('2024-05-15'));
    const shipment = (await store.getShipment(TRACKING))!;
    // The blend alone would call it late: this is what the check must not tell the shopper.
    const lane = { carrier: 'ups', service: 'ground', origin: CA, destination: NY };
    assert.equal(model.estimate({ ...lane, now: checkedAt, shipment }).likely, '2024-05-17');

    for (const at of [checkedAt, new Date('2024-05-14T14:00:00Z'), new Date('2024-05-15T14:00:00Z')]) {
      assert.deepEqual(await checkDelays({ store, model, now: () => at }), { checked: 1, found: 0, cleared: 0 });
      const stored = (await store.getShipment(TRACKING))!;
      assert.equal(stored.problem, undefined, at.toISOString());
      assert.deepEqual(stored.estimate, carrierSays('2024-05-15'), at.toISOString());
      assert.equal((await notify(store, at)).length, 0, at.toISOString());
    }
  });

  it('records a date moved past the promise with the carrier’s own date, and tells the shopper that date', async () => {
    const store = await shop(carrierSays('2024-05-17'));
    assert.deepEqual(await checkDelays({ store, model, now: () => checkedAt }), { checked: 1, found: 1, cleared: 0 });
    const stored = (await store.getShipment(TRACKING))!;
    assert.deepEqual([stored.problem?.reason, stored.events.at(-1)?.code], ['delayed', 'delay-check.later']);
    assert.deepEqual(stored.estimate, carrierSays('2024-05-17'));

    const sent = await notify(store, checkedAt);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.subject, 'Order A1001: Running late');
    assert.match(sent[0]!.text, /UPS expects to deliver it on Fri, May 17/);
    // Not the model's reading of it (Friday + 2 working days).
    assert.doesNotMatch(sent[0]!.text, /Tue, May 21/);

    // The next checks find the same: the problem stands, and nothing more is sent.
    for (const minutes of [5, 60]) {
      const later = new Date(checkedAt.getTime() + minutes * 60_000);
      assert.deepEqual(await checkDelays({ store, model, now: () => later }), { checked: 1, found: 0, cleared: 0 });
      const again = (await store.getShipment(TRACKING))!;
      assert.deepEqual(
        [again.problem?.reason, again.estimate],
        ['delayed', carrierSays('2024-05-17')],
        `${minutes} min`,
      );
      assert.equal((await notify(store, later)).length, 0);
    }
  });

  it('judges and stores the model’s date once the carrier’s own date has gone by', async () => {
    // The carrier said Tuesday, the promise is Thursday; on Friday the parcel has not come.
    const store = await shop(carrierSays('2024-05-14'));
    const friday = new Date('2024-05-17T14:00:00Z');
    assert.deepEqual(await checkDelays({ store, model, now: () => friday }), { checked: 1, found: 1, cleared: 0 });
    const stored = (await store.getShipment(TRACKING))!;
    // The date shown is the date judged: the model's, not the carrier's Tuesday, gone by.
    assert.equal(stored.estimate?.basis, 'history');
    assert.ok(stored.estimate!.likely >= '2024-05-17', stored.estimate!.likely);
  });
});
