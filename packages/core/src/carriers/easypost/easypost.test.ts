import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { easypost, isTracklineError } from '@trackline/core';
import fc from 'fast-check';
import { createdTracker, errorTracker, eventBody } from './fixtures.js';
import { fakeFetch, json } from '../testing.js';
/** A fetch that answers every request with `body` as JSON. */
const fakeJson = (body: unknown, status = 200) => fakeFetch(() => json(body, status));

const now = () => new Date('2024-08-03T12:00:00Z');
const apiKey = 'EZAK-not-a-real-key';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected the call to fail');
}

describe('easypost adapter', () => {
  it("reads EasyPost's documented tracker for EZ1000000001: USPS label data, oldest first", () => {
    const shipment = easypost({ apiKey, now }).parse(createdTracker);
    assert.equal(shipment.carrier, 'usps');
    assert.equal(shipment.trackingNumber, 'EZ1000000001');
    assert.equal(shipment.status, 'info_received');
    assert.equal(shipment.service, 'First-Class Package Service');
    assert.deepEqual(
      shipment.events.map((event) => [event.at, event.timeSource, event.code, event.description]),
      [
        // No place: EasyPost's time is UTC.
        ['2023-11-01T05:14:45+00:00', 'utc', 'pre_transit/status_update', 'Pre-Shipment Info Sent to USPS'],
        // Houston: EasyPost's "Z" time is the local wall time there (CDT).
        ['2023-11-01T17:51:45-05:00', 'inferred', 'pre_transit/status_update', 'Shipping Label Created'],
      ],
    );
    assert.deepEqual(shipment.events[1]?.location, { city: 'HOUSTON', region: 'TX', postalCode: '77063' });
    assert.deepEqual(shipment.origin, { city: 'HOUSTON', region: 'TX', postalCode: '77063' });
    assert.deepEqual(shipment.estimate, {
      earliest: '2023-12-01',
      latest: '2023-12-01',
      likely: '2023-12-01',
      confidence: 0.8,
      basis: 'carrier',
    });
    assert.equal(
      shipment.trackingUrl,
      'https://track.easypost.com/djE6dHJrX2FjZmNjNTA1OGM1NDQ1YmRhNmMzYzMzMTEyNWQ1MmM5',
    );
    assert.equal(shipment.updatedAt, '2024-08-03T12:00:00.000Z');
  });

  it('reads the tracker inside a tracker.updated webhook Event, with its local delivery date', () => {
    const shipment = easypost({ apiKey, now }).parse(JSON.parse(eventBody));
    assert.equal(shipment.carrier, 'fedex');
    assert.equal(shipment.status, 'in_transit');
    assert.equal(shipment.events.length, 7);
    assert.deepEqual(shipment.events[0], {
      at: '2024-07-31T15:00:00-04:00',
      timeSource: 'inferred',
      status: 'info_received',
      code: 'pre_transit/label_created',
      description: 'Shipment information sent to FedEx',
      location: { country: 'US', postalCode: '32837' },
    });
    assert.equal(shipment.events.at(-1)?.at, '2024-08-02T18:50:00-04:00');
    assert.equal(shipment.estimate?.likely, '2024-08-05');
    assert.equal(shipment.service, 'FEDEX_GROUND');
  });

  it('leaves out the delivery date EasyPost keeps sending once the parcel is delivered', () => {
    const last = createdTracker.tracking_details.at(-1)!;
    const tracker = {
      ...createdTracker,
      status: 'delivered',
      tracking_details: [
        ...createdTracker.tracking_details,
        {
          ...last,
          message: 'Delivered',
          description: 'Delivered',
          status: 'delivered',
          status_detail: 'arrived_at_destination',
          datetime: '2023-11-30T15:00:00Z',
        },
      ],
    };
    const shipment = easypost({ apiKey, now }).parse(tracker);
    assert.equal(shipment.status, 'delivered');
    assert.equal(shipment.estimate, undefined);
  });

  it('creates a tracker with the API key as the Basic user and EasyPost’s name for the carrier', async () => {
    const { fetch, requests } = fakeJson(createdTracker);
    await easypost({ apiKey, fetch, now }).track(' 1z999aa1 0123456784 ', { carrier: 'ups' });
    const { request } = requests[0]!;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.url, 'https://api.easypost.com/v2/trackers');
    assert.equal(request?.headers.get('authorization'), `Basic ${btoa(`${apiKey}:`)}`);
    assert.match(request?.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(JSON.parse(requests[0]!.body), {
      tracker: { tracking_code: '1Z999AA10123456784', carrier: 'UPS' },
    });
  });

  it('lets EasyPost detect the carrier when none is given, and uses DHLExpress for DHL', async () => {
    const { fetch, requests } = fakeJson(createdTracker);
    const adapter = easypost({ apiKey, fetch, now, baseUrl: 'http://127.0.0.1:9/easypost/' });
    await adapter.track('EZ1000000001');
    await adapter.track('1234567890', { carrier: 'dhl' });
    assert.equal(requests[0]!.request.url, 'http://127.0.0.1:9/easypost/v2/trackers');
    assert.deepEqual(JSON.parse(requests[0]!.body), { tracker: { tracking_code: 'EZ1000000001' } });
    assert.deepEqual(JSON.parse(requests[1]!.body), {
      tracker: { tracking_code: '1234567890', carrier: 'DHLExpress' },
    });
  });

  it('says not_found when EasyPost could not track the number', async () => {
    const { fetch } = fakeJson(errorTracker);
    const error = await rejection(easypost({ apiKey, fetch }).track('1Z999AA10123456784', { carrier: 'ups' }));
    assert.ok(isTracklineError(error, 'not_found'), String(error));
    assert.equal((error as Error).message, 'EasyPost has no shipment with this tracking number.');
  });

  it('explains that a test key tracks only EasyPost’s test numbers', async () => {
    const { fetch } = fakeJson(
      {
        error: {
          code: 'TRACKER.CREATE.ERROR',
          message:
            'In test mode, only test tracking numbers are valid. Test tracking numbers are EZ1000000001, EZ2000000002, ... , EZ7000000007',
        },
      },
      422,
    );
    const error = await rejection(easypost({ apiKey, fetch }).track('1Z999AA10123456784'));
    assert.ok(isTracklineError(error, 'invalid_number'), String(error));
    assert.match((error as Error).message, /test numbers/);
  });

  it('says auth for a refused key without showing the key', async () => {
    const { fetch } = fakeJson(
      { error: { code: 'APIKEY.INACTIVE', message: 'This api key is no longer active.' } },
      401,
    );
    const error = await rejection(easypost({ apiKey, fetch }).track('EZ1000000001'));
    assert.ok(isTracklineError(error, 'auth'), String(error));
    assert.ok(!String((error as Error).message).includes(apiKey));
  });

  it('names the field when the tracker has the wrong shape', () => {
    const adapter = easypost({ apiKey });
    assert.throws(
      () => adapter.parse({ ...createdTracker, tracking_details: 'soon' }),
      (error) => isTracklineError(error, 'invalid_response') && /tracking_details: expected array/.test(error.message),
    );
    assert.throws(
      () => adapter.parse({ ...createdTracker, tracking_code: undefined }),
      (error) => isTracklineError(error, 'invalid_response') && /tracking_code/.test(error.message),
    );
  });

  it('never throws anything but a TracklineError, whatever it is given', () => {
    const adapter = easypost({ apiKey, now });
    const text = fc.option(fc.oneof(fc.string(), fc.constantFrom('2024-07-31T19:27:00Z', 'in_transit', 'US', 'error')));
    const location = fc.option(fc.record({ city: text, state: text, country: text, zip: text }), { nil: undefined });
    const detail = fc.record(
      { message: text, status: text, status_detail: text, datetime: text, tracking_location: location },
      { requiredKeys: [] },
    );
    const tracker = fc.record(
      {
        object: fc.constantFrom('Tracker', 'Event'),
        tracking_code: fc.oneof(fc.string(), fc.constant('EZ1000000001')),
        status: text,
        carrier: text,
        public_url: text,
        est_delivery_date: text,
        tracking_details: fc.array(detail, { maxLength: 4 }),
        result: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), tracker), (raw) => {
        try {
          adapter.parse(raw);
        } catch (error) {
          if (!isTracklineError(error)) throw error;
        }
      }),
    );
  });
});
