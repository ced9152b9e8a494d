import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitTransitModel } from '../estimate/fit.js';
import { carrierDated } from '../estimate/fixtures.js';
import type { DeliveryEstimate, Shipment, TrackingEvent } from '../model/schemas.js';
import { detectDelay } from './detect-delay.js';

// A lane from California to New York whose parcels take 2 to 5 working days (likely 3), and whose
// carrier's dates have always been 2 working days early (see `carrierDated`).
const fitOptions = { now: '2024-05-13T08:00:00-04:00', halfLifeDays: 10_000, holidays: false } as const;
const twoEarly = fitTransitModel(
  carrierDated((transit) => transit - 2),
  fitOptions,
);
const right = fitTransitModel(
  carrierDated((transit) => transit),
  fitOptions,
);

const pickedUp: TrackingEvent = {
  at: '2024-05-13T16:00:00-07:00',
  timeSource: 'carrier',
  status: 'in_transit',
  code: 'I',
  description: 'Picked up',
};

function carrierSays(likely: string): DeliveryEstimate {
  return { earliest: likely, latest: likely, likely, confidence: 0.9, basis: 'carrier' };
}

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

  it('finds the estimate moved past the promise when the carrier’s dates run early', () => {
    // Wednesday + 2 working days is Friday, a day past the promise.
    const problem = detectDelay(shipment, { model: twoEarly, now });
    assert.deepEqual(problem && [problem.cause, problem.days, problem.estimate?.likely], ['later', 1, '2024-05-17']);
    // Friday is not a day the carrier gave: stored in its place, it must never read as the carrier's own.
    assert.equal(problem?.estimate?.basis, 'history');
    // A carrier whose dates have been right keeps its Wednesday: on track.
    assert.equal(detectDelay(shipment, { model: right, now }), undefined);
  });

  it('leaves the carrier’s date out of the estimate of a stalled parcel', () => {
    // No scan for six working days, longer than any delivery on the lane took; the carrier still says Thursday.
    const quiet = parcel({ estimate: carrierSays('2024-05-23') });
    const later = '2024-05-21T17:00:00-04:00';
    const problem = detectDelay(quiet, { model: right, now: later });
    assert.equal(problem?.cause, 'stalled');
    // The model's own estimate: the stored estimate it may replace keeps meaning the carrier's own date.
    assert.deepEqual(problem.estimate, right.estimate({ ...laneOf(quiet), now: later, shipment: parcel({}) }));
    assert.equal(problem.estimate?.basis, 'history');
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
