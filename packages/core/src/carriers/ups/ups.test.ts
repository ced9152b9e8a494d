import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TracklineError, isTracklineError, parseShipment, ups, type UpsOptions } from '@trackline/core';
import {
  upsDeliveredExample,
  upsInTransitExample,
  upsInvalidNumberExample,
  upsNotFoundExample,
  upsSpecExample,
  upsTokenExample,
} from './fixtures.js';
import { fakeFetch, json } from '../testing.js';

const base = 'https://ups.test';
const secret = 'ups-client-secret-do-not-show';
const now = () => new Date('2025-12-11T12:00:00Z');

/** A UPS that issues tokens and answers every track request with `track`. */
function fakeUps(track: unknown | ((request: Request) => Response)) {
  return fakeFetch((request) => {
    if (request.url.endsWith('/security/v1/oauth/token')) return json(upsTokenExample);
    return typeof track === 'function' ? (track as (request: Request) => Response)(request) : json(track);
  });
}

function adapter(fetch: typeof globalThis.fetch, options: Partial<UpsOptions> = {}) {
  return ups({ clientId: 'client-id', clientSecret: secret, baseUrl: base, fetch, now, retries: 0, ...options });
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

describe('ups adapter: reading answers', () => {
  const parse = (raw: unknown) => ups({ clientId: 'id', clientSecret: 'secret', now }).parse(raw);

  it('reads the documented example: the raw code in the table’s form and the local time with its offset', () => {
    const shipment = parse(upsSpecExample);
    assert.equal(shipment.carrier, 'ups');
    assert.equal(shipment.trackingNumber, '1Z023E2X0214323462');
    assert.equal(shipment.service, 'UPS Ground');
    assert.equal(shipment.events.length, 1);
    const [event] = shipment.events;
    assert.equal(event!.code, 'X/SR/003');
    assert.equal(event!.description, 'Your package was released by the customs agency.');
    // The offset UPS gives beside the local time wins over the (inconsistent) GMT example.
    assert.equal(event!.at, '2021-02-10T07:13:56-05:00');
    assert.equal(event!.timeSource, 'carrier');
    assert.deepEqual(event!.location, { city: 'Wayne', region: 'NJ', postalCode: '07470', country: 'US' });
    assert.doesNotThrow(() => parseShipment(shipment));
  });

  it('tells a delivered parcel as delivered, with when it was delivered', () => {
    const shipment = parse(upsDeliveredExample);
    assert.equal(shipment.status, 'delivered');
    assert.equal(shipment.events.length, 2);
    assert.equal(shipment.events[0]!.status, 'info_received');
    assert.equal(shipment.events[1]!.code, 'D/F4/011');
    assert.equal(shipment.events[1]!.description, 'DELIVERED');
    // No offset, no GMT time and no place: the wall time is kept and marked as such.
    assert.equal(shipment.events[1]!.timeSource, 'utc');
    assert.equal(shipment.deliveredAt, shipment.events[1]!.at);
    assert.equal(shipment.estimate, undefined);
  });

  it('shows a parcel on its way with UPS’s rescheduled delivery date, oldest scan first', () => {
    const shipment = parse(upsInTransitExample);
    assert.equal(shipment.status, 'in_transit');
    assert.deepEqual(
      shipment.events.map((event) => [event.at, event.code, event.status]),
      [
        ['2025-12-08T11:40:24-05:00', 'M/MP/003', 'info_received'],
        ['2025-12-09T16:08:47-05:00', 'I/PU/038', 'in_transit'],
        ['2025-12-09T19:59:00-05:00', 'I/DP/005', 'in_transit'],
        ['2025-12-11T03:41:00-06:00', 'I/AR/005', 'in_transit'],
      ],
    );
    assert.deepEqual(shipment.estimate, {
      earliest: '2025-12-16',
      latest: '2025-12-16',
      likely: '2025-12-16',
      confidence: 0.8,
      basis: 'carrier',
    });
    assert.deepEqual(shipment.origin, { city: 'SECAUCUS', region: 'NJ', country: 'US' });
    assert.deepEqual(shipment.destination, {
      city: 'SALT LAKE CITY',
      region: 'UT',
      postalCode: '84101',
      country: 'US',
    });
    assert.equal(shipment.trackingUrl, 'https://www.ups.com/track?loc=en_US&tracknum=1Z12345E0205271688');
    assert.equal(shipment.updatedAt, now().toISOString());
  });

  it('works out the offset from the GMT time when UPS leaves gmtOffset out, even without its leading zero', () => {
    const raw = structuredClone(upsSpecExample);
    const activity = raw.trackResponse.shipment[0]!.package[0]!.activity[0]! as Record<string, unknown>;
    delete activity.gmtOffset;
    activity.time = '024700';
    activity.gmtTime = '74700';
    const [event] = parse(raw).events;
    assert.equal(event!.at, '2021-02-10T02:47:00-05:00');
    assert.equal(event!.timeSource, 'carrier');
  });

  it('says not_found for UPS’s “Tracking Information Not Found” warning', () => {
    assert.throws(
      () => parse(upsNotFoundExample),
      (error) => isTracklineError(error, 'not_found'),
    );
  });

  it('says invalid_number for UPS’s “Invalid inquiry number” error', () => {
    assert.throws(
      () => parse(upsInvalidNumberExample),
      (error) => isTracklineError(error, 'invalid_number'),
    );
  });

  it('names the field when the activity list is not a list', () => {
    const raw = structuredClone(upsSpecExample) as { trackResponse: { shipment: { package: unknown[] }[] } };
    raw.trackResponse.shipment[0]!.package[0] = { trackingNumber: '1Z023E2X0214323462', activity: 'none' };
    assert.throws(
      () => parse(raw),
      (error) =>
        isTracklineError(error, 'invalid_response') &&
        /trackResponse\.shipment\[0\]\.package\[0\]\.activity: expected array/.test(error.message),
    );
  });

  it('names the field when a scan’s date is neither text nor a number', () => {
    const raw = structuredClone(upsSpecExample) as {
      trackResponse: { shipment: { package: { activity: Record<string, unknown>[] }[] }[] };
    };
    raw.trackResponse.shipment[0]!.package[0]!.activity[0]!.date = { year: 2024 };
    assert.throws(
      () => parse(raw),
      (error) =>
        isTracklineError(error, 'invalid_response') &&
        /package\[0\]\.activity\[0\]\.date: expected text or a number \(got an object\)/.test(error.message),
    );
  });

  it('names trackResponse when the body is something else entirely', () => {
    assert.throws(
      () => parse({ hello: 'world' }),
      (error) => isTracklineError(error, 'invalid_response') && /trackResponse/.test(error.message),
    );
  });

  it('returns a valid shipment or throws a TracklineError, whatever JSON it is given', () => {
    // Mostly values of the right kind, so most runs get past the schema into the reading code; now and then
    // anything at all, which must fail as invalid_response and nothing else.
    const mostly = <T>(arbitrary: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary, weight: 60 }, { arbitrary: fc.jsonValue(), weight: 1 });
    const leaf = mostly(fc.oneof(fc.string(), fc.integer(), fc.constant(null)));
    const compact = (date: Date) => date.toISOString().replace(/[-:]/g, '');
    const instant = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true });
    const day = instant.map((date) => compact(date).slice(0, 8));
    const clock = instant.map((date) => compact(date).slice(9, 15));
    const some = { requiredKeys: [] as never[] };
    const address = fc.record(
      {
        city: leaf,
        stateProvince: leaf,
        postalCode: leaf,
        country: leaf,
        countryCode: fc.oneof(leaf, fc.constant('US')),
      },
      some,
    );
    const status = fc.record(
      {
        type: fc.oneof(leaf, fc.constantFrom('D', 'I', 'M', 'X')),
        code: fc.oneof(leaf, fc.constantFrom('AR', 'FS', 'MP', '011')),
        statusCode: fc.oneof(leaf, fc.constantFrom('003', '011', '024', '5')),
        description: leaf,
      },
      some,
    );
    const activity = fc.record(
      {
        date: fc.oneof({ arbitrary: day, weight: 5 }, leaf, fc.constantFrom('20241301', '20240230')),
        time: fc.oneof({ arbitrary: clock, weight: 5 }, leaf, fc.constantFrom('74700', '246000')),
        gmtDate: fc.oneof(day, leaf),
        gmtTime: fc.oneof(clock, leaf, fc.constantFrom('07:47:00', '74700')),
        gmtOffset: fc.oneof(leaf, fc.constantFrom('-05:00', '+14:00', '+99:99', 'Z')),
        location: mostly(fc.record({ address: mostly(address) }, some)),
        status: mostly(status),
      },
      some,
    );
    const pkg = fc.record(
      {
        trackingNumber: leaf,
        activity: mostly(fc.array(activity, { minLength: 1, maxLength: 4 })),
        deliveryDate: mostly(
          fc.array(
            fc.record({ type: fc.oneof(leaf, fc.constantFrom('SDD', 'RDD', 'DEL')), date: fc.oneof(day, leaf) }),
          ),
        ),
        packageAddress: mostly(fc.array(fc.record({ type: fc.oneof(leaf, fc.constant('ORIGIN')), address }))),
        service: mostly(fc.record({ description: leaf }, some)),
      },
      some,
    );
    const upsLike = fc.record({
      trackResponse: mostly(
        fc.record({
          shipment: mostly(
            fc.array(
              fc.record({ inquiryNumber: leaf, package: mostly(fc.array(pkg, { minLength: 1, maxLength: 2 })) }, some),
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
      fc.property(fc.oneof(fc.jsonValue(), upsLike), (raw) => {
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

describe('ups adapter: talking to UPS', () => {
  it('gets a token with Basic auth and tracks with the documented GET', async () => {
    const { fetch, requests } = fakeUps(upsInTransitExample);
    await adapter(fetch, { merchantId: 'A1B2C3' }).track('1z12345e0205271688');
    assert.equal(requests.length, 2);

    const [token, track] = requests;
    assert.equal(token!.request.method, 'POST');
    assert.equal(token!.request.url, `${base}/security/v1/oauth/token`);
    assert.equal(
      token!.request.headers.get('authorization'),
      `Basic ${Buffer.from(`client-id:${secret}`).toString('base64')}`,
    );
    assert.equal(token!.request.headers.get('content-type'), 'application/x-www-form-urlencoded');
    assert.equal(token!.request.headers.get('x-merchant-id'), 'A1B2C3');
    assert.equal(token!.body, 'grant_type=client_credentials');

    assert.equal(track!.request.method, 'GET');
    assert.equal(
      track!.request.url,
      `${base}/api/track/v1/details/1Z12345E0205271688?locale=en_US&returnSignature=false&returnMilestones=false&returnPOD=false`,
    );
    assert.equal(track!.request.headers.get('authorization'), 'Bearer ups-access-token');
    assert.equal(track!.request.headers.get('transactionsrc'), 'trackline');
    assert.match(track!.request.headers.get('transid') ?? '', /^[0-9a-f]{32}$/);
    // The secret goes to the token endpoint only.
    assert.ok(!JSON.stringify([...track!.request.headers]).includes(secret));
  });

  it('sends a new transId with every request and reuses the token UPS gave for four hours', async () => {
    let clock = Date.parse('2025-12-11T12:00:00Z');
    const { fetch, requests } = fakeUps(upsInTransitExample);
    const tracked = adapter(fetch, { now: () => new Date(clock) });
    await tracked.track('1Z12345E0205271688');
    await tracked.track('1Z12345E0205271688');
    const tracks = requests.filter(({ request }) => request.method === 'GET');
    const tokenCalls = () => requests.filter(({ request }) => request.method === 'POST').length;
    assert.equal(tokenCalls(), 1);
    assert.notEqual(tracks[0]!.request.headers.get('transid'), tracks[1]!.request.headers.get('transid'));

    // expires_in "14399" is a string; it is still read as seconds.
    clock += 14_399_000 - 120_000;
    await tracked.track('1Z12345E0205271688');
    assert.equal(tokenCalls(), 1);
    clock += 90_000;
    await tracked.track('1Z12345E0205271688');
    assert.equal(tokenCalls(), 2);
  });

  it('gets a new token once when UPS refuses the old one, then gives up with auth', async () => {
    let refusals = 1;
    const { fetch, requests } = fakeUps(() =>
      refusals-- > 0
        ? json({ response: { errors: [{ code: '250002', message: 'Invalid Authentication Information.' }] } }, 401)
        : json(upsInTransitExample),
    );
    const shipment = await adapter(fetch).track('1Z12345E0205271688');
    assert.equal(shipment.status, 'in_transit');
    assert.equal(requests.filter(({ request }) => request.method === 'POST').length, 2);

    refusals = 5;
    const error = await failure(adapter(fetch).track('1Z12345E0205271688'));
    assert.equal(error.code, 'auth');
  });

  it('says not_found when UPS answers 200 with its not-found warning', async () => {
    const { fetch } = fakeUps(upsNotFoundExample);
    const error = await failure(adapter(fetch).track('1Z12345E0205271688'));
    assert.equal(error.code, 'not_found');
    assert.equal(error.message, 'UPS has no shipment with this tracking number.');
  });

  it('says invalid_number when UPS answers 400 with TV1002', async () => {
    const { fetch } = fakeUps(() => json(upsInvalidNumberExample, 400));
    const error = await failure(adapter(fetch).track('1Z1'));
    assert.equal(error.code, 'invalid_number');
  });

  it('never shows the client secret or the token, whatever fails', async () => {
    const answers: Array<() => Response> = [
      () => json({ response: { errors: [{ code: '10401', message: 'ClientId is Invalid' }] } }, 401),
      () => json({ access_token: 12345, expires_in: secret }),
      () => new Response('not json', { status: 200 }),
      () => json({ response: { errors: [{ code: '500', message: 'boom' }] } }, 500),
    ];
    for (const answer of answers) {
      const { fetch } = fakeFetch(answer);
      const error = await failure(adapter(fetch).track('1Z12345E0205271688'));
      const text = `${error.message} ${JSON.stringify(error)} ${String(error.cause ?? '')}`;
      assert.ok(!text.includes(secret), text);
      assert.ok(!text.includes('12345 '), text);
    }
  });

  it('says auth, without calling UPS, when the client ID or secret is missing', async () => {
    const { fetch, requests } = fakeUps(upsInTransitExample);
    const error = await failure(adapter(fetch, { clientSecret: '' }).track('1Z12345E0205271688'));
    assert.equal(error.code, 'auth');
    assert.equal(requests.length, 0);
  });
});
