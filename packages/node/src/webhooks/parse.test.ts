import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aftership, easypost, isTracklineError, shippo } from '@trackline/core';
import { parseWebhook } from '@trackline/node';
import fc from 'fast-check';
import { easypostOfficial, shipmentWith, standardBody } from './testing.js';

const now = new Date('2024-08-03T12:00:00Z');

const shippoTrack = {
  carrier: 'usps',
  tracking_number: '9205590164917312751089',
  tracking_status: {
    status: 'TRANSIT',
    status_details: 'Arrived at USPS facility',
    status_date: '2023-11-06T10:00:00Z',
    location: { city: 'Las Vegas', state: 'NV', zip: '89101', country: 'US' },
  },
  tracking_history: [
    {
      status: 'PRE_TRANSIT',
      status_details: 'Shipping label created',
      status_date: '2023-11-05T08:00:00Z',
      location: { city: 'Reno', state: 'NV', zip: '89501', country: 'US' },
    },
    {
      status: 'TRANSIT',
      status_details: 'Arrived at USPS facility',
      status_date: '2023-11-06T10:00:00Z',
      location: { city: 'Las Vegas', state: 'NV', zip: '89101', country: 'US' },
    },
  ],
};

const aftershipTracking = {
  tracking_number: '772857780801',
  slug: 'fedex',
  tag: 'InTransit',
  subtag: 'InTransit_001',
  checkpoints: [
    {
      checkpoint_time: '2024-05-01T09:00:00-04:00',
      tag: 'InfoReceived',
      subtag: 'InfoReceived_001',
      message: 'Shipment information sent to FedEx',
      country_region: 'USA',
    },
    {
      checkpoint_time: '2024-05-02T18:30:00-04:00',
      tag: 'InTransit',
      subtag: 'InTransit_001',
      message: 'Departed FedEx location',
      city: 'Memphis',
      state: 'TN',
      country_region: 'USA',
    },
  ],
};

function invalid(pattern: RegExp) {
  return (error: unknown) => isTracklineError(error, 'invalid_response') && pattern.test(error.message);
}

describe('parseWebhook', () => {
  it('reads EasyPost’s official tracker.updated Event exactly as the EasyPost adapter reads the tracker', () => {
    const [update, ...rest] = parseWebhook('easypost', easypostOfficial.body, { now });
    assert.equal(rest.length, 0);
    const polled = easypost({ apiKey: 'unused', now: () => now }).parse(JSON.parse(easypostOfficial.body).result);
    assert.deepEqual(update?.shipment, polled);
    assert.equal(update?.shipment.status, 'in_transit');
    assert.equal(update?.webhookId, 'easypost:evt_1');
    assert.equal(update?.source, 'easypost');
    assert.equal(update?.receivedAt, now.toISOString());
  });

  it('reads a Shippo track_updated event like the Shippo adapter, keyed by the body’s hash', () => {
    const body = JSON.stringify({ event: 'track_updated', test: false, data: shippoTrack });
    const [update] = parseWebhook('shippo', Buffer.from(body), { now });
    assert.deepEqual(update?.shipment, shippo({ apiKey: 'unused', now: () => now }).parse(shippoTrack));
    assert.equal(update?.shipment.status, 'in_transit');
    assert.match(update?.webhookId ?? '', /^shippo:sha256:[0-9a-f]{64}$/);
    // The same bytes delivered again get the same id; different bytes another.
    assert.equal(parseWebhook('shippo', body, { now })[0]?.webhookId, update?.webhookId);
    const other = JSON.stringify({ event: 'track_updated', test: true, data: shippoTrack });
    assert.notEqual(parseWebhook('shippo', other, { now })[0]?.webhookId, update?.webhookId);
  });

  it('reads an AfterShip tracking_update like the AfterShip adapter, keyed by its event_id', () => {
    const body = { ts: 1714600000, event: 'tracking_update', event_id: 'e-42', msg: aftershipTracking };
    const [update] = parseWebhook('aftership', JSON.stringify(body), { now });
    assert.deepEqual(update?.shipment, aftership({ apiKey: 'unused', now: () => now }).parse(aftershipTracking));
    assert.equal(update?.shipment.carrier, 'fedex');
    assert.equal(update?.webhookId, 'aftership:e-42');
  });

  it('reads a Standard Webhooks shipment.updated envelope, keyed by its webhook-id header', () => {
    const shipment = shipmentWith('1Z999AA10123456784', [['2026-05-01T10:00:00-04:00', 'in_transit', 'I']]);
    const headers = new Headers({ 'webhook-id': 'msg_1' });
    const [update] = parseWebhook('standard', standardBody(shipment), { now, headers });
    assert.deepEqual(update?.shipment, shipment);
    assert.equal(update?.webhookId, 'standard:msg_1');
    assert.equal(
      parseWebhook('standard', standardBody(shipment), { now, headers: { 'Webhook-Id': 'msg_2' } })[0]?.webhookId,
      'standard:msg_2',
    );
  });

  it('reads a body that starts with a byte order mark, as some senders write it', () => {
    const shipment = shipmentWith('1Z999AA10123456784', [['2026-05-01T10:00:00-04:00', 'in_transit', 'I']]);
    const headers = { 'webhook-id': 'msg_bom' };
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(standardBody(shipment))]);
    assert.deepEqual(parseWebhook('standard', withBom, { now, headers })[0]?.shipment, shipment);
    assert.deepEqual(
      parseWebhook('standard', `\uFEFF${standardBody(shipment)}`, { now, headers })[0]?.shipment,
      shipment,
    );
    // One mark is a mark; a second is part of the body, and a body of nothing but a mark is empty.
    assert.throws(() => parseWebhook('standard', `\uFEFF\uFEFF${standardBody(shipment)}`), invalid(/not JSON/));
    assert.throws(() => parseWebhook('shippo', '\uFEFF'), invalid(/empty/));
  });

  it('acknowledges events that are not about a shipment with no update', () => {
    assert.deepEqual(parseWebhook('easypost', '{"id":"evt_2","description":"batch.created","result":{}}'), []);
    assert.deepEqual(parseWebhook('shippo', '{"event":"transaction_created","data":{}}'), []);
    assert.deepEqual(parseWebhook('aftership', '{"event":"tracking_pending_time","msg":{}}'), []);
    assert.deepEqual(parseWebhook('standard', '{"type":"order.created","timestamp":"x","data":{}}'), []);
  });

  it('stores nothing for a number the provider could not track', () => {
    const tracker = { object: 'Tracker', tracking_code: 'EZ0', status: 'error', tracking_details: [] };
    assert.deepEqual(parseWebhook('easypost', JSON.stringify({ description: 'tracker.updated', result: tracker })), []);
  });

  it('names the field of a malformed body', () => {
    assert.throws(() => parseWebhook('easypost', '{"result":{}}'), invalid(/EasyPost webhook: description: expected/));
    assert.throws(
      () =>
        parseWebhook(
          'easypost',
          JSON.stringify({ description: 'tracker.updated', result: { tracking_details: 'soon' } }),
        ),
      invalid(/result\.tracking_code/),
    );
    assert.throws(
      () =>
        parseWebhook(
          'shippo',
          JSON.stringify({ event: 'track_updated', data: { ...shippoTrack, tracking_number: 7 } }),
        ),
      invalid(/data\.tracking_number/),
    );
    assert.throws(
      () => parseWebhook('aftership', JSON.stringify({ event: 'tracking_update', msg: 'delivered' })),
      invalid(/msg: expected an object \(got string "delivered"\)/),
    );
    const shipment = shipmentWith('1Z1', [['2026-05-01T10:00:00Z', 'in_transit', 'I']]);
    assert.throws(
      () => parseWebhook('standard', standardBody({ ...shipment, status: 'lost' as never })),
      invalid(/data\.status/),
    );
    assert.throws(() => parseWebhook('standard', '{"data":{}}'), invalid(/type: expected a non-empty string/));
  });

  it('says when the body is not JSON, not an object, empty or not UTF-8', () => {
    assert.throws(() => parseWebhook('shippo', '{"event":'), invalid(/not JSON/));
    assert.throws(() => parseWebhook('shippo', '[1,2]'), invalid(/not a JSON object/));
    assert.throws(() => parseWebhook('shippo', ''), invalid(/empty/));
    assert.throws(() => parseWebhook('shippo', new Uint8Array([0x7b, 0xff, 0x7d])), invalid(/not UTF-8/));
    assert.throws(() => parseWebhook('ups' as never, '{}'), invalid(/Unknown webhook provider "ups"/));
  });

  it('never throws anything but a TracklineError, whatever it is given', () => {
    const providers = fc.constantFrom('easypost', 'shippo', 'aftership', 'standard' as const);
    const envelope = fc.record(
      {
        id: fc.anything(),
        description: fc.constantFrom('tracker.updated', 'tracker.created', 'x'),
        event: fc.constantFrom('track_updated', 'tracking_update', 'edd_revise', 'x'),
        type: fc.constantFrom('shipment.updated', 'x'),
        event_id: fc.anything(),
        result: fc.anything(),
        data: fc.anything(),
        msg: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        providers,
        fc.oneof(
          fc.string(),
          envelope.map((value) => JSON.stringify(value) ?? ''),
        ),
        (provider, body) => {
          try {
            parseWebhook(provider, body);
          } catch (error) {
            if (!isTracklineError(error)) throw error;
          }
        },
      ),
    );
  });
});
