import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTracklineError } from '../errors/trackline-error.js';
import { fitTransitModel } from './fit.js';
import { weekly } from './fixtures.js';
import { loadTransitModel } from './load.js';
import type { SerializedTransitModel } from './types.js';

const model = fitTransitModel(weekly('2024-03-11', 8, 5, 3), {
  now: '2024-05-13T08:00:00-04:00',
  postalCodes: { origin: 5, destination: 2 },
});

function rejects(change: (json: SerializedTransitModel) => void, field: string): void {
  const json = model.toJSON();
  change(json);
  assert.throws(
    () => loadTransitModel(json),
    (error: unknown) =>
      isTracklineError(error, 'invalid_response') &&
      error.message.includes(`${field} must be a whole number`) &&
      !error.message.includes('must be a number'),
    field,
  );
}

describe('loadTransitModel: whole numbers', () => {
  it('loads the model as fitted', () => {
    assert.doesNotThrow(() => loadTransitModel(JSON.stringify(model)));
  });

  it('names a weekday that is not a whole day of the week', () => {
    rejects((json) => (json.calendars.US!.weekend = [0.5]), 'calendars.US.weekend[0]');
    rejects((json) => (json.calendars.US!.weekend = [7]), 'calendars.US.weekend[0]');
  });

  it('names a last day that is a fraction or past the end of the distribution', () => {
    const transit = (json: SerializedTransitModel) => json.groups['*']!.transit!;
    assert.equal(typeof transit(model.toJSON()).last, 'number', 'the fit writes last');
    rejects((json) => (transit(json).last = 1.5), 'groups["*"].transit.last');
    rejects((json) => (transit(json).last = 1e9), 'groups["*"].transit.last');
    rejects((json) => (transit(json).last = transit(json).pmf.length), 'groups["*"].transit.last');
  });

  it('names postal-code lengths that are not whole numbers of characters', () => {
    rejects((json) => (json.postalCodes!.origin = 2.5), 'postalCodes.origin');
    rejects((json) => (json.postalCodes!.destination = 0), 'postalCodes.destination');
  });
});
