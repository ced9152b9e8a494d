import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TracklineError, parseShipment, type Shipment } from '@trackline/core';

const shipment: Shipment = {
  carrier: 'fedex',
  trackingNumber: '776094337676',
  status: 'in_transit',
  events: [
    {
      at: '2024-04-24T16:05:00-07:00',
      timeSource: 'carrier',
      status: 'in_transit',
      code: 'PU',
      description: 'Picked up',
      location: { city: 'Fresno', region: 'CA', country: 'US' },
    },
  ],
  updatedAt: '2024-04-24T23:10:00Z',
};

function invalid(input: unknown): TracklineError {
  try {
    parseShipment(input);
  } catch (error) {
    assert.ok(error instanceof TracklineError);
    assert.equal(error.code, 'invalid_response');
    return error;
  }
  assert.fail('expected parseShipment to throw');
}

describe('parseShipment', () => {
  it('accepts a well-formed shipment unchanged', () => {
    assert.deepEqual(parseShipment(shipment), shipment);
  });

  it('names the event field whose time has no offset', () => {
    const bad = { ...shipment, events: [{ ...shipment.events[0], at: '2024-04-24T16:05:00' }] };
    const error = invalid(bad);
    assert.match(error.message, /events\[0\]\.at: expected an ISO 8601 date-time with a UTC offset/);
    assert.match(error.message, /got "2024-04-24T16:05:00"/);
  });

  it('lists the allowed statuses when the status is unknown', () => {
    const error = invalid({ ...shipment, status: 'exception' });
    assert.match(error.message, /^Invalid shipment: status: expected one of "pending", "info_received"/);
    assert.match(error.message, /got "exception"/);
  });

  it('says which required field is missing', () => {
    const { trackingNumber: _omitted, ...rest } = shipment;
    assert.match(invalid(rest).message, /trackingNumber: expected string \(got nothing\)/);
  });

  it('rejects a lower-case or three-letter country code', () => {
    const bad = { ...shipment, destination: { country: 'usa' } };
    assert.match(invalid(bad).message, /destination\.country: expected an ISO 3166-1 alpha-2 country code/);
  });

  it('rejects a problem reason the model does not know', () => {
    const bad = {
      ...shipment,
      problem: { reason: 'aliens', actionRequired: false, since: '2024-04-25T11:29:00-07:00' },
    };
    assert.match(invalid(bad).message, /problem\.reason: expected one of "delayed", "weather"/);
  });

  it('rejects something that is not an object at all', () => {
    assert.match(invalid('not json').message, /\(the value itself\): expected object/);
  });
});
