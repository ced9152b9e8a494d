import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { carrierIds } from '../model/carrier.js';
import { problemReasons, type ProblemReason } from '../model/problem.js';
import type { Place, TrackingEvent } from '../model/schemas.js';
import { statuses } from '../model/status.js';
import { summarize } from './summarize.js';
import type { GroupDimension, InsightShipment } from './types.js';

let serial = 0;
function shipment(fields: Partial<InsightShipment> = {}): InsightShipment {
  return {
    carrier: 'ups',
    trackingNumber: `1Z${serial++}`,
    status: fields.deliveredAt ? 'delivered' : 'in_transit',
    events: [],
    updatedAt: '2024-05-01T00:00:00Z',
    ...fields,
  };
}

const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();
const shippedBase = Date.parse('2024-05-01T12:00:00Z');
/** A delivered shipment that left at noon UTC on 1 May and took `days` days. */
const took = (days: number, fields: Partial<InsightShipment> = {}) =>
  shipment({ shippedAt: at(shippedBase), deliveredAt: at(shippedBase + days * 24 * HOUR), ...fields });

function problemEvent(reason: ProblemReason, time = '2024-05-02T10:00:00Z'): TrackingEvent {
  return {
    at: time,
    timeSource: 'carrier',
    status: 'in_transit',
    code: 'X',
    description: reason,
    problem: { reason, actionRequired: false },
  };
}

describe('summarize', () => {
  it('gives the median and 90th percentile of transit and handling times in days', () => {
    const { overall } = summarize([
      took(1, { placedAt: at(shippedBase - 12 * HOUR) }),
      took(2, { placedAt: at(shippedBase - 24 * HOUR) }),
      took(3, { placedAt: at(shippedBase - 36 * HOUR) }),
      took(4),
    ]);
    assert.deepEqual(overall.transitDays, { count: 4, median: 2.5, p90: 3.7 });
    assert.deepEqual(overall.handlingDays, { count: 3, median: 1, p90: 1.4 });
  });

  it('takes the shipped time from the first scan that shows the parcel moving', () => {
    const scan = (time: string, status: TrackingEvent['status']): TrackingEvent => ({
      at: time,
      timeSource: 'carrier',
      status,
      code: 'S',
      description: status,
    });
    const { overall } = summarize([
      shipment({
        placedAt: '2024-05-01T00:00:00Z',
        deliveredAt: '2024-05-04T00:00:00Z',
        events: [
          scan('2024-05-01T06:00:00Z', 'info_received'),
          scan('2024-05-02T00:00:00Z', 'in_transit'),
          scan('2024-05-03T00:00:00Z', 'in_transit'),
        ],
      }),
    ]);
    assert.equal(overall.handlingDays.median, 1);
    assert.equal(overall.transitDays.median, 2);
  });

  it('reads the promised day in the destination’s time zone, across midnight', () => {
    // 05:30 UTC on 11 May is 22:30 on 10 May in Los Angeles.
    const late = { deliveredAt: '2024-05-11T05:30:00Z', promised: { earliest: '2024-05-08', latest: '2024-05-10' } };
    const inLosAngeles = summarize([shipment({ ...late, destination: { country: 'US', region: 'CA' } })]);
    assert.deepEqual(inLosAngeles.overall.onTime, { count: 1, of: 1, rate: 1 });
    const withZone = summarize([shipment({ ...late, destination: { timeZone: 'America/Los_Angeles' } })]);
    assert.equal(withZone.overall.onTime.rate, 1);
    // Without a zone, the day the carrier wrote is taken: 11 May in UTC, a day late…
    assert.equal(summarize([shipment(late)]).overall.onTime.rate, 0);
    // …and 10 May when the carrier wrote the local time.
    assert.equal(summarize([shipment({ ...late, deliveredAt: '2024-05-10T22:30:00-07:00' })]).overall.onTime.rate, 1);
    // 23:30 UTC on 10 May is already 11 May in Berlin.
    const berlin = summarize([
      shipment({ ...late, deliveredAt: '2024-05-10T23:30:00Z', destination: { country: 'DE' } }),
    ]);
    assert.equal(berlin.overall.onTime.rate, 0);
  });

  it('counts an undelivered parcel as late once its promised day is over, and not before', () => {
    const waiting = shipment({
      shippedAt: '2024-05-01T12:00:00Z',
      promised: { earliest: '2024-05-03', latest: '2024-05-05' },
      destination: { country: 'US', region: 'NY' },
    });
    // The day ends at 04:00 UTC on 6 May in New York.
    assert.deepEqual(summarize([waiting], { now: Date.parse('2024-05-06T03:59:00Z') }).overall.onTime, {
      count: 0,
      of: 0,
      rate: null,
    });
    assert.deepEqual(summarize([waiting], { now: Date.parse('2024-05-06T04:00:00Z') }).overall.onTime, {
      count: 0,
      of: 1,
      rate: 0,
    });
    const cancelled = { ...waiting, status: 'cancelled' as const };
    assert.equal(summarize([cancelled], { now: Date.parse('2024-06-01T00:00:00Z') }).overall.onTime.of, 0);
  });

  it('leaves out, as of a given now, the hand-overs and deliveries that come after it', () => {
    const parcel = shipment({
      placedAt: '2024-04-30T12:00:00Z',
      shippedAt: '2024-05-01T00:00:00Z',
      deliveredAt: '2024-05-10T00:00:00Z',
      promised: { earliest: '2024-05-02', latest: '2024-05-03' },
      destination: { country: 'US', region: 'NY' },
    });
    // Afterwards the whole story is known: nine days in transit, and late.
    const after = summarize([parcel], { now: Date.parse('2024-05-20T00:00:00Z') }).overall;
    assert.deepEqual(after.transitDays, { count: 1, median: 9, p90: 9 });
    assert.deepEqual(after.onTime, { count: 0, of: 1, rate: 0 });
    // On 2 May it is on its way, and its promised day is still ahead: no transit time, no verdict yet.
    const onItsWay = summarize([parcel], { now: Date.parse('2024-05-02T00:00:00Z') }).overall;
    assert.deepEqual(onItsWay.handlingDays, { count: 1, median: 0.5, p90: 0.5 });
    assert.deepEqual(onItsWay.transitDays, { count: 0, median: null, p90: null });
    assert.deepEqual(onItsWay.onTime, { count: 0, of: 0, rate: null });
    // On 5 May it is still on its way, past its promised day: late, and still no transit time.
    const overdue = summarize([parcel], { now: Date.parse('2024-05-05T00:00:00Z') }).overall;
    assert.deepEqual(overdue.transitDays, { count: 0, median: null, p90: null });
    assert.deepEqual(overdue.onTime, { count: 0, of: 1, rate: 0 });
    // An hour before midnight on 30 April the parcel has not left yet: no handling time either.
    const waiting = summarize([parcel], { now: Date.parse('2024-04-30T23:00:00Z') });
    assert.deepEqual(waiting.overall.handlingDays, { count: 0, median: null, p90: null });
    assert.deepEqual(waiting.overall.transitDays, { count: 0, median: null, p90: null });
  });

  it('leaves out, as of a given now, the problems reported after it', () => {
    const now = Date.parse('2024-05-10T00:00:00Z');
    const { overall } = summarize(
      [
        // A problem's time is the scan that reported it…
        shipment({
          events: [problemEvent('weather', '2024-05-09T23:00:00Z'), problemEvent('delayed', '2024-05-10T01:00:00Z')],
        }),
        // …or, for the open problem, when it began.
        shipment({ problem: { reason: 'address', actionRequired: true, since: '2024-05-11T00:00:00Z' } }),
        shipment({ problem: { reason: 'lost', actionRequired: false, since: '2024-05-12T00:00:00Z' } }),
      ],
      { now },
    );
    assert.deepEqual(overall.problems, { weather: { count: 1, of: 3, rate: 1 / 3 } });
    assert.deepEqual(overall.lost, { count: 0, of: 3, rate: 0 });
  });

  it('counts as lost, as of a given now, a parcel reported lost by then and delivered or sent back only later', () => {
    const now = Date.parse('2024-05-10T00:00:00Z');
    const scan = (time: string, status: TrackingEvent['status']): TrackingEvent => ({
      at: time,
      timeSource: 'carrier',
      status,
      code: 'S',
      description: status,
    });
    const foundLater = shipment({
      shippedAt: '2024-05-01T00:00:00Z',
      deliveredAt: '2024-05-15T00:00:00Z',
      events: [problemEvent('lost', '2024-05-05T00:00:00Z'), scan('2024-05-15T00:00:00Z', 'delivered')],
    });
    const sentBackLater = shipment({
      status: 'returned',
      events: [problemEvent('lost', '2024-05-05T00:00:00Z'), scan('2024-05-20T00:00:00Z', 'returning')],
    });
    assert.deepEqual(summarize([foundLater, sentBackLater], { now }).overall.lost, { count: 2, of: 2, rate: 1 });
    // Afterwards neither is lost any more.
    const after = Date.parse('2024-05-25T00:00:00Z');
    assert.deepEqual(summarize([foundLater, sentBackLater], { now: after }).overall.lost, { count: 0, of: 2, rate: 0 });
  });

  it('leaves out, as of a given now, the orders placed after it', () => {
    const now = Date.parse('2024-05-10T00:00:00Z');
    const placedEarlier = shipment({
      placedAt: '2024-05-01T00:00:00Z',
      promised: { earliest: '2024-05-04', latest: '2024-05-05' },
    });
    const placedLater = shipment({
      carrier: 'fedex',
      placedAt: '2024-05-10T00:00:01Z',
      shippedAt: '2024-05-11T00:00:00Z',
      promised: { earliest: '2024-05-04', latest: '2024-05-05' },
      events: [problemEvent('delayed', '2024-05-12T00:00:00Z')],
    });
    // Without an order time, the first scan tells when the shipment began.
    const labelledLater = shipment({
      carrier: 'usps',
      events: [
        { at: '2024-05-10T08:00:00Z', timeSource: 'carrier', status: 'info_received', code: 'L', description: 'Label' },
      ],
    });
    const result = summarize([placedEarlier, placedLater, labelledLater], { now });
    assert.equal(result.overall.volume, 1);
    assert.deepEqual(
      result.groups.map((g) => [g.label, g.volume]),
      [['ups', 1]],
    );
    assert.deepEqual(result.overall.onTime, { count: 0, of: 1, rate: 0 });
    assert.deepEqual(result.overall.problems, {});
    // Once they are placed, they count.
    assert.equal(
      summarize([placedEarlier, placedLater, labelledLater], { now: now + 9 * 3_600_000 }).overall.volume,
      3,
    );
  });

  it('judges, as of a given now, a parcel cancelled only later as it stood then', () => {
    const cancelledLater = shipment({
      status: 'cancelled',
      placedAt: '2024-05-01T00:00:00Z',
      promised: { earliest: '2024-05-02', latest: '2024-05-03' },
      events: [
        { at: '2024-05-20T00:00:00Z', timeSource: 'carrier', status: 'cancelled', code: 'C', description: 'Voided' },
      ],
    });
    const now = Date.parse('2024-05-10T00:00:00Z');
    assert.deepEqual(summarize([cancelledLater], { now }).overall.onTime, { count: 0, of: 1, rate: 0 });
    assert.equal(summarize([cancelledLater], { now: Date.parse('2024-05-21T00:00:00Z') }).overall.onTime.of, 0);
  });

  it('takes as the default now the latest time of any kind in the data, problem scans included', () => {
    const parcels = [
      took(1),
      shipment({ shippedAt: at(shippedBase), events: [problemEvent('weather', at(shippedBase + 2 * 24 * HOUR))] }),
    ];
    const result = summarize(parcels);
    assert.equal(result.now, at(shippedBase + 2 * 24 * HOUR));
    assert.deepEqual(result, summarize(parcels, { now: Date.parse(result.now!) }));
  });

  it('refuses a now that is not a moment, and a minVolume or limit that is not a number of them', () => {
    for (const now of [Number.NaN, new Date('not a date'), '2024-05-01' as unknown as number, 1e300]) {
      assert.throws(() => summarize([took(1)], { now }), {
        name: 'TypeError',
        message: /`now` must be a valid Date or epoch milliseconds/,
      });
    }
    assert.throws(() => summarize([took(1)], { minVolume: Number.NaN }), {
      name: 'TypeError',
      message: /`minVolume` must be a number of shipments \(default 20\), not NaN/,
    });
    for (const limit of [Number.NaN, 2.5]) {
      assert.throws(() => summarize([took(1)], { limit }), {
        name: 'TypeError',
        message: /`limit` must be a whole number of lanes/,
      });
    }
  });

  it('names the shipment and the field when a time is not a string', () => {
    const parcels = [took(1), took(2, { trackingNumber: '1ZBAD', placedAt: new Date() as unknown as string })];
    assert.throws(() => summarize(parcels), {
      name: 'TypeError',
      message:
        /shipments\[1\] \(ups 1ZBAD\) has placedAt = a Date object; give an ISO 8601 date-time string with an offset, such as 2024-04-26T07:50:00-07:00 \(date.toISOString\(\)\), or leave it out/,
    });
    const nullDelivery = shipment({ trackingNumber: '1ZNULL', deliveredAt: null as unknown as string });
    assert.throws(() => summarize([nullDelivery]), { message: /\(ups 1ZNULL\) has deliveredAt = null/ });
    const numberScan = shipment({
      trackingNumber: '1ZNUM',
      events: [problemEvent('delayed'), { ...problemEvent('weather'), at: 1714557600000 as unknown as string }],
    });
    assert.throws(() => summarize([numberScan]), {
      message: /\(ups 1ZNUM\) has events\[1\]\.at = number 1714557600000/,
    });
    const noEvents = shipment({ trackingNumber: '1ZNONE', events: undefined as unknown as TrackingEvent[] });
    assert.throws(() => summarize([noEvents]), { message: /\(ups 1ZNONE\) has no `events` array; give \[\]/ });
  });

  it('names the shipment and the field when a time is there but not ISO 8601 with an offset', () => {
    const moving = (time: string): TrackingEvent => ({
      at: time,
      timeSource: 'carrier',
      status: 'in_transit',
      code: 'S',
      description: 'in transit',
    });
    // Without an offset (as many databases give them out), not a date-time at all, and empty.
    for (const bad of ['2024-05-03T10:00:00', '05/03/2024', '']) {
      const cases: [string, Partial<InsightShipment>, boolean][] = [
        ['placedAt', { placedAt: bad }, true],
        ['shippedAt', { shippedAt: bad }, true],
        ['deliveredAt', { deliveredAt: bad }, true],
        // The scan that gives the shipped time, and one that reports a problem: the model requires their times.
        ['events[1].at', { events: [moving('2024-05-01T08:00:00Z'), moving(bad)] }, false],
        ['events[0].at', { shippedAt: at(shippedBase), events: [{ ...problemEvent('weather'), at: bad }] }, false],
      ];
      for (const [name, fields, optional] of cases) {
        const parcel = shipment({ trackingNumber: '1ZBAD', ...fields });
        if (name === 'events[1].at') parcel.events.reverse(); // the unreadable one first, so it is read
        const field = name === 'events[1].at' ? 'events[0].at' : name;
        const message = new RegExp(
          `^summarize: shipments\\[1\\] \\(ups 1ZBAD\\) has ${field.replace(/[[\].]/g, '\\$&')} = ${JSON.stringify(bad)}; give an ISO 8601 date-time string with an offset, such as 2024-04-26T07:50:00-07:00.*${optional ? ', or leave it out' : '(?<!leave it out)'}\\.$`,
        );
        assert.throws(() => summarize([took(1), parcel]), { name: 'TypeError', message }, `${field} = "${bad}"`);
        assert.throws(() => summarize([took(1), parcel], { now: Date.parse('2024-06-01T00:00:00Z') }), {
          name: 'TypeError',
          message,
        });
      }
    }
    assert.throws(() => summarize([shipment({ placedAt: '2024-05-03T10:00:00' })]), {
      message:
        /placedAt = "2024-05-03T10:00:00"; .* \(this one has no offset: add the one it was written in, Z for UTC/,
    });
  });

  it('takes a time left out as missing, not as an error', () => {
    const { overall } = summarize([
      shipment({ placedAt: undefined, shippedAt: undefined, deliveredAt: undefined }),
      took(2, { placedAt: undefined }),
    ]);
    assert.equal(overall.volume, 2);
    assert.deepEqual(overall.transitDays, { count: 1, median: 2, p90: 2 });
    assert.equal(overall.handlingDays.count, 0);
  });

  it('refuses a period that is not a positive number of days, and a dimension it does not know', () => {
    for (const period of [Number.NaN, 0, -7, Number.POSITIVE_INFINITY, '30' as unknown as number]) {
      assert.throws(() => summarize([took(1)], { period }), {
        name: 'TypeError',
        message: /`period` must be a positive number of days/,
      });
    }
    assert.throws(() => summarize([took(1)], { by: ['carrier', 'destinaton' as GroupDimension] }), {
      name: 'TypeError',
      message: /unknown dimension "destinaton" in `by`; give any of carrier, service, origin, destination/,
    });
    assert.throws(() => summarize([took(1)], { by: 'carrier' as unknown as GroupDimension[] }), {
      name: 'TypeError',
      message: /`by` must be an array of dimensions/,
    });
  });

  it('counts a shipment once per problem reason, however many scans report it', () => {
    const { overall } = summarize([
      shipment({
        events: [problemEvent('delayed'), problemEvent('delayed', '2024-05-03T10:00:00Z'), problemEvent('weather')],
      }),
      shipment({
        problem: { reason: 'delayed', actionRequired: false, since: '2024-05-02T10:00:00Z' },
        events: [problemEvent('delayed')],
      }),
      shipment(),
      shipment(),
    ]);
    assert.deepEqual(overall.problems, {
      delayed: { count: 2, of: 4, rate: 0.5 },
      weather: { count: 1, of: 4, rate: 0.25 },
    });
  });

  it('counts as lost a parcel reported lost and not delivered or returned since', () => {
    const { overall } = summarize([
      shipment({ events: [problemEvent('lost')] }),
      shipment({ problem: { reason: 'lost', actionRequired: false, since: '2024-05-02T10:00:00Z' } }),
      took(5, { events: [problemEvent('lost')] }),
      shipment({ status: 'returning', events: [problemEvent('lost')] }),
    ]);
    assert.deepEqual(overall.lost, { count: 2, of: 4, rate: 0.5 });
    assert.equal(overall.problems.lost?.count, 4);
  });

  it('groups by several keys together', () => {
    const ca: Place = { country: 'US', region: 'CA' };
    const ny: Place = { country: 'US', region: 'NY' };
    const { groups, by } = summarize(
      [
        took(1, { carrier: 'ups', destination: ca }),
        took(2, { carrier: 'ups', destination: ca }),
        took(3, { carrier: 'ups', destination: ny }),
        took(4, { carrier: 'fedex', destination: ca }),
        took(5, { carrier: 'fedex' }),
      ],
      { by: ['destination', 'carrier'] },
    );
    assert.deepEqual(by, ['carrier', 'destination']);
    assert.deepEqual(
      groups.map((g) => [g.label, g.volume, g.transitDays.median]),
      [
        ['ups · to US-CA', 2, 1.5],
        ['fedex · to US-CA', 1, 4],
        ['fedex · to unknown place', 1, 5],
        ['ups · to US-NY', 1, 3],
      ],
    );
    assert.deepEqual(groups[0]!.key, { carrier: 'ups', destination: { country: 'US', region: 'CA' } });
    assert.deepEqual(groups[2]!.key, { carrier: 'fedex', destination: { country: null, region: null } });
  });

  it('groups by service and origin, a missing service being its own group', () => {
    const { groups } = summarize(
      [
        shipment({ service: 'UPS Ground', origin: { country: 'US', region: 'NJ' } }),
        shipment({ service: 'UPS Ground', origin: { country: 'US', region: 'NJ' } }),
        shipment({ origin: { country: 'DE' } }),
      ],
      { by: ['service', 'origin'] },
    );
    assert.deepEqual(
      groups.map((g) => [g.key, g.label, g.volume]),
      [
        [{ service: 'UPS Ground', origin: { country: 'US', region: 'NJ' } }, 'UPS Ground · from US-NJ', 2],
        [{ service: null, origin: { country: 'DE', region: null } }, 'no service · from DE', 1],
      ],
    );
  });

  it('lists the lanes whose on-time rate dropped most, with enough shipments in both periods', () => {
    const now = Date.parse('2024-06-30T00:00:00Z');
    const lane = (carrier: 'ups' | 'fedex' | 'usps', daysAgo: number, onTime: boolean): InsightShipment => {
      const shipped = now - daysAgo * 24 * HOUR;
      return shipment({
        carrier,
        shippedAt: at(shipped),
        deliveredAt: at(shipped + 2 * 24 * HOUR),
        promised: { earliest: '2000-01-01', latest: onTime ? '2099-01-01' : '2000-01-02' },
      });
    };
    const batch = (carrier: 'ups' | 'fedex' | 'usps', daysAgo: number, count: number, onTime: number) =>
      Array.from({ length: count }, (_, i) => lane(carrier, daysAgo, i < onTime));
    const result = summarize(
      [
        ...batch('ups', 45, 20, 20), // 100 % → 50 %
        ...batch('ups', 10, 20, 10),
        ...batch('fedex', 45, 20, 18), // 90 % → 80 %
        ...batch('fedex', 10, 20, 16),
        ...batch('usps', 45, 19, 19), // a bigger drop, but too few shipments before
        ...batch('usps', 10, 30, 0),
        ...batch('ups', 70, 5, 0), // outside both periods
      ],
      { now, minVolume: 20 },
    );
    assert.deepEqual(
      result.worsening.map((w) => [w.label, w.previous.onTime.rate, w.current.onTime.rate, Math.round(w.change * 100)]),
      [
        ['ups', 1, 0.5, -50],
        ['fedex', 0.9, 0.8, -10],
      ],
    );
    assert.equal(result.worsening[0]!.current.volume, 20);
    assert.deepEqual(result.periods, {
      current: { from: '2024-05-31T00:00:00.000Z', to: '2024-06-30T00:00:00.000Z' },
      previous: { from: '2024-05-01T00:00:00.000Z', to: '2024-05-31T00:00:00.000Z' },
    });
    assert.equal(
      summarize([...batch('ups', 45, 20, 20), ...batch('ups', 10, 20, 10)], { now, limit: 0 }).worsening.length,
      0,
    );
  });

  it('orders lanes with the same drop by label, however the rates round', () => {
    const now = Date.parse('2024-06-30T00:00:00Z');
    const lane = (carrier: 'ups' | 'fedex', daysAgo: number, onTime: boolean): InsightShipment => {
      const shipped = now - daysAgo * 24 * HOUR;
      return shipment({
        carrier,
        shippedAt: at(shipped),
        deliveredAt: at(shipped + 24 * HOUR),
        promised: { earliest: '2000-01-01', latest: onTime ? '2099-01-01' : '2000-01-02' },
      });
    };
    const batch = (carrier: 'ups' | 'fedex', daysAgo: number, onTime: number) =>
      Array.from({ length: 20 }, (_, i) => lane(carrier, daysAgo, i < onTime));
    // Both drop ten points: ups 80 % → 70 %, fedex 20 % → 10 % (0.7 − 0.8 and 0.1 − 0.2 differ in floating point).
    const { worsening } = summarize(
      [...batch('ups', 45, 16), ...batch('ups', 10, 14), ...batch('fedex', 45, 4), ...batch('fedex', 10, 2)],
      { now },
    );
    assert.deepEqual(
      worsening.map((w) => [w.label, w.change]),
      [
        ['fedex', -0.1],
        ['ups', -0.1],
      ],
    );
  });

  it('groups an empty region with a missing one, whichever comes first', () => {
    for (const order of [
      [{ country: 'US', region: '' }, { country: 'US' }],
      [{ country: 'US' }, { country: 'US', region: '' }],
    ]) {
      const { groups } = summarize(
        order.map((destination) => shipment({ destination })),
        { by: ['destination'] },
      );
      assert.deepEqual(
        groups.map((g) => [g.label, g.key, g.volume]),
        [['to US', { destination: { country: 'US', region: null } }, 2]],
      );
    }
  });

  it('ends the promised day at local midnight where the clocks change at midnight', () => {
    // Beirut springs forward at 00:00 on 31 March 2024: 30 March ends at 22:00 UTC (00:00 +02:00).
    const waiting = shipment({
      shippedAt: '2024-03-28T12:00:00Z',
      promised: { earliest: '2024-03-29', latest: '2024-03-30' },
      destination: { timeZone: 'Asia/Beirut' },
    });
    assert.equal(summarize([waiting], { now: Date.parse('2024-03-30T21:30:00Z') }).overall.onTime.of, 0);
    assert.equal(summarize([waiting], { now: Date.parse('2024-03-30T22:00:00Z') }).overall.onTime.of, 1);
    // Santiago springs forward at 00:00 on 8 September 2024: 7 September ends at 04:00 UTC (00:00 −04:00).
    const santiago = {
      ...waiting,
      promised: { earliest: '2024-09-06', latest: '2024-09-07' },
      destination: { timeZone: 'America/Santiago' },
    };
    assert.equal(summarize([santiago], { now: Date.parse('2024-09-08T03:59:00Z') }).overall.onTime.of, 0);
    assert.equal(summarize([santiago], { now: Date.parse('2024-09-08T04:00:00Z') }).overall.onTime.of, 1);
  });

  it('takes the latest time in the data as now when none is given', () => {
    const result = summarize([took(1), took(3)]);
    assert.equal(result.now, at(shippedBase + 3 * 24 * HOUR));
  });

  it('summarizes no shipments as empty figures', () => {
    const result = summarize([], { by: ['carrier', 'service'] });
    assert.deepEqual(result.groups, []);
    assert.deepEqual(result.worsening, []);
    assert.equal(result.now, null);
    assert.equal(result.periods, null);
    assert.deepEqual(result.overall, {
      key: {},
      label: 'all shipments',
      volume: 0,
      handlingDays: { count: 0, median: null, p90: null },
      transitDays: { count: 0, median: null, p90: null },
      onTime: { count: 0, of: 0, rate: null },
      problems: {},
      lost: { count: 0, of: 0, rate: null },
    });
  });

  it('counts a shipment that lacks a promise, order time or delivery in the volume only', () => {
    const { overall } = summarize(
      [
        took(2, { placedAt: at(shippedBase - 24 * HOUR), promised: { earliest: '2024-05-01', latest: '2024-05-03' } }),
        took(4), // no promise, no order time
        shipment({
          placedAt: at(shippedBase - 48 * HOUR),
          shippedAt: at(shippedBase),
          promised: { earliest: '2024-05-01', latest: '2099-01-01' },
        }), // not delivered
        shipment({ status: 'delivered', promised: { earliest: '2024-05-01', latest: 'soon' } }), // no delivery time
      ],
      { now: shippedBase + 5 * 24 * HOUR },
    );
    assert.equal(overall.volume, 4);
    assert.deepEqual(overall.transitDays, { count: 2, median: 3, p90: 3.8 });
    assert.deepEqual(overall.handlingDays, { count: 2, median: 1.5, p90: 1.9 });
    assert.deepEqual(overall.onTime, { count: 1, of: 1, rate: 1 });
  });

  it('never throws on well-typed shipments with readable times, and its default now gives the same figures as passing it', () => {
    const time = fc.oneof(
      fc
        .date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') })
        .map((d) => d.toISOString()),
      fc.constantFrom('2024-05-01T10:00:00-07:00', '2024-05-01T10:00:00+0530', '9999-12-31T23:59:59Z'),
    );
    const day = fc.oneof(fc.string(), fc.constantFrom('2024-05-01', '2024-02-30', '0000-01-01', '9999-12-31'));
    const place = fc.record(
      {
        country: fc.constantFrom('US', 'DE', 'ZZ'),
        region: fc.string({ maxLength: 3 }),
        timeZone: fc.oneof(fc.string(), fc.constant('America/Denver')),
      },
      { requiredKeys: [] },
    );
    const reason = fc.constantFrom(...problemReasons);
    const event = fc.record(
      {
        at: time,
        timeSource: fc.constantFrom('carrier' as const, 'inferred' as const, 'utc' as const),
        status: fc.constantFrom(...statuses),
        problem: fc.record({ reason, actionRequired: fc.boolean() }),
        code: fc.string(),
        description: fc.string(),
      },
      { requiredKeys: ['at', 'timeSource', 'status', 'code', 'description'] },
    );
    const arbitraryShipment = fc.record(
      {
        carrier: fc.constantFrom(...carrierIds),
        trackingNumber: fc.string({ minLength: 1 }),
        service: fc.string(),
        status: fc.constantFrom(...statuses),
        problem: fc.record({ reason, actionRequired: fc.boolean(), since: time }),
        events: fc.array(event, { maxLength: 5 }),
        promised: fc.record({ earliest: day, latest: day }),
        deliveredAt: time,
        origin: place,
        destination: place,
        updatedAt: time,
        placedAt: time,
        shippedAt: time,
      },
      { requiredKeys: ['carrier', 'trackingNumber', 'status', 'events', 'updatedAt'] },
    );
    const options = fc.record(
      {
        by: fc.subarray<GroupDimension>(['carrier', 'service', 'origin', 'destination']),
        now: fc.oneof(fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }), fc.date({ noInvalidDate: true })),
        period: fc.double({ min: 0, minExcluded: true, noNaN: true, noDefaultInfinity: true }),
        minVolume: fc.double({ noNaN: true }),
        limit: fc.integer({ min: -5, max: 5 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(arbitraryShipment, { maxLength: 12 }), options, (shipments, opts) => {
        const result = summarize(shipments, opts);
        // As of a given now, the shipments not begun by then are left out.
        assert.ok(result.overall.volume <= shipments.length);
        assert.equal(
          result.groups.reduce((sum, g) => sum + g.volume, 0),
          result.overall.volume,
        );
        const { now: _, ...rest } = opts;
        const byDefault = summarize(shipments, rest);
        assert.equal(byDefault.overall.volume, shipments.length);
        if (byDefault.now !== null)
          assert.deepEqual(summarize(shipments, { ...rest, now: Date.parse(byDefault.now) }), byDefault);
      }),
    );
    // Any string where a time goes: read, or refused with an error that names the shipment.
    fc.assert(
      fc.property(
        fc.array(arbitraryShipment, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('placedAt', 'shippedAt', 'deliveredAt'),
        fc.string(),
        (shipments, field, text) => {
          const withText = [...shipments.slice(1), { ...shipments[0]!, [field]: text }];
          try {
            summarize(withText);
          } catch (error) {
            assert.ok(error instanceof TypeError && /^summarize: shipments\[\d+\] /.test(error.message), String(error));
          }
        },
      ),
    );
  });
});
