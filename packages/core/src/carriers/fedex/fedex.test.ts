import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TracklineError, fedex, isTracklineError, parseShipment, type FedexOptions } from '@trackline/core';
import {
  fedexErrorExample,
  fedexExpiredTokenExample,
  fedexRecycledNumberExample,
  fedexSpecExample,
  fedexTokenExample,
} from './fixtures.js';
import { fakeFetch, json } from '../testing.js';

const base = 'https://fedex.test';
const secret = 'fedex-secret-key-do-not-show';
const now = () => new Date('2024-04-27T12:00:00Z');

/** A FedEx that issues tokens and answers every track request with `track`. */
function fakeFedex(track: unknown | (() => Response)) {
  return fakeFetch((request) => {
    if (request.url.endsWith('/oauth/token')) return json(fedexTokenExample);
    return typeof track === 'function' ? (track as () => Response)() : json(track);
  });
}

function adapter(fetch: typeof globalThis.fetch, options: Partial<FedexOptions> = {}) {
  return fedex({ clientId: 'api-key', clientSecret: secret, baseUrl: base, fetch, now, retries: 0, ...options });
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

describe('fedex adapter: reading answers', () => {
  const parse = (raw: unknown) => fedex({ clientId: 'key', clientSecret: 'secret', now }).parse(raw);

  it('follows the shipment with the latest scan when FedEx has reused the number', () => {
    const shipment = parse(fedexRecycledNumberExample);
    assert.equal(shipment.trackingNumber, '776094337676');
    assert.equal(shipment.status, 'delivered');
    assert.equal(shipment.deliveredAt, '2024-04-26T09:26:00-07:00');
    assert.equal(shipment.service, 'FedEx Priority Overnight');
    assert.deepEqual(
      shipment.events.map((event) => [event.at, event.code, event.status]),
      [
        ['2024-04-25T08:55:00-07:00', 'OD/IT', 'out_for_delivery'],
        ['2024-04-25T11:26:00-07:00', 'DE/DE', 'in_transit'],
        ['2024-04-26T08:52:00-07:00', 'OD/IT', 'out_for_delivery'],
        ['2024-04-26T09:26:00-07:00', 'DL/DL', 'delivered'],
      ],
    );
    assert.equal(shipment.trackingUrl, 'https://www.fedex.com/fedextrack/?trknbr=776094337676');
    assert.doesNotThrow(() => parseShipment(shipment));
  });

  it('reads a failed attempt from the exception text FedEx gives with DE', () => {
    const attempt = parse(fedexRecycledNumberExample).events[1]!;
    assert.equal(attempt.description, 'Delivery exception: Customer not available or business closed');
    assert.deepEqual(attempt.problem, { reason: 'failed_attempt', actionRequired: true });
    assert.deepEqual(attempt.location, { city: 'CLOVIS', region: 'CA', postalCode: '93612', country: 'US' });
  });

  it('keeps every scan of the older shipment when it is the only one', () => {
    const raw = structuredClone(fedexRecycledNumberExample);
    raw.output.completeTrackResults[0]!.trackResults.pop();
    const shipment = parse(raw);
    assert.equal(shipment.status, 'in_transit');
    assert.deepEqual(
      shipment.events.map((event) => event.code),
      ['OC/IN', 'PU/PU', 'DY/DY/GENERAL', 'HP/IT', 'AR/IT'],
    );
    // The label scan has no place; its offset is FedEx's own.
    assert.equal(shipment.events[0]!.at, '2024-04-24T15:30:57-05:00');
    assert.equal(shipment.events[0]!.location, undefined);
    assert.deepEqual(shipment.events[2]!.problem, { reason: 'delayed', actionRequired: false });
    assert.equal(shipment.events[3]!.status, 'available_for_pickup');
    assert.deepEqual(shipment.origin, { city: 'Orange', region: 'CA', country: 'US' });
    assert.deepEqual(shipment.destination, { city: 'FRESNO', region: 'CA', country: 'US' });
  });

  it('reads the documented example: the delay type in the code and the delivery window as the estimate', () => {
    const shipment = parse(fedexSpecExample);
    assert.equal(shipment.trackingNumber, '128667043726');
    assert.equal(shipment.service, 'FedEx Freight Economy.');
    const [event] = shipment.events;
    assert.equal(event!.code, 'PU/PU/WEATHER');
    assert.equal(event!.description, 'Picked Up: Package available for clearance');
    assert.deepEqual(event!.problem, { reason: 'weather', actionRequired: false });
    assert.deepEqual(shipment.estimate, {
      earliest: '2021-10-01',
      latest: '2021-10-15',
      likely: '2021-10-15',
      confidence: 0.8,
      basis: 'carrier',
    });
  });

  it('leaves a delay type out of the code when FedEx says the parcel is on time', () => {
    const raw = structuredClone(fedexSpecExample);
    const [result] = raw.output.completeTrackResults[0]!.trackResults as unknown as [
      { scanEvents: { delayDetail: object }[] },
    ];
    result.scanEvents[0]!.delayDetail = { type: 'WEATHER', status: 'ON_TIME' };
    const [event] = parse(raw).events;
    assert.equal(event!.code, 'PU/PU');
    assert.equal(event!.problem, undefined);
  });

  it('says not_found for TRACKING.TRACKINGNUMBER.NOTFOUND inside an HTTP 200', () => {
    const raw = structuredClone(fedexSpecExample);
    raw.output.completeTrackResults.shift();
    assert.throws(
      () => parse(raw),
      (error) => isTracklineError(error, 'not_found'),
    );
  });

  it('says invalid_number for FedEx’s tracking-number errors', () => {
    assert.throws(
      () => parse(fedexErrorExample),
      (error) => isTracklineError(error, 'invalid_number'),
    );
  });

  it('names the field when the scan events are not a list', () => {
    const raw = structuredClone(fedexSpecExample) as unknown as {
      output: { completeTrackResults: { trackResults: Record<string, unknown>[] }[] };
    };
    raw.output.completeTrackResults[0]!.trackResults[0]!.scanEvents = { date: 'today' };
    assert.throws(
      () => parse(raw),
      (error) =>
        isTracklineError(error, 'invalid_response') &&
        /output\.completeTrackResults\[0\]\.trackResults\[0\]\.scanEvents: expected array/.test(error.message),
    );
  });

  it('returns a valid shipment or throws a TracklineError, whatever JSON it is given', () => {
    // Mostly values of the right kind, so most runs get past the schema into the reading code; now and then
    // anything at all, which must fail as invalid_response and nothing else.
    const mostly = <T>(arbitrary: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary, weight: 60 }, { arbitrary: fc.jsonValue(), weight: 1 });
    const leaf = mostly(fc.oneof(fc.string(), fc.integer(), fc.constant(null)));
    const instant = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true });
    const offsetTime = fc
      .tuple(instant, fc.constantFrom('-07:00', '+05:30', 'Z', '', '+99:00'))
      .map(([date, offset]) => `${date.toISOString().slice(0, 19)}${offset}`);
    const some = { requiredKeys: [] as never[] };
    const address = mostly(
      fc.record(
        { city: leaf, stateOrProvinceCode: leaf, postalCode: leaf, countryCode: fc.oneof(leaf, fc.constant('US')) },
        some,
      ),
    );
    const scan = fc.record(
      {
        date: fc.oneof({ arbitrary: offsetTime, weight: 5 }, leaf),
        eventType: fc.oneof(leaf, fc.constantFrom('DL', 'DE', 'HP', 'RS', 'DY')),
        eventDescription: leaf,
        exceptionDescription: leaf,
        derivedStatusCode: fc.oneof(leaf, fc.constantFrom('IT', 'DL', 'DE')),
        scanLocation: address,
        delayDetail: mostly(
          fc.record(
            { type: fc.oneof(leaf, fc.constant('WEATHER')), status: fc.oneof(leaf, fc.constant('ON_TIME')) },
            some,
          ),
        ),
      },
      some,
    );
    const result = fc.record(
      {
        trackingNumberInfo: mostly(fc.record({ trackingNumber: leaf }, some)),
        scanEvents: mostly(fc.array(scan, { minLength: 1, maxLength: 4 })),
        dateAndTimes: mostly(
          fc.array(
            fc.record({
              type: fc.oneof(leaf, fc.constantFrom('ACTUAL_DELIVERY', 'ESTIMATED_DELIVERY')),
              dateTime: fc.oneof(offsetTime, leaf),
            }),
          ),
        ),
        estimatedDeliveryTimeWindow: mostly(
          fc.record(
            {
              window: mostly(fc.record({ begins: fc.oneof(offsetTime, leaf), ends: fc.oneof(offsetTime, leaf) }, some)),
            },
            some,
          ),
        ),
        serviceDetail: mostly(fc.record({ description: leaf }, some)),
        recipientInformation: mostly(fc.record({ address }, some)),
        error: fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 4 },
          fc.record({ code: fc.oneof(leaf, fc.constant('TRACKING.TRACKINGNUMBER.NOTFOUND')), message: leaf }, some),
        ),
      },
      some,
    );
    const fedexLike = fc.record({
      output: mostly(
        fc.record({
          completeTrackResults: mostly(
            fc.array(
              fc.record(
                { trackingNumber: leaf, trackResults: mostly(fc.array(result, { minLength: 1, maxLength: 3 })) },
                some,
              ),
              {
                minLength: 1,
                maxLength: 2,
              },
            ),
          ),
        }),
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fedexLike), (raw) => {
        try {
          parseShipment(parse(raw));
        } catch (error) {
          return error instanceof TracklineError;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('fedex adapter: talking to FedEx', () => {
  it('gets a token with the API key and secret in the form and tracks with the documented POST', async () => {
    const { fetch, requests } = fakeFedex(fedexRecycledNumberExample);
    await adapter(fetch).track('7760 9433 7676');
    assert.equal(requests.length, 2);

    const [token, track] = requests;
    assert.equal(token!.request.method, 'POST');
    assert.equal(token!.request.url, `${base}/oauth/token`);
    assert.equal(token!.request.headers.get('content-type'), 'application/x-www-form-urlencoded');
    assert.equal(token!.body, `grant_type=client_credentials&client_id=api-key&client_secret=${secret}`);

    assert.equal(track!.request.method, 'POST');
    assert.equal(track!.request.url, `${base}/track/v1/trackingnumbers`);
    assert.equal(track!.request.headers.get('authorization'), 'Bearer fedex-access-token');
    assert.equal(track!.request.headers.get('content-type'), 'application/json');
    assert.equal(
      track!.body,
      '{"includeDetailedScans":true,"trackingInfo":[{"trackingNumberInfo":{"trackingNumber":"776094337676"}}]}',
    );
    assert.ok(!track!.body.includes(secret));
  });

  it('reuses the token for the hour FedEx gave it', async () => {
    let clock = now().getTime();
    const { fetch, requests } = fakeFedex(fedexRecycledNumberExample);
    const tracked = adapter(fetch, { now: () => new Date(clock) });
    const tokenCalls = () => requests.filter(({ request }) => request.url.endsWith('/oauth/token')).length;
    await tracked.track('776094337676');
    await tracked.track('776094337676');
    assert.equal(tokenCalls(), 1);
    clock += 3_599_000 - 30_000;
    await tracked.track('776094337676');
    assert.equal(tokenCalls(), 2);
  });

  it('gets a new token once when FedEx says the token expired, then gives up with auth', async () => {
    let refusals = 1;
    const { fetch, requests } = fakeFedex(() =>
      refusals-- > 0 ? json(fedexExpiredTokenExample, 401) : json(fedexRecycledNumberExample),
    );
    const shipment = await adapter(fetch).track('776094337676');
    assert.equal(shipment.status, 'delivered');
    assert.equal(requests.filter(({ request }) => request.url.endsWith('/oauth/token')).length, 2);

    refusals = 5;
    const error = await failure(adapter(fetch).track('776094337676'));
    assert.equal(error.code, 'auth');
  });

  it('picks the asked number’s entry and says not_found when FedEx cannot find it', async () => {
    const { fetch } = fakeFedex(fedexSpecExample);
    const error = await failure(adapter(fetch).track('39936862321'));
    assert.equal(error.code, 'not_found');
    assert.equal(error.message, 'FedEx has no shipment with this tracking number.');
  });

  it('says invalid_number when FedEx answers 400 with a tracking-number error', async () => {
    const { fetch } = fakeFedex(() => json(fedexErrorExample, 400));
    const error = await failure(adapter(fetch).track('1'));
    assert.equal(error.code, 'invalid_number');
  });

  it('never shows the secret key or the token, whatever fails', async () => {
    const answers: Array<() => Response> = [
      () => json(fedexExpiredTokenExample, 401),
      () => json({ access_token: 987654321, expires_in: secret }),
      () => new Response('<html>maintenance</html>', { status: 200 }),
      () => json({ errors: [{ code: 'INTERNAL.SERVER.ERROR', message: 'boom' }] }, 500),
    ];
    for (const answer of answers) {
      const { fetch } = fakeFetch(answer);
      const error = await failure(adapter(fetch).track('776094337676'));
      const text = `${error.message} ${JSON.stringify(error)} ${String(error.cause ?? '')}`;
      assert.ok(!text.includes(secret), text);
      assert.ok(!text.includes('987654321'), text);
    }
  });

  it('says auth, without calling FedEx, when the API key or secret key is missing', async () => {
    const { fetch, requests } = fakeFedex(fedexRecycledNumberExample);
    const error = await failure(adapter(fetch, { clientId: '' }).track('776094337676'));
    assert.equal(error.code, 'auth');
    assert.equal(requests.length, 0);
  });
});
