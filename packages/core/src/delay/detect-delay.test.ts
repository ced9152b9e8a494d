import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitTransitModel } from '../estimate/fit.js';
import { CA, NY, TX, addDays, weekly } from '../estimate/fixtures.js';
import { loadTransitModel } from '../estimate/load.js';
import type { HistoryRecord } from '../estimate/types.js';
import type { Shipment, TrackingEvent } from '../model/schemas.js';
import { detectDelay } from './detect-delay.js';

// Two lanes out of California, learned from eight weeks of Monday orders handed over the same day:
// into New York a scan every working day (silences of 1 working day), delivered on Thursday; into
// Texas a scan every third working day, delivered a week and a half later.
function withScans(records: HistoryRecord[], offsets: number[]): HistoryRecord[] {
  return records.map((r) => ({
    ...r,
    scans: offsets.map((days) => `${addDays(r.placedAt.slice(0, 10), days)}T12:00:00-07:00`),
  }));
}
const history = [
  ...withScans(weekly('2024-03-11', 8, 5, 3), [1, 2]), // Mon → Tue, Wed → Thu
  ...withScans(weekly('2024-03-11', 8, 5, 9, { destination: TX }), [3, 8]), // Mon → Thu → Tue → Wed
];
const now = '2024-05-16T17:00:00-04:00'; // Thursday afternoon in New York
const model = fitTransitModel(history, { now: '2024-05-13T08:00:00-04:00', halfLifeDays: 10_000 });

function scan(at: string, status: TrackingEvent['status'] = 'in_transit', extra: Partial<TrackingEvent> = {}) {
  return { at, timeSource: 'carrier', status, code: status, description: status, ...extra } satisfies TrackingEvent;
}

function parcel(events: TrackingEvent[], extra: Partial<Shipment> = {}): Shipment {
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    service: 'ground',
    status: events.at(-1)?.status ?? 'pending',
    events,
    origin: { country: 'US', region: 'CA' },
    destination: { country: 'US', region: 'NY' },
    updatedAt: events.at(-1)?.at ?? now,
    ...extra,
  };
}

const pickedUp = scan('2024-05-13T16:00:00-07:00');
const tuesday = scan('2024-05-14T12:00:00-07:00');

describe('detectDelay: silence', () => {
  it('calls a parcel stalled when it stays quiet longer than its lane normally does', () => {
    const problem = detectDelay(parcel([pickedUp, tuesday]), { model, now });
    assert.equal(problem?.reason, 'stalled');
    assert.equal(problem.cause, 'stalled');
    assert.equal(problem.days, 2); // Wednesday and Thursday without a scan
    assert.equal(problem.since, tuesday.at);
    assert.equal(problem.actionRequired, false);
    assert.ok(problem.estimate, 'carries the new estimate');
  });

  it('waits a whole working day before calling a parcel stalled, however busy its lane', () => {
    // A lane scanned every hour: nearly all of its silences end the day they begin.
    const hourly = weekly('2024-03-11', 8, 5, 5).map((r) => ({
      ...r,
      scans: Array.from({ length: 5 * 24 }, (_, h) =>
        new Date(Date.parse(`${r.placedAt.slice(0, 10)}T00:30:00-04:00`) + h * 3_600_000).toISOString(),
      ),
    }));
    const busy = fitTransitModel(hourly, { now: '2024-05-13T08:00:00-04:00', halfLifeDays: 10_000 });
    const lateScan = scan('2024-05-14T23:00:00-04:00'); // Tuesday, 11 pm in New York
    const input = { carrier: 'ups', service: 'ground', origin: CA, destination: NY, since: lateScan.at, moving: true };
    assert.equal(busy.silence({ ...input, now: '2024-05-15T01:00:00-04:00' })?.days, 1, 'past midnight counts a day');
    assert.equal(
      detectDelay(parcel([pickedUp, lateScan]), { model: busy, now: '2024-05-15T01:00:00-04:00' }),
      undefined,
    );
    const thursday = detectDelay(parcel([pickedUp, lateScan]), { model: busy, now: '2024-05-16T09:00:00-04:00' });
    assert.equal(thursday?.reason, 'stalled');
  });

  it('says nothing about the same silence on a lane that normally goes quiet for days', () => {
    const toTexas = parcel([pickedUp, tuesday], { destination: { country: 'US', region: 'TX' } });
    assert.equal(detectDelay(toTexas, { model, now }), undefined);
    const longer = detectDelay(toTexas, { model, now: '2024-05-20T17:00:00-05:00' }); // 4 working days
    assert.equal(longer?.reason, 'stalled');
  });

  it('calls the parcel likely lost past the further threshold', () => {
    const silence = model.silence({
      carrier: 'ups',
      service: 'ground',
      origin: CA,
      destination: NY,
      since: tuesday.at,
      now,
      moving: true,
    });
    assert.deepEqual(silence && [silence.stalledAfter, silence.lostAfter, silence.basis], [1, 6, 'scans']);
    assert.equal(
      detectDelay(parcel([pickedUp, tuesday]), { model, now: '2024-05-22T17:00:00-04:00' })?.reason,
      'stalled',
    );
    const lost = detectDelay(parcel([pickedUp, tuesday]), { model, now: '2024-05-23T17:00:00-04:00' });
    assert.equal(lost?.reason, 'lost');
    assert.equal(lost.days, 7);
  });

  it('waits out weekends: Friday to Monday is one working day', () => {
    const friday = scan('2024-05-17T12:00:00-07:00');
    assert.equal(detectDelay(parcel([pickedUp, friday]), { model, now: '2024-05-20T17:00:00-04:00' }), undefined);
  });

  it('does not call a parcel stalled while it waits for the shopper', () => {
    const held = scan('2024-05-14T12:00:00-07:00', 'in_transit', {
      problem: { reason: 'payment_due', actionRequired: true },
    });
    const shipment = parcel([pickedUp, held], {
      problem: { reason: 'payment_due', actionRequired: true, since: held.at },
    });
    assert.equal(detectDelay(shipment, { model, now }), undefined);
  });

  it('judges a parcel the carrier has not picked up against the lane’s handling time', () => {
    const label = scan('2024-05-13T09:00:00-07:00', 'info_received');
    assert.equal(detectDelay(parcel([label]), { model, now: '2024-05-13T17:00:00-04:00' }), undefined);
    const problem = detectDelay(parcel([label]), { model, now });
    assert.equal(problem?.reason, 'stalled'); // orders here go out the same day
    assert.equal(
      model.silence({
        carrier: 'ups',
        service: 'ground',
        origin: CA,
        destination: NY,
        since: label.at,
        now,
        moving: false,
      })?.basis,
      'handling',
    );
  });

  it('learns silences from whole transit times when the history has no scans', () => {
    const plain = fitTransitModel(weekly('2024-03-11', 8, 5, 3), {
      now: '2024-05-13T08:00:00-04:00',
      halfLifeDays: 10_000,
    });
    const silence = plain.silence({
      carrier: 'ups',
      service: 'ground',
      origin: CA,
      destination: NY,
      since: tuesday.at,
      now,
      moving: true,
    });
    assert.equal(silence?.basis, 'transit');
    assert.equal(silence.stalledAfter, 3);
    assert.equal(detectDelay(parcel([pickedUp, tuesday]), { model: plain, now }), undefined);
  });

  it('counts a silence still going on at fit time as at least that long', () => {
    // A third of the parcels into New York picked up on 2024-05-06 are still quiet a week later.
    const quiet = withScans(weekly('2024-05-06', 1, 10, 30), []).map((r) => ({ ...r, deliveredAt: undefined }));
    const busy = fitTransitModel([...history, ...quiet], { now: '2024-05-13T08:00:00-04:00', halfLifeDays: 10_000 });
    const input = {
      carrier: 'ups',
      service: 'ground',
      origin: CA,
      destination: NY,
      since: tuesday.at,
      now,
      moving: true,
    };
    assert.ok(busy.silence(input)!.stalledAfter > model.silence(input)!.stalledAfter);
    assert.equal(detectDelay(parcel([pickedUp, tuesday]), { model: busy, now }), undefined);
  });

  it('reads the lane as the history names it when told', () => {
    const named = parcel([pickedUp, tuesday], { destination: { country: 'US', region: 'New York' } });
    // "New York" is no lane it knows: it backs off to every ups ground lane, where silences of 3 days are usual.
    assert.equal(detectDelay(named, { model, now }), undefined);
    assert.equal(detectDelay(named, { model, now, lane: { destination: NY } })?.reason, 'stalled');
  });

  it('keeps the learned silences through toJSON and loadTransitModel', () => {
    const loaded = loadTransitModel(JSON.stringify(model.toJSON()));
    assert.deepEqual(
      detectDelay(parcel([pickedUp, tuesday]), { model: loaded, now }),
      detectDelay(parcel([pickedUp, tuesday]), { model, now }),
    );
  });
});

describe('detectDelay: dates', () => {
  const recent = scan('2024-05-16T12:00:00-07:00');

  it('finds a parcel late once the last promised day has passed, from the next midnight at the destination', () => {
    const problem = detectDelay(
      parcel([pickedUp, recent], { promised: { earliest: '2024-05-14', latest: '2024-05-15' } }),
      {
        now,
      },
    );
    assert.deepEqual(
      problem && { reason: problem.reason, cause: problem.cause, days: problem.days, since: problem.since },
      {
        reason: 'delayed',
        cause: 'late',
        days: 1,
        since: '2024-05-16T04:00:00.000Z',
      },
    );
  });

  it('is not late on the last promised day itself', () => {
    const shipment = parcel([pickedUp, recent], { promised: { earliest: '2024-05-14', latest: '2024-05-16' } });
    assert.equal(detectDelay(shipment, { now }), undefined);
  });

  it('finds the carrier’s date moved past the promise, and carries it', () => {
    const carrierDate = {
      earliest: '2024-05-20',
      latest: '2024-05-20',
      likely: '2024-05-20',
      confidence: 0.9,
      basis: 'carrier',
    } as const;
    const shipment = parcel([pickedUp, recent], {
      promised: { earliest: '2024-05-15', latest: '2024-05-17' },
      estimate: carrierDate,
    });
    const problem = detectDelay(shipment, { now });
    assert.deepEqual(problem && [problem.reason, problem.cause, problem.days], ['delayed', 'later', 3]);
    assert.deepEqual(problem?.estimate, carrierDate);
  });

  it('finds the model’s estimate a day or more after the estimate shown before', () => {
    // Picked up Monday, the lane delivers on Thursday; the shopper had been told Wednesday.
    const shown = {
      earliest: '2024-05-15',
      latest: '2024-05-15',
      likely: '2024-05-15',
      confidence: 0.8,
      basis: 'history',
    } as const;
    const problem = detectDelay(parcel([pickedUp]), { model, now: '2024-05-14T10:00:00-04:00', previous: shown });
    assert.deepEqual(problem && [problem.cause, problem.days, problem.estimate?.likely], ['later', 1, '2024-05-16']);
    const told = { ...shown, likely: '2024-05-16', latest: '2024-05-16' };
    assert.equal(
      detectDelay(parcel([pickedUp]), { model, now: '2024-05-14T10:00:00-04:00', previous: told }),
      undefined,
    );
  });

  it('says nothing once the parcel is delivered, waiting for pickup or on its way back', () => {
    const promised = { earliest: '2024-05-01', latest: '2024-05-02' };
    for (const status of ['delivered', 'available_for_pickup', 'returning'] as const) {
      assert.equal(
        detectDelay(parcel([pickedUp, scan('2024-05-14T12:00:00-07:00', status)], { promised }), { model, now }),
        undefined,
      );
    }
  });

  it('reads only the scans known at now', () => {
    const later = scan('2024-05-17T10:00:00-04:00', 'delivered');
    const problem = detectDelay(parcel([pickedUp, tuesday, later]), { model, now });
    assert.equal(problem?.reason, 'stalled');
  });
});
