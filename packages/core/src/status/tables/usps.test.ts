import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { problemReasons } from '../../model/problem.js';
import { statuses } from '../../model/status.js';
import { normalizeStatus } from '../normalize.js';
import { indexTable, type StatusRow } from '../table.js';
import { uspsStatusTable } from './usps.js';

/** What an adapter stores in `TrackingEvent.code` for a row of a section. */
function storedCode(section: string, row: StatusRow): string {
  return section === 'category' ? `category:${row.code}` : row.code;
}

const sections = Object.entries(uspsStatusTable.sections);

describe('USPS status table: the data', () => {
  it('names its sources and how an adapter stores a code', () => {
    assert.ok(uspsStatusTable.references.length > 0);
    assert.ok(uspsStatusTable.references.some((ref) => ref.includes('pub199')));
    assert.match(uspsStatusTable.codeFormat, /eventCode/);
    for (const [, section] of sections) assert.ok(section.about.trim());
  });

  it('lists each code once per section, with its meaning and only canonical values', () => {
    for (const [name, section] of sections) {
      const codes = section.rows.map((row) => row.code);
      assert.equal(new Set(codes).size, codes.length, `duplicate code in ${name}`);
      for (const row of section.rows) {
        assert.ok(row.meaning.trim(), `${name}/${row.code} has no meaning`);
        assert.ok(row.status || row.problem, `${name}/${row.code} maps to nothing`);
        if (row.status) assert.ok(statuses.includes(row.status), `${name}/${row.code}: ${row.status}`);
        if (row.problem) assert.ok(problemReasons.includes(row.problem.reason), `${name}/${row.code}`);
      }
    }
  });

  it('maps every event code the research notes list', () => {
    const observedV3 = ['GX', '03', 'SF', '10', 'T1', 'TL', 'A1', '07', 'OF', '01'];
    const webTools = [
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '14', '15', '16', '17', '19'],
      ...['21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '41', '42', '43', '44'],
      ...['51', '52', '53', '54', '55', '56', '71', '80', '81', '82'],
      ...['MA', 'OF', 'PC', 'DX', 'TM', 'PA', 'EF', 'SF'],
    ];
    const thirdParty = ['83', '89', 'AD', 'GC', 'OA', 'UA'];
    const mapped = new Set(uspsStatusTable.sections.event?.rows.map((row) => row.code));
    for (const code of [...observedV3, ...webTools, ...thirdParty])
      assert.ok(mapped.has(code), `${code} is not mapped`);
  });

  it('maps the statusCategory labels USPS uses', () => {
    const mapped = new Set(uspsStatusTable.sections.category?.rows.map((row) => row.code));
    for (const label of [
      'Pre-Shipment',
      'Accepted',
      'In Transit',
      'Out for Delivery',
      'Available for Pickup',
      'Delivery Attempt',
      'Delivery Attempt: Action Needed',
      'Delivered',
      'Alert',
      'Return to Sender',
    ]) {
      assert.ok(mapped.has(label), `${label} is not mapped`);
    }
  });
});

describe('USPS status table: every row, through normalizeStatus', () => {
  const index = indexTable(uspsStatusTable);
  for (const [name, section] of sections) {
    for (const row of section.rows) {
      const code = storedCode(name, row);
      it(`${code} → ${row.status ?? '(by description)'}${row.problem ? ` + ${row.problem.reason}` : ''}`, () => {
        const [first] = uspsStatusTable.key(code);
        assert.deepEqual(first, [name, row.code]);
        assert.equal(index.get(name)?.get(row.code), row);

        const result = normalizeStatus('usps', code, '');
        if (row.status) {
          assert.equal(result.status, row.status);
          assert.equal(result.matchedBy, 'code');
        } else {
          // No stage of its own and no text to read: the safe default for a scanned parcel.
          assert.equal(result.status, 'in_transit');
        }
        assert.deepEqual(result.problem, row.problem);
      });
    }
  }
});

describe('USPS status: what a shopper sees', () => {
  const cases: Array<{
    name: string;
    code: string;
    description: string;
    status: string;
    problem?: { reason: string; actionRequired: boolean };
  }> = [
    {
      name: 'a USPS label-created scan says the label exists and USPS is waiting for the parcel',
      code: 'GX',
      description: 'Shipping Label Created, USPS Awaiting Item',
      status: 'info_received',
    },
    {
      name: 'a USPS electronic manifest alone is still only label data',
      code: 'MA',
      description: 'Pre-shipment Info Sent to USPS',
      status: 'info_received',
    },
    {
      name: 'USPS taking the parcel shows it on its way',
      code: '03',
      description: 'USPS in possession of item',
      status: 'in_transit',
    },
    {
      name: 'leaving the post office keeps it moving',
      code: 'SF',
      description: 'Departed Post Office',
      status: 'in_transit',
    },
    {
      name: 'arriving at a regional origin facility keeps it moving',
      code: '10',
      description: 'Arrived at USPS Regional Origin Facility',
      status: 'in_transit',
    },
    {
      name: 'a USPS "in transit to next facility" scan keeps it moving',
      code: 'TL',
      description: 'In Transit to Next Facility',
      status: 'in_transit',
    },
    {
      name: 'arriving at the local post office is not yet out for delivery',
      code: '07',
      description: 'Arrived at Post Office',
      status: 'in_transit',
    },
    {
      name: 'a USPS out-for-delivery scan says it arrives today',
      code: 'OF',
      description: 'Out for Delivery',
      status: 'out_for_delivery',
    },
    {
      name: 'a USPS parcel-locker delivery counts as delivered, with nothing left to do',
      code: '01',
      description: 'Delivered, Parcel Locker',
      status: 'delivered',
    },
    {
      name: 'collecting the parcel at the post office counts as delivered',
      code: '43',
      description: 'Picked Up',
      status: 'delivered',
    },
    {
      name: 'a USPS notice-left scan asks the shopper to arrange redelivery',
      code: '02',
      description: 'Notice Left (No Authorized Recipient Available)',
      status: 'in_transit',
      problem: { reason: 'failed_attempt', actionRequired: true },
    },
    {
      name: 'a USPS "notice left" under its newer code asks for redelivery too',
      code: '52',
      description: 'Notice Left',
      status: 'in_transit',
      problem: { reason: 'failed_attempt', actionRequired: true },
    },
    {
      name: 'a blocked mailbox means the shopper has to schedule redelivery',
      code: '53',
      description: 'Receptacle Blocked',
      status: 'in_transit',
      problem: { reason: 'failed_attempt', actionRequired: true },
    },
    {
      name: 'no access to the door is a failed attempt USPS retries by itself',
      code: '30',
      description: 'Delivery Attempted - No Access to Delivery Location',
      status: 'in_transit',
      problem: { reason: 'failed_attempt', actionRequired: false },
    },
    {
      name: 'a parcel waiting at the post office counter is ready to collect, not a problem',
      code: '16',
      description: 'Available for Pickup',
      status: 'available_for_pickup',
    },
    {
      name: 'arriving at the pickup point is ready to collect',
      code: '14',
      description: 'Arrival at Pickup Point',
      status: 'available_for_pickup',
    },
    {
      name: 'a refused parcel heads back to the sender and needs nothing from the shopper',
      code: '04',
      description: 'Refused',
      status: 'returning',
      problem: { reason: 'refused', actionRequired: false },
    },
    {
      name: 'an undeliverable address asks the shopper to fix it',
      code: '05',
      description: 'Undeliverable as Addressed',
      status: 'in_transit',
      problem: { reason: 'address', actionRequired: true },
    },
    {
      name: 'a house number that does not exist sends the parcel back and asks for the right address',
      code: '21',
      description: 'No Such Number',
      status: 'returning',
      problem: { reason: 'address', actionRequired: true },
    },
    {
      name: 'an incomplete address sends the parcel back and asks for the right address',
      code: '22',
      description: 'Insufficient Address',
      status: 'returning',
      problem: { reason: 'address', actionRequired: true },
    },
    {
      name: 'a parcel nobody collected goes back to the sender',
      code: '27',
      description: 'Unclaimed',
      status: 'returning',
      problem: { reason: 'failed_attempt', actionRequired: false },
    },
    {
      name: 'a dead letter is lost',
      code: '11',
      description: 'Dead Letter',
      status: 'in_transit',
      problem: { reason: 'lost', actionRequired: false },
    },
    {
      name: 'a missent parcel is delayed',
      code: '08',
      description: 'Missent',
      status: 'in_transit',
      problem: { reason: 'delayed', actionRequired: false },
    },
    {
      name: 'rescheduling to the next delivery day is a delay, not a failure',
      code: '71',
      description: 'Rescheduled to Next Delivery Day',
      status: 'in_transit',
      problem: { reason: 'delayed', actionRequired: false },
    },
    {
      name: 'a missing delivery scan is not a fault on its own',
      code: 'DX',
      description: 'Delivery Status Not Updated',
      status: 'in_transit',
    },
    {
      name: 'a sender recall sends the parcel back',
      code: '44',
      description: 'Customer Recall',
      status: 'returning',
      problem: { reason: 'other', actionRequired: false },
    },
    {
      name: 'a shipping partner picking the parcel up starts its journey',
      code: '80',
      description: 'Picked Up by Shipping Partner',
      status: 'in_transit',
    },
    {
      name: 'the statusCategory "Delivery Attempt: Action Needed" asks the shopper to act',
      code: 'category:Delivery Attempt: Action Needed',
      description: '',
      status: 'in_transit',
      problem: { reason: 'failed_attempt', actionRequired: true },
    },
    {
      name: 'the statusCategory "Delivered" is delivered',
      code: 'category:Delivered',
      description: '',
      status: 'delivered',
    },
    {
      name: 'the scan decides the stage and the category adds an alert',
      code: '07|category:Alert',
      description: '',
      status: 'in_transit',
      problem: { reason: 'other', actionRequired: false },
    },
    {
      name: 'a scan and its matching category agree',
      code: 'OF|category:Out for Delivery',
      description: 'Out for Delivery',
      status: 'out_for_delivery',
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = normalizeStatus('usps', c.code, c.description);
      assert.equal(result.status, c.status);
      assert.deepEqual(result.problem, c.problem);
      assert.equal(result.matchedBy, 'code');
    });
  }
});

describe('USPS status: codes as adapters and people write them', () => {
  it('reads lower case and stray whitespace', () => {
    assert.equal(normalizeStatus('usps', ' of ').status, 'out_for_delivery');
    assert.equal(normalizeStatus('usps', 'gx\n').status, 'info_received');
    assert.deepEqual(uspsStatusTable.key('  t1 '), [['event', 'T1']]);
  });

  it('reads a Web Tools code without its leading zero', () => {
    assert.equal(normalizeStatus('usps', '1').status, 'delivered');
    assert.deepEqual(uspsStatusTable.key('7'), [['event', '07']]);
  });

  it('reads a category in any case and spacing, with or without its prefix', () => {
    const expected = [['category', 'Delivery Attempt: Action Needed']];
    assert.deepEqual(uspsStatusTable.key('category: delivery attempt:action needed'), expected);
    assert.deepEqual(uspsStatusTable.key('StatusCategory:DELIVERY  ATTEMPT : ACTION NEEDED'), expected);
    assert.deepEqual(uspsStatusTable.key('Delivery Attempt: Action Needed'), expected);
  });

  it('looks the scan up before the shipment-wide category', () => {
    assert.deepEqual(uspsStatusTable.key('category:Alert|07'), [
      ['event', '07'],
      ['category', 'Alert'],
    ]);
  });

  it('has nothing to look up for empty input', () => {
    assert.deepEqual(uspsStatusTable.key(''), []);
    assert.deepEqual(uspsStatusTable.key('   '), []);
    assert.deepEqual(uspsStatusTable.key('|'), []);
    assert.deepEqual(uspsStatusTable.key('category:'), []);
  });
});

describe('USPS status: unknown codes', () => {
  it('an unknown scan code falls back to "moving" without throwing', () => {
    const result = normalizeStatus('usps', 'ZZ', '');
    assert.equal(result.status, 'in_transit');
    assert.equal(result.matchedBy, 'default');
  });

  it('an unknown category falls back without throwing', () => {
    assert.deepEqual(uspsStatusTable.key('category:Something USPS Invented Later'), []);
    assert.equal(normalizeStatus('usps', 'category:Something USPS Invented Later', '').status, 'in_transit');
  });

  it('no code at all is pending', () => {
    assert.equal(normalizeStatus('usps', '', '').status, 'pending');
  });

  it('key() and normalizeStatus never throw, whatever they are given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), fc.string(), (code, description) => {
        const keys = uspsStatusTable.key(code);
        for (const [section] of keys) assert.ok(section === 'event' || section === 'category');
        const result = normalizeStatus('usps', code, description);
        assert.ok(statuses.includes(result.status));
      }),
    );
    for (const weird of [null, undefined, 42, {}, [], Symbol.iterator] as unknown[]) {
      assert.doesNotThrow(() => uspsStatusTable.key(weird as string));
    }
  });
});
