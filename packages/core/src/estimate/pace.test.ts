import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimatePace, stretch, type PaceObservation } from './pace.js';
import { cumulative } from './survival.js';

const close = (actual: number, expected: number, within: number) =>
  assert.ok(Math.abs(actual - expected) <= within, `${actual} is not within ${within} of ${expected}`);

describe('stretch', () => {
  it('makes a one-day wait (which ends at the end of day 1) end at day 3 when everything takes twice as long', () => {
    // P(T' ≤ k) = P(T ≤ (k + 1) / 2 − 1): day 2 reads halfway between days 0 and 1, day 3 reads day 1.
    assert.deepEqual(stretch([0, 1], 2), [0, 0, 0.5, 0.5]);
  });

  it('keeps the distribution at pace 1 and still sums to 1 when shrunk', () => {
    assert.deepEqual(stretch([0.2, 0.5, 0.3], 1), [0.2, 0.5, 0.3]);
    const faster = stretch([0, 0, 0, 1], 0.5); // four days end in two
    assert.deepEqual(faster, [0, 1]);
    close(
      stretch([0.1, 0.2, 0.3, 0.4], 1.37).reduce((a, b) => a + b, 0),
      1,
      1e-12,
    );
  });
});

describe('estimatePace', () => {
  // A lane whose orders end on day 1, 3 or 5 (working days), a third each.
  const lane = cumulative([0, 1 / 3, 0, 1 / 3, 0, 1 / 3]);
  const seen = (days: number, done: boolean, times = 1): PaceObservation[] =>
    Array.from({ length: times }, () => ({ days, done, cdf: lane }));

  it('is 1 when the latest orders end as the lane always did', () => {
    const observations = [...seen(1, true, 30), ...seen(3, true, 30), ...seen(5, true, 30)];
    close(estimatePace(observations, { spread: 0.5 }), 1, 0.011);
  });

  it('reads a slowdown from orders still waiting: none ended by day 2, when a third used to', () => {
    // Twice as slow, day 1 ends at day 3: waiting after day 2 is what a pace of 1.5 or more predicts.
    const waiting = seen(2, false, 60);
    const pace = estimatePace(waiting, { spread: 0.5 });
    assert.ok(pace >= 1.5, `pace ${pace}`);
  });

  it('finds the factor by which finished orders took longer', () => {
    // Every order took exactly twice as long (ended at 2k + 1 for the lane's k): days 3, 7 and 11.
    const observations = [...seen(3, true, 40), ...seen(7, true, 40), ...seen(11, true, 40)];
    close(estimatePace(observations, { spread: 0.5 }), 2, 0.05);
  });

  it('stays at its prior without evidence and moves toward the evidence as it grows', () => {
    assert.equal(estimatePace([], { spread: 0.2 }), 1);
    close(estimatePace([], { spread: 0.2, prior: 1.3 }), 1.3, 0.011);
    const few = estimatePace(seen(1, false, 2), { spread: 0.1 });
    const many = estimatePace(seen(1, false, 200), { spread: 0.1 });
    assert.ok(1 < few && few < many, `few ${few}, many ${many}`);
  });
});
