import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemReasons, type ProblemDetail } from '../../model/problem.js';
import { statuses, type Status } from '../../model/status.js';
import { normalizeStatus } from '../normalize.js';
import { fedexStatusTable } from './fedex.js';

interface Expectation {
  name: string;
  code: string;
  description?: string;
  status: Status;
  /** The expected problem; `reason` alone when the carrier text decides whether the shopper must act. */
  problem?: ProblemDetail | { reason: ProblemDetail['reason'] };
}

// FedEx Express 776094337676 (April 2024, karrio's DuplicateTrackingResponse): each scan event as an adapter
// stores it, "<eventType>/<derivedStatusCode>[/<delayDetail.type>]", with its eventDescription.
const fixture776094337676: readonly Expectation[] = [
  {
    name: 'label created (OC)',
    code: 'OC/IN',
    description: 'Shipment information sent to FedEx',
    status: 'info_received',
  },
  { name: 'picked up (PU)', code: 'PU/PU', description: 'Picked up', status: 'in_transit' },
  { name: 'arriving on time (AO)', code: 'AO/IT', description: 'Shipment arriving On-Time', status: 'in_transit' },
  {
    name: 'left the origin facility (DP)',
    code: 'DP/IT',
    description: 'Left FedEx origin facility',
    status: 'in_transit',
  },
  { name: 'arrived at a hub (AR)', code: 'AR/IT', description: 'Arrived at FedEx hub', status: 'in_transit' },
  { name: 'at the local facility (AF)', code: 'AF/IT', description: 'At local FedEx facility', status: 'in_transit' },
  {
    name: 'ready for recipient pickup (HP), though FedEx derives "In transit"',
    code: 'HP/IT',
    description: 'Ready for recipient pickup',
    status: 'available_for_pickup',
  },
  {
    name: 'a general delay (DY with delayDetail GENERAL)',
    code: 'DY/DY/GENERAL',
    description: 'Delay',
    status: 'in_transit',
    problem: { reason: 'delayed', actionRequired: false },
  },
  {
    name: 'a delivery exception: customer not available (DE, exception 08)',
    code: 'DE/DE',
    description: 'Customer not available or business closed',
    status: 'in_transit',
    problem: { reason: 'failed_attempt' },
  },
  {
    name: 'a delivery exception: redirected to a nearby FedEx location (DE, exception A47)',
    code: 'DE/DE',
    description: 'FedEx redirected your package to a nearby FedEx location',
    status: 'in_transit',
    problem: { reason: 'failed_attempt' },
  },
  {
    name: 'on the vehicle for delivery (OD), though FedEx derives "In transit"',
    code: 'OD/IT',
    description: 'On FedEx vehicle for delivery',
    status: 'out_for_delivery',
  },
  { name: 'delivered (DL)', code: 'DL/DL', description: 'Delivered', status: 'delivered' },
  {
    name: 'the latest status "At FedEx destination facility", running late (FD / RL)',
    code: 'FD/RL',
    description: 'At FedEx destination facility',
    status: 'in_transit',
    problem: { reason: 'delayed', actionRequired: false },
  },
];

const expectations: readonly Expectation[] = [
  { name: 'a FedEx Ground scan arriving early says in transit, no problem', code: 'AE/IT', status: 'in_transit' },
  { name: 'an "On the way" scan says in transit', code: 'IT/IT', description: 'On the way', status: 'in_transit' },
  {
    name: 'a FedEx weather delay says in transit, delayed by weather',
    code: 'DY/DY/WEATHER',
    description: 'Delay',
    status: 'in_transit',
    problem: { reason: 'weather', actionRequired: false },
  },
  {
    name: 'a clearance delay type says held up in customs',
    code: 'DY/DY/CLEARANCE',
    status: 'in_transit',
    problem: { reason: 'customs', actionRequired: false },
  },
  {
    name: 'a clearance delay scan says held up in customs',
    code: 'CD',
    status: 'in_transit',
    problem: { reason: 'customs', actionRequired: false },
  },
  { name: 'cleared customs says in transit, no problem', code: 'CC', status: 'in_transit' },
  { name: 'export approved (the Regulatory EA) says in transit', code: 'EA/', status: 'in_transit' },
  {
    name: 'a delivery delay says delayed',
    code: 'DD',
    status: 'in_transit',
    problem: { reason: 'delayed', actionRequired: false },
  },
  {
    name: 'a pickup delay at the shipper says label created, delayed',
    code: 'PD',
    status: 'info_received',
    problem: { reason: 'delayed', actionRequired: false },
  },
  {
    name: 'a shipment exception says there is a problem',
    code: 'SE',
    status: 'in_transit',
    problem: { reason: 'other', actionRequired: false },
  },
  {
    name: 'a shipment exception naming an incorrect address asks the shopper to fix it',
    code: 'SE',
    description: 'Incorrect address',
    status: 'in_transit',
    problem: { reason: 'address', actionRequired: true },
  },
  { name: 'a cancelled shipment says cancelled', code: 'CA', status: 'cancelled' },
  { name: 'return to shipper says returning', code: 'RS', status: 'returning' },
  { name: 'an expired return label link says cancelled', code: 'RD', status: 'cancelled' },
  { name: 'a return label link emailed says label created', code: 'RP', status: 'info_received' },
  { name: 'the courier at the delivery address says out for delivery', code: 'AD', status: 'out_for_delivery' },
  { name: 'en route to delivery says out for delivery', code: 'ED', status: 'out_for_delivery' },
  { name: 'hold at location is in transit until it is ready for pickup', code: 'HL', status: 'in_transit' },
  { name: 'the mixed-case "Ow" of the table is read', code: 'Ow', status: 'in_transit' },
  { name: 'lower-case codes are read', code: 'dl/dl', status: 'delivered' },
  {
    name: 'a bare "Running late" derived code says delayed',
    code: 'RL',
    status: 'in_transit',
    problem: { reason: 'delayed', actionRequired: false },
  },
  { name: 'a bare "Label created" derived code says the label exists', code: 'IN', status: 'info_received' },
  {
    name: 'the eventType decides over a contradicting derived code (spec example PU with derived DL)',
    code: 'PU/DL',
    description: 'Picked Up',
    status: 'in_transit',
  },
  {
    name: 'a delivery exception code alone says a failed attempt',
    code: 'DE',
    status: 'in_transit',
    problem: { reason: 'failed_attempt', actionRequired: false },
  },
  {
    name: 'a documented delivered code is not overridden by the text',
    code: 'DL/DL',
    description: 'On FedEx vehicle for delivery',
    status: 'delivered',
  },
];

function check(expected: Expectation) {
  const result = normalizeStatus('fedex', expected.code, expected.description ?? '');
  assert.equal(result.status, expected.status);
  if (expected.problem && !('actionRequired' in expected.problem)) {
    assert.equal(result.problem?.reason, expected.problem.reason);
  } else {
    assert.deepEqual(result.problem, expected.problem);
  }
}

describe('FedEx status table', () => {
  describe('the events of FedEx Express 776094337676', () => {
    for (const expected of fixture776094337676) it(expected.name, () => check(expected));
  });

  describe('what the shopper sees', () => {
    for (const expected of expectations) it(expected.name, () => check(expected));
  });

  describe('code forms', () => {
    it('looks up the delay type first, then the event lists, then the derived code', () => {
      assert.deepEqual(fedexStatusTable.key('DY/DY/WEATHER'), [
        ['delay', 'WEATHER'],
        ['event', 'DY'],
        ['regulatory', 'DY'],
        ['derived', 'DY'],
      ]);
      assert.deepEqual(fedexStatusTable.key(' hp / it '), [
        ['event', 'HP'],
        ['regulatory', 'HP'],
        ['derived', 'IT'],
      ]);
      assert.deepEqual(fedexStatusTable.key('/RL'), [['derived', 'RL']]);
    });

    it('reads a bare code in every list', () => {
      assert.deepEqual(fedexStatusTable.key('dl'), [
        ['delay', 'DL'],
        ['event', 'DL'],
        ['regulatory', 'DL'],
        ['derived', 'DL'],
      ]);
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
      'ZZ',
      '999',
      '\u0000',
      '🚚',
      'x'.repeat(100_000),
      null,
      undefined,
      7,
      [],
    ];

    it('key never throws and returns a list', () => {
      for (const value of odd)
        assert.ok(Array.isArray(fedexStatusTable.key(value as string)), String(value).slice(0, 20));
      assert.deepEqual(fedexStatusTable.key(''), []);
    });

    it('normalizeStatus never throws on them', () => {
      for (const value of odd) {
        const result = normalizeStatus('fedex', value as string, value as string);
        assert.ok(statuses.includes(result.status), String(value).slice(0, 20));
      }
    });

    it('an unknown code falls back to the text, then to a safe default', () => {
      const byText = normalizeStatus('fedex', 'ZZ/QQ', 'Delivered');
      assert.equal(byText.status, 'delivered');
      assert.equal(byText.matchedBy, 'description');
      const byDefault = normalizeStatus('fedex', 'ZZ/QQ');
      assert.equal(byDefault.status, 'in_transit');
      assert.equal(byDefault.matchedBy, 'default');
    });
  });

  describe('the table', () => {
    const codesOf = (section: string) => fedexStatusTable.sections[section]!.rows.map((row) => row.code);

    it('covers every documented code, and nothing else', () => {
      // Typed in from FedEx's Tracking Status Codes page (Movement, Regulatory), the 2021-10-15 changelog (AE, AO),
      // the derived codes of a real response, and the delayDetail.type enum.
      const documented: Record<string, string> = {
        event:
          'AA AC AD AE AF AO AP AR AX CA CH DD DE DL DP DR DS DY EA ED EO EP FD HL HP IT IX LO OC OD OF OW OX PD PF PL PM PU PX RR RM RC RS RP LP RG RD SE SF SP TR',
        regulatory: 'CC CD CP EA SP',
        derived: 'IN PU IT DY DE DL RL',
        delay: 'WEATHER OPERATIONAL LOCAL GENERAL CLEARANCE CUSTOMS',
      };
      assert.deepEqual(Object.keys(fedexStatusTable.sections).sort(), Object.keys(documented).sort());
      for (const [section, codes] of Object.entries(documented)) {
        assert.deepEqual([...codesOf(section)].sort(), codes.split(' ').sort(), section);
      }
    });

    it('maps the reused EA and SP the same in both lists, so the clash cannot change an answer', () => {
      for (const code of ['EA', 'SP']) {
        const [movement, regulatory] = ['event', 'regulatory'].map((section) =>
          fedexStatusTable.sections[section]!.rows.find((row) => row.code === code),
        );
        assert.equal(movement?.status, regulatory?.status, code);
        assert.deepEqual(movement?.problem, regulatory?.problem, code);
      }
    });

    it('uses only canonical values, one row per code, each naming a stage or a problem', () => {
      for (const [name, section] of Object.entries(fedexStatusTable.sections)) {
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
      assert.ok(fedexStatusTable.references.length > 0);
    });
  });

  describe('every row, in the form an adapter stores it', () => {
    const forms: Record<string, (code: string) => string[]> = {
      event: (code) => [`${code}/`, code],
      regulatory: (code) => [`${code}/`],
      derived: (code) => [`/${code}`],
      delay: (code) => [`//${code}`],
    };

    for (const [name, section] of Object.entries(fedexStatusTable.sections)) {
      it(`maps each ${name} row to its stage and problem`, () => {
        for (const row of section.rows) {
          for (const code of forms[name]!(row.code)) {
            const result = normalizeStatus('fedex', code, '');
            assert.equal(result.status, row.status ?? 'in_transit', code);
            assert.deepEqual(result.problem, row.problem, code);
          }
        }
      });
    }
  });
});
