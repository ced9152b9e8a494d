import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ProblemDetail } from '../../model/problem.js';
import { problemReasons } from '../../model/problem.js';
import { statuses, type Status } from '../../model/status.js';
import { normalizeStatus } from '../normalize.js';
import { indexTable, type StatusRow } from '../table.js';
import { shippoStatusTable as table } from './shippo.js';

const sections = Object.entries(table.sections);

/** The status each substatus is listed under in Shippo's "Event definitions" table. */
const parentOf: Record<string, string> = {
  information_received: 'PRE_TRANSIT',
  ...Object.fromEntries(
    [
      ...['address_issue', 'contact_carrier', 'delayed', 'delivery_attempted', 'delivery_rescheduled'],
      ...['delivery_scheduled', 'location_inaccessible', 'notice_left', 'out_for_delivery', 'package_accepted'],
      ...['package_arrived', 'package_damaged', 'package_departed', 'package_forwarded', 'package_held'],
      ...['package_processed', 'package_processing', 'pickup_available', 'reschedule_delivery'],
    ].map((code) => [code, 'TRANSIT']),
  ),
  delivered: 'DELIVERED',
  return_to_sender: 'RETURNED',
  package_unclaimed: 'RETURNED',
  package_undeliverable: 'FAILURE',
  package_disposed: 'FAILURE',
  package_lost: 'FAILURE',
  other: 'UNKNOWN',
};

/** What an adapter stores in `TrackingEvent.code` for a row. */
function storedCode(section: string, row: StatusRow): string {
  if (section === 'substatus') return `${parentOf[row.code]}/${row.code}`;
  if (section === 'returned') return `RETURNED/${row.code}`;
  return row.code;
}

function expectMapping(code: string, description: string | undefined, status: Status, problem?: ProblemDetail) {
  const result = normalizeStatus('shippo', code, description);
  assert.equal(result.status, status, `${code} (${description ?? 'no text'}) stage`);
  assert.deepEqual(result.problem, problem, `${code} (${description ?? 'no text'}) problem`);
}

describe('Shippo status table: the data', () => {
  it('names its sources and how an adapter stores a code', () => {
    assert.equal(table.source, 'shippo');
    assert.ok(table.references.some((ref) => ref.includes('goshippo/shippo-javascript-sdk@51b9793')));
    assert.ok(table.references.some((ref) => ref.includes('docs.goshippo.com/docs/tracking')));
    assert.match(table.codeFormat, /<STATUS>\/<substatus_code>/);
    for (const [, section] of sections) assert.ok(section.about.trim());
  });

  it('lists every status and every documented substatus exactly once', () => {
    const rows = (name: string) => table.sections[name]?.rows.map((row) => row.code).sort() ?? [];
    assert.deepEqual(rows('status'), ['DELIVERED', 'FAILURE', 'PRE_TRANSIT', 'RETURNED', 'TRANSIT', 'UNKNOWN']);
    assert.deepEqual(rows('substatus'), Object.keys(parentOf).sort());
    assert.equal(rows('substatus').length, 27);
  });

  it('gives each row a meaning and only canonical values, or says it leaves the stage to the status', () => {
    for (const [name, section] of sections) {
      for (const row of section.rows) {
        const where = `${name}/${row.code}`;
        assert.ok(row.meaning.trim(), `${where} has no meaning`);
        assert.ok(
          row.status || row.problem || row.refine || row.meaning.includes('(stage from status)'),
          `${where} maps to nothing and does not say why`,
        );
        if (row.status) assert.ok(statuses.includes(row.status), `${where}: ${row.status}`);
        if (row.problem) {
          assert.ok(problemReasons.includes(row.problem.reason), `${where}: ${row.problem.reason}`);
          assert.equal(typeof row.problem.actionRequired, 'boolean', where);
        }
      }
    }
  });
});

describe('Shippo status table: every row, through normalizeStatus', () => {
  const index = indexTable(table);
  for (const [name, section] of sections) {
    for (const row of section.rows) {
      const code = storedCode(name, row);
      it(`${code} → ${row.status ?? '(status or text)'}${row.problem ? ` + ${row.problem.reason}` : ''}`, () => {
        // The first documented key of the stored code is this row (RETURNED/… first tries `returned`).
        const matched = table.key(code).find(([section, key]) => index.get(section)?.has(key));
        assert.deepEqual(matched, [name, row.code]);
        assert.equal(index.get(name)?.get(row.code), row);
        const result = normalizeStatus('shippo', code);
        assert.ok(statuses.includes(result.status));
        if (row.status) assert.equal(result.status, row.status);
        if (row.problem) assert.deepEqual(result.problem, row.problem);
      });
    }
  }
});

describe('Shippo status table: what the shopper sees', () => {
  it('shows "label created" while Shippo has only the shipment information', () => {
    expectMapping('PRE_TRANSIT/information_received', undefined, 'info_received');
    expectMapping('PRE_TRANSIT', undefined, 'info_received');
  });

  it('shows in transit for a departure scan', () => {
    expectMapping('TRANSIT/package_departed', 'Your shipment has departed from the origin.', 'in_transit');
  });

  it('shows out for delivery, though Shippo files it under TRANSIT', () => {
    expectMapping('TRANSIT/out_for_delivery', undefined, 'out_for_delivery');
  });

  it('shows ready for pickup, though Shippo files it under TRANSIT', () => {
    expectMapping('TRANSIT/pickup_available', undefined, 'available_for_pickup');
  });

  it('shows delivered', () => {
    expectMapping('DELIVERED/delivered', 'Your shipment has been delivered at the destination mailbox.', 'delivered');
  });

  it('asks the shopper to arrange redelivery after a failed attempt', () => {
    const redeliver = { reason: 'failed_attempt', actionRequired: true } as const;
    expectMapping('TRANSIT/delivery_attempted', undefined, 'in_transit', redeliver);
    expectMapping('TRANSIT/notice_left', undefined, 'in_transit', redeliver);
    expectMapping('TRANSIT/location_inaccessible', undefined, 'in_transit', redeliver);
    expectMapping('TRANSIT/reschedule_delivery', undefined, 'in_transit', redeliver);
  });

  it('asks the shopper to fix the address', () => {
    expectMapping('TRANSIT/address_issue', undefined, 'in_transit', { reason: 'address', actionRequired: true });
  });

  it('shows a plain delay, or the weather when the carrier text says so', () => {
    expectMapping('TRANSIT/delayed', undefined, 'in_transit', { reason: 'delayed', actionRequired: false });
    expectMapping('TRANSIT/delayed', 'Weather delay', 'in_transit', { reason: 'weather', actionRequired: false });
  });

  it('shows a held parcel the shopper should ask about', () => {
    expectMapping('transit/Package_Held', undefined, 'in_transit', { reason: 'held', actionRequired: true });
  });

  it('reports a damaged parcel without asking the shopper to act', () => {
    expectMapping('TRANSIT/package_damaged', undefined, 'in_transit', { reason: 'damaged', actionRequired: false });
  });

  it('shows the parcel on its way back to the sender', () => {
    expectMapping('RETURNED/return_to_sender', undefined, 'returning');
    expectMapping('RETURNED', undefined, 'returning');
  });

  it('shows the parcel back at the sender when the return is delivered', () => {
    expectMapping('RETURNED/delivered', undefined, 'returned');
  });

  it('shows an unclaimed parcel going back, with something the shopper can still do', () => {
    expectMapping('RETURNED/package_unclaimed', undefined, 'returning', { reason: 'other', actionRequired: true });
  });

  it('reports a lost parcel without asking the shopper to act', () => {
    expectMapping('FAILURE/package_lost', undefined, 'in_transit', { reason: 'lost', actionRequired: false });
  });

  it('names the problem of a bare FAILURE from the carrier text', () => {
    expectMapping('FAILURE', 'Refused by recipient', 'in_transit', { reason: 'refused', actionRequired: false });
    expectMapping('FAILURE', 'Return to sender', 'returning', { reason: 'other', actionRequired: false });
  });

  it('reads the carrier text when Shippo says UNKNOWN', () => {
    expectMapping('UNKNOWN', 'The carrier has received the electronic shipment information.', 'info_received');
    expectMapping('UNKNOWN/other', 'Arrived at facility', 'in_transit');
  });
});

describe('Shippo status table: key()', () => {
  it('looks up the substatus first, then the status', () => {
    assert.deepEqual(table.key('TRANSIT/notice_left'), [
      ['substatus', 'notice_left'],
      ['status', 'TRANSIT'],
    ]);
  });

  it('looks up the returned section first, and only under RETURNED', () => {
    assert.deepEqual(table.key('RETURNED/delivered'), [
      ['returned', 'delivered'],
      ['substatus', 'delivered'],
      ['status', 'RETURNED'],
    ]);
    assert.deepEqual(table.key('DELIVERED/delivered')[0], ['substatus', 'delivered']);
  });

  it('reads case, space and hyphen variants like the canonical code', () => {
    for (const variant of [' transit / Notice Left ', 'Transit/notice-left', 'TRANSIT/NOTICE_LEFT'])
      assert.deepEqual(table.key(variant), table.key('TRANSIT/notice_left'), variant);
    assert.deepEqual(table.key('pre transit'), table.key('PRE_TRANSIT'));
  });

  it('skips a missing or null substatus', () => {
    assert.deepEqual(table.key('TRANSIT/'), [['status', 'TRANSIT']]);
    assert.deepEqual(table.key('TRANSIT/null'), [['status', 'TRANSIT']]);
    assert.deepEqual(table.key(''), []);
  });

  it('never throws and always returns [section, key] string pairs', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ maxLength: 300 })), (code) => {
        for (const pair of table.key(code)) {
          assert.equal(pair.length, 2);
          assert.ok(['status', 'substatus', 'returned'].includes(pair[0]));
          assert.equal(typeof pair[1], 'string');
        }
      }),
    );
  });

  it('ignores input longer than any real code', () => {
    assert.deepEqual(table.key(`TRANSIT/${'x'.repeat(1_000_000)}`), []);
  });
});
