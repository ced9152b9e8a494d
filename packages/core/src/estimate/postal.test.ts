import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTracklineError } from '../errors/trackline-error.js';
import { fitTransitModel } from './fit.js';
import { CA, NY, addDays } from './fixtures.js';
import { loadTransitModel } from './load.js';
import type { Area, EstimateInput, FitOptions, HistoryRecord } from './types.js';

// Spring 2024 has no US public holiday between Presidents' Day and Memorial Day (Monday 2024-05-27).
const now = '2024-05-20T17:00:00-07:00';
const steady = { halfLifeDays: 10_000 }; // recency weighting off, so answers are plain counts

/** Orders placed every Monday at 10:00 for nine weeks, shipped `handling` and delivered `transit` calendar days later. */
function weeks(perWeek: number, handling: number, transit: number, origin: Area, destination: Area): HistoryRecord[] {
  const out: HistoryRecord[] = [];
  for (let w = 0; w < 9; w++) {
    const monday = addDays('2024-03-11', 7 * w);
    const shipped = addDays(monday, handling);
    for (let i = 0; i < perWeek; i++) {
      out.push({
        carrier: 'ups',
        service: 'ground',
        origin,
        destination,
        placedAt: `${monday}T10:00:00-07:00`,
        shippedAt: `${shipped}T16:00:00-07:00`,
        deliveredAt: `${addDays(shipped, transit)}T15:00:00-07:00`,
      });
    }
  }
  return out;
}

// Two sellers in California share the lane to New York: most orders come from one that ships the
// next working day, a fifth from one that takes three. Transit is always two working days.
const fast: Area = { ...CA, postalCode: '94107' };
const slow: Area = { ...CA, postalCode: '90001' };
const sellers = [...weeks(4, 1, 2, fast, NY), ...weeks(1, 3, 4, slow, NY)]; // Thursday + 4 days = Monday
const checkout = (origin: Area, destination: Area = NY): EstimateInput => ({
  carrier: 'ups',
  service: 'ground',
  origin,
  destination,
  placedAt: '2024-05-20T10:00:00-07:00', // a Monday, before the cut-off
  now: '2024-05-20T10:05:00-07:00',
});

describe('postal codes', () => {
  it("learns each seller's handling: the slow one's orders arrive two working days later", () => {
    const model = fitTransitModel(sellers, { now, ...steady, postalCodes: { origin: 5, minSamples: 0 } });
    // Monday + 1 working day of handling + 2 of transit = Thursday.
    assert.equal(model.estimate(checkout(fast)).likely, '2024-05-23');
    // Monday + 3 + 2 working days, past Memorial Day = Tuesday.
    assert.equal(model.estimate(checkout(slow)).likely, '2024-05-28');
  });

  it('uses the lane where the order has no postal code, or the model learned none', () => {
    const withSites = fitTransitModel(sellers, { now, ...steady, postalCodes: { origin: 5, minSamples: 0 } });
    const without = fitTransitModel(sellers, { now, ...steady });
    const lane = without.estimate(checkout(CA));
    assert.equal(lane.likely, '2024-05-23', 'four orders in five leave the next working day');
    assert.deepEqual(withSites.estimate(checkout(CA)), lane);
    assert.deepEqual(without.estimate(checkout(slow)), lane);
    assert.deepEqual(
      withSites.estimate(checkout({ ...CA, postalCode: '10001' })),
      lane,
      'a seller never seen is the lane',
    );
  });

  it('moves a site seen only a few times only part of the way', () => {
    const fewSlow = [...weeks(4, 1, 2, fast, NY), ...weeks(1, 3, 4, slow, NY).slice(0, 2)];
    const trusting = fitTransitModel(fewSlow, { now, ...steady, postalCodes: { origin: 5, minSamples: 0 } });
    const careful = fitTransitModel(fewSlow, { now, ...steady, postalCodes: { origin: 5 } });
    assert.equal(trusting.estimate(checkout(slow)).likely, '2024-05-28');
    // Two orders against the default of 5: the slow seller moves its lane about a third of the way.
    assert.equal(careful.estimate(checkout(slow)).likely, '2024-05-24');
    assert.equal(careful.estimate(checkout(fast)).likely, '2024-05-23');
  });

  it('learns transit per destination postal area, from the hand-over', () => {
    const city: Area = { ...NY, postalCode: '10001' };
    const upstate: Area = { ...NY, postalCode: '14201' };
    // All ship the same day; Manhattan gets them the next working day, Buffalo three working days later.
    const history = [...weeks(4, 0, 1, CA, city), ...weeks(1, 0, 3, CA, upstate)];
    const model = fitTransitModel(history, { now, ...steady, postalCodes: { destination: 3, minSamples: 0 } });
    const shipped = { shippedAt: '2024-05-20T16:00:00-07:00', now: '2024-05-20T16:05:00-07:00' };
    assert.equal(model.estimate({ ...checkout(CA, city), ...shipped }).likely, '2024-05-21');
    assert.equal(model.estimate({ ...checkout(CA, upstate), ...shipped }).likely, '2024-05-23');
    assert.equal(model.estimate({ ...checkout(CA, NY), ...shipped }).likely, '2024-05-21');
  });

  it('judges the wait at the warehouse against the seller, not the lane', () => {
    const model = fitTransitModel(sellers, { now, ...steady, postalCodes: { origin: 5, minSamples: 0 } });
    const waiting = { carrier: 'ups', service: 'ground', destination: NY, moving: false, now };
    const atFast = model.silence({ ...waiting, origin: fast, since: '2024-05-15T10:00:00-07:00' })!;
    const atSlow = model.silence({ ...waiting, origin: slow, since: '2024-05-15T10:00:00-07:00' })!;
    assert.equal(atFast.basis, 'handling');
    assert.ok(atSlow.stalledAfter > atFast.stalledAfter, `${atSlow.stalledAfter} > ${atFast.stalledAfter}`);
  });

  it('keeps sites and postal areas through toJSON and loadTransitModel, compactly', () => {
    const options: FitOptions = { now, ...steady, postalCodes: { origin: 5, destination: 3 } };
    const city: Area = { ...NY, postalCode: '10001' };
    const model = fitTransitModel(
      sellers.map((record) => ({ ...record, destination: city })),
      options,
    );
    const json = model.toJSON();
    assert.deepEqual(json.postalCodes, { origin: 5, destination: 3, minSamples: 5 });
    assert.deepEqual(Object.keys(json.groups['ups|ground|US-CA:90001|*']!), ['handlingMean']);
    assert.deepEqual(Object.keys(json.groups['ups|ground|US-CA|US-NY:100']!), ['transitMean']);
    const loaded = loadTransitModel(JSON.parse(JSON.stringify(model)));
    for (const origin of [fast, slow, CA]) {
      assert.deepEqual(loaded.estimate(checkout(origin, city)), model.estimate(checkout(origin, city)));
    }
  });

  it('says what to fix in the options and in a damaged model', () => {
    assert.throws(
      () => fitTransitModel(sellers, { now, postalCodes: { origin: 0 } }),
      (error: unknown) => isTracklineError(error, 'invalid_response') && error.message.includes('postalCodes.origin'),
    );
    const json = structuredClone(fitTransitModel(sellers, { now, postalCodes: { origin: 5 } }).toJSON());
    json.groups['ups|ground|US-CA:90001|*']!.handlingMean!.mean = -1;
    assert.throws(() => loadTransitModel(json), /groups\["ups\|ground\|US-CA:90001\|\*"\]\.handlingMean\.mean/);
    assert.throws(() => loadTransitModel({ ...json, postalCodes: { origin: 5 } }), /postalCodes\.minSamples/);
  });
});
