import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Shipment, Status, TrackingEvent } from '@trackline/core';
import { isNews, mergeParcelRows, mergeUpdate, trackingKey } from './merge.js';
import { event, shipment, update } from './store-suite.js';

/** What a store keeps between updates: the shipment, the as-of time of its fields, the copies of its events. */
interface Kept {
  shipment: Shipment | undefined;
  asOf: number;
  copies: TrackingEvent[] | undefined;
}

/** The shipment after each batch of events was applied, one update per batch, in order, as a store does. */
function applyAll(batches: readonly TrackingEvent[][]): Shipment {
  let kept: Kept = { shipment: undefined, asOf: 0, copies: undefined };
  for (const events of batches) {
    // Through JSON, as a store writes and reads them: nothing may hang on object identity.
    const merged = mergeUpdate(kept.shipment, kept.asOf, update(events), kept.copies);
    kept = JSON.parse(JSON.stringify({ shipment: merged.shipment, asOf: merged.fieldsAsOf, copies: merged.copies }));
  }
  return kept.shipment!;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const at = '2024-04-23T11:00:00Z';
// A and B share a code, B and C a status; A and C share neither, so they are two scans, and B, a copy
// of A, must not join them into one.
const a = event(at, 'in_transit', 'c1', 'Arrived at facility');
const b = event(at, 'out_for_delivery', 'c1', 'Arrived at facility');
const c = event(at, 'out_for_delivery', 'c2', 'Arrived at facility');

const summary = (shipment: Shipment) => shipment.events.map((e) => `${e.code} ${e.status}`);

describe('mergeUpdate: copies of one scan', () => {
  for (const order of permutations([a, b, c])) {
    const name = order.map((copy) => (copy === a ? 'A' : copy === b ? 'B' : 'C')).join(', ');
    it(`makes the same two events of three differently coded copies arriving ${name}`, () => {
      // One update per copy, and all three in one update.
      for (const batches of [order.map((copy) => [copy]), [order]]) {
        assert.deepEqual(summary(applyAll(batches)), ['c1 in_transit', 'c2 out_for_delivery']);
      }
    });
  }

  it('keeps the same events and status whatever order copies and scans arrive in, and however they are batched', () => {
    const instants = ['2024-04-23T11:00:00Z', '2024-04-23T04:00:00-07:00', '2024-04-23T12:30:00Z'];
    const places = [undefined, { city: 'Reno' }, { city: 'Fresno' }, { city: 'Reno', postalCode: '89501' }];
    const copy = fc
      .record({
        at: fc.constantFrom(...instants),
        status: fc.constantFrom<Status>('in_transit', 'out_for_delivery', 'delivered'),
        code: fc.constantFrom('c1', 'c2', 'c3'),
        description: fc.constantFrom('Arrived at facility', 'ARRIVED AT  FACILITY', 'Out for delivery'),
        location: fc.constantFrom(...places),
        problem: fc.constantFrom(undefined, { reason: 'weather' as const, actionRequired: false }),
        timeSource: fc.constantFrom<TrackingEvent['timeSource']>('carrier', 'utc'),
      })
      .map(({ location, problem, ...rest }) => {
        const made: TrackingEvent = { ...rest };
        if (location) made.location = location;
        if (problem) made.problem = problem;
        return made;
      });
    // The copies, and two arrival orders of them, each cut into updates at its own places.
    const scenario = fc
      .array(copy, { minLength: 1, maxLength: 8 })
      .chain((copies) =>
        fc.tuple(
          fc.constant(copies),
          fc.shuffledSubarray(copies, { minLength: copies.length, maxLength: copies.length }),
          fc.array(fc.boolean(), { minLength: copies.length, maxLength: copies.length }),
          fc.array(fc.boolean(), { minLength: copies.length, maxLength: copies.length }),
        ),
      );
    const batched = (copies: TrackingEvent[], cuts: boolean[]) => {
      const batches: TrackingEvent[][] = [[]];
      copies.forEach((one, i) => {
        if (i > 0 && cuts[i]) batches.push([]);
        batches.at(-1)!.push(one);
      });
      return batches;
    };
    fc.assert(
      fc.property(scenario, ([copies, shuffled, cutsOne, cutsTwo]) => {
        const one = applyAll(batched(copies, cutsOne));
        const two = applyAll(batched(shuffled, cutsTwo));
        assert.deepEqual(two.events, one.events);
        assert.equal(two.status, one.status);
        assert.deepEqual(two.problem, one.problem);
        // A copy delivered again changes nothing.
        assert.deepEqual(applyAll([...batched(copies, cutsOne), copies]).events, one.events);
      }),
      { numRuns: 300 },
    );
  });
});

describe('trackingKey', () => {
  it('keys a number the same however it is written', () => {
    const key = trackingKey('1Z999AA10123456784');
    for (const written of [
      '1z999aa10123456784',
      '1Z 999 AA1 0123 4567 84',
      '1Z-999-AA1-01234567-84',
      '1z.999.aa1.0123456784',
    ]) {
      assert.equal(trackingKey(written), key, written);
    }
  });
});

describe('mergeParcelRows', () => {
  const placeholder = (trackingNumber: string): Shipment => ({
    carrier: 'ups',
    trackingNumber,
    status: 'pending',
    events: [],
    updatedAt: '2024-04-21T12:00:00Z',
  });
  const pickedUp = event('2024-04-22T18:00:00-07:00', 'in_transit', 'OR', 'Picked up');
  const delivered = event('2024-04-25T14:31:00-04:00', 'delivered', 'KB', 'Delivered');

  it('keeps the first row, with every event of both and the order that claimed the parcel', () => {
    const merge = mergeParcelRows([
      {
        id: 7,
        orderNumber: null,
        orderUpdatedAt: null,
        shipment: { ...placeholder('1Z999AA10123456784'), status: 'delivered', events: [delivered] },
        fieldsAsOf: Date.parse(delivered.at),
      },
      {
        id: 3,
        orderNumber: 'A1',
        orderUpdatedAt: '2024-04-21T12:00:00Z',
        shipment: placeholder('1Z999-AA1'),
        fieldsAsOf: 0,
      },
      {
        id: 5,
        orderNumber: null,
        orderUpdatedAt: null,
        shipment: { ...placeholder('1Z 999AA1'), status: 'in_transit', events: [pickedUp] },
        fieldsAsOf: Date.parse(pickedUp.at),
      },
    ]);
    assert.equal(merge.keep, 3);
    assert.deepEqual(merge.remove, [5, 7]);
    assert.equal(merge.orderNumber, 'A1');
    assert.equal(merge.shipment.trackingNumber, '1Z999-AA1', 'the first row names the parcel');
    assert.deepEqual(
      merge.shipment.events.map((e) => e.code),
      ['OR', 'KB'],
    );
    assert.equal(merge.shipment.status, 'delivered');
    assert.equal(merge.shipment.deliveredAt, delivered.at);
  });

  it('gives a parcel two orders claimed to the one that claimed it last', () => {
    const merge = mergeParcelRows([
      {
        id: 1,
        orderNumber: 'A2',
        orderUpdatedAt: '2024-04-22T09:00:00Z',
        shipment: placeholder('1Z9-1'),
        fieldsAsOf: 0,
      },
      {
        id: 2,
        orderNumber: 'A1',
        orderUpdatedAt: '2024-04-21T09:00:00Z',
        shipment: placeholder('1Z91'),
        fieldsAsOf: 0,
      },
    ]);
    assert.equal(merge.orderNumber, 'A2');
  });
});

describe('isNews', () => {
  const home = { city: 'Oak Park', region: 'IL', country: 'US' };
  const away = { city: 'Clovis', region: 'CA', country: 'US' };
  const pickUp = event('2024-04-22T18:00:00-07:00', 'in_transit', 'OR', 'Picked up', { location: away });
  const before = shipment([pickUp], { destination: home });
  const scanAt = (location: typeof home, at = '2024-04-24T08:00:00-05:00') =>
    shipment([pickUp, event(at, 'in_transit', 'AR', 'Arrived at facility', { location })], { destination: home });

  it("counts the parcel's first scan in the shopper's region, and not a scan anywhere else or a second one there", () => {
    assert.equal(isNews(before, scanAt(away)), false);
    const arrived = scanAt(home);
    assert.equal(isNews(before, arrived), true);
    const again = shipment(
      [...arrived.events, event('2024-04-24T20:00:00-05:00', 'in_transit', 'DP', 'Departed', { location: home })],
      {
        destination: home,
      },
    );
    assert.equal(isNews(arrived, again), false);
  });

  it('counts a problem that comes again with the same reason, and one that starts or stops needing the shopper', () => {
    const attempt = (since: string, actionRequired: boolean) =>
      shipment(before.events, { destination: home, problem: { reason: 'failed_attempt', since, actionRequired } });
    const first = attempt('2024-04-25T14:00:00-05:00', false);
    assert.equal(isNews(first, attempt('2024-04-26T14:00:00-05:00', false)), true, 'a second failed attempt');
    assert.equal(isNews(first, attempt('2024-04-25T14:00:00-05:00', true)), true, 'now needs the shopper');
    assert.equal(isNews(first, attempt('2024-04-25T14:00:00-05:00', false)), false, 'the same problem again');
  });
});
