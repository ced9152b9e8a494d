import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TracklineError, dhl, parseShipment, type DhlOptions } from '@trackline/core';
import { dhlSample, noResultFound, returnedToSender, unauthorized } from './fixtures.js';
import { dhlPlace } from './parse.js';
import { fakeFetch, json } from '../testing.js';

const base = 'https://dhl.test';
const apiKey = 'dhl-api-key-do-not-show';
const now = () => new Date('2018-03-03T12:00:00Z');

function adapter(fetch: typeof globalThis.fetch, options: Partial<DhlOptions> = {}) {
  return dhl({ apiKey, baseUrl: base, fetch, now, retries: 0, ...options });
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

const parse = (raw: unknown) => dhl({ apiKey: 'key', now }).parse(raw);

/** One DHL shipment with the given events (newest first), on top of DHL's sample. */
function withEvents(events: unknown[], extra: Record<string, unknown> = {}) {
  const [sample] = dhlSample.shipments;
  return { shipments: [{ ...sample, status: events[0], events, ...extra }] };
}

const chicago = { address: { countryCode: 'US', postalCode: '60607', addressLocality: 'CHICAGO, IL - USA' } };

describe('dhl adapter: reading answers', () => {
  it('reads DHL’s sample: a numeric id, and a time without a zone placed by its location', () => {
    const shipment = parse(dhlSample);
    assert.doesNotThrow(() => parseShipment(shipment));
    assert.equal(shipment.carrier, 'dhl');
    assert.equal(shipment.trackingNumber, '7777777770');
    assert.equal(shipment.status, 'info_received');
    assert.equal(shipment.service, 'UNKNOWN - Product unknown');
    assert.equal(shipment.events.length, 1);
    const [event] = shipment.events;
    assert.equal(event!.code, 'pre-transit');
    assert.equal(event!.description, 'JESSICA');
    // 07:53:47 in Amsterdam in March is +01:00.
    assert.equal(event!.at, '2018-03-02T07:53:47+01:00');
    assert.equal(event!.timeSource, 'inferred');
    assert.deepEqual(event!.location, { city: 'Oderweg 2, AMSTERDAM', postalCode: '1043 AG', country: 'NL' });
    assert.deepEqual(shipment.destination, { city: 'Oderweg 2, AMSTERDAM', postalCode: '1043 AG', country: 'NL' });
    assert.equal(shipment.trackingUrl, 'http://www.dhl.de/de/privatkunden.html?piececode=7777777770');
  });

  it('takes DHL’s delivery time frame as the estimate window', () => {
    assert.deepEqual(parse(dhlSample).estimate, {
      earliest: '2018-08-03',
      latest: '2018-08-03',
      likely: '2018-08-03',
      confidence: 0.8,
      basis: 'carrier',
    });
    const [sample] = dhlSample.shipments;
    const spread = parse({
      shipments: [
        {
          ...sample,
          estimatedTimeOfDelivery: '2018-08-04T00:00:00Z',
          estimatedDeliveryTimeFrame: {
            estimatedFrom: '2018-08-03T09:00:00Z',
            estimatedThrough: '2018-08-06T18:00:00Z',
          },
        },
      ],
    });
    assert.deepEqual(spread.estimate && [spread.estimate.earliest, spread.estimate.likely, spread.estimate.latest], [
      '2018-08-03',
      '2018-08-04',
      '2018-08-06',
    ]);
    const { estimatedTimeOfDelivery: _eta, estimatedDeliveryTimeFrame: _frame, ...none } = sample!;
    assert.equal(parse({ shipments: [none] }).estimate, undefined);
  });

  it('keeps the offset or Z that DHL gives with a time', () => {
    const shipment = parse(
      withEvents([
        { timestamp: '2024-06-04T03:17:00+02:00', statusCode: 'transit', description: 'Arrived at DHL Sort Facility' },
        { timestamp: '2024-06-03T20:00:00Z', statusCode: 'transit', description: 'Shipment picked up' },
      ]),
    );
    assert.deepEqual(
      shipment.events.map((event) => [event.at, event.timeSource]),
      [
        ['2024-06-03T20:00:00Z', 'carrier'],
        ['2024-06-04T03:17:00+02:00', 'carrier'],
      ],
    );
  });

  it('reads the region of a DHL Express place, so a time without a zone lands in the right one', () => {
    assert.deepEqual(dhlPlace(chicago.address), { city: 'CHICAGO', region: 'IL', postalCode: '60607', country: 'US' });
    assert.deepEqual(dhlPlace({ addressLocality: 'LEIPZIG - GERMANY', countryCode: 'DE' }), {
      city: 'LEIPZIG',
      country: 'DE',
    });
    assert.deepEqual(dhlPlace({ addressLocality: 'Amsterdam, NL', countryCode: 'NL' }), {
      city: 'Amsterdam, NL',
      country: 'NL',
    });
    const [event] = parse(
      withEvents([{ timestamp: '2026-05-05T09:00:00', location: chicago, statusCode: 'transit', description: 'x' }]),
    ).events;
    assert.equal(event!.at, '2026-05-05T09:00:00-05:00');
  });

  it('shows a transit event whose text says out for delivery as out for delivery', () => {
    const shipment = parse(
      withEvents([
        {
          timestamp: '2026-05-05T08:00:00',
          location: chicago,
          statusCode: 'transit',
          description: 'Shipment is out with courier for delivery',
        },
      ]),
    );
    assert.equal(shipment.status, 'out_for_delivery');
  });

  it('lets a failure event’s text name the problem', () => {
    const shipment = parse(
      withEvents([
        {
          timestamp: '2026-05-05T08:00:00',
          location: chicago,
          statusCode: 'failure',
          description: 'Incorrect delivery address. The recipient must correct it',
        },
      ]),
    );
    assert.equal(shipment.status, 'in_transit');
    assert.deepEqual(
      shipment.problem && { reason: shipment.problem.reason, actionRequired: shipment.problem.actionRequired },
      { reason: 'address', actionRequired: true },
    );
  });

  it('marks the newest event of a return shipment, so the parcel reads as back at the sender', () => {
    const shipment = parse(returnedToSender);
    assert.doesNotThrow(() => parseShipment(shipment));
    assert.deepEqual(
      shipment.events.map((event) => event.code),
      ['failure', 'transit', 'return:delivered'],
    );
    assert.equal(shipment.status, 'returned');
    assert.equal(shipment.deliveredAt, undefined);
    assert.equal(shipment.service, 'parcel-de');
    assert.equal(parse({ shipments: [{ ...returnedToSender.shipments[0], returnFlag: 'true' }] }).status, 'returned');
  });

  it('uses the shipment status as the one event when DHL lists none', () => {
    const [sample] = dhlSample.shipments;
    const shipment = parse({ shipments: [{ ...sample, events: [] }] });
    assert.equal(shipment.events.length, 1);
    assert.equal(shipment.events[0]!.at, '2018-03-02T07:53:47Z');
  });

  it('calls a DHL eCommerce shipment by its carrier', () => {
    const [sample] = dhlSample.shipments;
    assert.equal(parse({ shipments: [{ ...sample, service: 'ecommerce-europe' }] }).carrier, 'dhl_ecommerce');
  });

  it('says not_found for no shipments or DHL’s "No result found"', () => {
    assert.equal(failureOf(() => parse({ shipments: [] })).code, 'not_found');
    const error = failureOf(() => parse(noResultFound));
    assert.equal(error.code, 'not_found');
    assert.equal(error.message, 'DHL has no shipment with this tracking number.');
    assert.equal(failureOf(() => parse(unauthorized)).code, 'invalid_response');
  });

  it('says invalid_response naming shipments, not not_found, for an answer without the shipments list', () => {
    for (const raw of [{}, { shipments: null }, { errors: [{ code: 'X', message: 'Invalid key' }] }, { url: '/x' }]) {
      const error = failureOf(() => parse(raw));
      assert.equal(error.code, 'invalid_response', JSON.stringify(raw));
      assert.match(error.message, /\bshipments\b/, JSON.stringify(raw));
    }
  });

  it('names the wrong field when the answer has the wrong shape', () => {
    const [sample] = dhlSample.shipments;
    const badTime = failureOf(() =>
      parse({ shipments: [{ ...sample, events: [{ ...sample!.events[0], timestamp: 42 }] }] }),
    );
    assert.equal(badTime.code, 'invalid_response');
    assert.match(badTime.message, /shipments\[0\]\.events\[0\]\.timestamp/);
    assert.match(failureOf(() => parse({ shipments: [{ ...sample, id: null }] })).message, /shipments\[0\]\.id/);
    assert.match(failureOf(() => parse({ shipments: 'none' })).message, /shipments/);
  });

  it('never throws anything but a TracklineError, whatever JSON it is given', () => {
    const text = fc.oneof(fc.string(), fc.constant(null), fc.integer());
    const event = fc.record(
      {
        timestamp: fc.oneof(
          fc.string(),
          fc.constantFrom('2018-03-02T07:53:47', '2018-03-02T07:53:47Z', '2018-13-99T99:99'),
        ),
        location: fc.oneof(
          fc.constant(null),
          fc.record({
            address: fc.record({ addressLocality: text, countryCode: text, postalCode: text }, { requiredKeys: [] }),
          }),
          fc.jsonValue(),
        ),
        statusCode: fc.oneof(text, fc.constantFrom('transit', 'delivered', 'failure', 'return:x')),
        description: text,
        status: text,
      },
      { requiredKeys: [] },
    );
    const shipment = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer(), fc.double()),
        service: text,
        status: fc.oneof(event, fc.constant(null)),
        events: fc.oneof(fc.array(event), fc.jsonValue()),
        returnFlag: fc.oneof(fc.boolean(), fc.string(), fc.constant(null)),
        estimatedTimeOfDelivery: fc.oneof(text, fc.constantFrom('2018-02-31T00:00:00Z', '2018-08-03T00:00:00Z')),
        estimatedDeliveryTimeFrame: fc.oneof(
          fc.record({ estimatedFrom: text, estimatedThrough: text }),
          fc.jsonValue(),
        ),
        serviceUrl: fc.oneof(text, fc.webUrl()),
      },
      { requiredKeys: [] },
    );
    const dhlLike = fc.record({ shipments: fc.oneof(fc.array(shipment), fc.jsonValue()) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), dhlLike), (raw) => {
        try {
          parseShipment(parse(raw));
        } catch (error) {
          assert.ok(error instanceof TracklineError, String(error));
        }
      }),
    );
  });
});

describe('dhl adapter: talking to DHL', () => {
  it('asks GET /track/shipments with the number, the API key header and JSON', async () => {
    const { fetch, requests } = fakeFetch(() => json(dhlSample));
    const shipment = await adapter(fetch).track('7777777770');
    assert.equal(shipment.trackingNumber, '7777777770');
    assert.equal(requests.length, 1);
    const [{ request, body }] = requests as [{ request: Request; body: string }];
    assert.equal(request.method, 'GET');
    assert.equal(request.url, `${base}/track/shipments?trackingNumber=7777777770`);
    assert.equal(request.headers.get('dhl-api-key'), apiKey);
    assert.equal(request.headers.get('accept'), 'application/json');
    assert.equal(body, '');
  });

  it('narrows to a DHL division and a language when asked', async () => {
    const { fetch, requests } = fakeFetch(() => json(dhlSample));
    await adapter(fetch, { service: 'express', language: 'de' }).track('7777777770');
    assert.equal(
      requests[0]!.request.url,
      `${base}/track/shipments?trackingNumber=7777777770&service=express&language=de`,
    );
  });

  it('uses https://api-eu.dhl.com unless told otherwise', async () => {
    const { fetch, requests } = fakeFetch(() => json(dhlSample));
    await dhl({ apiKey, fetch, now, retries: 0 }).track('7777777770');
    assert.equal(requests[0]!.request.url, 'https://api-eu.dhl.com/track/shipments?trackingNumber=7777777770');
  });

  it('picks the shipment with the number asked for when DHL answers with several', async () => {
    const [sample] = dhlSample.shipments;
    const other = { ...sample, id: '1234567890', service: 'parcel-de' };
    const { fetch } = fakeFetch(() => json({ shipments: [other, sample] }));
    assert.equal((await adapter(fetch).track('7777777770')).trackingNumber, '7777777770');
  });

  it('says not_found when DHL answers 404 "No result found"', async () => {
    const { fetch } = fakeFetch(() => json(noResultFound, 404, 'application/problem+json'));
    const error = await failure(adapter(fetch).track('8264715546'));
    assert.equal(error.code, 'not_found');
  });

  it('says auth when DHL refuses the API key, and never shows the key', async () => {
    const { fetch } = fakeFetch(() => json(unauthorized, 401));
    const error = await failure(adapter(fetch).track('7777777770'));
    assert.equal(error.code, 'auth');
    assert.ok(!`${error.message} ${JSON.stringify(error)}`.includes(apiKey));
  });

  it('refuses an empty number without asking DHL', async () => {
    const { fetch, requests } = fakeFetch(() => json(dhlSample));
    assert.equal((await failure(adapter(fetch).track(''))).code, 'invalid_number');
    assert.equal(requests.length, 0);
  });

  it('needs an API key', () => {
    assert.throws(() => dhl({ apiKey: ' ' }), /apiKey/);
  });
});

describe('dhlPlace', () => {
  it('takes the country from the name DHL Express writes after the city, to place the time zone', () => {
    assert.deepEqual(dhlPlace({ addressLocality: 'CINCINNATI HUB, OH - USA' }), {
      city: 'CINCINNATI HUB',
      region: 'OH',
      country: 'US',
    });
    assert.deepEqual(dhlPlace({ addressLocality: 'LEIPZIG - GERMANY' }), { city: 'LEIPZIG', country: 'DE' });
  });
});
