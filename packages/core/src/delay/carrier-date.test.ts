import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitTransitModel } from '../estimate/fit.js';
import { carrierDated, carrierSays, pickedUp } from '../estimate/fixtures.js';
import type { Shipment } from '../model/schemas.js';
import { detectDelay } from './detect-delay.js';

// A lane from California to New York whose parcels take 2 to 5 working days (likely 3), and whose
// carrier's dates have always been 2 working days early (see `carrierDated`). Its history is told four
// times over (640 records): a bucket of dates given as far ahead leans on "the carrier's day is right" by
// its own records against minSamples 30, and only 48 of each 160 were given 2 or 3 working days ahead.
const fitOptions = { now: '2024-05-13T08:00:00-04:00', halfLifeDays: 10_000, holidays: false } as const;
const twoEarly = fitTransitModel(
  Array.from({ length: 4 }, () => carrierDated((transit) => transit - 2)).flat(),
  fitOptions,
);
const right = fitTransitModel(
  carrierDated((transit) => transit),
  fitOptions,
);

function parcel(extra: Partial<Shipment>): Shipment {
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    service: 'ground',
    status: 'in_transit',
    events: [pickedUp],
    origin: { country: 'US', region: 'CA' },
    destination: { country: 'US', region: 'NY' },
    updatedAt: pickedUp.at,
    ...extra,
  };
}

describe('detectDelay with the carrier’s date blended in', () => {
  const now = '2024-05-13T17:00:00-07:00'; // the evening of the hand-over
  // Promised by Thursday; the carrier says Wednesday.
  const shipment = parcel({
    promised: { earliest: '2024-05-14', latest: '2024-05-16' },
    estimate: carrierSays('2024-05-15'),
  });

  it('judges late and later on the carrier’s own date, however its dates have run', () => {
    // The carrier's dates ran 2 working days early: blended, its Wednesday reads Friday, past the promise.
    assert.equal(twoEarly.estimate({ ...laneOf(shipment), now, shipment }).likely, '2024-05-17');
    // But the carrier says Wednesday, within the promise: telling the shopper it runs late would contradict it.
    assert.equal(detectDelay(shipment, { model: twoEarly, now }), undefined);
    assert.equal(detectDelay(shipment, { model: right, now }), undefined);
    // The carrier says Friday, past the promise: later, with the carrier's own date attached.
    const friday = parcel({ promised: shipment.promised!, estimate: carrierSays('2024-05-17') });
    for (const model of [twoEarly, right]) {
      const problem = detectDelay(friday, { model, now });
      assert.deepEqual(problem && [problem.cause, problem.days], ['later', 1]);
      assert.deepEqual(problem?.estimate, carrierSays('2024-05-17'));
    }
    // Past the promise, late, again with the carrier's date.
    const thursdayNoon = '2024-05-17T12:00:00-04:00';
    const late = detectDelay(friday, { model: twoEarly, now: thursdayNoon });
    assert.deepEqual(late && [late.cause, late.estimate], ['late', carrierSays('2024-05-17')]);
  });

  it('judges on the model’s estimate when the carrier’s date is gone by or missing', () => {
    // Promised by Wednesday; the carrier said Tuesday and Tuesday is over: its date is stale, and the
    // model's own view (Thursday, a day past the promise) is judged and attached.
    const stale = parcel({
      promised: { earliest: '2024-05-14', latest: '2024-05-15' },
      estimate: carrierSays('2024-05-14'),
    });
    const wednesday = '2024-05-15T10:00:00-04:00';
    const problem = detectDelay(stale, { model: twoEarly, now: wednesday });
    assert.deepEqual(problem && [problem.cause, problem.days, problem.estimate?.likely], ['later', 1, '2024-05-16']);
    assert.deepEqual(problem?.estimate, twoEarly.estimate({ ...laneOf(stale), now: wednesday, shipment: stale }));
    assert.equal(problem?.estimate?.basis, 'history');
    // No carrier date at all: the model's estimate, attached as it is.
    const none = parcel({ promised: { earliest: '2024-05-14', latest: '2024-05-14' } });
    const found = detectDelay(none, { model: twoEarly, now });
    assert.equal(found?.cause, 'later');
    assert.deepEqual(found.estimate, twoEarly.estimate({ ...laneOf(none), now, shipment: none }));
  });

  it('leaves the carrier’s date out of the estimate of a stalled parcel', () => {
    // No scan for six working days, longer than any delivery on the lane took; the carrier still says Thursday.
    const quiet = parcel({ estimate: carrierSays('2024-05-23') });
    const later = '2024-05-21T17:00:00-04:00';
    const problem = detectDelay(quiet, { model: right, now: later });
    assert.equal(problem?.cause, 'stalled');
    // The model's own estimate: the stored estimate it may replace keeps meaning the carrier's own date.
    assert.deepEqual(problem.estimate, right.estimate({ ...laneOf(quiet), now: later, shipment: parcel({}) }));
    assert.equal(problem?.estimate?.basis, 'history');
    // Blended, the same date would have won.
    assert.equal(right.estimate({ ...laneOf(quiet), now: later, shipment: quiet }).basis, 'carrier');
  });
});

function laneOf(shipment: Shipment) {
  return {
    carrier: shipment.carrier,
    service: shipment.service!,
    origin: { country: 'US', region: 'CA' },
    destination: { country: 'US', region: 'NY' },
  };
}
