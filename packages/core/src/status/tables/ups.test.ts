import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemReasons, type ProblemDetail } from '../../model/problem.js';
import { statuses, type Status } from '../../model/status.js';
import { normalizeStatus } from '../normalize.js';
import { upsStatusTable } from './ups.js';

interface Expectation {
  name: string;
  code: string;
  description?: string;
  status: Status;
  problem?: ProblemDetail;
}

// Written from the UPS appendix and UPS's own wording, not from the table: each names what the shopper sees.
const expectations: readonly Expectation[] = [
  {
    name: 'a delivered scan with its Mail Innovations code says delivered',
    code: 'D/F4/011',
    description: 'DELIVERED ',
    status: 'delivered',
  },
  {
    name: 'a label-created manifest scan with no status code says the label exists',
    code: 'M/MP/',
    status: 'info_received',
  },
  { name: 'shipment ready for UPS says the label exists', code: '003', status: 'info_received' },
  {
    name: 'an arrival scan says in transit',
    code: 'I/AR/005',
    description: 'Arrived at Facility',
    status: 'in_transit',
  },
  { name: 'a departure scan says in transit', code: 'I/DP/005', status: 'in_transit' },
  { name: 'an out-for-delivery scan says out for delivery', code: 'I/OF/021', status: 'out_for_delivery' },
  {
    name: 'a USPS out-for-delivery scan of a SurePost parcel says out for delivery',
    code: 'I/YF',
    status: 'out_for_delivery',
  },
  {
    name: 'loaded on the delivery vehicle is still in transit (it may go out on Monday)',
    code: 'I/OD/072',
    status: 'in_transit',
  },
  {
    name: 'a UPS adverse-weather scan says in transit, delayed by weather',
    code: 'X//032',
    description: 'Adverse Weather May Cause Delay',
    status: 'in_transit',
    problem: { reason: 'weather', actionRequired: false },
  },
  {
    name: 'a local-weather delivery code says delayed by weather even without a status code',
    code: 'X/CR',
    status: 'in_transit',
    problem: { reason: 'weather', actionRequired: false },
  },
  {
    name: 'held for customer pickup asks the shopper to collect the parcel',
    code: '017',
    status: 'available_for_pickup',
    problem: { reason: 'held', actionRequired: true },
  },
  {
    name: 'delivered to a UPS Access Point shows the parcel waiting for collection, with nothing wrong',
    code: 'D/2Q/161',
    status: 'available_for_pickup',
  },
  {
    name: 'address information required asks the shopper to fix the address',
    code: 'X//050',
    status: 'in_transit',
    problem: { reason: 'address', actionRequired: true },
  },
  {
    name: 'an incorrect-address delivery code asks the shopper to fix the address',
    code: 'X/BO',
    status: 'in_transit',
    problem: { reason: 'address', actionRequired: true },
  },
  {
    name: 'a delivery attempt that needs funds asks the shopper to pay',
    code: '062',
    status: 'in_transit',
    problem: { reason: 'payment_due', actionRequired: true },
  },
  {
    name: 'held for COD payment asks the shopper to pay',
    code: '085',
    status: 'in_transit',
    problem: { reason: 'payment_due', actionRequired: true },
  },
  {
    name: 'a first missed delivery needs no action: UPS tries again next business day',
    code: 'X//022',
    status: 'in_transit',
    problem: { reason: 'failed_attempt', actionRequired: false },
  },
  {
    name: 'the final delivery attempt asks the shopper to act',
    code: '024',
    status: 'in_transit',
    problem: { reason: 'failed_attempt', actionRequired: true },
  },
  {
    name: 'a missed delivery for want of an adult signature asks the shopper to act',
    code: '061',
    status: 'in_transit',
    problem: { reason: 'failed_attempt', actionRequired: true },
  },
  {
    name: 'clearance information required asks the shopper for customs paperwork',
    code: '058',
    status: 'in_transit',
    problem: { reason: 'customs', actionRequired: true },
  },
  {
    name: 'a receiver refusal says refused',
    code: 'X/53/064',
    status: 'in_transit',
    problem: { reason: 'refused', actionRequired: false },
  },
  {
    name: 'a damage report says damaged',
    code: '059',
    status: 'in_transit',
    problem: { reason: 'damaged', actionRequired: false },
  },
  { name: 'returned to sender says returned', code: '034', status: 'returned' },
  { name: 'returning to sender says returning', code: '035', status: 'returning' },
  { name: 'returning to sender, in transit, says returning', code: '036', status: 'returning' },
  { name: 'delivered back to the original sender says returned', code: 'D/B0', status: 'returned' },
  { name: 'voided shipment information says cancelled', code: '007', status: 'cancelled' },
  { name: 'a voided manifest says cancelled', code: 'MV/VP', status: 'cancelled' },
  { name: 'a voided pickup scan does not cancel the shipment', code: 'I/VP', status: 'info_received' },
  { name: 'a bare DP reads as a departure scan', code: 'DP', status: 'in_transit' },
  { name: 'DP of a manifest activity reads as manifest processed', code: 'M/DP', status: 'info_received' },
  { name: 'a driver-load scan is in transit', code: 'I/DL', status: 'in_transit' },
  { name: 'a Mail Innovations delivery with signature is delivered', code: 'D/DL', status: 'delivered' },
  { name: 'a Mail Innovations P1 says delivered', code: 'D/P1', status: 'delivered' },
  { name: 'delivered at the front door says delivered', code: 'D/ML/011', status: 'delivered' },
  {
    name: 'seized by law enforcement is a problem, not a stage',
    code: '147',
    status: 'in_transit',
    problem: { reason: 'other', actionRequired: false },
  },
  {
    name: 'prohibited contents destroyed is a problem, not a stage',
    code: '149',
    status: 'in_transit',
    problem: { reason: 'other', actionRequired: false },
  },
  { name: 'status not available says nothing is known yet', code: '000', status: 'pending' },
  { name: 'the legacy out-for-delivery type says out for delivery', code: 'O//', status: 'out_for_delivery' },
  {
    name: 'an exception type with no documented code says there is a problem',
    code: 'X//',
    status: 'in_transit',
    problem: { reason: 'other', actionRequired: false },
  },
  {
    name: 'an exception type with an unknown code lets the carrier text name the problem',
    code: 'X/ZZ',
    description: 'Incorrect address',
    status: 'in_transit',
    problem: { reason: 'address', actionRequired: true },
  },
  {
    name: 'a documented delivered code is not overridden by the text',
    code: '011',
    description: 'Out for delivery',
    status: 'delivered',
  },
];

describe('UPS status table', () => {
  describe('what the shopper sees', () => {
    for (const expected of expectations) {
      it(expected.name, () => {
        const result = normalizeStatus('ups', expected.code, expected.description ?? '');
        assert.equal(result.status, expected.status);
        assert.deepEqual(result.problem, expected.problem);
      });
    }
  });

  describe('code forms', () => {
    it('reads status codes padded or not', () => {
      for (const code of ['11', '011', '0011', '//11', '//011']) {
        assert.equal(normalizeStatus('ups', code).status, 'delivered', code);
      }
      assert.deepEqual(upsStatusTable.key('11'), [['status', '011']]);
      assert.deepEqual(upsStatusTable.key('3'), [['status', '003']]);
    });

    it('ignores case and spacing', () => {
      assert.equal(normalizeStatus('ups', ' d / f4 / 011 ').status, 'delivered');
      assert.equal(normalizeStatus('ups', 'i/of').status, 'out_for_delivery');
      assert.deepEqual(upsStatusTable.key('  x//032 '), [['status', '032']]);
    });

    it('looks up the status code first, then the activity code in its type table', () => {
      assert.deepEqual(upsStatusTable.key('D/F4/011'), [
        ['status', '011'],
        ['mailInnovations', 'F4'],
      ]);
      assert.deepEqual(upsStatusTable.key('I/DL'), [['movement', 'DL']]);
      assert.deepEqual(upsStatusTable.key('D/DL'), [['mailInnovations', 'DL']]);
      assert.deepEqual(upsStatusTable.key('M/VP'), [['manifest', 'VP']]);
    });

    it('reads the type only when no code is documented', () => {
      assert.deepEqual(upsStatusTable.key('X//'), [['type', 'X']]);
      assert.deepEqual(upsStatusTable.key('D/QQ/150'), [['type', 'D']]);
      assert.deepEqual(upsStatusTable.key('D/M1/011'), [
        ['status', '011'],
        ['delivery', 'M1'],
      ]);
    });

    it('reads the 3-digit code of currentStatus as a status code', () => {
      assert.deepEqual(upsStatusTable.key('D/011/011'), [['status', '011']]);
      assert.equal(normalizeStatus('ups', 'D/011/', 'DELIVERED ').status, 'delivered');
      assert.equal(normalizeStatus('ups', 'I/072/').status, 'in_transit');
    });

    it('combines the stage of the status code with the problem of the activity code', () => {
      // 005 "On the Way" names no problem; the DIALS code says why the parcel is late.
      const result = normalizeStatus('ups', 'X/CR/005');
      assert.equal(result.status, 'in_transit');
      assert.deepEqual(result.problem, { reason: 'weather', actionRequired: false });
    });
  });

  describe('unknown and odd input', () => {
    const odd: unknown[] = [
      '',
      '   ',
      '/',
      '//',
      '////',
      'a/b/c/d/e',
      '999',
      '1Z999AA10123456784',
      'ZZ',
      '\u0000',
      '🚚',
      'x'.repeat(100_000),
      null,
      undefined,
      42,
      {},
    ];

    it('key never throws and returns a list', () => {
      for (const value of odd) {
        const keys = upsStatusTable.key(value as string);
        assert.ok(Array.isArray(keys), String(value).slice(0, 20));
      }
      assert.deepEqual(upsStatusTable.key(''), []);
      assert.deepEqual(upsStatusTable.key('999'), [['status', '999']]);
    });

    it('normalizeStatus never throws on them', () => {
      for (const value of odd) {
        const result = normalizeStatus('ups', value as string, value as string);
        assert.ok(statuses.includes(result.status), String(value).slice(0, 20));
      }
    });

    it('an unknown code falls back to the text, then to a safe default', () => {
      const byText = normalizeStatus('ups', 'Q/ZZ/999', 'Out for delivery');
      assert.equal(byText.status, 'out_for_delivery');
      assert.equal(byText.matchedBy, 'description');
      const byDefault = normalizeStatus('ups', 'Q/ZZ/999');
      assert.equal(byDefault.status, 'in_transit');
      assert.equal(byDefault.matchedBy, 'default');
      assert.equal(normalizeStatus('ups', '').status, 'pending');
    });
  });

  describe('the table', () => {
    // The appendix's Status/Description Codes, typed in from the page: 1, 2, 4, 8, 9, 15, 31 and 150–152 are absent.
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const documentedStatusCodes = [
      0,
      3,
      5,
      6,
      7,
      10,
      11,
      12,
      13,
      14,
      ...range(16, 30),
      ...range(32, 149),
      ...range(153, 169),
    ];
    const codesOf = (section: string) => upsStatusTable.sections[section]!.rows.map((row) => row.code);

    it('covers every documented status code, 3-digit padded, and nothing else', () => {
      assert.deepEqual(
        [...codesOf('status')].sort(),
        documentedStatusCodes.map((n) => String(n).padStart(3, '0')).sort(),
      );
    });

    it('covers every documented movement, manifest, update, Mail Innovations code and activity type', () => {
      const documented: Record<string, string> = {
        movement:
          'AG AR AT CA CD CL DL DP DS EP HU IP LC LM OC OD OF OR OT PC PL PU PT SP UA UD UL VP WH XA XD XR YF YH YI YM YN YP',
        manifest: 'DP MP RD VP',
        updates: 'PX UP UT',
        mailInnovations: 'F4 P1 DL',
        type: 'D I M MV X DO DD W NA U P RS O',
      };
      for (const [section, codes] of Object.entries(documented)) {
        assert.deepEqual([...codesOf(section)].sort(), codes.split(' ').sort(), section);
      }
    });

    it('covers every DIALS delivery code of the appendix, and nothing else', () => {
      // Typed in from the appendix's Delivery Codes table (EZ is listed twice there, with the same text).
      const dials =
        '0 9 12 1N 1Z 28 2C 2D 2J 2K 2Q 2W 32 38 3F 3G 3H 41 42 44 4X 50 53 57 5F 61 62 70 74 7A 7B 7K 83 85 86 8N 8O ' +
        '8Q 98 9E A0 AI AU B0 B2 BI BL BM BN BO BS CB CI CO CR CU DI DK DO DZ EA EB EC EE EF EG EI EJ EK EL EM EP EQ ET ' +
        'EZ F0 F1 F2 F3 F7 FB FC FD FI FO FV FZ GK GW HI KU L4 L6 LM M1 M2 M3 M4 M5 M6 M7 M8 M9 MA MB MC MD ME MG MH MJ ' +
        'MK ML MM MN MP MQ MR MS MU MV MW MX MY NL NS NT NX OE OO OZ P5 PF RN RQ SB SE SG ST TW UC UJ VS YC YH ZE ZF ZG ' +
        'ZH ZI ZQ';
      assert.deepEqual([...codesOf('delivery')].sort(), dials.split(' ').sort());
    });

    it('uses only canonical values, one row per code, each naming a stage or a problem', () => {
      for (const [name, section] of Object.entries(upsStatusTable.sections)) {
        const seen = new Set<string>();
        for (const row of section.rows) {
          assert.ok(!seen.has(row.code), `${name} ${row.code} twice`);
          seen.add(row.code);
          assert.ok(row.status || row.problem, `${name} ${row.code} maps to nothing`);
          if (row.status) assert.ok(statuses.includes(row.status), `${name} ${row.code}`);
          if (row.problem) assert.ok(problemReasons.includes(row.problem.reason), `${name} ${row.code}`);
          assert.ok(row.meaning.trim().length > 0, `${name} ${row.code} has no meaning`);
        }
      }
    });

    it('cites its sources', () => {
      assert.ok(upsStatusTable.references.length > 0);
      for (const section of Object.values(upsStatusTable.sections)) assert.ok(section.about.length > 0);
    });
  });

  describe('every row, in the form an adapter stores it', () => {
    // How an adapter writes a code of each section (see codeFormat): a type that routes to that section.
    const forms: Record<string, (code: string) => string[]> = {
      status: (code) => [`//${code}`, String(Number(code))],
      movement: (code) => [`I/${code}`],
      manifest: (code) => [`M/${code}`],
      updates: (code) => [`U/${code}`],
      delivery: (code) => [`D/${code}`, `X/${code}/`],
      mailInnovations: (code) => [`D/${code}`],
      type: (code) => [`${code}//`],
    };

    it('has a stored form for every section', () => {
      assert.deepEqual(Object.keys(upsStatusTable.sections).sort(), Object.keys(forms).sort());
    });

    for (const [name, section] of Object.entries(upsStatusTable.sections)) {
      it(`maps each ${name} row to its stage and problem`, () => {
        for (const row of section.rows) {
          for (const code of forms[name]!(row.code)) {
            const result = normalizeStatus('ups', code, '');
            // A row with no stage leaves it to the text; with no text, the safe default is in transit.
            assert.equal(result.status, row.status ?? 'in_transit', code);
            assert.deepEqual(result.problem, row.problem, code);
            assert.equal(result.matchedBy, row.status ? 'code' : 'default', code);
          }
        }
      });
    }
  });
});
