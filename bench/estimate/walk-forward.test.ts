import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HistoryRecord } from '@trackline/core';
import { csvRows, parseCsv } from './csv.js';
import { buildOrders } from './olist.js';
import { wallToIso } from './time.js';
import { assertNoFuture, eventsOf, knownAt, walkForward } from './walk-forward.js';

const lane = {
  carrier: 'olist',
  origin: { country: 'BR', region: 'SP' },
  destination: { country: 'BR', region: 'RJ' },
};
const order = (placedAt: string, shippedAt?: string, deliveredAt?: string): { record: HistoryRecord } => ({
  record: { ...lane, placedAt, ...(shippedAt ? { shippedAt } : {}), ...(deliveredAt ? { deliveredAt } : {}) },
});

describe('walkForward', () => {
  // Orders a few hours to days apart, several in flight at any time, one placed late the same day.
  const items = [
    order('2017-10-01T09:00:00-03:00', '2017-10-02T15:00:00-03:00', '2017-10-06T11:00:00-03:00'),
    order('2017-10-02T10:00:00-03:00', '2017-10-03T09:00:00-03:00', '2017-10-04T18:00:00-03:00'),
    order('2017-10-03T23:30:00-03:00', '2017-10-05T10:00:00-03:00', '2017-10-09T10:00:00-03:00'),
    order('2017-10-04T08:00:00-03:00', '2017-10-04T16:00:00-03:00', '2017-10-10T12:00:00-03:00'),
    order('2017-10-04T20:00:00-03:00'),
    order('2017-10-05T01:00:00-03:00', '2017-10-06T10:00:00-03:00', '2017-10-16T09:00:00-02:00'),
    order('2017-10-14T12:00:00-03:00', '2017-10-15T12:00:00-02:00', '2017-10-17T12:00:00-02:00'),
  ];

  it('gives every fit only what was known at its `now`, and predicts each order at its own moment', () => {
    const fits: { now: number; history: HistoryRecord[] }[] = [];
    const results = walkForward({
      items,
      events: eventsOf(items, ['placed', 'shipped']),
      fit: (history, now) => {
        fits.push({ now: now.getTime(), history: structuredClone(history) });
        return fits.length - 1;
      },
      predict: (fit, event) => ({ fit, at: event.at }),
    });
    assert.ok(fits.length >= 5);
    for (const { now, history } of fits) {
      for (const r of history) {
        for (const t of [r.placedAt, r.shippedAt, r.deliveredAt]) {
          if (t !== undefined) assert.ok(Date.parse(t) <= now, `${t} after now ${new Date(now).toISOString()}`);
        }
      }
      // Nothing known at `now` is dropped either: every order placed by then is there.
      assert.equal(history.length, items.filter((i) => Date.parse(i.record.placedAt) <= now).length);
    }
    // 7 purchases + 6 hand-overs, each with a fit made at the start of its own local day.
    assert.equal(results.length, 13);
    for (const r of results) {
      const fit = fits[r.prediction.fit]!;
      assert.ok(fit.now <= Date.parse(r.event.at));
      assert.ok(Date.parse(r.event.at) - fit.now < 86_400_000);
      assert.equal(r.prediction.at, r.event.at);
    }
    // The fit of 2017-10-04 sees orders 1 and 2 handed over but not delivered yet, order 3 not handed over.
    const oct4 = fits.find((f) => f.now === Date.parse('2017-10-04T00:00:00-03:00'))!;
    assert.deepEqual(
      oct4.history.map((r) => [r.shippedAt !== undefined, r.deliveredAt !== undefined]),
      [
        [true, false],
        [true, false],
        [false, false],
      ],
    );
    // DST started at midnight on 2017-10-15: that day begins at 01:00 -02:00.
    assert.ok(fits.some((f) => f.now === Date.parse('2017-10-15T01:00:00-02:00')));
  });

  it('refuses a history that reads the future', () => {
    const now = Date.parse('2017-10-03T00:00:00-03:00');
    const future = items[0]!.record;
    assert.throws(() => assertNoFuture([future], now), /leak/);
    assert.doesNotThrow(() => assertNoFuture([knownAt(future, now)!], now));
    assert.equal(knownAt(items[6]!.record, now), undefined);
  });
});

describe('CSV loader', () => {
  it('reads quoted fields, doubled quotes, commas and line breaks in quotes, empty fields and CRLF', () => {
    const text = '\ufeffa,b,c\r\n"x, y","say ""hi""",\r\n,"two\nlines",3\n';
    assert.deepEqual(csvRows(text), [
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', ''],
      ['', 'two\nlines', '3'],
    ]);
    assert.deepEqual(parseCsv(text)[1], { a: '', b: 'two\nlines', c: '3' });
  });

  it('joins orders, first items, sellers and customers, with Brazil offsets, zip prefixes and empty dates', () => {
    const orders = parseCsv(
      [
        'order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date',
        '"o1","c1","delivered","2017-10-02 10:56:33","2017-10-02 11:07:15","2017-10-04 19:55:00","2017-10-20 21:25:13","2017-10-18 00:00:00"',
        'o2,c2,shipped,2017-11-18 19:28:06,,2017-11-22 13:39:59,,2017-12-15 00:00:00',
        'o3,c1,canceled,2017-11-19 10:00:00,,,,2017-12-15 00:00:00',
      ].join('\n'),
    );
    const customers = parseCsv('customer_id,customer_zip_code_prefix,customer_state\nc1,4571,SP\nc2,,"RJ"\n');
    const items = parseCsv(
      'order_id,order_item_id,seller_id\no1,2,s2\no1,1,s1\no2,1,s2\n', // o3 has no items: dropped
    );
    const sellers = parseCsv(
      'seller_id,seller_zip_code_prefix,seller_city,seller_state\ns1,13023,campinas,SP\ns2,1,"rio, rj",MG\n',
    );
    const built = buildOrders({ orders, customers, items, sellers });
    assert.deepEqual(
      built.map((o) => o.id),
      ['o1', 'o2'],
    );
    assert.deepEqual(built[0]!.record, {
      carrier: 'olist',
      origin: { country: 'BR', region: 'SP', postalCode: '13023' },
      destination: { country: 'BR', region: 'SP', postalCode: '04571' }, // the leading zero the file lost
      placedAt: '2017-10-02T10:56:33-03:00',
      shippedAt: '2017-10-04T19:55:00-03:00',
      deliveredAt: '2017-10-20T21:25:13-02:00',
    });
    assert.equal(built[0]!.promisedDay, '2017-10-18');
    assert.equal(built[0]!.deliveredDay, '2017-10-20');
    assert.deepEqual(built[1]!.record.origin, { country: 'BR', region: 'MG', postalCode: '00001' });
    assert.deepEqual(built[1]!.record.destination, { country: 'BR', region: 'RJ' });
    assert.equal(built[1]!.record.deliveredAt, undefined);
    assert.equal(built[1]!.record.placedAt, '2017-11-18T19:28:06-02:00');
    assert.equal(wallToIso(''), undefined);
  });
});
