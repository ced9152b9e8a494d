import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTracklineError, shippo } from '@trackline/core';
import fc from 'fast-check';
import { referenceTrack, royalMailTrack, unknownTrack } from './fixtures.js';
import { fakeFetch, json } from '../testing.js';
/** A fetch that answers every request with `body` as JSON. */
const fakeJson = (body: unknown, status = 200) => fakeFetch(() => json(body, status));

const now = () => new Date('2025-07-25T08:00:00Z');
const apiKey = 'shippo_test_not_a_real_token';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected the call to fail');
}

describe('shippo adapter', () => {
  it('reads the API reference’s tracking example: scan time shown in Las Vegas time, ETA, service and addresses', () => {
    const shipment = shippo({ apiKey, now }).parse(referenceTrack);
    assert.equal(shipment.carrier, 'usps');
    assert.equal(shipment.trackingNumber, '9205590164917312751089');
    assert.equal(shipment.service, 'Priority Mail Express');
    assert.equal(shipment.events.length, 1);
    const [event] = shipment.events;
    // Shippo's status_date is UTC; this is the same instant in Las Vegas (PDT).
    assert.equal(event?.at, '2016-07-22T17:00:00-07:00');
    assert.equal(event?.timeSource, 'inferred');
    assert.equal(event?.code, 'DELIVERED/information_received');
    assert.equal(event?.description, 'Your shipment has been delivered at the destination mailbox.');
    assert.deepEqual(event?.location, { city: 'Las Vegas', region: 'NV', postalCode: '89101', country: 'US' });
    assert.equal(shipment.estimate?.likely, '2023-11-07');
    assert.deepEqual(shipment.destination, { city: 'Las Vegas', region: 'NV', postalCode: '89101', country: 'US' });
  });

  it('leaves out the eta Shippo keeps sending once the parcel is delivered', () => {
    const first = referenceTrack.tracking_history[0]!;
    const delivered = {
      ...first,
      substatus: { code: 'delivered', text: 'Package has been delivered.', action_required: false },
    };
    const shipment = shippo({ apiKey, now }).parse({
      ...referenceTrack,
      tracking_status: delivered,
      tracking_history: [delivered],
    });
    assert.equal(shipment.status, 'delivered');
    assert.equal(shipment.estimate, undefined);
  });

  it('reads a delivered Royal Mail parcel with only a current status, in UTC when the place is unknown', () => {
    const shipment = shippo({ apiKey, now }).parse(royalMailTrack);
    assert.equal(shipment.carrier, 'royal_mail');
    assert.equal(shipment.status, 'delivered');
    assert.equal(shipment.deliveredAt, '2025-07-24T10:32:52.000Z');
    assert.equal(shipment.events[0]?.timeSource, 'utc');
    assert.equal(shipment.events[0]?.code, 'DELIVERED/delivered');
    assert.equal(shipment.estimate, undefined);
    assert.equal(shipment.service, undefined);
  });

  it('reads the Track inside a track_updated webhook as it reads the API’s answer', () => {
    const adapter = shippo({ apiKey, now });
    assert.deepEqual(
      adapter.parse({ event: 'track_updated', test: true, data: royalMailTrack }),
      adapter.parse(royalMailTrack),
    );
  });

  it('asks GET /tracks/{carrier}/{number} with a ShippoToken header and Shippo’s carrier token', async () => {
    const { fetch, requests } = fakeJson(referenceTrack);
    await shippo({ apiKey, fetch, now }).track('9205 5901 6491 7312 7510 89', { carrier: 'dhl' });
    const { request } = requests[0]!;
    assert.equal(request?.method, 'GET');
    assert.equal(request?.url, 'https://api.goshippo.com/tracks/dhl_express/9205590164917312751089');
    assert.equal(request?.headers.get('authorization'), `ShippoToken ${apiKey}`);
  });

  it('finds the carrier from the number when none is given', async () => {
    const { fetch, requests } = fakeJson(referenceTrack);
    const adapter = shippo({ apiKey, fetch, now, baseUrl: 'http://127.0.0.1:9/shippo' });
    await adapter.track('1Z999AA10123456784');
    await adapter.track('shippo_delivered');
    assert.equal(requests[0]!.request.url, 'http://127.0.0.1:9/shippo/tracks/ups/1Z999AA10123456784');
    assert.equal(requests[1]!.request.url, 'http://127.0.0.1:9/shippo/tracks/shippo/SHIPPO_DELIVERED');
  });

  it('asks for the carrier when the number does not tell it, without calling Shippo', async () => {
    const { fetch, requests } = fakeJson(referenceTrack);
    const error = await rejection(shippo({ apiKey, fetch }).track('NOT-A-NUMBER'));
    assert.ok(isTracklineError(error, 'invalid_number'), String(error));
    assert.match((error as Error).message, /Pass \{ carrier \}/);
    assert.equal(requests.length, 0);
  });

  it('says not_found when Shippo knows no status and no history for the number', async () => {
    for (const body of [unknownTrack, { ...unknownTrack, tracking_status: null }]) {
      const { fetch } = fakeJson(body);
      const error = await rejection(shippo({ apiKey, fetch }).track('9205590164917312751089', { carrier: 'usps' }));
      assert.ok(isTracklineError(error, 'not_found'), String(error));
      assert.equal((error as Error).message, 'Shippo has no shipment with this tracking number.');
    }
  });

  it('says auth for a refused token without showing it', async () => {
    const { fetch } = fakeJson({ detail: 'Invalid token.' }, 401);
    const error = await rejection(shippo({ apiKey, fetch }).track('1Z999AA10123456784'));
    assert.ok(isTracklineError(error, 'auth'), String(error));
    assert.ok(!(error as Error).message.includes(apiKey));
  });

  it('names the field when the Track has the wrong shape', () => {
    assert.throws(
      () => shippo({ apiKey }).parse({ ...referenceTrack, tracking_history: { status: 'TRANSIT' } }),
      (error) => isTracklineError(error, 'invalid_response') && /tracking_history: expected array/.test(error.message),
    );
  });

  it('never throws anything but a TracklineError, whatever it is given', () => {
    const adapter = shippo({ apiKey, now });
    const text = fc.option(fc.oneof(fc.string(), fc.constantFrom('2016-07-23T00:00:00Z', 'TRANSIT', 'UNKNOWN', 'US')));
    const status = fc.record(
      {
        status: text,
        status_details: text,
        status_date: text,
        location: fc.option(fc.record({ city: text, state: text, zip: text, country: text })),
        substatus: fc.option(fc.record({ code: text, text: text })),
      },
      { requiredKeys: [] },
    );
    const track = fc.record(
      {
        event: fc.constantFrom('track_updated', undefined),
        carrier: text,
        tracking_number: fc.oneof(fc.string(), fc.constant('SHIPPO_TRANSIT')),
        eta: text,
        tracking_status: fc.option(status),
        tracking_history: fc.array(status, { maxLength: 4 }),
        data: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), track), (raw) => {
        try {
          adapter.parse(raw);
        } catch (error) {
          if (!isTracklineError(error)) throw error;
        }
      }),
    );
  });
});
