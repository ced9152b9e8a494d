import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ProblemDetail } from '../../model/problem.js';
import { problemReasons } from '../../model/problem.js';
import { statuses, type Status } from '../../model/status.js';
import { normalizeStatus } from '../normalize.js';
import { indexTable, type StatusRow } from '../table.js';
import { easypostStatusTable as table } from './easypost.js';

const sections = Object.entries(table.sections);

/** What an adapter stores in `TrackingEvent.code` for a row: a detail rides on an `in_transit` status. */
function storedCode(section: string, row: StatusRow): string {
  return section === 'status_detail' ? `in_transit/${row.code}` : row.code;
}

function expectMapping(code: string, description: string | undefined, status: Status, problem?: ProblemDetail) {
  const result = normalizeStatus('easypost', code, description);
  assert.equal(result.status, status, `${code} (${description ?? 'no text'}) stage`);
  assert.deepEqual(result.problem, problem, `${code} (${description ?? 'no text'}) problem`);
}

describe('EasyPost status table: the data', () => {
  it('names its sources and how an adapter stores a code', () => {
    assert.equal(table.source, 'easypost');
    assert.ok(table.references.some((ref) => ref.includes('EasyPost/easypost-node@ac2a7329')));
    assert.match(table.codeFormat, /<status>\/<status_detail>/);
    for (const [, section] of sections) assert.ok(section.about.trim());
  });

  it('lists every documented status and status_detail exactly once', () => {
    const documented = {
      status: [
        ...['unknown', 'pre_transit', 'in_transit', 'out_for_delivery', 'delivered', 'available_for_pickup'],
        ...['return_to_sender', 'failure', 'cancelled', 'error'],
      ],
      status_detail: [
        ...['address_correction', 'arrived_at_destination', 'arrived_at_facility', 'arrived_at_pickup_location'],
        ...['awaiting_information', 'cancelled', 'damaged', 'delayed', 'delivery_exception', 'departed_facility'],
        ...['departed_origin_facility', 'expired', 'failure', 'held', 'in_transit', 'label_created', 'lost'],
        ...['missorted', 'out_for_delivery', 'received_at_destination_facility', 'received_at_origin_facility'],
        ...['refused', 'return', 'status_update', 'transferred_to_destination_carrier', 'transit_exception'],
        ...['unknown', 'weather_delay'],
      ],
    };
    assert.equal(documented.status_detail.length, 28);
    assert.deepEqual(Object.keys(table.sections).sort(), Object.keys(documented).sort());
    for (const [name, codes] of Object.entries(documented)) {
      const rows = table.sections[name]?.rows.map((row) => row.code) ?? [];
      assert.deepEqual([...rows].sort(), [...codes].sort(), name);
    }
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

describe('EasyPost status table: every row, through normalizeStatus', () => {
  const index = indexTable(table);
  for (const [name, section] of sections) {
    for (const row of section.rows) {
      const code = storedCode(name, row);
      it(`${code} → ${row.status ?? '(status or text)'}${row.problem ? ` + ${row.problem.reason}` : ''}`, () => {
        const [first] = table.key(code);
        assert.deepEqual(first, [name, row.code]);
        assert.equal(index.get(name)?.get(row.code), row);
        const result = normalizeStatus('easypost', code);
        // A detail rides on in_transit here, so a detail without a stage of its own shows in_transit; a
        // status without one (unknown, failure) falls to the default for a scanned parcel, in_transit too.
        assert.equal(result.status, row.status ?? 'in_transit');
        assert.deepEqual(result.problem, row.problem);
        assert.equal(result.matchedBy, name === 'status' && !row.status ? 'default' : 'code');
      });
    }
  }
});

describe('EasyPost status table: what the shopper sees', () => {
  it('shows "label created" before the carrier has the parcel', () => {
    expectMapping('pre_transit/label_created', undefined, 'info_received');
    expectMapping('pre_transit/status_update', 'Shipping Label Created, USPS Awaiting Item', 'info_received');
  });

  it('shows in transit for a facility scan', () => {
    expectMapping('in_transit/arrived_at_facility', 'Arrived at USPS Regional Facility', 'in_transit');
    expectMapping('in_transit/departed_origin_facility', undefined, 'in_transit');
  });

  it('shows in transit, delayed by weather', () => {
    expectMapping('in_transit/weather_delay', undefined, 'in_transit', { reason: 'weather', actionRequired: false });
  });

  it('asks the shopper to fix the address when delivery failed for it', () => {
    expectMapping('failure/address_correction', undefined, 'in_transit', { reason: 'address', actionRequired: true });
  });

  it('shows the parcel on its way back to the sender', () => {
    expectMapping('return_to_sender/return', undefined, 'returning');
    expectMapping('return_to_sender', undefined, 'returning');
  });

  it('keeps a return that is out for delivery to the sender as returning', () => {
    expectMapping('return_to_sender/out_for_delivery', undefined, 'returning');
  });

  it('shows a refused parcel going back, and why', () => {
    expectMapping('return_to_sender/refused', undefined, 'returning', { reason: 'refused', actionRequired: false });
  });

  it('shows out for delivery', () => {
    expectMapping(
      'out_for_delivery/out_for_delivery',
      'Out for Delivery, Expected Delivery by 8:00pm',
      'out_for_delivery',
    );
  });

  it('shows delivered, whatever the text says', () => {
    expectMapping('delivered/status_update', 'Delivered, In/At Mailbox', 'delivered');
    expectMapping('delivered', 'In transit to next facility', 'delivered');
  });

  it('shows ready for pickup when the parcel reaches a pickup location', () => {
    expectMapping('in_transit/arrived_at_pickup_location', undefined, 'available_for_pickup');
    expectMapping('available_for_pickup', undefined, 'available_for_pickup');
  });

  it('shows cancelled when the label is cancelled', () => {
    expectMapping('cancelled/cancelled', undefined, 'cancelled');
  });

  it('reports a lost parcel without asking the shopper to act', () => {
    expectMapping('failure/lost', undefined, 'in_transit', { reason: 'lost', actionRequired: false });
  });

  it('reports a damaged parcel', () => {
    expectMapping('in_transit/damaged', undefined, 'in_transit', { reason: 'damaged', actionRequired: false });
  });

  it('shows a missorted parcel as running late', () => {
    expectMapping('in_transit/missorted', undefined, 'in_transit', { reason: 'delayed', actionRequired: false });
  });

  it('says held in customs when the carrier says so, though EasyPost only says held', () => {
    expectMapping('in_transit/held', 'Held in customs', 'in_transit', { reason: 'customs', actionRequired: false });
    expectMapping('in_transit/held', undefined, 'in_transit', { reason: 'held', actionRequired: false });
  });

  it('says a plain delay was weather when the carrier text does', () => {
    expectMapping('in_transit/delayed', 'Adverse weather conditions', 'in_transit', {
      reason: 'weather',
      actionRequired: false,
    });
  });

  it('reads the stage from the carrier text when EasyPost says unknown', () => {
    expectMapping('unknown/unknown', 'Out for delivery', 'out_for_delivery');
    expectMapping('unknown', 'Delivered, Front Door/Porch', 'delivered');
  });

  it('reads a failure with a failed-attempt text as a redelivery to arrange', () => {
    expectMapping('failure', 'Delivery attempted - no access', 'in_transit', {
      reason: 'failed_attempt',
      actionRequired: true,
    });
  });

  it('says nothing is known yet when EasyPost cannot track the number', () => {
    expectMapping('error', undefined, 'pending');
    expectMapping('error/null', undefined, 'pending');
  });
});

describe('EasyPost status table: key()', () => {
  it('looks up the detail first, then the status', () => {
    assert.deepEqual(table.key('in_transit/weather_delay'), [
      ['status_detail', 'weather_delay'],
      ['status', 'in_transit'],
    ]);
  });

  it('reads case, space and hyphen variants like the canonical code', () => {
    for (const variant of [' IN_TRANSIT / Weather Delay ', 'In Transit/weather-delay', 'in_transit /WEATHER_DELAY'])
      assert.deepEqual(table.key(variant), table.key('in_transit/weather_delay'), variant);
  });

  it('treats a code without a slash as a status, and still finds a bare detail', () => {
    assert.deepEqual(table.key('delivered'), [
      ['status', 'delivered'],
      ['status_detail', 'delivered'],
    ]);
    expectMapping('weather_delay', undefined, 'in_transit', { reason: 'weather', actionRequired: false });
  });

  it('skips a missing or null detail', () => {
    assert.deepEqual(table.key('error/'), [['status', 'error']]);
    assert.deepEqual(table.key('error/null'), [['status', 'error']]);
    assert.deepEqual(table.key(''), []);
    assert.deepEqual(table.key('   '), []);
  });

  it('never throws and always returns [section, key] string pairs', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ maxLength: 300 })), (code) => {
        const keys = table.key(code);
        assert.ok(Array.isArray(keys));
        for (const pair of keys) {
          assert.equal(pair.length, 2);
          assert.ok(pair[0] === 'status' || pair[0] === 'status_detail');
          assert.equal(typeof pair[1], 'string');
        }
      }),
    );
  });

  it('ignores input longer than any real code', () => {
    assert.deepEqual(table.key(`in_transit/${'x'.repeat(1_000_000)}`), []);
  });
});
