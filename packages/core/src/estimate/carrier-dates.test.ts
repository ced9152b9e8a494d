import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isTracklineError } from '../errors/trackline-error.js';
import type { DeliveryEstimate, Shipment } from '../model/schemas.js';
import { fitTransitModel } from './fit.js';
import { leadBucket } from './carrier-error.js';
import { CA, NY, TX, addDays, carrierDated, carrierSays, pickedUp } from './fixtures.js';
import { loadTransitModel } from './load.js';
import type { HistoryRecord, SerializedTransitModel } from './types.js';

// Sixteen weeks of ten Monday orders each (`carrierDated`): our own view of a new parcel is 2 (10%),
// 3 (60%), 4 (20%) or 5 (10%) working days after the hand-over, likely 3 (an 80% window of 2 to 4).
// No holidays, so every day below can be counted by hand. Each record keeps the date its carrier gave.
const fit = (records: HistoryRecord[]) =>
  fitTransitModel(records, { now: '2024-05-13T08:00:00-04:00', halfLifeDays: 10_000, holidays: false });

/**
 * The records `times` over. Each lead bucket leans on "the carrier's day is right" by its own records
 * against minSamples 30; only 30% of `carrierDated`'s dates are 2 or more working days ahead of their day
 * (48 of 160), so a carrier's record of those is told four times (192 dates) to speak mostly for itself.
 */
function repeated(records: HistoryRecord[], times: number): HistoryRecord[] {
  return Array.from({ length: times }, () => records).flat();
}

const right = fit(carrierDated((transit) => transit));
const twoEarly = fit(carrierDated((transit) => transit - 2));
// The same carrier with four times the records: enough in each lead bucket to move its dates 2 days.
const twoEarlyMany = fit(
  repeated(
    carrierDated((transit) => transit - 2),
    4,
  ),
);
// The carrier's day has nothing to do with the delivery: 1 to 8 working days after the hand-over, in turn.
const noise = fit(carrierDated((_, index) => 1 + (index % 8)));
const none = fit(carrierDated(() => undefined));

// A parcel handed over on Monday 2024-05-13, looked at that evening.
const lane = { carrier: 'ups', service: 'ground', origin: CA, destination: NY };
const now = '2024-05-13T17:00:00-07:00';

/** The carrier-date error tables of the model's carrier and service everywhere, one per lead bucket with records. */
function errorTables(model: { toJSON(): SerializedTransitModel }) {
  return model.toJSON().groups['ups|ground|*|*']?.carrierErrors ?? [];
}

/**
 * Working days (weekends off) from the day of `at` in New York to the carrier's day `day` (a weekend day: the
 * Monday after), 0 when that is not later: the lead the estimate corrects the date for.
 */
function leadFrom(at: string, day: string): number {
  const today = new Date(Date.parse(at) - 4 * 3_600_000).toISOString().slice(0, 10); // EDT in May
  let last = day;
  while (isWeekend(last)) last = addDays(last, 1);
  let lead = 0;
  for (let d = addDays(today, 1); d <= last; d = addDays(d, 1)) if (!isWeekend(d)) lead++;
  return lead;
}

function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
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
    assert.deepEqual(days(twoEarlyMany.estimate({ ...lane, now, shipment: parcel() })), [
      '2024-05-15',
      '2024-05-16',
      '2024-05-17',
    ]);
    const wednesday = twoEarlyMany.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) });
    assert.equal(wednesday.likely, '2024-05-17'); // Friday: not the carrier's Wednesday, not our Thursday
    // The carrier's view weighs most, but Friday is not a day the carrier gave: the basis is ours.
    assert.equal(wednesday.basis, 'history');
    // Across a weekend: Thursday + 2 working days is Monday.
    const thursday = twoEarlyMany.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-16')) });
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
    // Into New York from Texas, 1280 records whose carrier was always 2 days early (384 of them given 2 or
    // 3 days ahead, enough for that bucket to speak mostly for itself); from California only 3, whose
    // carrier was right. The California lane is mixed 3 : 30 with the region: mostly 2 days early.
    const fromTexas = repeated(
      carrierDated((transit) => transit - 2, { origin: TX, offset: '-05:00' }),
      8,
    );
    const fromCalifornia = carrierDated((transit) => transit, {}, 1).slice(0, 3);
    const model = fit([...fromTexas, ...fromCalifornia]);
    const estimate = model.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) });
    assert.equal(estimate.likely, '2024-05-17');
    // With many records of its own (480 against minSamples 30), a lane speaks for itself.
    const own = carrierDated((transit) => transit);
    const busy = fit([...fromTexas, ...own, ...own, ...own]);
    assert.equal(busy.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) }).likely, '2024-05-15');
  });

  it('does not read a carrier’s “tomorrow” as a week later for one date a day ahead that was a week off', () => {
    // 160 dates, all right, given 2 to 5 working days ahead; one more given a day ahead (Tuesday 16 April
    // for a parcel handed over on Monday 15) that was 5 working days early. That one record is the whole
    // 0–1 table; alone in its bucket it leans almost all the way (1 : 30) on "the carrier's day is right".
    const records = carrierDated((transit) => transit);
    records.push({
      carrier: 'ups',
      service: 'ground',
      origin: CA,
      destination: NY,
      placedAt: '2024-04-15T10:00:00-07:00',
      shippedAt: '2024-04-15T16:00:00-07:00',
      deliveredAt: '2024-04-23T15:00:00-07:00',
      carrierEstimate: '2024-04-16',
    });
    const model = fit(records);
    assert.deepEqual(
      errorTables(model).map((error) => [error.lead, error.n, error.from, error.pmf]),
      [
        [0, 1, 5, [1]],
        [2, 111.49, 0, [1]],
        [4, 47.78, 0, [1]],
      ],
    );
    // The carrier says Tuesday, a day ahead. The estimate stays within our own view and keeps the carrier's
    // Tuesday in its window; it used to be Tuesday 21, a week later, with the trust of all 161 dates.
    const ours = model.estimate({ ...lane, now, shipment: parcel() });
    const estimate = model.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-14')) });
    assert.equal(estimate.earliest, '2024-05-14');
    assert.ok(estimate.likely <= ours.likely && estimate.latest <= ours.latest, JSON.stringify([estimate, ours]));
  });

  it('keeps today’s rule where nothing is known of the carrier’s dates: its likely day, our window widened to it', () => {
    const estimate = none.estimate({
      ...lane,
      now,
      shipment: parcel(carrierSays('2024-05-21', { earliest: '2024-05-21', latest: '2024-05-22' })),
    });
    assert.deepEqual(days(estimate), ['2024-05-15', '2024-05-21', '2024-05-22']);
    assert.equal(estimate.basis, 'carrier');
    assert.equal(none.toJSON().groups['*']!.carrierErrors, undefined);
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
    const upsGround = repeated(
      carrierDated((transit) => transit - 2),
      4,
    );
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

  it('never gives an earlier likely day for a later carrier day as far ahead', () => {
    // Every carrier day from 5 days before the hand-over to 40 after, every 7 hours for two weeks. Compared
    // between carrier days in the same lead bucket (working days from today: 0–1, 2–3, 4 and more), which
    // are corrected by the same table: across buckets the tables differ (where one bucket has none, the
    // carrier's day wins; `twoEarly` has no dates given 4 or more days ahead).
    const region = fit([
      ...carrierDated((transit) => transit - 2, { origin: TX, offset: '-05:00' }),
      ...carrierDated((transit) => transit, {}, 1).slice(0, 3),
    ]);
    const models = { right, twoEarly, noise, region };
    for (const [name, model] of Object.entries(models)) {
      for (let hours = 0; hours <= 14 * 24; hours += 7) {
        const at = new Date(Date.parse(now) + hours * 3_600_000).toISOString();
        let before: DeliveryEstimate | undefined;
        let bucketBefore = -1;
        for (let offset = -5; offset <= 40; offset++) {
          const likely = addDays('2024-05-13', offset);
          const estimate = model.estimate({
            ...lane,
            now: at,
            shipment: parcel(carrierSays(likely, { latest: addDays(likely, 60) })),
          });
          // Compared only between carrier days the estimate takes (on or after the hand-over).
          const bucket = leadBucket(leadFrom(at, likely));
          if (before && offset > 0 && bucket === bucketBefore) {
            assert.ok(
              estimate.likely >= before.likely,
              `${name} at ${at}: ${likely} gives ${estimate.likely}, the day before ${before.likely}`,
            );
          }
          before = estimate;
          bucketBefore = bucket;
        }
      }
    }
  });

  it('corrects a date by the errors of dates given as far ahead: a revision the day before is not moved by first dates', () => {
    // The carrier's first dates were given 2 or 3 working days ahead (for the parcels that took 4 or 5) and
    // ran 2 days early; it gave no first date nearer than that.
    const farEarly = fit(
      repeated(
        carrierDated((transit) => (transit >= 4 ? transit - 2 : undefined)),
        4,
      ),
    );
    assert.deepEqual(
      errorTables(farEarly).map((error) => [error.lead, error.from, error.pmf]),
      [[2, 2, [1]]],
    );
    // The first date, at the hand-over: Wednesday, 2 working days ahead, is corrected to Friday.
    assert.equal(farEarly.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) }).likely, '2024-05-17');
    // Revised at the destination depot on Thursday evening for Friday, a day ahead: nothing is known of
    // dates given that near, so the carrier's day wins, not Friday + 2 (Tuesday).
    const thursday = '2024-05-16T19:00:00-04:00';
    const revised = farEarly.estimate({ ...lane, now: thursday, shipment: parcel(carrierSays('2024-05-17')) });
    assert.deepEqual([revised.likely, revised.basis], ['2024-05-17', 'carrier']);
    // A carrier whose dates given a day ahead ran early too is corrected there as well: its Friday is Tuesday
    // (a day later at least: our own view of a parcel on its 4th day weighs in).
    const near = twoEarlyMany.estimate({ ...lane, now: thursday, shipment: parcel(carrierSays('2024-05-17')) });
    assert.ok(near.likely >= '2024-05-20' && near.basis === 'history', near.likely);
  });

  it('never moves the likely day earlier as days pass with the same carrier date', () => {
    // Each carrier day from the hand-over to three weeks on, every 6 hours until that day: as the days
    // pass without news the parcel can only be later, never earlier. (On the lane's last seen day our
    // view is a single day: it must not overrule a carrier whose dates have always been right.) Compared
    // while the carrier's day stays in one lead bucket: as it comes nearer, the errors of nearer dates
    // correct it, less (or, where none were seen, not at all), by design. Working carrier days only: where
    // no table applies, the carrier's Saturday stays a Saturday, which a table reads as the Monday after.
    for (const [name, model] of Object.entries({ right, twoEarly, noise, none })) {
      for (let offset = 0; offset <= 21; offset++) {
        const day = addDays('2024-05-13', offset);
        if (isWeekend(day)) continue;
        const shipment = parcel(carrierSays(day, { latest: addDays(day, 30) }));
        let before: string | undefined;
        let bucketBefore = -1;
        for (let hours = 0; hours <= 24 * (offset + 1); hours += 6) {
          const at = new Date(Date.parse(now) + hours * 3_600_000).toISOString();
          const { likely } = model.estimate({ ...lane, now: at, shipment });
          const bucket = leadBucket(leadFrom(at, day));
          if (bucket === bucketBefore) {
            assert.ok(likely >= before!, `${name}, carrier ${day}, at ${at}: ${before} → ${likely}`);
          }
          [before, bucketBefore] = [likely, bucket];
        }
      }
    }
    // The reviewer's case: a carrier always right says Wednesday 22 for a parcel handed over Monday 13;
    // from Friday to Tuesday (Monday 20 is the last day a delivery on the lane took) it stays Wednesday.
    const shipment = parcel(carrierSays('2024-05-22'));
    for (const at of ['2024-05-17T10:00:00-04:00', '2024-05-20T10:00:00-04:00', '2024-05-21T10:00:00-04:00']) {
      const estimate = right.estimate({ ...lane, now: at, shipment });
      assert.deepEqual([estimate.likely, estimate.basis], ['2024-05-22', 'carrier'], at);
    }
  });

  it('says `carrier` only for a likely day the carrier gave', () => {
    // Weighed most and kept: the carrier's own day.
    assert.equal(right.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) }).basis, 'carrier');
    // Weighed most but moved two days: a day the carrier never gave is ours.
    const moved = twoEarlyMany.estimate({ ...lane, now, shipment: parcel(carrierSays('2024-05-15')) });
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
    const tables = errorTables(fit(saturdays));
    assert.ok(tables.length > 0);
    for (const error of tables) assert.deepEqual([error.from, error.pmf], [0, [1]], `lead ${error.lead}`);
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
    const tables = json.groups['ups|ground|US-CA|US-NY']!.carrierErrors!;
    // Kept apart by lead (working days from the hand-over to the carrier's day): 0 or 1 for the parcels
    // that took 2 or 3 days (70 of each 10 × 16), 2 or 3 for those that took 4 or 5.
    assert.deepEqual(
      tables.map((error) => ({ lead: error.lead, from: error.from, pmf: error.pmf })),
      [
        { lead: 0, from: 2, pmf: [1] },
        { lead: 2, from: 2, pmf: [1] },
      ],
    );
    // 112 and 48 records, a little less once weighted by age.
    const records = tables.map((error) => error.n);
    assert.ok(records[0]! > 110 && records[0]! <= 112 && records[1]! > 47 && records[1]! <= 48, String(records));
    // Delivered a day before the carrier's day: −1.
    for (const error of errorTables(fit(carrierDated((transit) => transit + 1)))) assert.equal(error.from, -1);
    // The levels stop at the carrier and service everywhere: nothing under `*`, which other carriers read.
    assert.equal(json.groups['*']!.carrierErrors, undefined);
  });

  it('skips a carrier date before the hand-over: it cannot have been given after it', () => {
    // Every record's carrier day is the Friday before its Monday hand-over.
    const model = fit(carrierDated(() => -1));
    assert.equal(model.toJSON().groups['ups|ground|*|*']!.carrierErrors, undefined);
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
    const learned = errorTables(fit(records));
    // Placed after `now`, or still on its way: not learned from, not refused. (An unreadable time is refused
    // itself, before its carrier date: fit.test.ts.)
    const unused: HistoryRecord[] = [
      {
        ...records[0]!,
        placedAt: '2024-06-01T10:00:00-07:00',
        shippedAt: undefined,
        deliveredAt: undefined,
        carrierEstimate: 'soon',
      },
      { ...records[0]!, deliveredAt: undefined, carrierEstimate: 'soon' },
    ];
    for (const record of unused) {
      const model = fit([...records, record]);
      assert.deepEqual(errorTables(model), learned, record.placedAt);
    }
  });

  it('counts a carrier date years away as the largest error', () => {
    const records = carrierDated((transit) => transit, {}, 2).map((r) => ({ ...r, carrierEstimate: '9999-12-31' }));
    const tables = errorTables(fit(records));
    assert.deepEqual(
      tables.map((error) => [error.lead, error.from, error.pmf]),
      [[4, -20, [1]]],
    );
  });
});

describe('toJSON and loadTransitModel with carrier dates', () => {
  const shipment = parcel(carrierSays('2024-05-15'));

  it('round-trips the carrier-date errors with the same estimates', () => {
    const text = JSON.stringify(twoEarlyMany);
    assert.ok(text.includes('"carrierErrors":[{"lead":0,"n":'), 'stored compactly beside the distributions');
    const loaded = loadTransitModel(text);
    assert.deepEqual(loaded.estimate({ ...lane, now, shipment }), twoEarlyMany.estimate({ ...lane, now, shipment }));
    assert.equal(loaded.estimate({ ...lane, now, shipment }).likely, '2024-05-17');
    assert.deepEqual(loaded.toJSON(), twoEarlyMany.toJSON());
  });

  it('loads a model saved with one carrier-date table per lane, which then keeps the carrier’s likely day', () => {
    // Saved before dates were told apart by lead: one table, with no lead. Which dates it applies to cannot
    // be told (applied to a date revised the day before it moved that date by the first dates' error), so
    // it is checked and left out until the model is fitted again.
    const old = twoEarly.toJSON() as unknown as { groups: Record<string, Record<string, unknown>> };
    for (const group of Object.values(old.groups)) {
      const tables = group.carrierErrors as { from: number; pmf: number[]; n: number }[] | undefined;
      if (!tables) continue;
      delete group.carrierErrors;
      group.carrierError = { n: tables.reduce((sum, t) => sum + t.n, 0), from: tables[0]!.from, pmf: tables[0]!.pmf };
    }
    const loaded = loadTransitModel(JSON.stringify(old));
    const estimate = loaded.estimate({ ...lane, now, shipment });
    assert.deepEqual([estimate.likely, estimate.basis], ['2024-05-15', 'carrier']);
    assert.equal(JSON.stringify(loaded.toJSON()).includes('carrierError'), false);
    // A damaged one still says so.
    (old.groups['ups|ground|*|*']!.carrierError as { pmf: number[] }).pmf = [0.5];
    assert.throws(() => loadTransitModel(old), /groups\["ups\|ground\|\*\|\*"\]\.carrierError\.pmf must sum to 1/);
  });

  it('loads a model saved before carrier dates were learned, which keeps the carrier’s likely day', () => {
    const old: SerializedTransitModel = twoEarlyMany.toJSON();
    for (const group of Object.values(old.groups)) delete group.carrierErrors;
    const loaded = loadTransitModel(JSON.stringify(old));
    assert.equal(loaded.estimate({ ...lane, now, shipment }).likely, '2024-05-15');
    // The same model with its record of the carrier's dates moves that day.
    assert.equal(
      loadTransitModel(JSON.stringify(twoEarlyMany)).estimate({ ...lane, now, shipment }).likely,
      '2024-05-17',
    );
  });

  it('names a carrier-date error table that is wrong', () => {
    const json = twoEarly.toJSON();
    json.groups['ups|ground|*|*']!.carrierErrors![1]!.from = 0.5;
    assert.throws(
      () => loadTransitModel(json),
      /groups\["ups\|ground\|\*\|\*"\]\.carrierErrors\[1\]\.from must be a whole number/,
    );
    const unsummed = twoEarly.toJSON();
    unsummed.groups['ups|ground|*|*']!.carrierErrors![0]!.pmf = [0.5];
    assert.throws(
      () => loadTransitModel(unsummed),
      /groups\["ups\|ground\|\*\|\*"\]\.carrierErrors\[0\]\.pmf must sum to 1/,
    );
    for (const lead of [1, 2, undefined]) {
      const misled = twoEarly.toJSON();
      const tables = misled.groups['ups|ground|*|*']!.carrierErrors!;
      tables[0] = { ...tables[0]!, lead: lead as number };
      assert.throws(
        () => loadTransitModel(misled),
        /groups\["ups\|ground\|\*\|\*"\]\.carrierErrors\[\d\]\.lead must be one of 0, 2, 4, each once and in that order/,
        String(lead),
      );
    }
  });
});
