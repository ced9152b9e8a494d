import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HistoryRecord } from '@trackline/core';
import { delayWalk } from './delay.js';
import type { OlistOrder } from './olist.js';

function order(id: string, placedAt: string, shippedAt: string, deliveredAt?: string): OlistOrder {
  const record: HistoryRecord = {
    carrier: 'olist',
    origin: { country: 'BR', region: 'SP' },
    destination: { country: 'BR', region: 'RJ' },
    placedAt,
    shippedAt,
    ...(deliveredAt ? { deliveredAt } : {}),
  };
  return {
    id,
    status: deliveredAt ? 'delivered' : 'shipped',
    record,
    placedMs: Date.parse(placedAt),
    shippedMs: Date.parse(shippedAt),
    placedDay: placedAt.slice(0, 10),
    shippedDay: shippedAt.slice(0, 10),
    promisedDay: '2017-10-20',
    ...(deliveredAt ? { deliveredMs: Date.parse(deliveredAt), deliveredDay: deliveredAt.slice(0, 10) } : {}),
  };
}

describe('the delay walk', () => {
  // A month of deliveries to learn from, then two parcels watched in October.
  const past = Array.from({ length: 30 }, (_, i) => {
    const day = String(i + 1).padStart(2, '0');
    return order(`p${i}`, `2017-09-${day}T09:00:00-03:00`, `2017-09-${day}T15:00:00-03:00`);
  }).map((o) => {
    const delivered = new Date(o.shippedMs! + 4 * 86_400_000).toISOString();
    return order(o.id, o.record.placedAt, o.record.shippedAt!, delivered);
  });
  const arrives = order('a', '2017-10-02T09:00:00-03:00', '2017-10-03T10:00:00-03:00', '2017-10-06T14:00:00-03:00');
  const never = order('n', '2017-10-02T09:00:00-03:00', '2017-10-03T10:00:00-03:00');
  const all = [...past, arrives, never];

  it('checks each parcel only on the days it is on its way, and tells the checks nothing of its future', () => {
    const { results } = delayWalk([arrives, never], all, '2017-10-01', '2017-10-10');
    const days = (o: OlistOrder) => results.filter((r) => r.event.item === o).map((r) => r.event.at.slice(0, 10));
    // Delivered at 14:00 on the 6th: still on its way at that day's noon check.
    assert.deepEqual(days(arrives), ['2017-10-03', '2017-10-04', '2017-10-05', '2017-10-06']);
    assert.equal(days(never).length, 8);
    for (const { event } of results) {
      assert.ok(Date.parse(event.at) >= event.item.shippedMs!);
      assert.ok(!(event.item.deliveredMs! <= Date.parse(event.at)));
    }
  });

  it('calls the parcel that never comes stalled, then lost, and leaves the one that arrives alone', () => {
    const { results } = delayWalk([arrives, never], all, '2017-10-01', '2017-10-31');
    const causes = (o: OlistOrder) => results.filter((r) => r.event.item === o).map((r) => r.prediction?.cause);
    assert.deepEqual(new Set(causes(arrives)), new Set([undefined]));
    const forNever = causes(never);
    assert.ok(forNever.indexOf('stalled') >= 0 && forNever.indexOf('stalled') < forNever.indexOf('lost'));
  });
});
