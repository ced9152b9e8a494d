import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SurvivalCounts, conditionalQuantile, convolve, cumulative, kaplanMeier } from './survival.js';

describe('kaplanMeier', () => {
  it('is the plain share of each day when nothing is censored', () => {
    const counts = new SurvivalCounts();
    counts.addEvent(1, 1);
    counts.addEvent(2, 3);
    assert.deepEqual(kaplanMeier(counts), [0, 0.25, 0.75]);
  });

  it('keeps censored records at risk until their wait, and puts what remains after the longest wait', () => {
    const counts = new SurvivalCounts();
    counts.addEvent(1, 1);
    counts.addCensored(1, 1); // waited more than one day
    counts.addEvent(3, 1);
    counts.addCensored(4, 1); // waited more than four days
    // S(1) = 1 − 1/4 = 0.75; S(3) = 0.75 × (1 − 1/2) = 0.375, left for day 5.
    assert.deepEqual(kaplanMeier(counts), [0, 0.25, 0, 0.375, 0, 0.375]);
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
