import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTracklineError } from '../errors/trackline-error.js';
import { fitTransitModel } from './fit.js';
import { loadTransitModel } from './load.js';
import { CA, NY, RJ, SP, TX, WA, orders, weekly } from './fixtures.js';
import type { EstimateInput } from './types.js';

// Spring 2024 has no US public holiday between Presidents' Day and Memorial Day, so every weekday counts.
const now = '2024-05-20T17:00:00-07:00'; // a Monday, after the cut-off
const steady = { halfLifeDays: 10_000 }; // recency weighting off, so answers are plain counts
const fromMonday: EstimateInput = {
  carrier: 'ups',
  service: 'ground',
  origin: CA,
  destination: NY,
  shippedAt: '2024-05-20T16:00:00-07:00',
  now,
};

describe('fitTransitModel', () => {
  it('learns a lane that always takes three working days', () => {
    const model = fitTransitModel(weekly('2024-03-11', 9, 5, 3), { now, ...steady });
    assert.deepEqual(model.estimate(fromMonday), {
      earliest: '2024-05-23',
      latest: '2024-05-23',
      likely: '2024-05-23',
      confidence: 0.8,
      basis: 'history',
      sampleSize: 45,
    });
  });

  it('counts working days: a parcel shipped on Thursday arrives the next Tuesday, not on Sunday', () => {
    const model = fitTransitModel(weekly('2024-03-11', 9, 5, 3), { now, ...steady });
    const estimate = model.estimate({
      ...fromMonday,
      shippedAt: '2024-05-16T16:00:00-07:00',
      now: '2024-05-16T17:00:00-07:00',
    });
    assert.equal(estimate.likely, '2024-05-21');
    const memorialDay = model.estimate({
      ...fromMonday,
      shippedAt: '2024-05-23T16:00:00-07:00',
      now: '2024-05-23T17:00:00-07:00',
    });
    assert.equal(memorialDay.likely, '2024-05-29', 'Monday 2024-05-27 is Memorial Day');
  });

  it('adds handling from the order time, and starts the next working day after the cut-off', () => {
    const model = fitTransitModel(weekly('2024-03-11', 9, 5, 3), { now, ...steady });
    const { shippedAt: _, ...order } = fromMonday;
    const before = model.estimate({
      ...order,
      placedAt: '2024-05-20T10:00:00-07:00',
      now: '2024-05-20T10:05:00-07:00',
    });
    const after = model.estimate({ ...order, placedAt: '2024-05-20T18:00:00-07:00', now: '2024-05-20T18:05:00-07:00' });
    assert.equal(before.likely, '2024-05-23');
    assert.equal(after.likely, '2024-05-24');
    const saturday = model.estimate({
      ...order,
      placedAt: '2024-05-18T09:00:00-07:00',
      now: '2024-05-18T09:05:00-07:00',
    });
    assert.equal(saturday.likely, '2024-05-23', 'an order on Saturday starts on Monday');
  });

  it('counts parcels still in flight as "at least this long", which raises the estimate', () => {
    const delivered = weekly('2024-04-01', 4, 5, 2); // 20 delivered after two working days
    const inFlight = orders(30, '2024-05-13', undefined); // shipped five working days before now, not delivered yet
    const ignoring = fitTransitModel(delivered, { now, ...steady }).estimate(fromMonday);
    const honest = fitTransitModel([...delivered, ...inFlight], { now, ...steady }).estimate(fromMonday);
    assert.equal(ignoring.latest, '2024-05-22');
    assert.ok(honest.likely > ignoring.likely, `${honest.likely} should be after ${ignoring.likely}`);
    // At least the five working days they have waited so far; Monday 2024-05-27 is Memorial Day.
    assert.ok(honest.latest >= '2024-05-28', honest.latest);
  });

  it('learns nothing from a record whose hand-over comes before its order or its delivery before its hand-over', () => {
    const history = weekly('2024-03-11', 9, 5, 3);
    const clean = fitTransitModel(history, { now, ...steady }).estimate(fromMonday);
    const day = 86_400_000;
    const shift = (iso: string, days: number) => new Date(Date.parse(iso) + days * day).toISOString();
    const wrong = history.slice(0, 20).flatMap((r) => [
      { ...r, shippedAt: shift(r.placedAt, -3) }, // handed over before it was ordered
      { ...r, deliveredAt: shift(r.shippedAt!, -1) }, // delivered before it was handed over
    ]);
    const withWrong = fitTransitModel([...history, ...wrong], { now, ...steady }).estimate(fromMonday);
    assert.deepEqual(withWrong, clean, 'not taken for same-day hand-overs and deliveries');
  });

  it('refuses a date-time without an offset, whose instant would depend on the machine', () => {
    const history = weekly('2024-03-11', 9, 5, 3);
    assert.throws(() => fitTransitModel(history, { now: '2024-05-20T17:00:00' }), /now .*offset/);
    const model = fitTransitModel(history, { now, ...steady });
    assert.throws(() => model.estimate({ ...fromMonday, shippedAt: '2024-05-20T16:00:00' }), /shippedAt .*offset/);
  });

  it('refuses a record time that is there but cannot be read, naming the record and the field', () => {
    const history = weekly('2024-03-11', 9, 5, 3).map((r) => ({ ...r, scans: [r.shippedAt!] }));
    // Without an offset (as many databases give them out), not a date-time at all, and empty.
    for (const bad of ['2024-05-03T10:00:00', '05/03/2024', '']) {
      for (const field of ['placedAt', 'shippedAt', 'deliveredAt', 'scans[0]'] as const) {
        const wrong = history.map((r) => ({ ...r }));
        wrong[4] = field === 'scans[0]' ? { ...wrong[4]!, scans: [bad] } : { ...wrong[4]!, [field]: bad };
        assert.throws(
          () => fitTransitModel(wrong, { now, ...steady }),
          (error: unknown) =>
            isTracklineError(error, 'invalid_response') &&
            error.message.startsWith(`history[4].${field} must be an ISO 8601 date-time with its offset`) &&
            error.message.includes(`(got ${JSON.stringify(bad)}`),
          `${field} = ${JSON.stringify(bad)}`,
        );
      }
    }
    const naive = history.map((r) => ({ ...r, deliveredAt: r.deliveredAt!.slice(0, 19) }));
    assert.throws(() => fitTransitModel(naive, { now }), /has no offset: add the one it was written in/);
  });

  it('reads only placedAt of a record placed after now, and takes a time left out as not happened yet', () => {
    const history = weekly('2024-03-11', 9, 5, 3);
    const clean = fitTransitModel(history, { now, ...steady }).toJSON();
    const later = orders(1, '2024-05-27', '2024-05-30')[0]!;
    // What comes after `now` is not read, readable or not; undefined is "not yet", not an error.
    const future = { ...later, shippedAt: 'soon', deliveredAt: '', scans: ['05/29/2024'] };
    const notYet = { ...history[0]!, shippedAt: undefined, deliveredAt: undefined, scans: [] };
    const fitted = fitTransitModel([...history, future], { now, ...steady }).toJSON();
    assert.deepEqual(fitted.groups, clean.groups);
    assert.doesNotThrow(() => fitTransitModel([...history, notYet], { now, ...steady }));
    // An unreadable placedAt cannot tell whether its record is in the future: it is refused wherever it is.
    assert.throws(() => fitTransitModel([...history, { ...later, placedAt: '2024-05-27 10:00' }], { now }), {
      message: /^history\[45\]\.placedAt must be/,
    });
  });

  it('refuses options it cannot use, naming them', () => {
    const history = weekly('2024-03-11', 9, 5, 3);
    for (const [name, value] of [
      ['halfLifeDays', 0],
      ['halfLifeDays', -5],
      ['minSamples', -30],
      ['cutoffHour', 30],
      ['giveUpDays', Number.NaN],
    ] as const) {
      assert.throws(
        () => fitTransitModel(history, { now, [name]: value }),
        new RegExp(`^TracklineError: ${name} must be .* \\(got ${String(value)}\\)`),
        `${name}: ${value}`,
      );
    }
    assert.doesNotThrow(() => fitTransitModel(history, { now, cutoffHour: 0, giveUpDays: 0, minSamples: 0 }));
  });

  it('backs off to the destination region when a lane has only two deliveries', () => {
    const history = [
      ...orders(2, '2024-05-06', '2024-05-07', { destination: TX }), // CA → TX: next day, but only twice
      ...weekly('2024-03-11', 8, 5, 3, { origin: WA, destination: TX }), // WA → TX: three days, 40 times
    ];
    const estimate = fitTransitModel(history, { now, ...steady }).estimate({ ...fromMonday, destination: TX });
    assert.equal(estimate.likely, '2024-05-23');
    assert.equal(estimate.sampleSize, 42);
  });

  it('backs off to the carrier and service, then everything, for a lane it has never seen', () => {
    const model = fitTransitModel(weekly('2024-03-11', 9, 5, 3), { now, ...steady });
    const unseen = model.estimate({ ...fromMonday, origin: TX, destination: { country: 'US', region: 'FL' } });
    assert.equal(unseen.likely, '2024-05-23');
    const otherCarrier = model.estimate({ ...fromMonday, carrier: 'fedex', service: undefined });
    assert.equal(otherCarrier.likely, '2024-05-23');
  });

  it('moves the estimate when the recent weeks are slow', () => {
    const history = [
      ...weekly('2024-02-19', 6, 8, 1), // weeks ago: next day
      ...weekly('2024-05-06', 2, 4, 3), // the last two weeks: three days
    ];
    const flat = fitTransitModel(history, { now, halfLifeDays: 10_000 }).estimate(fromMonday);
    const recent = fitTransitModel(history, { now, halfLifeDays: 7 }).estimate(fromMonday);
    assert.equal(flat.likely, '2024-05-21');
    assert.equal(recent.likely, '2024-05-23');
  });

  it('stops counting a parcel that has waited longer than giveUpDays: it is lost, not slow', () => {
    const past = weekly('2024-03-11', 9, 5, 3);
    const stuck = orders(5, '2024-01-08', undefined); // shipped in January, never delivered
    const without = fitTransitModel(past, { now, ...steady }).estimate(fromMonday);
    assert.deepEqual(fitTransitModel([...past, ...stuck], { now, ...steady }).estimate(fromMonday), without);
    const forever = fitTransitModel([...past, ...stuck], { now, ...steady, giveUpDays: 1000 }).estimate({
      ...fromMonday,
      confidence: 0.95,
    });
    assert.ok(forever.latest > '2024-06-30', `waiting for them stretches the window to ${forever.latest}`);
  });

  it('leans a lane on its region in proportion to how few deliveries it has', () => {
    const history = [
      ...weekly('2024-03-11', 6, 5, 1, { destination: TX }), // CA → TX: next day, 30 times
      ...weekly('2024-03-11', 8, 5, 3, { origin: WA, destination: TX }), // WA → TX: three days, 40 times
    ];
    // Half its own voice (30 deliveries against minSamples 30), half that of everything into Texas.
    const estimate = fitTransitModel(history, { now, ...steady }).estimate({ ...fromMonday, destination: TX });
    assert.equal(estimate.likely, '2024-05-21');
    assert.equal(estimate.latest, '2024-05-23');
  });

  it("skips Brazil's Republic Day (2017-11-15) in the delivery window", () => {
    const lane = { carrier: 'correios', service: 'sedex', origin: SP, destination: RJ, offset: '-03:00' };
    const history = weekly('2017-09-18', 7, 5, 2, lane); // Monday → Wednesday: two working days
    const input = { ...lane, shippedAt: '2017-11-14T16:00:00-02:00', now: '2017-11-14T17:00:00-02:00' };
    const withHolidays = fitTransitModel(history, { now: input.now, ...steady }).estimate(input);
    const weekendsOnly = fitTransitModel(history, { now: input.now, ...steady, holidays: false }).estimate(input);
    assert.equal(withHolidays.likely, '2017-11-17');
    assert.equal(weekendsOnly.likely, '2017-11-16');
    assert.ok(fitTransitModel(history, { now: input.now }).toJSON().calendars.BR?.holidays.includes('2017-11-15'));
  });

  it('skips US Thanksgiving', () => {
    const history = weekly('2024-09-09', 4, 10, 2); // Monday → Wednesday (Columbus Day 2024-10-14 is after)
    const shippedAt = '2024-11-26T16:00:00-08:00'; // Tuesday before Thanksgiving
    const model = fitTransitModel(history, { now: '2024-11-26T17:00:00-08:00', ...steady });
    const estimate = model.estimate({ ...fromMonday, shippedAt, now: '2024-11-26T17:00:00-08:00' });
    assert.equal(estimate.likely, '2024-11-29', 'Wednesday, then Friday: Thursday is Thanksgiving');
  });

  it('never reads the future: orders placed after now change nothing, deliveries after now are in flight', () => {
    const past = weekly('2024-03-11', 9, 5, 3);
    const future = weekly('2024-05-27', 4, 20, 9);
    const a = fitTransitModel(past, { now });
    const b = fitTransitModel([...past, ...future], { now });
    assert.deepEqual(b.toJSON(), a.toJSON());
    const laterDelivery = orders(5, '2024-05-13', '2024-05-30');
    const stillInFlight = orders(5, '2024-05-13', undefined);
    assert.deepEqual(
      fitTransitModel([...past, ...laterDelivery], { now }).toJSON(),
      fitTransitModel([...past, ...stillInFlight], { now }).toJSON(),
    );
  });

  it('gives a checkout promise whose latest day covers the asked share of deliveries', () => {
    const history = [
      ...weekly('2024-03-11', 4, 10, 1),
      ...weekly('2024-04-08', 3, 10, 2),
      ...weekly('2024-04-29', 3, 10, 3),
    ];
    const model = fitTransitModel(history, { now, ...steady });
    const { shippedAt: _, ...order } = fromMonday;
    const checkout = { ...order, placedAt: '2024-05-20T09:00:00-07:00', now: '2024-05-20T09:00:00-07:00' };
    const promise = model.promise(checkout, 0.9);
    assert.equal(promise.basis, 'promise');
    assert.equal(promise.earliest, '2024-05-21');
    assert.equal(promise.latest, '2024-05-23');
    assert.equal(model.promise(checkout, 0.3).latest, '2024-05-21');
  });

  describe('pace', () => {
    // Eight Mondays (2024-03-11 … 04-29) of parcels that take 1, 2, 3, 4 and 5 working days, one each;
    // then, within the last 21 days, one Monday (05-06) whose parcels took (or take) twice as long.
    const before = [1, 2, 3, 4, 5].flatMap((days) => weekly('2024-03-11', 8, 1, days === 5 ? 7 : days));
    const slow = ['2024-05-08', '2024-05-10', '2024-05-14', '2024-05-16'].flatMap((day) =>
      orders(1, '2024-05-06', day),
    );
    const stillOut = orders(1, '2024-05-06', undefined); // ten working days and counting
    const usual = ['2024-05-07', '2024-05-08', '2024-05-09', '2024-05-10', '2024-05-13'].flatMap((day) =>
      orders(1, '2024-05-06', day),
    );
    const transitPace = (model: ReturnType<typeof fitTransitModel>) =>
      model.toJSON().groups['ups|ground|*|*']?.transit?.pace;

    it('reads a slowdown from the latest parcels, delivered or not, and moves the estimate later', () => {
      const history = [...before, ...slow, ...stillOut];
      const paced = fitTransitModel(history, { now, ...steady, pace: true });
      const plain = fitTransitModel(history, { now, ...steady });
      const pace = transitPace(paced)!;
      assert.ok(pace > 1.3, `pace ${pace}`);
      assert.equal(paced.toJSON().groups['ups|ground|*|*']?.handling?.pace, 1, 'handed over the same day as always');
      // Without the pace the week's parcels only add to the distribution: 3 days is still the middle.
      assert.equal(plain.estimate(fromMonday).likely, '2024-05-23');
      assert.ok(paced.estimate(fromMonday).likely > '2024-05-23', paced.estimate(fromMonday).likely);
      // The pace travels in the JSON: a model loaded in the browser gives the same dates.
      const loaded = loadTransitModel(JSON.stringify(paced.toJSON()));
      assert.deepEqual(loaded.estimate(fromMonday), paced.estimate(fromMonday));
    });

    it('stays at 1 when the latest parcels go as the earlier ones did', () => {
      const paced = fitTransitModel([...before, ...usual], { now, ...steady, pace: true });
      assert.equal(transitPace(paced), 1);
      assert.equal(paced.estimate(fromMonday).likely, '2024-05-23');
    });

    it('says what to fix when its options are out of range', () => {
      assert.throws(() => fitTransitModel(before, { now, pace: { days: 0 } }), /pace\.days must be a number/);
      assert.throws(() => fitTransitModel(before, { now, pace: { spread: -1 } }), /pace\.spread must be a number/);
    });
  });
});
