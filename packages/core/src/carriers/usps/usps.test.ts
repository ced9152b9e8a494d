import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TracklineError, parseShipment, usps, type UspsOptions } from '@trackline/core';
import {
  groundAdvantageDelivered,
  invalidClient,
  notTrackable,
  readmeAccepted,
  specError,
  tokenResponse,
} from './fixtures.js';
import { plainText } from './parse.js';
import { fakeFetch, json } from '../testing.js';

const base = 'https://usps.test';
const secret = 'usps-consumer-secret-do-not-show';
const now = () => new Date('2024-11-23T12:00:00Z');

/** A USPS that issues tokens and answers every tracking request with `track`. */
function fakeUsps(track: unknown | ((request: Request) => Response)) {
  return fakeFetch((request) => {
    if (new URL(request.url).pathname === '/oauth2/v3/token') return json(tokenResponse);
    return typeof track === 'function' ? (track as (request: Request) => Response)(request) : json(track);
  });
}

function adapter(fetch: typeof globalThis.fetch, options: Partial<UspsOptions> = {}) {
  return usps({ clientId: 'consumer-key', clientSecret: secret, baseUrl: base, fetch, now, retries: 0, ...options });
}

async function failure(promise: Promise<unknown>): Promise<TracklineError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TracklineError, String(error));
    return error;
  }
  assert.fail('expected the call to fail');
}

function failureOf(run: () => unknown): TracklineError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof TracklineError, String(error));
    return error;
  }
  assert.fail('expected the call to fail');
}

const parse = (raw: unknown) => usps({ clientId: 'id', clientSecret: 'secret', now }).parse(raw);

describe('usps adapter: reading answers', () => {
  it('tells a delivered parcel oldest scan first, with the time it was delivered', () => {
    const shipment = parse(groundAdvantageDelivered);
    assert.doesNotThrow(() => parseShipment(shipment));
    assert.equal(shipment.carrier, 'usps');
    assert.equal(shipment.trackingNumber, '9400109104250532908587');
    assert.equal(shipment.status, 'delivered');
    assert.equal(shipment.deliveredAt, '2024-11-22T13:58:00-05:00');
    assert.equal(shipment.events.length, 12);
    assert.deepEqual(
      shipment.events.map((event) => event.code),
      ['GX', '03', 'SF', '10', 'T1', 'TL', 'TL', 'TL', 'A1', '07', 'OF', '01|category:Delivered'],
    );
    assert.equal(shipment.events[0]!.status, 'info_received');
    assert.equal(shipment.events[0]!.description, 'Shipping Label Created, USPS Awaiting Item');
    assert.equal(shipment.events[10]!.status, 'out_for_delivery');
    assert.deepEqual(shipment.events[11]!.location, {
      city: 'HERNANDO',
      region: 'FL',
      postalCode: '34442',
      country: 'US',
    });
    assert.deepEqual(shipment.destination, { city: 'HERNANDO', region: 'FL', postalCode: '34442', country: 'US' });
    assert.deepEqual(shipment.origin, { city: 'JAMAICA', region: 'NY', postalCode: '11430', country: 'US' });
    assert.equal(shipment.trackingUrl, 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400109104250532908587');
  });

  it('keeps the scan’s local time and offset although USPS gives the UTC time to the second', () => {
    // eventTimestamp 13:58:00 (local, to the minute) and GMTTimestamp 18:58:40Z: the offset is -05:00, not -05:01.
    const delivered = parse(groundAdvantageDelivered).events.at(-1)!;
    assert.equal(delivered.at, '2024-11-22T13:58:00-05:00');
    assert.equal(delivered.timeSource, 'carrier');
  });

  it('ignores the misleading Z on a local time and places it by the scan’s state', () => {
    const shipment = parse(readmeAccepted);
    assert.doesNotThrow(() => parseShipment(shipment));
    assert.equal(shipment.events.length, 1);
    const [event] = shipment.events;
    // 7:31 am in Richmond, VA in August is 07:31-04:00, not 07:31 UTC.
    assert.equal(event!.at, '2023-08-02T07:31:00-04:00');
    assert.equal(event!.timeSource, 'inferred');
    assert.equal(event!.code, '03|category:Accepted');
    assert.equal(shipment.status, 'in_transit');
  });

  it('shows the service without USPS’s HTML trade-mark marks', () => {
    assert.equal(parse(groundAdvantageDelivered).service, 'USPS Ground Advantage');
    assert.equal(parse(readmeAccepted).service, 'Priority Mail');
    assert.equal(plainText('Priority Mail Express<SUP>&#8482;</SUP> 1-Day'), 'Priority Mail Express 1-Day');
    assert.equal(plainText('PRIORITY_MAIL_EXPRESS'), 'Priority Mail Express');
    assert.equal(plainText('FIRST-CLASS_MAIL'), 'First-Class Mail');
    assert.equal(plainText('USPS_RETAIL_GROUND'), 'USPS Retail Ground');
    assert.equal(plainText('Media Mail &amp; Library Mail'), 'Media Mail & Library Mail');
  });

  it('reads extra services given as a list or as one string', () => {
    assert.equal(parse({ ...readmeAccepted, services: ['USPS Tracking<SUP>&#174;</SUP>'] }).status, 'in_transit');
    assert.equal(parse({ ...readmeAccepted, services: 'USPS Tracking<SUP>&#174;</SUP>' }).status, 'in_transit');
    assert.equal(parse({ ...readmeAccepted, services: null }).status, 'in_transit');
  });

  it('joins the shipment’s category to the newest scan only, whatever order USPS lists them in', () => {
    const reversed = {
      ...groundAdvantageDelivered,
      trackingEvents: [...groundAdvantageDelivered.trackingEvents].reverse(),
    };
    const codes = parse(reversed).events.map((event) => event.code);
    assert.equal(codes.filter((code) => code.includes('category:')).length, 1);
    assert.equal(codes.at(-1), '01|category:Delivered');
  });

  it('lets an action-needed category speak for the newest scan', () => {
    const shipment = parse({
      ...readmeAccepted,
      statusCategory: 'Delivery Attempt: Action Needed',
      trackingEvents: { ...readmeAccepted.trackingEvents, eventType: 'Notice Left', eventCode: '52' },
    });
    assert.equal(shipment.status, 'in_transit');
    assert.deepEqual(
      shipment.problem && { reason: shipment.problem.reason, actionRequired: shipment.problem.actionRequired },
      { reason: 'failed_attempt', actionRequired: true },
    );
  });

  it('takes USPS’s expected delivery date as the estimate', () => {
    const shipment = parse({ ...readmeAccepted, expectedDeliveryTimeStamp: '2023-08-04T00:00:00' });
    assert.deepEqual(shipment.estimate, {
      earliest: '2023-08-04',
      latest: '2023-08-04',
      likely: '2023-08-04',
      confidence: 0.8,
      basis: 'carrier',
    });
    const predicted = parse({
      ...readmeAccepted,
      expectedDeliveryDate: '2023-08-05',
      predictedDeliveryDate: '2023-08-04',
    });
    assert.deepEqual(
      predicted.estimate && [predicted.estimate.earliest, predicted.estimate.likely, predicted.estimate.latest],
      ['2023-08-04', '2023-08-04', '2023-08-05'],
    );
    assert.equal(parse(readmeAccepted).estimate, undefined);
    assert.equal(parse({ ...readmeAccepted, expectedDeliveryTimeStamp: '2023-02-31T00:00:00' }).estimate, undefined);
  });

  it('places a scan without a UTC time by its offset or, failing that, its state', () => {
    const [withOffset] = parse({
      ...readmeAccepted,
      trackingEvents: { ...readmeAccepted.trackingEvents, eventTimestamp: '2024-04-04T07:03:12', GMTOffset: '-7:00' },
    }).events;
    assert.equal(withOffset!.at, '2024-04-04T07:03:12-07:00');
    assert.equal(withOffset!.timeSource, 'carrier');
  });

  it('says not_found when USPS answers with its "tracking is not available" error', () => {
    const error = failureOf(() => parse(notTrackable));
    assert.equal(error.code, 'not_found');
    assert.equal(error.message, 'USPS has no shipment with this tracking number.');
  });

  it('says invalid_response for another USPS error, naming only its code', () => {
    const error = failureOf(() => parse(specError));
    assert.equal(error.code, 'invalid_response');
    assert.match(error.message, /USPS answered with an error/);
  });

  it('names the wrong field when the answer has the wrong shape', () => {
    const badList = failureOf(() => parse({ ...groundAdvantageDelivered, trackingEvents: 'soon' }));
    assert.equal(badList.code, 'invalid_response');
    assert.match(badList.message, /trackingEvents/);
    const badScan = failureOf(() =>
      parse({
        ...groundAdvantageDelivered,
        trackingEvents: [{ ...groundAdvantageDelivered.trackingEvents[0], eventCity: {} }],
      }),
    );
    assert.match(badScan.message, /trackingEvents\[0\]\.eventCity/);
    assert.match(failureOf(() => parse('nothing')).message, /USPS tracking response/);
    assert.match(failureOf(() => parse(invalidClient)).message, /trackingNumber/);
  });

  it('never throws anything but a TracklineError, whatever JSON it is given', () => {
    const text = fc.oneof(
      fc.string(),
      fc.constant(null),
      fc.integer(),
      fc.constantFrom('2024-11-22T13:58:00', 'Z', ''),
    );
    const scan = fc.record(
      {
        eventType: text,
        eventTimestamp: fc.oneof(text, fc.constantFrom('2024-11-22T13:58:00Z', '2024-13-45T99:00:00')),
        GMTTimestamp: fc.oneof(text, fc.constantFrom('2024-11-22T18:58:40Z', '2024-11-22T18:58:40')),
        GMTOffset: fc.oneof(text, fc.constantFrom('-05:00', '-7:00', '+99:99')),
        eventCity: text,
        eventState: text,
        eventZIP: text,
        eventCountry: text,
        eventCode: text,
      },
      { requiredKeys: [] },
    );
    const uspsLike = fc.record(
      {
        trackingNumber: text,
        mailClass: text,
        statusCategory: fc.oneof(text, fc.constantFrom('Delivered', 'Alert', 'Delivery Attempt: Action Needed')),
        services: fc.oneof(fc.array(fc.oneof(fc.string(), fc.constant(null))), fc.string(), fc.constant(null)),
        expectedDeliveryTimeStamp: fc.oneof(text, fc.constantFrom('2023-02-31T00:00:00', '2023-08-04')),
        predictedDeliveryDate: fc.oneof(text, fc.constantFrom('2023-08-03', '2023-08-09')),
        trackingEvents: fc.oneof(fc.array(scan), scan, fc.jsonValue()),
        error: fc.oneof(fc.jsonValue(), fc.record({ code: text, message: text })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), uspsLike), (raw) => {
        try {
          const shipment = parse(raw);
          parseShipment(shipment);
        } catch (error) {
          assert.ok(error instanceof TracklineError, String(error));
        }
      }),
    );
  });
});

describe('usps adapter: talking to USPS', () => {
  it('gets a token with a JSON body, then asks for the detailed tracking with it', async () => {
    const { fetch, requests } = fakeUsps(groundAdvantageDelivered);
    const shipment = await adapter(fetch).track('9400 1091 0425 0532 9085 87');
    assert.equal(shipment.status, 'delivered');
    assert.equal(requests.length, 2);

    const [token, track] = requests;
    assert.equal(token!.request.method, 'POST');
    assert.equal(token!.request.url, `${base}/oauth2/v3/token`);
    assert.match(token!.request.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(JSON.parse(token!.body), {
      client_id: 'consumer-key',
      client_secret: secret,
      grant_type: 'client_credentials',
    });

    assert.equal(track!.request.method, 'GET');
    assert.equal(track!.request.url, `${base}/tracking/v3/tracking/9400109104250532908587?expand=DETAIL`);
    assert.equal(track!.request.headers.get('authorization'), `Bearer ${tokenResponse.access_token}`);
    assert.equal(track!.request.headers.get('accept'), 'application/json');
    assert.equal(track!.body, '');
  });

  it('uses https://apis.usps.com unless told otherwise', async () => {
    const { fetch, requests } = fakeUsps(groundAdvantageDelivered);
    await usps({ clientId: 'id', clientSecret: secret, fetch, now, retries: 0 }).track('9400109104250532908587');
    assert.equal(requests[0]!.request.url, 'https://apis.usps.com/oauth2/v3/token');
    assert.match(requests[1]!.request.url, /^https:\/\/apis\.usps\.com\/tracking\/v3\/tracking\//);
  });

  it('reuses the token for as long as USPS says (expires_in arrives as a string)', async () => {
    let clock = now().getTime();
    const { fetch, requests } = fakeUsps(groundAdvantageDelivered);
    const tracked = adapter(fetch, { now: () => new Date(clock) });
    await tracked.track('9400109104250532908587');
    await tracked.track('9400109104250532908587');
    const tokenRequests = () => requests.filter((r) => r.request.url.endsWith('/oauth2/v3/token')).length;
    assert.equal(tokenRequests(), 1);
    clock += (Number(tokenResponse.expires_in) - 30) * 1000;
    await tracked.track('9400109104250532908587');
    assert.equal(tokenRequests(), 2);
  });

  it('gets a new token once when USPS refuses the old one', async () => {
    let refusals = 1;
    const { fetch, requests } = fakeUsps(() =>
      refusals-- > 0
        ? json({ apiVersion: 'v3', error: { code: '401', message: 'Unauthorized' } }, 401)
        : json(groundAdvantageDelivered),
    );
    const shipment = await adapter(fetch).track('9400109104250532908587');
    assert.equal(shipment.status, 'delivered');
    assert.equal(requests.filter((r) => r.request.url.endsWith('/oauth2/v3/token')).length, 2);
  });

  it('says not_found when USPS answers 404 for the number', async () => {
    const { fetch } = fakeUsps(() => json(notTrackable, 404));
    const error = await failure(adapter(fetch).track('9400109104250532908587'));
    assert.equal(error.code, 'not_found');
  });

  it('says not_found when USPS answers an unknown number with a 400 that says so', async () => {
    const { fetch } = fakeUsps(() => json({ ...notTrackable, error: { ...notTrackable.error, code: '400' } }, 400));
    assert.equal((await failure(adapter(fetch).track('9400109104250532908587'))).code, 'not_found');
    const other = fakeUsps(() => json(specError, 400));
    assert.equal((await failure(adapter(other.fetch).track('9400109104250532908587'))).code, 'invalid_response');
  });

  it('says auth when USPS refuses the client credentials, and never shows the secret', async () => {
    const { fetch } = fakeFetch(() => json(invalidClient, 401));
    const error = await failure(adapter(fetch).track('9400109104250532908587'));
    assert.equal(error.code, 'auth');
    assert.ok(!`${error.message} ${JSON.stringify(error)}`.includes(secret));
  });

  it('says invalid_response, naming the field, for a token answer without a token', async () => {
    const { fetch } = fakeFetch(() => json({ ...tokenResponse, access_token: undefined }));
    const error = await failure(adapter(fetch).track('9400109104250532908587'));
    assert.equal(error.code, 'invalid_response');
    assert.match(error.message, /access_token/);
    assert.ok(!error.message.includes(secret));
  });

  it('refuses an empty number without asking USPS', async () => {
    const { fetch, requests } = fakeUsps(groundAdvantageDelivered);
    assert.equal((await failure(adapter(fetch).track('  '))).code, 'invalid_number');
    assert.equal(requests.length, 0);
  });

  it('needs a client id and secret', () => {
    assert.throws(() => usps({ clientId: '', clientSecret: secret }), TypeError);
    assert.throws(() => usps({ clientId: 'id', clientSecret: '' }), /clientSecret/);
  });
});
