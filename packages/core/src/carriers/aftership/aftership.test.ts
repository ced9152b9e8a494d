import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aftership, isTracklineError } from '@trackline/core';
import fc from 'fast-check';
import { emptyList, fedexTracking, notFoundBody, trackingList, webhookBody } from './fixtures.js';
import { fakeFetch, json } from '../testing.js';
/** A fetch that answers every request with `body` as JSON. */
const fakeJson = (body: unknown, status = 200) => fakeFetch(() => json(body, status));

const now = () => new Date('2023-01-18T18:00:00Z');
const apiKey = 'asat_not_a_real_key';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected the call to fail');
}

describe('aftership adapter', () => {
  it('reads a FedEx tracking: checkpoints oldest first in local time, subtag codes, carrier date and link', () => {
    const shipment = aftership({ apiKey, now }).parse(trackingList);
    assert.equal(shipment.carrier, 'fedex');
    assert.equal(shipment.trackingNumber, '61293150000079650811');
    assert.equal(shipment.status, 'in_transit');
    assert.equal(shipment.service, 'FedEx Ground');
    assert.deepEqual(
      shipment.events.map((event) => [event.at, event.timeSource, event.code, event.status]),
      [
        // No offset from AfterShip: Memphis is on Central time.
        ['2023-01-17T18:02:00-06:00', 'inferred', 'InfoReceived_001', 'info_received'],
        ['2023-01-18T02:14:00-06:00', 'carrier', 'InTransit_007', 'in_transit'],
      ],
    );
    assert.deepEqual(shipment.events[0]?.location, {
      city: 'Memphis',
      region: 'TN',
      postalCode: '38118',
      country: 'US',
    });
    assert.deepEqual(shipment.destination, {
      city: 'Los Angeles',
      region: 'CA',
      postalCode: '90001',
      country: 'US',
    });
    assert.deepEqual(shipment.estimate, {
      earliest: '2023-01-20',
      latest: '2023-01-20',
      likely: '2023-01-20',
      confidence: 0.8,
      basis: 'carrier',
    });
    assert.equal(shipment.trackingUrl, 'https://www.fedex.com/fedextrack/?tracknumbers=61293150000079650811');
  });

  it('leaves out the carrier’s date AfterShip keeps once the parcel is delivered', () => {
    const tracking = structuredClone(fedexTracking);
    tracking.checkpoints.push({
      ...tracking.checkpoints.at(-1)!,
      checkpoint_time: '2023-01-19T14:00:00-08:00',
      tag: 'Delivered',
      subtag: 'Delivered_001',
      message: 'Delivered',
    });
    const shipment = aftership({ apiKey, now }).parse(tracking);
    assert.equal(shipment.status, 'delivered');
    assert.equal(shipment.estimate, undefined);
  });

  it('reads the tracking of a webhook, of GET /trackings/{id} and a bare tracking alike', () => {
    const adapter = aftership({ apiKey, now });
    const expected = adapter.parse(trackingList);
    assert.deepEqual(adapter.parse(webhookBody), expected);
    assert.deepEqual(adapter.parse({ meta: { code: 200 }, data: fedexTracking }), expected);
    assert.deepEqual(adapter.parse({ meta: { code: 200 }, data: { tracking: fedexTracking } }), expected);
    assert.deepEqual(adapter.parse(fedexTracking), expected);
  });

  it('takes the date range AfterShip predicts when the carrier gives none, and the store’s own date last', () => {
    const adapter = aftership({ apiKey, now });
    const predicted = adapter.parse({
      ...fedexTracking,
      courier_estimated_delivery_date: null,
      aftership_estimated_delivery_date: {
        estimated_delivery_date: '2023-01-21',
        estimated_delivery_date_min: '2023-01-20',
        estimated_delivery_date_max: '2023-01-23',
      },
    });
    assert.deepEqual(predicted.estimate, {
      earliest: '2023-01-20',
      latest: '2023-01-23',
      likely: '2023-01-21',
      confidence: 0.8,
      basis: 'carrier',
    });
    const custom = adapter.parse({
      ...fedexTracking,
      courier_estimated_delivery_date: null,
      custom_estimated_delivery_date: {
        type: 'range',
        datetime: null,
        datetime_min: '2023-01-22',
        datetime_max: '2023-01-24',
      },
    });
    assert.deepEqual(custom.estimate, {
      earliest: '2023-01-22',
      latest: '2023-01-24',
      likely: '2023-01-24',
      confidence: 0.8,
      basis: 'promise',
    });
  });

  it('lists the trackings of the number with the as-api-key header, on API version 2025-01 by default', async () => {
    const { fetch, requests } = fakeJson(trackingList);
    await aftership({ apiKey, fetch, now }).track('6129 3150 0000 7965 0811');
    const { request } = requests[0]!;
    assert.equal(request?.method, 'GET');
    assert.equal(
      request?.url,
      'https://api.aftership.com/tracking/2025-01/trackings?tracking_numbers=61293150000079650811',
    );
    assert.equal(request?.headers.get('as-api-key'), apiKey);
  });

  it('never answers with another parcel of the account when the number is not in the list', async () => {
    const { fetch } = fakeJson(trackingList);
    await assert.rejects(aftership({ apiKey, fetch, now }).track('9400111899223197428497'), { code: 'not_found' });
  });

  it('refuses a list of numbers, which would read other parcels', async () => {
    const { fetch, requests } = fakeJson(trackingList);
    await assert.rejects(aftership({ apiKey, fetch, now }).track('MYNUMBER1,RA123456789US'), {
      code: 'invalid_number',
    });
    assert.equal(requests.length, 0);
  });

  it('uses the API version asked for', async () => {
    const { fetch, requests } = fakeJson(trackingList);
    await aftership({ apiKey, fetch, apiVersion: '2026-07' }).track('61293150000079650811');
    assert.match(requests[0]!.request.url ?? '', /^https:\/\/api\.aftership\.com\/tracking\/2026-07\/trackings\?/);
  });

  it('picks the tracking of the asked carrier when two couriers share the number', async () => {
    const dhl = { ...fedexTracking, id: 'x', slug: 'dhl' };
    const { fetch } = fakeJson({ ...trackingList, data: { trackings: [fedexTracking, dhl] } });
    const shipment = await aftership({ apiKey, fetch, now }).track('61293150000079650811', { carrier: 'dhl' });
    assert.equal(shipment.carrier, 'dhl');
  });

  it('says not_found for a number the account has not added, and for error 4004', async () => {
    for (const [body, status] of [
      [emptyList, 200],
      [notFoundBody, 404],
      [notFoundBody, 200],
    ] as const) {
      const { fetch } = fakeJson(body, status);
      const error = await rejection(aftership({ apiKey, fetch }).track('61293150000079650811'));
      assert.ok(isTracklineError(error, 'not_found'), `${status}: ${String(error)}`);
      assert.equal((error as Error).message, 'AfterShip has no shipment with this tracking number.');
    }
  });

  it('says auth for a refused key without showing it', async () => {
    const { fetch } = fakeJson(
      { meta: { code: 401, message: 'Invalid API key.', type: 'Unauthorized' }, data: {} },
      401,
    );
    const error = await rejection(aftership({ apiKey, fetch }).track('61293150000079650811'));
    assert.ok(isTracklineError(error, 'auth'), String(error));
    assert.ok(!(error as Error).message.includes(apiKey));
  });

  it('names the field when the tracking has the wrong shape', () => {
    assert.throws(
      () =>
        aftership({ apiKey }).parse({
          ...trackingList,
          data: { trackings: [{ ...fedexTracking, checkpoints: 'none' }] },
        }),
      (error) =>
        isTracklineError(error, 'invalid_response') &&
        /data\.trackings\[0\]\.checkpoints: expected array/.test(error.message),
    );
  });

  it('never throws anything but a TracklineError, whatever it is given', () => {
    const adapter = aftership({ apiKey, now });
    const text = fc.option(
      fc.oneof(
        fc.string(),
        fc.constantFrom('2023-01-18T02:14:00-06:00', '2023-01-17T18:02:00', 'USA', 'Exception_013'),
      ),
    );
    const checkpoint = fc.record(
      { checkpoint_time: text, city: text, state: text, country_region: text, message: text, tag: text, subtag: text },
      { requiredKeys: [] },
    );
    const tracking = fc.record(
      {
        tracking_number: fc.oneof(fc.string(), fc.constant('61293150000079650811')),
        slug: text,
        checkpoints: fc.array(checkpoint, { maxLength: 4 }),
        courier_estimated_delivery_date: fc.option(
          fc.record({ estimated_delivery_date: text, estimated_delivery_date_min: text }),
        ),
        custom_estimated_delivery_date: fc.option(fc.record({ datetime_min: text, datetime_max: text })),
        courier_tracking_link: text,
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.anything(),
      tracking,
      fc.record({ meta: fc.anything(), data: fc.oneof(tracking, fc.record({ trackings: fc.array(tracking) })) }),
      fc.record({ event: fc.string(), msg: fc.oneof(tracking, fc.anything()) }),
    );
    fc.assert(
      fc.property(body, (raw) => {
        try {
          adapter.parse(raw);
        } catch (error) {
          if (!isTracklineError(error)) throw error;
        }
      }),
    );
  });
});
