import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ProblemDetail } from '../../model/problem.js';
import { problemReasons } from '../../model/problem.js';
import { statuses, type Status } from '../../model/status.js';
import { normalizeStatus } from '../normalize.js';
import { indexTable } from '../table.js';
import { aftershipStatusTable as table } from './aftership.js';

const sections = Object.entries(table.sections);

const tags = [
  ...['Pending', 'InfoReceived', 'InTransit', 'OutForDelivery', 'AttemptFail', 'Delivered', 'AvailableForPickup'],
  ...['Exception', 'Expired'],
];

/** Every subtag the docs list (2026-07 page, plus Exception_016/017/018 from the support article). */
const documentedSubtags = [
  ...['Delivered_001', 'Delivered_002', 'Delivered_003', 'Delivered_004', 'Delivered_005', 'AvailableForPickup_001'],
  ...Array.from({ length: 13 }, (_, i) => `Exception_${String(i + 1).padStart(3, '0')}`),
  ...['Exception_016', 'Exception_017', 'Exception_018'],
  ...['AttemptFail_001', 'AttemptFail_002', 'AttemptFail_003'],
  ...Array.from({ length: 9 }, (_, i) => `InTransit_00${i + 1}`),
  ...['InfoReceived_001', 'OutForDelivery_001', 'OutForDelivery_003', 'OutForDelivery_004'],
  ...Array.from({ length: 6 }, (_, i) => `Pending_00${i + 1}`),
  'Expired_001',
];

function expectMapping(code: string, description: string | undefined, status: Status, problem?: ProblemDetail) {
  const result = normalizeStatus('aftership', code, description);
  assert.equal(result.status, status, `${code} (${description ?? 'no text'}) stage`);
  assert.deepEqual(result.problem, problem, `${code} (${description ?? 'no text'}) problem`);
}

describe('AfterShip status table: the data', () => {
  it('names its sources and how an adapter stores a code', () => {
    assert.equal(table.source, 'aftership');
    assert.ok(table.references.some((ref) => ref.includes('AfterShip/tracking-sdk-nodejs@6319e76')));
    assert.ok(table.references.some((ref) => ref.includes('delivery-sub-statuses')));
    assert.match(table.codeFormat, /subtag/);
    for (const [, section] of sections) assert.ok(section.about.trim());
  });

  it('lists every tag and every documented subtag exactly once', () => {
    const rows = (name: string) => table.sections[name]?.rows.map((row) => row.code).sort() ?? [];
    assert.deepEqual(rows('tag'), [...tags].sort());
    assert.deepEqual(rows('subtag'), [...documentedSubtags].sort());
  });

  it('gives each row a meaning and only canonical values', () => {
    for (const [name, section] of sections) {
      for (const row of section.rows) {
        const where = `${name}/${row.code}`;
        assert.ok(row.meaning.trim(), `${where} has no meaning`);
        assert.ok(row.status || row.problem, `${where} maps to nothing`);
        if (row.status) assert.ok(statuses.includes(row.status), `${where}: ${row.status}`);
        if (row.problem) {
          assert.ok(problemReasons.includes(row.problem.reason), `${where}: ${row.problem.reason}`);
          assert.equal(typeof row.problem.actionRequired, 'boolean', where);
        }
      }
    }
  });

  it('files each subtag under a tag that exists', () => {
    for (const row of table.sections.subtag?.rows ?? []) {
      const [tag] = row.code.split('_');
      assert.ok(tag && tags.includes(tag), row.code);
    }
  });
});

describe('AfterShip status table: every row, through normalizeStatus', () => {
  const index = indexTable(table);
  for (const [name, section] of sections) {
    for (const row of section.rows) {
      it(`${row.code} → ${row.status ?? '(text)'}${row.problem ? ` + ${row.problem.reason}` : ''}`, () => {
        const [first] = table.key(row.code);
        assert.deepEqual(first, [name, row.code]);
        assert.equal(index.get(name)?.get(row.code), row);
        const result = normalizeStatus('aftership', row.code);
        // A row without a stage leaves it to the carrier text; with none, a scanned parcel is in transit.
        assert.equal(result.status, row.status ?? 'in_transit');
        assert.deepEqual(result.problem, row.problem);
      });
    }
  }
});

describe('AfterShip status table: what the shopper sees', () => {
  it('shows "label created" when the carrier has the shipping request', () => {
    expectMapping('InfoReceived_001', 'Shipping Label Created, USPS Awaiting Item', 'info_received');
  });

  it('shows in transit for acceptance, arrival and departure scans', () => {
    for (const code of ['InTransit_002', 'InTransit_003', 'InTransit_007'])
      expectMapping(code, undefined, 'in_transit');
  });

  it('shows no problem once customs clearance is done or a problem is resolved', () => {
    expectMapping('InTransit_005', 'Customs clearance completed', 'in_transit');
    expectMapping('InTransit_008', undefined, 'in_transit');
  });

  it('shows out for delivery', () => {
    expectMapping('OutForDelivery_001', undefined, 'out_for_delivery');
  });

  it('does not promise today when only a delivery appointment is scheduled', () => {
    expectMapping('OutForDelivery_004', undefined, 'in_transit');
  });

  it('shows delivered, including to a neighbour and when collected from a pickup point', () => {
    for (const code of ['Delivered_001', 'Delivered_002', 'Delivered_005']) expectMapping(code, undefined, 'delivered');
  });

  it('shows ready for pickup', () => {
    expectMapping('AvailableForPickup_001', undefined, 'available_for_pickup');
  });

  it('asks the shopper to collect a parcel they have not picked up yet', () => {
    expectMapping('Exception_008', undefined, 'available_for_pickup', { reason: 'held', actionRequired: true });
  });

  it('asks the shopper to arrange redelivery after a failed attempt', () => {
    const redeliver = { reason: 'failed_attempt', actionRequired: true } as const;
    expectMapping('AttemptFail_002', 'Recipient not available', 'in_transit', redeliver);
    expectMapping('AttemptFail', undefined, 'in_transit', redeliver);
  });

  it('asks the shopper to fix the address', () => {
    expectMapping('Exception_007', undefined, 'in_transit', { reason: 'address', actionRequired: true });
    expectMapping('Exception_002', undefined, 'in_transit', { reason: 'address', actionRequired: true });
  });

  it('asks the shopper to pay what is due', () => {
    expectMapping('Exception_006', undefined, 'in_transit', { reason: 'payment_due', actionRequired: true });
  });

  it('shows customs and weather delays', () => {
    expectMapping('Exception_004', undefined, 'in_transit', { reason: 'customs', actionRequired: false });
    expectMapping('Exception_017', undefined, 'in_transit', { reason: 'weather', actionRequired: false });
    expectMapping('Exception_016', undefined, 'in_transit', { reason: 'delayed', actionRequired: false });
  });

  it('says which external factor delayed the parcel when the carrier text does', () => {
    expectMapping('Exception_005', 'Adverse weather conditions', 'in_transit', {
      reason: 'weather',
      actionRequired: false,
    });
  });

  it('reports a lost or damaged parcel without asking the shopper to act', () => {
    expectMapping('Exception_013', undefined, 'in_transit', { reason: 'lost', actionRequired: false });
    expectMapping('Exception_012', undefined, 'in_transit', { reason: 'damaged', actionRequired: false });
  });

  it('shows a parcel going back, then back at the sender', () => {
    expectMapping('Exception_010', undefined, 'returning');
    expectMapping('Exception_011', undefined, 'returned');
    expectMapping('Exception_010', 'Refused by recipient', 'returning', { reason: 'refused', actionRequired: false });
  });

  it('names a generic exception from the carrier text', () => {
    expectMapping('Exception_001', 'Delivery attempted - no access', 'in_transit', {
      reason: 'failed_attempt',
      actionRequired: true,
    });
    expectMapping('Exception_001', undefined, 'in_transit', { reason: 'other', actionRequired: false });
  });

  it('treats an undocumented subtag as its tag', () => {
    expectMapping('Exception_099', 'Customs clearance delay', 'in_transit', {
      reason: 'customs',
      actionRequired: false,
    });
    expectMapping('Delivered_042', undefined, 'delivered');
  });

  it('shows pending while there is no tracking data, even with the wrong carrier', () => {
    expectMapping('Pending_001', undefined, 'pending');
    expectMapping('Pending_004', undefined, 'pending');
  });

  it('shows a shipment AfterShip gave up on as pending and stalled', () => {
    expectMapping('Expired', undefined, 'pending', { reason: 'stalled', actionRequired: false });
    expectMapping('Expired_001', undefined, 'pending', { reason: 'stalled', actionRequired: false });
  });
});

describe('AfterShip status table: key()', () => {
  it('looks up a documented subtag alone, so its tag adds nothing to it', () => {
    assert.deepEqual(table.key('Exception_013'), [['subtag', 'Exception_013']]);
    assert.deepEqual(table.key('InTransit'), [['tag', 'InTransit']]);
  });

  it('falls back from an undocumented subtag to its tag', () => {
    assert.deepEqual(table.key('Exception_099'), [
      ['subtag', 'Exception_099'],
      ['tag', 'Exception'],
    ]);
  });

  it('reads case, space, separator and padding variants like the canonical code', () => {
    for (const variant of ['exception_013', ' EXCEPTION_013 ', 'Exception-13', 'exception 013', 'Exception13'])
      assert.deepEqual(table.key(variant), table.key('Exception_013'), variant);
    for (const variant of ['in_transit', 'IN TRANSIT', 'intransit'])
      assert.deepEqual(table.key(variant), [['tag', 'InTransit']], variant);
    assert.deepEqual(table.key('attempt_fail_2'), table.key('AttemptFail_002'));
  });

  it('finds nothing for what is not an AfterShip code', () => {
    for (const code of ['', '   ', '_001', 'Bogus_001', 'Delivery', '001']) assert.deepEqual(table.key(code), [], code);
  });

  it('never throws and always returns [section, key] string pairs', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ maxLength: 300 })), (code) => {
        for (const pair of table.key(code)) {
          assert.equal(pair.length, 2);
          assert.ok(pair[0] === 'subtag' || pair[0] === 'tag');
          assert.equal(typeof pair[1], 'string');
        }
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...tags), fc.nat({ max: 10_000_000 }), (tag, n) => {
        const keys = table.key(`${tag}_${n}`);
        const subtag = `${tag}_${String(n).padStart(3, '0')}`;
        if (documentedSubtags.includes(subtag)) assert.deepEqual(keys, [['subtag', subtag]]);
        else assert.deepEqual(keys.at(-1), ['tag', tag]);
      }),
    );
  });

  it('ignores input longer than any real code', () => {
    assert.deepEqual(table.key(`Exception_${'0'.repeat(1_000_000)}1`), []);
  });
});
