import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SurvivalCounts, conditionalQuantile, convolve, cumulative, kaplanMeier, shifted } from './survival.js';

describe('kaplanMeier', () => {
  it('is the plain share of each day when nothing is censored', () => {
    const counts = new SurvivalCounts();
    counts.addEvent(1, 1);
    counts.addEvent(2, 3);
    assert.deepEqual(kaplanMeier(counts), [0, 0.25, 0.75]);
  });

  it('keeps censored records at risk until their wait, and spreads what remains after the longest wait', () => {
    const counts = new SurvivalCounts();
    counts.addEvent(1, 1);
    counts.addCensored(1, 1); // waited more than one day
    counts.addEvent(3, 1);
    counts.addCensored(4, 1); // waited more than four days
    // S(1) = 1 − 1/4 = 0.75; S(3) = 0.75 × (1 − 1/2) = 0.375, left for day 5 on.
    const pmf = kaplanMeier(counts);
    assert.deepEqual(pmf.slice(0, 5), [0, 0.25, 0, 0.375, 0]);
    const tail = pmf.slice(5);
    assert.ok(Math.abs(tail.reduce((a, b) => a + b, 0) - 0.375) < 1e-12);
    assert.ok(tail[0]! > tail[1]! && tail[1]! > tail[2]!, 'a geometric tail from the day after the longest wait');
  });

  it('continues past the last delivery at the pace the slow parcels were arriving', () => {
    const counts = new SurvivalCounts();
    for (const [t, w] of [
      [2, 50],
      [4, 20],
      [6, 10],
    ] as const)
      counts.addEvent(t, w);
    counts.addCensored(6, 20); // a fifth still out after six days
    // From the median (day 2, S = 0.5) to day 6 (S = 0.5 × 0.6 × 2/3 = 0.2): a daily hazard of 1 − 0.4^(1/4).
    const pmf = kaplanMeier(counts);
    const hazard = 1 - 0.4 ** 0.25;
    assert.ok(Math.abs(pmf[7]! - 0.2 * hazard) < 1e-9);
    assert.ok(Math.abs(pmf[8]! - 0.2 * (1 - hazard) * hazard) < 1e-9);
  });

  it('weighs each day of a wait by the day it fell on, when weights grow', () => {
    // One parcel that took 3 days long ago, one that took 1 day lately: with growth, day 1's hazard is
    // learned mostly from the parcel that was at day 1 most recently.
    const counts = new SurvivalCounts();
    counts.addEvent(1, 1, 2); // weights 1, 2 on days 0, 1
    counts.addEvent(3, 1, 1);
    assert.deepEqual(counts.atRisk, [2, 3, 1, 1]);
    assert.equal(counts.events[1], 2);
  });

  it('weighs records by their weight', () => {
    const counts = new SurvivalCounts();
    counts.addEvent(0, 3);
    counts.addEvent(2, 1);
    assert.deepEqual(kaplanMeier(counts), [0.75, 0, 0.25]);
  });
});

describe('quantiles', () => {
  it('adds handling and transit days by convolution', () => {
    assert.deepEqual(convolve([0.5, 0.5], [0, 1]), [0, 0.5, 0.5]);
  });

  it('reads a quantile conditioned on the days already gone by', () => {
    const cdf = cumulative([0.25, 0.25, 0.25, 0.25]);
    assert.equal(conditionalQuantile(cdf, 0.5), 1);
    assert.equal(conditionalQuantile(cdf, 0.5, 2), 2);
    assert.equal(conditionalQuantile(cdf, 0.9, 2), 3);
    assert.equal(conditionalQuantile(cdf, 0.5, 7), 7, 'past anything seen: overdue, any day now');
  });
});

describe('shifted', () => {
  const pmfOf = (cdf: Float64Array) => [...cdf].map((c, t) => Math.round((c - (t > 0 ? cdf[t - 1]! : 0)) * 1e9) / 1e9);

  it('moves a share of each day by the whole days and the rest one day further', () => {
    const cdf = cumulative([0.5, 0.5]);
    assert.deepEqual(pmfOf(shifted(cdf, 0.5)), [0.25, 0.5, 0.25]);
    assert.deepEqual(pmfOf(shifted(cdf, 2)), [0, 0, 0.5, 0.5]);
    assert.equal(shifted(cdf, 0), cdf);
  });

  it('never moves a day before day 0', () => {
    assert.deepEqual(pmfOf(shifted(cumulative([0, 0.5, 0.5]), -1.5)), [0.75, 0.25, 0]);
  });
});
