// Every adapter treats a scan whose time cannot be read the same way: one that says something is an answer
// Trackline cannot read (invalid_response, naming the field), never a scan silently dropped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aftership, dhl, easypost, fedex, isTracklineError, shippo, ups, usps } from '@trackline/core';
import { fedexTracking } from './aftership/fixtures.js';
import { dhlSample } from './dhl/fixtures.js';
import { createdTracker } from './easypost/fixtures.js';
import { fedexSpecExample } from './fedex/fixtures.js';
import { referenceTrack } from './shippo/fixtures.js';
import { upsInTransitExample } from './ups/fixtures.js';
import { groundAdvantageDelivered } from './usps/fixtures.js';

const keys = { apiKey: 'key', clientId: 'id', clientSecret: 'secret' };

/** A copy of `value` with the field at `path` set to `to` (`undefined` removes it). */
function withField(value: unknown, path: readonly (string | number)[], to: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let holder = copy;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (to === undefined) delete holder[last];
  else holder[last] = to;
  return copy;
}

const upsScan = ['trackResponse', 'shipment', 0, 'package', 0, 'activity', 0] as const;
const fedexScan = ['output', 'completeTrackResults', 0, 'trackResults', 0, 'scanEvents', 0] as const;

/** For each adapter: a documented answer, the scan time spoiled in it, and the field the error must name. */
const cases = [
  {
    adapter: ups(keys),
    fixture: upsInTransitExample,
    // UPS gives the time twice, local and GMT: both spoiled, nothing is left to read.
    spoil: (raw: unknown) =>
      withField(withField(raw, [...upsScan, 'date'], 'yesterday'), [...upsScan, 'gmtDate'], undefined),
    field: 'trackResponse.shipment[0].package[0].activity[0].date',
  },
  {
    adapter: fedex(keys),
    fixture: fedexSpecExample,
    spoil: (raw: unknown) => withField(raw, [...fedexScan, 'date'], 'yesterday'),
    field: 'output.completeTrackResults[0].trackResults[0].scanEvents[0].date',
  },
  {
    adapter: usps(keys),
    fixture: groundAdvantageDelivered,
    spoil: (raw: unknown) =>
      withField(
        withField(raw, ['trackingEvents', 0, 'eventTimestamp'], 'yesterday'),
        ['trackingEvents', 0, 'GMTTimestamp'],
        undefined,
      ),
    field: 'trackingEvents[0].eventTimestamp',
  },
  {
    adapter: dhl(keys),
    fixture: dhlSample,
    spoil: (raw: unknown) => withField(raw, ['shipments', 0, 'events', 0, 'timestamp'], 'yesterday'),
    field: 'shipments[0].events[0].timestamp',
  },
  {
    adapter: easypost(keys),
    fixture: createdTracker,
    spoil: (raw: unknown) => withField(raw, ['tracking_details', 1, 'datetime'], 'yesterday'),
    field: 'tracking_details[1].datetime',
  },
  {
    adapter: shippo(keys),
    fixture: referenceTrack,
    spoil: (raw: unknown) => withField(raw, ['tracking_history', 0, 'status_date'], 'yesterday'),
    field: 'tracking_history[0].status_date',
  },
  {
    adapter: aftership(keys),
    fixture: fedexTracking,
    spoil: (raw: unknown) => withField(raw, ['checkpoints', 1, 'checkpoint_time'], 'yesterday'),
    field: 'checkpoints[1].checkpoint_time',
  },
];

describe('a scan whose time cannot be read', () => {
  it('leaves the documented answers readable', () => {
    // So the error below comes from the one field spoiled.
    for (const { adapter, fixture } of cases) assert.doesNotThrow(() => adapter.parse(fixture), adapter.id);
  });

  it('is invalid_response naming the field and the value, for every adapter, not a scan dropped', () => {
    for (const { adapter, fixture, spoil, field } of cases) {
      let thrown: unknown;
      try {
        const shipment = adapter.parse(spoil(fixture));
        assert.fail(`${adapter.id} gave ${shipment.status} with ${shipment.events.length} events`);
      } catch (error) {
        thrown = error;
      }
      assert.ok(isTracklineError(thrown, 'invalid_response'), `${adapter.id}: ${String(thrown)}`);
      assert.ok(thrown.message.includes(`${field}: expected a date and time`), `${adapter.id}: ${thrown.message}`);
      assert.match(thrown.message, /\(got "yesterday"\)/);
    }
  });

  it('is skipped when the scan says nothing at all, as there is nothing of it to show', () => {
    const empty = { date: 'yesterday', eventType: '', eventDescription: '', derivedStatusCode: '' };
    const raw = withField(fedexSpecExample, [...fedexScan], empty);
    assert.equal(fedex(keys).parse(raw).events.length, fedex(keys).parse(fedexSpecExample).events.length - 1);
  });
});
