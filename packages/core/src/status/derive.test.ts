import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  deriveShipmentState,
  milestones,
  shipmentProgress,
  statuses,
  type Status,
  type TrackingEvent,
} from '@trackline/core';

function event(at: string, status: TrackingEvent['status'], extra: Partial<TrackingEvent> = {}): TrackingEvent {
  return { at, timeSource: 'carrier', status, code: status, description: status, ...extra };
}

describe('deriveShipmentState', () => {
  it('has no data yet: pending', () => {
    assert.equal(deriveShipmentState([]).status, 'pending');
  });

  it('orders events by instant, not by the text of their offsets', () => {
    // 09:00-07:00 is 16:00Z, after 10:00-04:00 (14:00Z), though it sorts first as text.
    const state = deriveShipmentState([
      event('2024-05-02T09:00:00-07:00', 'out_for_delivery'),
      event('2024-05-02T10:00:00-04:00', 'in_transit'),
    ]);
    assert.deepEqual(
      state.events.map((e) => e.status),
      ['in_transit', 'out_for_delivery'],
    );
    assert.equal(state.status, 'out_for_delivery');
  });

  it('drops an event the carrier sent twice', () => {
    const scan = event('2024-05-01T08:00:00Z', 'in_transit', { code: 'AR', description: 'Arrived at facility' });
    const state = deriveShipmentState([scan, { ...scan, description: 'Arrived at facility ' }, scan]);
    assert.equal(state.events.length, 1);
  });

  it('keeps two scans at the same time with different codes', () => {
    const state = deriveShipmentState([
      event('2024-05-01T08:00:00Z', 'in_transit', { code: 'AR' }),
      event('2024-05-01T08:00:00Z', 'in_transit', { code: 'DP' }),
    ]);
    assert.equal(state.events.length, 2);
  });

  it('does not move back to "label created" when label data arrives after the pickup', () => {
    const state = deriveShipmentState([
      event('2024-05-01T08:00:00Z', 'in_transit'),
      event('2024-05-01T09:00:00Z', 'info_received'),
    ]);
    assert.equal(state.status, 'in_transit');
  });

  it('goes back to in transit after a failed delivery attempt', () => {
    const state = deriveShipmentState([
      event('2024-05-01T08:00:00Z', 'out_for_delivery'),
      event('2024-05-01T15:00:00Z', 'in_transit', { problem: { reason: 'failed_attempt', actionRequired: true } }),
    ]);
    assert.equal(state.status, 'in_transit');
    assert.deepEqual(state.problem, { reason: 'failed_attempt', actionRequired: true, since: '2024-05-01T15:00:00Z' });
  });

  it('clears the problem when a later good scan comes', () => {
    const state = deriveShipmentState([
      event('2024-05-01T08:00:00Z', 'in_transit', { problem: { reason: 'weather', actionRequired: false } }),
      event('2024-05-02T08:00:00Z', 'in_transit', { code: 'DP' }),
    ]);
    assert.equal(state.problem, undefined);
  });

  it('keeps a problem open since its first scan while the carrier repeats it', () => {
    const weather = { reason: 'weather', actionRequired: false } as const;
    const state = deriveShipmentState([
      event('2024-05-01T08:00:00Z', 'in_transit', { problem: weather }),
      event('2024-05-02T08:00:00Z', 'in_transit', { problem: weather, code: 'DY2' }),
    ]);
    assert.equal(state.problem?.since, '2024-05-01T08:00:00Z');
  });

  it('records when the parcel was delivered and stays delivered after a late transit scan', () => {
    const state = deriveShipmentState([
      event('2024-05-03T14:05:00-04:00', 'delivered'),
      event('2024-05-03T16:00:00-04:00', 'in_transit'),
      event('2024-05-03T09:00:00-04:00', 'out_for_delivery'),
    ]);
    assert.equal(state.status, 'delivered');
    assert.equal(state.deliveredAt, '2024-05-03T14:05:00-04:00');
  });

  it('treats "delivered" on the way back as returned to the sender', () => {
    const state = deriveShipmentState([
      event('2024-05-01T08:00:00Z', 'in_transit'),
      event('2024-05-02T08:00:00Z', 'returning'),
      event('2024-05-03T08:00:00Z', 'in_transit'),
      event('2024-05-04T08:00:00Z', 'delivered'),
    ]);
    assert.equal(state.status, 'returned');
    assert.equal(state.deliveredAt, undefined);
    assert.equal(state.events.at(-1)?.status, 'returned');
  });

  it('reaches the same state whatever order the events arrive in', () => {
    const base = [
      event('2024-05-01T08:00:00Z', 'info_received'),
      event('2024-05-01T12:00:00Z', 'in_transit'),
      event('2024-05-02T07:00:00Z', 'out_for_delivery'),
      event('2024-05-02T15:00:00Z', 'delivered'),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(base, { minLength: 4, maxLength: 4 }), (shuffled) => {
        const state = deriveShipmentState(shuffled);
        assert.equal(state.status, 'delivered');
        assert.equal(state.deliveredAt, '2024-05-02T15:00:00Z');
      }),
    );
  });

  it('reaches the same state, problem and all, when events arrive shuffled and repeated', () => {
    const customs = { reason: 'customs', actionRequired: true } as const;
    const history = [
      event('2024-05-01T08:00:00-04:00', 'info_received', { code: 'OC', description: 'Label created' }),
      event('2024-05-01T17:30:00-04:00', 'in_transit', { code: 'PU', description: 'Picked up' }),
      event('2024-05-02T09:10:00+02:00', 'in_transit', {
        code: 'CD',
        description: 'Clearance delay',
        problem: customs,
      }),
      event('2024-05-02T15:40:00+02:00', 'in_transit', {
        code: 'CD',
        description: 'Clearance delay',
        problem: customs,
      }),
    ];
    const expected = deriveShipmentState(history);
    assert.equal(expected.status, 'in_transit');
    assert.deepEqual(expected.problem, { ...customs, since: '2024-05-02T09:10:00+02:00' });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...history.keys()), { maxLength: 8 }),
        fc.func(fc.integer()),
        (repeats, order) => {
          // Every event at least once, some several times, copies included, in any order.
          const arrived = [...history, ...repeats.map((i) => ({ ...history[i]! }))]
            .map((e, i) => ({ e, key: order(i) }))
            .sort((a, b) => a.key - b.key)
            .map(({ e }) => e);
          assert.deepEqual(deriveShipmentState(arrived), expected);
        },
      ),
    );
  });

  it('never throws and always returns a known status for any sequence of statuses', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ status: fc.constantFrom(...statuses), minutes: fc.nat(100_000) })), (items) => {
        const events = items.map(({ status, minutes }) =>
          event(new Date(Date.UTC(2024, 0, 1) + minutes * 60_000).toISOString(), status),
        );
        assert.ok(statuses.includes(deriveShipmentState(events).status));
      }),
    );
  });
});

describe('shipmentProgress', () => {
  it('marks "shipped" while the parcel is in transit', () => {
    assert.deepEqual(shipmentProgress({ status: 'in_transit', events: [] }), {
      milestone: 'shipped',
      path: 'forward',
    });
  });

  it('shows a pickup point as the last step before delivery', () => {
    assert.equal(shipmentProgress({ status: 'available_for_pickup', events: [] }).milestone, 'out_for_delivery');
  });

  it('shows a return as its own path, from the furthest step reached', () => {
    const events = [event('2024-05-02T07:00:00Z', 'out_for_delivery'), event('2024-05-03T07:00:00Z', 'returning')];
    assert.deepEqual(shipmentProgress({ status: 'returning', events }), {
      milestone: 'out_for_delivery',
      path: 'return',
    });
  });

  it('shows the shopper five steps, in order', () => {
    assert.deepEqual(milestones, ['ordered', 'packed', 'shipped', 'out_for_delivery', 'delivered']);
  });

  it('puts every forward status on its step', () => {
    const stepOf: Array<[Status, string]> = [
      ['pending', 'ordered'],
      ['info_received', 'packed'],
      ['in_transit', 'shipped'],
      ['out_for_delivery', 'out_for_delivery'],
      ['available_for_pickup', 'out_for_delivery'],
      ['delivered', 'delivered'],
    ];
    for (const [status, milestone] of stepOf) {
      assert.deepEqual(shipmentProgress({ status, events: [] }), { milestone, path: 'forward' }, status);
    }
  });

  it('shows a cancelled shipment at the last step it reached, on its own path', () => {
    const events = [event('2024-05-01T08:00:00Z', 'info_received'), event('2024-05-01T09:00:00Z', 'cancelled')];
    assert.deepEqual(shipmentProgress({ status: 'cancelled', events }), { milestone: 'packed', path: 'cancelled' });
  });

  it('does not step back when the latest event is an earlier stage', () => {
    const events = [event('2024-05-02T07:00:00Z', 'out_for_delivery'), event('2024-05-02T19:00:00Z', 'in_transit')];
    assert.equal(shipmentProgress({ status: 'in_transit', events }).milestone, 'out_for_delivery');
  });

  it('places an open problem on the current step', () => {
    const progress = shipmentProgress({
      status: 'in_transit',
      events: [],
      problem: { reason: 'customs', actionRequired: true, since: '2024-05-01T00:00:00Z' },
    });
    assert.equal(progress.problemAt, 'shipped');
  });
});
