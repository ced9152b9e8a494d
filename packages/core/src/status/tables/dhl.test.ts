import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ProblemDetail } from '../../model/problem.js';
import { problemReasons } from '../../model/problem.js';
import { statuses, type Status } from '../../model/status.js';
import { statusFromDescription } from '../classify-description.js';
import { normalizeStatus } from '../normalize.js';
import { indexTable, type StatusRow } from '../table.js';
import { dhlStatusTable } from './dhl.js';

/** What an adapter stores in `TrackingEvent.code` for a row of a section. */
function storedCode(section: string, row: StatusRow): string {
  return section === 'returnFlag' ? `return:${row.code}` : row.code;
}

/**
 * A coarse code lets the carrier's text name the problem (and, where the code names no stage, the stage). What the
 * text means is the description classifier's business; these tests check that the table hands it over.
 */
function fromText(description: string): { status?: Status; problem?: ProblemDetail } {
  return statusFromDescription(description) ?? {};
}

const sections = Object.entries(dhlStatusTable.sections);

describe('DHL status table: the data', () => {
  it('names its sources and how an adapter stores a code', () => {
    assert.ok(dhlStatusTable.references.some((ref) => ref.includes('47001197243')));
    assert.match(dhlStatusTable.codeFormat, /statusCode/);
    for (const [, section] of sections) assert.ok(section.about.trim());
  });

  it('lists the whole statusCode enum DHL documents', () => {
    assert.deepEqual(
      dhlStatusTable.sections.statusCode?.rows.map((row) => row.code),
      ['pre-transit', 'transit', 'delivered', 'failure', 'unknown'],
    );
  });

  it('lists each code once per section, with its meaning and only canonical values', () => {
    for (const [name, section] of sections) {
      const codes = section.rows.map((row) => row.code);
      assert.equal(new Set(codes).size, codes.length, `duplicate code in ${name}`);
      for (const row of section.rows) {
        assert.ok(row.meaning.trim(), `${name}/${row.code} has no meaning`);
        if (row.status) assert.ok(statuses.includes(row.status), `${name}/${row.code}: ${row.status}`);
        if (row.problem) assert.ok(problemReasons.includes(row.problem.reason), `${name}/${row.code}`);
        // Only "unknown" may name neither: it says nothing, so the description decides.
        if (!row.status && !row.problem) assert.equal(row.code, 'unknown');
      }
    }
  });

  it('marks the coarse codes so the description can name the problem', () => {
    const rows = dhlStatusTable.sections.statusCode?.rows ?? [];
    const failure = rows.find((row) => row.code === 'failure');
    assert.equal(failure?.refine, true);
    assert.deepEqual(failure?.problem, { reason: 'other', actionRequired: false });
    assert.equal(failure?.status, undefined);
  });
});

describe('DHL status table: every row, through normalizeStatus', () => {
  const index = indexTable(dhlStatusTable);
  for (const [name, section] of sections) {
    for (const row of section.rows) {
      const code = storedCode(name, row);
      it(`${code} → ${row.status ?? '(by description)'}${row.problem ? ` + ${row.problem.reason}` : ''}`, () => {
        const [first] = dhlStatusTable.key(code);
        assert.deepEqual(first, [name, row.code]);
        assert.equal(index.get(name)?.get(row.code), row);

        const result = normalizeStatus('dhl', code, '');
        assert.equal(result.status, row.status ?? 'in_transit');
        if (row.status) assert.equal(result.matchedBy, 'code');
        assert.deepEqual(result.problem, row.problem);
      });
    }
  }
});

describe('DHL status: what a shopper sees', () => {
  it('a DHL pre-transit event says the label exists and DHL is waiting for the parcel', () => {
    const result = normalizeStatus(
      'dhl',
      'pre-transit',
      'The instruction data for this shipment have been provided by the sender to DHL electronically',
    );
    assert.equal(result.status, 'info_received');
    assert.equal(result.problem, undefined);
  });

  it('a DHL parcel-center scan shows the parcel on its way', () => {
    const text = 'The shipment has been processed in the parcel center';
    const result = normalizeStatus('dhl', 'transit', text);
    assert.equal(result.status, 'in_transit');
    assert.deepEqual(result.problem, fromText(text).problem);
  });

  it('a DHL Express facility scan shows the parcel on its way', () => {
    const text = 'Processed at LEIPZIG - GERMANY';
    const result = normalizeStatus('dhl', 'transit', text);
    assert.equal(result.status, 'in_transit');
    assert.deepEqual(result.problem, fromText(text).problem);
  });

  it('a DHL parcel on the delivery vehicle is still coming, never delivered', () => {
    // DHL has no out-for-delivery code yet ("planned"); "transit" covers this scan.
    const result = normalizeStatus('dhl', 'transit', 'The shipment has been loaded onto the delivery vehicle');
    assert.ok(result.status === 'in_transit' || result.status === 'out_for_delivery', result.status);
    assert.equal(result.matchedBy, 'code');
  });

  it('a DHL transit event that names a customs hold shows the hold', () => {
    const text = 'The shipment is pending completion of customs inspection.';
    const result = normalizeStatus('dhl', 'transit', text);
    assert.equal(result.status, 'in_transit');
    assert.deepEqual(result.problem, fromText(text).problem);
  });

  it('a DHL delivered event is delivered, with nothing left to do', () => {
    const result = normalizeStatus('dhl', 'delivered', 'The shipment has been successfully delivered');
    assert.equal(result.status, 'delivered');
    assert.equal(result.problem, undefined);
    assert.equal(result.matchedBy, 'code');
  });

  it('a DHL Express "DELIVERED" event is delivered', () => {
    assert.equal(normalizeStatus('dhl', 'delivered', 'DELIVERED').status, 'delivered');
  });

  it('a DHL failure without a readable reason still tells the shopper something went wrong', () => {
    const result = normalizeStatus('dhl', 'failure', '');
    assert.equal(result.status, 'in_transit');
    assert.deepEqual(result.problem, { reason: 'other', actionRequired: false });
  });

  it('a DHL failure for a recipient who moved lets the text name the problem', () => {
    const text = 'The recipient has moved. The shipment is being returned to the sender.';
    const result = normalizeStatus('dhl', 'failure', text);
    const read = fromText(text);
    assert.equal(result.status, read.status ?? 'in_transit');
    assert.deepEqual(result.problem, read.problem ?? { reason: 'other', actionRequired: false });
  });

  it('a DHL failure because nobody collected the parcel from the service point lets the text speak', () => {
    const text = 'The shipment was not picked up at the retail outlet within the storage period';
    const result = normalizeStatus('dhl', 'failure', text);
    const read = fromText(text);
    assert.equal(result.status, read.status ?? 'in_transit');
    assert.deepEqual(result.problem, read.problem ?? { reason: 'other', actionRequired: false });
  });

  it('a DHL failure held by customs lets the text speak', () => {
    const text = 'Clearance delay - Import';
    const result = normalizeStatus('dhl', 'failure', text);
    const read = fromText(text);
    assert.equal(result.status, read.status ?? 'in_transit');
    assert.deepEqual(result.problem, read.problem ?? { reason: 'other', actionRequired: false });
  });

  it('a DHL unknown event with no text falls back to "moving"', () => {
    const result = normalizeStatus('dhl', 'unknown', '');
    assert.equal(result.status, 'in_transit');
    assert.equal(result.problem, undefined);
  });

  it('a DHL unknown event is read from its text', () => {
    const text = 'The shipment has been successfully delivered';
    const result = normalizeStatus('dhl', 'unknown', text);
    const read = fromText(text);
    assert.equal(result.status, read.status ?? 'in_transit');
    assert.deepEqual(result.problem, read.problem);
  });

  it('a DHL return shipment delivered back to the sender is returned, not delivered', () => {
    const result = normalizeStatus('dhl', 'return:delivered', 'The shipment has been successfully delivered');
    assert.equal(result.status, 'returned');
    assert.equal(result.problem, undefined);
  });

  it('a DHL return shipment in transit is on its way back', () => {
    assert.equal(normalizeStatus('dhl', 'return:transit', '').status, 'returning');
  });

  it('a DHL return shipment that fails is still returning, with a problem', () => {
    const result = normalizeStatus('dhl', 'return:failure', '');
    assert.equal(result.status, 'returning');
    assert.deepEqual(result.problem, { reason: 'other', actionRequired: false });
  });

  it('a DHL return label not yet used reads as the plain code', () => {
    assert.equal(normalizeStatus('dhl', 'return:pre-transit', '').status, 'info_received');
  });

  it('reads DHL codes in any case', () => {
    assert.equal(normalizeStatus('dhl', 'DELIVERED', '').status, 'delivered');
    assert.equal(normalizeStatus('dhl', 'Transit', '').status, 'in_transit');
  });

  it('reads DHL codes with stray whitespace, underscores or spaces', () => {
    assert.equal(normalizeStatus('dhl', ' Pre-Transit ', '').status, 'info_received');
    assert.equal(normalizeStatus('dhl', 'pre_transit', '').status, 'info_received');
    assert.deepEqual(dhlStatusTable.key('PRE TRANSIT'), [['statusCode', 'pre-transit']]);
  });

  it('reads the return prefix in any case and spacing', () => {
    assert.deepEqual(dhlStatusTable.key('RETURN : Delivered'), [
      ['returnFlag', 'delivered'],
      ['statusCode', 'delivered'],
    ]);
    assert.equal(normalizeStatus('dhl', 'Return:DELIVERED', '').status, 'returned');
  });
});

describe('DHL status: unknown codes', () => {
  it('a planned code DHL has not shipped yet maps by its text, without throwing', () => {
    const text = 'The shipment has been loaded onto the delivery vehicle';
    const result = normalizeStatus('dhl', 'out-for-delivery', text);
    assert.equal(result.status, fromText(text).status ?? 'in_transit');
    assert.notEqual(result.matchedBy, 'code');
  });

  it('an unknown code with no text falls back to "moving"', () => {
    const result = normalizeStatus('dhl', 'exception', '');
    assert.equal(result.status, 'in_transit');
    assert.equal(result.matchedBy, 'default');
  });

  it('no code at all is pending', () => {
    assert.equal(normalizeStatus('dhl', '', '').status, 'pending');
    assert.deepEqual(dhlStatusTable.key('   '), []);
    assert.deepEqual(dhlStatusTable.key('return:'), []);
  });

  it('key() and normalizeStatus never throw, whatever they are given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), fc.string(), (code, description) => {
        const keys = dhlStatusTable.key(code);
        for (const [section] of keys) assert.ok(section === 'statusCode' || section === 'returnFlag');
        const result = normalizeStatus('dhl', code, description);
        assert.ok(statuses.includes(result.status));
      }),
    );
    for (const weird of [null, undefined, 42, {}, [], Symbol.iterator] as unknown[]) {
      assert.doesNotThrow(() => dhlStatusTable.key(weird as string));
    }
  });
});
