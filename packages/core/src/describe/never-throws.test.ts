import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { describeShipment, type ShipmentDescription } from '@trackline/core/describe';
import {
  carrierIds,
  problemReasons,
  ShipmentSchema,
  statuses,
  type Shipment,
  type Status,
} from '@trackline/core/model';

const CARRIER_TEXT = 'RAW-CARRIER-TEXT';
const CARRIER_CODE = 'RAW-CODE-77';

function assertReadable(d: ShipmentDescription): void {
  assert.equal(typeof d.headline, 'string');
  assert.ok(d.headline && d.whatHappened && d.whatNext, JSON.stringify(d));
  assert.ok(d.whatToDo === null || (typeof d.whatToDo === 'string' && d.whatToDo.length > 0));
}

const pad = (n: number) => String(n).padStart(2, '0');
const instant = fc.date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true });
const isoDateTime = fc
  .tuple(
    instant,
    fc.integer({ min: -48, max: 56 }).map((quarters) => quarters * 15),
  )
  .map(([date, offset]) => {
    const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
    const abs = Math.abs(offset);
    return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  });
const isoDate = instant.map((date) => date.toISOString().slice(0, 10));
const word = fc.string({ maxLength: 20 }).filter((s) => !/undefined|null|nan|object|raw-/i.test(s));
const place = fc.record(
  {
    city: fc.oneof(word, fc.constantFrom('FRESNO', 'São Paulo', 'Köln', 'evil\u202etxt', '<b>x</b>')),
    region: fc.oneof(word, fc.constantFrom('CA', 'Bavaria', 'NEW SOUTH WALES')),
    timeZone: fc.constantFrom('America/New_York', 'Europe/Berlin', 'Pacific/Kiritimati', 'Etc/GMT+12', 'Not/AZone'),
  },
  { requiredKeys: [] },
);
const status = fc.constantFrom(...statuses);
const problem = fc.record({
  reason: fc.constantFrom(...problemReasons),
  actionRequired: fc.boolean(),
  since: isoDateTime,
});
const event = fc.record(
  {
    at: isoDateTime,
    timeSource: fc.constantFrom('carrier', 'inferred', 'utc'),
    status,
    problem: fc.record({ reason: fc.constantFrom(...problemReasons), actionRequired: fc.boolean() }),
    code: fc.constant(CARRIER_CODE),
    description: fc.constant(`<script>${CARRIER_TEXT}</script>`),
    location: place,
  },
  { requiredKeys: ['at', 'timeSource', 'status', 'code', 'description'] },
);
const window = fc.tuple(isoDate, isoDate).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));
const shipment = fc.record(
  {
    carrier: fc.constantFrom(...carrierIds),
    trackingNumber: fc.constant('1Z999AA10123456784'),
    status,
    problem,
    events: fc.array(event, { maxLength: 4 }),
    promised: window.map(([earliest, latest]) => ({ earliest, latest })),
    estimate: fc
      .record({
        range: window,
        confidence: fc.double({ min: 0, max: 1, noNaN: true }),
        basis: fc.constantFrom('carrier', 'history', 'promise'),
      })
      .map(({ range: [earliest, latest], ...rest }) => ({ earliest, latest, likely: earliest, ...rest })),
    deliveredAt: isoDateTime,
    destination: place,
    updatedAt: isoDateTime,
  },
  { requiredKeys: ['carrier', 'trackingNumber', 'status', 'events', 'updatedAt'] },
);
const options = fc.record(
  {
    locale: fc.oneof(fc.constantFrom('en', 'es-MX', 'fr-CA', 'de-AT', 'pt-BR', 'en-GB'), fc.string()),
    now: fc.oneof(isoDateTime, instant, fc.string()),
  },
  { requiredKeys: [] },
);

/** Statuses after which nothing is left for the shopper unless a problem says otherwise. */
const quiet: ReadonlySet<Status> = new Set(['pending', 'info_received', 'in_transit', 'out_for_delivery', 'delivered']);

describe('describeShipment with generated input', () => {
  it('describes any value at all without throwing', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true }),
        fc.anything(),
        (s, o) => {
          assertReadable(describeShipment(s as Shipment, o as never));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('describes half-broken shipments: well-formed ones with any field replaced', () => {
    const field = fc.constantFrom('status', 'problem', 'events', 'estimate', 'promised', 'destination', 'deliveredAt');
    fc.assert(
      fc.property(shipment, field, fc.anything(), options, (s, key, value, o) => {
        assertReadable(describeShipment({ ...s, [key]: value } as Shipment, o));
      }),
      { numRuns: 300 },
    );
  });

  it('describes every well-formed shipment in every language, in its own words', () => {
    fc.assert(
      fc.property(shipment, options, (s, o) => {
        assert.ok(ShipmentSchema.safeParse(s).success, 'the generator makes valid shipments');
        const d = describeShipment(s, o);
        assertReadable(d);
        const all = [d.headline, d.whatHappened, d.whatNext, d.whatToDo ?? ''].join(' ');
        assert.doesNotMatch(all, /RAW-|<script|undefined|null|NaN|\[object/);
        if (s.status === 'available_for_pickup' || s.status === 'returning' || s.status === 'cancelled') {
          assert.ok(d.whatToDo, 'a parcel waiting for pickup, going back or cancelled needs the shopper');
        }
        if (!s.problem && quiet.has(s.status)) assert.equal(d.whatToDo, null);
        if (s.problem?.actionRequired && !['delivered', 'returning', 'returned', 'cancelled'].includes(s.status)) {
          assert.ok(d.whatToDo, 'a problem needing the shopper says what to do');
        }
      }),
      { numRuns: 500 },
    );
  });
});
