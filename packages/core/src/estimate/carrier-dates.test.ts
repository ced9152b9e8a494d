import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isTracklineError } from '../errors/trackline-error.js';
import type { DeliveryEstimate, Shipment, TrackingEvent } from '../model/schemas.js';
import { fitTransitModel } from './fit.js';
import { CA, NY, TX, addDays, carrierDated } from './fixtures.js';
import { loadTransitModel } from './load.js';
import type { HistoryRecord, SerializedTransitModel } from './types.js';

// Sixteen weeks of ten Monday orders each (`carrierDated`): our own view of a new parcel is 2 (10%),
// 3 (60%), 4 (20%) or 5 (10%) working days after the hand-over, likely 3 (an 80% window of 2 to 4).
// No holidays, so every day below can be counted by hand. Each record keeps the date its carrier gave.
const fit = (records: HistoryRecord[]) =>
  fitTransitModel(records, { now: '2024-05-13T08:00:00-04:00', halfLifeDays: 10_000, holidays: false });

const right = fit(carrierDated((transit) => transit));
const twoEarly = fit(carrierDated((transit) => transit - 2));
// The carrier's day has nothing to do with the delivery: 1 to 8 working days after the hand-over, in turn.
const noise = fit(carrierDated((_, index) => 1 + (index % 8)));
const none = fit(carrierDated(() => undefined));

// A parcel handed over on Monday 2024-05-13, looked at that evening.
const lane = { carrier: 'ups', service: 'ground', origin: CA, destination: NY };
const now = '2024-05-13T17:00:00-07:00';
const pickedUp: TrackingEvent = {
  at: '2024-05-13T16:00:00-07:00',
  timeSource: 'carrier',
  status: 'in_transit',
  code: 'I',
  description: 'Picked up',
};

function carrierSays(likely: string, window: { earliest?: string; latest?: string } = {}): DeliveryEstimate {
  return {
    earliest: window.earliest ?? likely,
    latest: window.latest ?? likely,
    likely,
    confidence: 0.9,
    basis: 'carrier',
  };
}

function parcel(estimate?: DeliveryEstimate): Shipment {
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    service: 'ground',
    status: 'in_transit',
    events: [pickedUp],
    updatedAt: pickedUp.at,
    ...(estimate ? { estimate } : {}),
  };
}

const days = (e: DeliveryEstimate) => [e.earliest, e.likely, e.latest];

describe('estimate: the carrier’s date, weighed by how reliable its dates have been', () => {
  it('takes the day of a carrier whose dates have always been right, and narrows our window to it', () => {
    // The carrier weighs about 0.75: its spread is rounding alone against our 0.7 day², and 160 records
    // against minSamples 30. By Wednesday 0.25 × 10% + 0.75 = 78%; by Thursday 0.25 × 70% + 0.75 = 93%.
    const estimate = right.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) });
    assert.deepEqual(days(estimate), ['2024-05-15', '2024-05-15', '2024-05-16']);
    assert.equal(estimate.basis, 'carrier');
  });

  it('moves the day of a carrier whose dates have always been 2 working days early 2 days later', () => {
    // Our own view, without the carrier's date: Wednesday to Friday, likely Thursday.
    assert.deepEqual(days(twoEarly.estimate({ ...lane, now, shipment: parcel() })), [
      '2024-05-15',
      '2024-05-16',
      '2024-05-17',
    ]);
    const wednesday = twoEarly.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) });
    assert.equal(wednesday.likely, '2024-05-17'); // Friday: not the carrier's Wednesday, not our Thursday
    // The carrier's view weighs most, but Friday is not a day the carrier gave: the basis is ours.
    assert.equal(wednesday.basis, 'history');
    // Across a weekend: Thursday + 2 working days is Monday.
    const thursday = twoEarly.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-16')) });
    assert.equal(thursday.likely, '2024-05-20');
  });

  it('barely moves our estimate for a carrier whose dates are noise', () => {
    // The carrier's errors spread over about 6 day²: it weighs under 0.1, and our Thursday stands.
    const estimate = noise.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-20')) });
    assert.equal(estimate.likely, '2024-05-16');
    assert.equal(estimate.earliest, '2024-05-15');
    assert.equal(estimate.basis, 'history');
    // The same date from the reliable carrier wins.
    assert.equal(right.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-20')) }).likely, '2024-05-20');
  });

  it('takes a reliable carrier’s date for a parcel past everything our history has seen', () => {
    // Six working days after the hand-over, longer than any delivery: our own view is "any day now".
    const late = '2024-05-21T17:00:00-07:00';
    assert.equal(right.estimate({ ...lane, now: late, shipment: parcel() }).likely, '2024-05-21');
    const estimate = right.estimate({ ...lane, now: late, shipment: parcel(carrierSays('2024-05-23')) });
    assert.equal(estimate.likely, '2024-05-23');
    assert.equal(estimate.basis, 'carrier');
  });

  it('leans on the region’s record where the lane has only a few carrier dates', () => {
    // Into New York from Texas, 160 records whose carrier was always 2 days early; from California only
    // 3, whose carrier was right. The California lane is mixed 3 : 30 with the region: mostly 2 days early.
    const fromTexas = carrierDated((transit) => transit - 2, { origin: TX, offset: '-05:00' });
    const fromCalifornia = carrierDated((transit) => transit, {}, 1).slice(0, 3);
    const model = fit([...fromTexas, ...fromCalifornia]);
    const estimate = model.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) });
    assert.equal(estimate.likely, '2024-05-17');
    // With many records of its own (480 against the region's 160), a lane speaks for itself.
    const own = carrierDated((transit) => transit);
    const busy = fit([...fromTexas, ...own, ...own, ...own]);
    assert.equal(busy.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) }).likely, '2024-05-15');
  });

  it('keeps today’s rule where nothing is known of the carrier’s dates: its likely day, our window widened to it', () => {
    const estimate = none.estimate({
      ...lane,
      now,
      shipment: parcel(carrierSays('2024-05-21', { earliest: '2024-05-21', latest: '2024-05-22' })),
    });
    assert.deepEqual(days(estimate), ['2024-05-15', '2024-05-21', '2024-05-22']);
    assert.equal(estimate.basis, 'carrier');
    assert.equal(none.toJSON().groups['*']!.carrierError, undefined);
  });

  it('keeps earliest ≤ likely ≤ latest and never before today, and a noisy carrier inside our own window, for any date and moment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3, max: 30 }),
        fc.integer({ min: 0, max: 12 * 24 }),
        fc.constantFrom(right, twoEarly, noise),
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        (carrierOffset, hoursLater, model, confidence) => {
          const at = new Date(Date.parse(now) + hoursLater * 3_600_000);
          const likely = addDays('2024-05-13', carrierOffset);
          const e = model.estimate({
            ...lane,
            now: at,
            confidence,
            shipment: parcel(carrierSays(likely, { latest: addDays(likely, 1) })),
          });
          assert.ok(e.earliest <= e.likely && e.likely <= e.latest, JSON.stringify(e));
          const today = new Date(at.getTime() - 4 * 3_600_000).toISOString().slice(0, 10); // New York, EDT
          assert.ok(e.earliest >= today, JSON.stringify(e));
          if (model === noise) {
            const ours = noise.estimate({ ...lane, now: at, shipment: parcel() });
            const blended = noise.estimate({ ...lane, now: at, shipment: parcel(carrierSays(likely)) });
            assert.ok(
              ours.earliest <= blended.likely && blended.likely <= ours.latest,
              JSON.stringify([ours, blended]),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('estimate: which carrier dates it takes, and what it says of them', () => {
  it('never lets one carrier’s record correct another carrier’s or another service’s date', () => {
    // UPS Ground's dates were always 2 days early; FedEx and UPS Air never gave one in the history.
    const upsGround = carrierDated((transit) => transit - 2);
    const model = fit([
      ...upsGround,
      ...carrierDated(() => undefined, { carrier: 'fedex' }),
      ...carrierDated(() => undefined, { service: 'air' }),
    ]);
    for (const other of [
      { carrier: 'fedex', service: 'ground' },
      { carrier: 'ups', service: 'air' },
    ] as const) {
      const shipment = { ...parcel(carrierSays('2024-05-15')), ...other };
      const estimate = model.estimate({ ...lane, ...other, now, shipment });
      // Nothing is known of its dates: the carrier's likely day wins, as without any record.
      assert.deepEqual([estimate.likely, estimate.basis], ['2024-05-15', 'carrier'], JSON.stringify(other));
    }
    // UPS Ground's own date is still moved.
    assert.equal(model.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) }).likely, '2024-05-17');
  });

  it('trusts a lane’s carrier dates no less as records that agree come in', () => {
    // Into New York from Texas, 480 records whose carrier was always right; from California 0 to 100 of
    // its own, also right. The carrier says Tuesday; our own view is Thursday. Each record added only
    // confirms the carrier, so its Tuesday must stand throughout (it once fell to Monday's side of the
    // blend as the lane passed minSamples and its trust dropped to that of its own few records).
    const fromTexas = carrierDated((transit) => transit, { origin: TX, offset: '-05:00' }, 48);
    const own = carrierDated((transit) => transit, {}, 10);
    for (let k = 0; k <= 100; k += 5) {
      const model = fit([...fromTexas, ...own.slice(0, k)]);
      const estimate = model.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-21')) });
      assert.deepEqual([estimate.likely, estimate.basis], ['2024-05-21', 'carrier'], `${k} records of the lane`);
    }
  });

  it('never gives an earlier likely day for a later carrier day', () => {
    // Every carrier day from 5 days before the hand-over to 40 after, every 7 hours for two weeks.
    const region = fit([
      ...carrierDated((transit) => transit - 2, { origin: TX, offset: '-05:00' }),
      ...carrierDated((transit) => transit, {}, 1).slice(0, 3),
    ]);
    const models = { right, twoEarly, noise, region };
    for (const [name, model] of Object.entries(models)) {
      for (let hours = 0; hours <= 14 * 24; hours += 7) {
        const at = new Date(Date.parse(now) + hours * 3_600_000).toISOString();
        let before: DeliveryEstimate | undefined;
        for (let offset = -5; offset <= 40; offset++) {
          const likely = addDays('2024-05-13', offset);
          const estimate = model.estimate({
            ...lane,
            now: at,
            shipment: parcel(carrierSays(likely, { latest: addDays(likely, 60) })),
          });
          // Compared only between carrier days the estimate takes (on or after the hand-over).
          if (before && offset > 0) {
            assert.ok(
              estimate.likely >= before.likely,
              `${name} at ${at}: ${likely} gives ${estimate.likely}, the day before ${before.likely}`,
            );
          }
          before = estimate;
        }
      }
    }
  });

  it('says `carrier` only for a likely day the carrier gave', () => {
    // Weighed most and kept: the carrier's own day.
    assert.equal(right.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) }).basis, 'carrier');
    // Weighed most but moved two days: a day the carrier never gave is ours.
    const moved = twoEarly.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) });
    assert.deepEqual([moved.likely, moved.basis], ['2024-05-17', 'history']);
    // Without any record of carrier dates, a likely day after the carrier's own latest is kept inside it.
    const outside = none.estimate({
      ...lane,
      now,
      shipment: parcel(carrierSays('2024-05-20', { earliest: '2024-05-15', latest: '2024-05-16' })),
    });
    assert.deepEqual([outside.likely, outside.basis], ['2024-05-17', 'history']);
  });

  it('reads a carrier’s day off work as the next working day, as the fit measures its errors', () => {
    // The carrier whose dates were always right says Saturday: the parcel comes Monday, not Friday.
    const saturday = right.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-18')) });
    assert.deepEqual([saturday.likely, saturday.basis], ['2024-05-20', 'history']);
    // The fit counts a Saturday date from that Monday too: a carrier that said Saturday for each parcel
    // delivered on a Monday (and the right day for the others) was always right.
    const saturdays = carrierDated((transit) => transit).map((record) => {
      const delivered = record.deliveredAt!.slice(0, 10);
      const monday = new Date(`${delivered}T00:00:00Z`).getUTCDay() === 1;
      return monday ? { ...record, carrierEstimate: addDays(delivered, -2) } : record;
    });
    assert.ok(
      saturdays.some((record) => record.carrierEstimate!.endsWith('-20')),
      'some dates are Saturdays',
    );
    const error = fit(saturdays).toJSON().groups['ups|ground|*|*']!.carrierError!;
    assert.deepEqual([error.from, error.pmf], [0, [1]]);
  });

  it('leaves out a carrier date before the hand-over, as the fit does', () => {
    // Handed over on Monday; the carrier says the Friday before (its latest, Tuesday, is still to come).
    const ours = right.estimate({ ...lane, now, shipment: parcel() });
    const before = right.estimate({
      ...lane,
      now,
      shipment: parcel(carrierSays('2024-05-10', { latest: '2024-05-14' })),
    });
    assert.deepEqual(before, ours);
    // The same, where nothing is known of the carrier's dates.
    const fallback = none.estimate({
      ...lane,
      now,
      shipment: parcel(carrierSays('2024-05-10', { latest: '2024-05-14' })),
    });
    assert.deepEqual(fallback, none.estimate({ ...lane, now, shipment: parcel() }));
  });

  it('leaves out a carrier date more than a year away', () => {
    const ours = right.estimate({ ...lane, now, shipment: parcel() });
    for (const far of ['2025-05-15', '9999-12-31']) {
      assert.deepEqual(right.estimate({ ...lane, now, shipment: parcel(carrierSays(far)) }), ours, far);
      assert.deepEqual(
        none.estimate({ ...lane, now, shipment: parcel(carrierSays(far)) }),
        none.estimate({ ...lane, now, shipment: parcel() }),
        far,
      );
    }
    // Two months away is a date still: a carrier always right keeps it.
    assert.equal(right.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-07-12')) }).likely, '2024-07-12');
  });

  it('uses the parts of a carrier’s window it can read', () => {
    const estimate = none.estimate({
      ...lane,
      now,
      shipment: parcel({ earliest: 'soon', latest: 'later', likely: '2024-05-21', confidence: 0.9, basis: 'carrier' }),
    });
    // Its likely day stands (the unreadable latest does not make it stale), inside our window widened to it.
    assert.deepEqual([...days(estimate), estimate.basis], ['2024-05-15', '2024-05-21', '2024-05-21', 'carrier']);
  });
});

describe('fit: carrier dates in the history', () => {
  it('learns the signed error of the carrier’s dates per lane, in working days', () => {
    const json = twoEarly.toJSON();
    const error = json.groups['ups|ground|US-CA|US-NY']!.carrierError!;
    assert.deepEqual({ from: error.from, pmf: error.pmf }, { from: 2, pmf: [1] });
    assert.ok(error.n > 150 && error.n <= 160, String(error.n));
    // Delivered a day before the carrier's day: −1.
    const early = fit(carrierDated((transit) => transit + 1)).toJSON();
    assert.equal(early.groups['ups|ground|*|*']!.carrierError!.from, -1);
    // The levels stop at the carrier and service everywhere: nothing under `*`, which other carriers read.
    assert.equal(json.groups['*']!.carrierError, undefined);
  });

  it('skips a carrier date before the hand-over: it cannot have been given after it', () => {
    // Every record's carrier day is the Friday before its Monday hand-over.
    const model = fit(carrierDated(() => -1));
    assert.equal(model.toJSON().groups['ups|ground|*|*']!.carrierError, undefined);
  });

  it('says which record has a carrier date that is not a calendar date, and how to write it', () => {
    for (const bad of ['16/05/2024', '2024-05-16T20:00:00Z', '2024-02-30', 20240516]) {
      const records = carrierDated((transit) => transit, {}, 1);
      records[4] = { ...records[4]!, carrierEstimate: bad as string };
      assert.throws(
        () => fit(records),
        (error: unknown) =>
          isTracklineError(error, 'invalid_response') &&
          error.message.includes('history[4].carrierEstimate') &&
          error.message.includes('YYYY-MM-DD') &&
          error.message.includes(String(bad)),
        String(bad),
      );
    }
  });

  it('checks a carrier date only on the records it learns from, as it does their times', () => {
    const records = carrierDated((transit) => transit, {}, 4);
    const learned = fit(records).toJSON().groups['ups|ground|*|*']!.carrierError;
    // Placed after `now`, placed at an unreadable time, or still on its way: not learned from, not refused.
    const unused: HistoryRecord[] = [
      {
        ...records[0]!,
        placedAt: '2024-06-01T10:00:00-07:00',
        shippedAt: undefined,
        deliveredAt: undefined,
        carrierEstimate: 'soon',
      },
      { ...records[0]!, placedAt: 'not a date', carrierEstimate: 'soon' },
      { ...records[0]!, deliveredAt: undefined, carrierEstimate: 'soon' },
    ];
    for (const record of unused) {
      const model = fit([...records, record]);
      assert.deepEqual(model.toJSON().groups['ups|ground|*|*']!.carrierError?.from, learned?.from, record.placedAt);
    }
  });

  it('counts a carrier date years away as the largest error', () => {
    const records = carrierDated((transit) => transit, {}, 2).map((r) => ({ ...r, carrierEstimate: '9999-12-31' }));
    const error = fit(records).toJSON().groups['ups|ground|*|*']!.carrierError!;
    assert.deepEqual([error.from, error.pmf], [-20, [1]]);
  });
});

describe('toJSON and loadTransitModel with carrier dates', () => {
  const shipment = parcel(carrierSays('2024-05-15'));

  it('round-trips the carrier-date errors with the same estimates', () => {
    const text = JSON.stringify(twoEarly);
    assert.ok(text.includes('"carrierError":{"n":'), 'stored compactly beside the distributions');
    const loaded = loadTransitModel(text);
    assert.deepEqual(loaded.estimate({ ...lane, now, shipment }), twoEarly.estimate({ ...lane, now, shipment }));
    assert.equal(loaded.estimate({ ...lane, now, shipment }).likely, '2024-05-17');
    assert.deepEqual(loaded.toJSON(), twoEarly.toJSON());
  });

  it('loads a model saved before carrier dates were learned, which keeps the carrier’s likely day', () => {
    const old: SerializedTransitModel = twoEarly.toJSON();
    for (const group of Object.values(old.groups)) delete group.carrierError;
    const loaded = loadTransitModel(JSON.stringify(old));
    assert.equal(loaded.estimate({ ...lane, now, shipment }).likely, '2024-05-15');
    // The same model with its record of the carrier's dates moves that day.
    assert.equal(loadTransitModel(JSON.stringify(twoEarly)).estimate({ ...lane, now, shipment }).likely, '2024-05-17');
  });

  it('names a carrier-date error table that is wrong', () => {
    const json = twoEarly.toJSON();
    json.groups['ups|ground|*|*']!.carrierError!.from = 0.5;
    assert.throws(
      () => loadTransitModel(json),
      /groups\["ups\|ground\|\*\|\*"\]\.carrierError\.from must be a whole number/,
    );
    const unsummed = twoEarly.toJSON();
    unsummed.groups['ups|ground|*|*']!.carrierError!.pmf = [0.5];
    assert.throws(() => loadTransitModel(unsummed), /groups\["ups\|ground\|\*\|\*"\]\.carrierError\.pmf must sum to 1/);
  });
});
