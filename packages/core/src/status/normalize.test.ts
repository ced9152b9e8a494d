import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { StatusSource } from '../model/carrier.js';
import { problemReasons } from '../model/problem.js';
import { statuses } from '../model/status.js';
import { normalizeStatus, statusTables, type NormalizedStatus } from './normalize.js';

const sources = statusTables.map((table) => table.source);

/** Every documented code of every table, as a raw code, so the generators hit real rows as well as noise. */
const knownCodes = statusTables.flatMap((table) =>
  Object.values(table.sections).flatMap((section) => section.rows.map((row) => row.code)),
);

function assertWellFormed(result: NormalizedStatus): void {
  assert.ok(statuses.includes(result.status), `status ${String(result.status)}`);
  assert.ok(['code', 'description', 'default'].includes(result.matchedBy), `matchedBy ${result.matchedBy}`);
  if (result.problem) {
    assert.ok(problemReasons.includes(result.problem.reason), `reason ${result.problem.reason}`);
    assert.equal(typeof result.problem.actionRequired, 'boolean');
  }
}

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(...knownCodes),
  fc.constantFrom('Weather delay', 'Delivered, Front Door/Porch', 'Return to sender', 'Held in customs'),
);

describe('normalizeStatus: never throws', () => {
  it('ships a table for each aggregator, once each', () => {
    for (const source of ['easypost', 'shippo', 'aftership'])
      assert.ok(sources.includes(source as StatusSource), source);
    assert.equal(new Set(sources).size, sources.length);
  });

  it('maps any code and text from any source to canonical values', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...sources), fc.string()),
        anyText,
        fc.option(anyText),
        (source, code, text) => {
          assertWellFormed(normalizeStatus(source as StatusSource, code, text ?? undefined));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('maps codes built like each aggregator writes them, with noise around them', () => {
    const aggregatorCode = fc.oneof(
      fc.tuple(fc.constantFrom(...knownCodes), fc.constantFrom(...knownCodes)).map(([a, b]) => `${a}/${b}`),
      fc.tuple(fc.constantFrom(...knownCodes), fc.string()).map(([a, b]) => `${a}/${b}`),
      fc.tuple(fc.string(), fc.nat()).map(([a, n]) => `${a}_${n}`),
      fc.constantFrom(...knownCodes).map((code) => ` ${code.toLowerCase()} `),
    );
    fc.assert(
      fc.property(fc.constantFrom<StatusSource>('easypost', 'shippo', 'aftership'), aggregatorCode, (source, code) => {
        assertWellFormed(normalizeStatus(source, code));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts anything a JavaScript caller may pass', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (source, code, text) => {
        assertWellFormed(normalizeStatus(source as StatusSource, code as string, text as string));
      }),
    );
    for (const odd of [undefined, null, 42, {}, [], Symbol('code'), Object.create(null)])
      assertWellFormed(normalizeStatus('aftership', odd as unknown as string, odd as unknown as string));
  });

  it('copes with a megabyte of code and of text', () => {
    const huge = 'Exception_013 Delivered '.repeat(45_000);
    for (const source of sources) {
      assertWellFormed(normalizeStatus(source, huge, huge));
      assertWellFormed(normalizeStatus(source, '/'.repeat(1_000_000), '\u0301'.repeat(1_000_000)));
    }
  });
});

describe('normalizeStatus: code first, then the carrier text, then a safe default', () => {
  it('trusts a documented code over the text (matchedBy "code")', () => {
    assert.deepEqual(normalizeStatus('aftership', 'Delivered_001', 'Delivery attempted'), {
      status: 'delivered',
      matchedBy: 'code',
    });
    assert.deepEqual(normalizeStatus('easypost', 'in_transit/weather_delay'), {
      status: 'in_transit',
      matchedBy: 'code',
      problem: { reason: 'weather', actionRequired: false },
    });
  });

  it('falls back to the text for a code no table knows (matchedBy "description")', () => {
    assert.deepEqual(normalizeStatus('easypost', 'teleported', 'Out for delivery'), {
      status: 'out_for_delivery',
      matchedBy: 'description',
    });
    assert.deepEqual(normalizeStatus('shippo', 'SOMETHING_NEW/whatever', 'Held in customs'), {
      status: 'in_transit',
      matchedBy: 'description',
      problem: { reason: 'customs', actionRequired: false },
    });
  });

  it('falls back to the text for a source no table covers', () => {
    const result = normalizeStatus('no-such-carrier' as StatusSource, 'X1', 'Delivered, Front Door/Porch');
    assert.deepEqual(result, { status: 'delivered', matchedBy: 'description' });
  });

  it('lets the text name the problem of a coarse code, keeping the stage the code gives', () => {
    assert.deepEqual(normalizeStatus('aftership', 'Exception_010', 'Refused by recipient'), {
      status: 'returning',
      matchedBy: 'code',
      problem: { reason: 'refused', actionRequired: false },
    });
    assert.deepEqual(normalizeStatus('easypost', 'in_transit/delayed', 'Weather delay'), {
      status: 'in_transit',
      matchedBy: 'code',
      problem: { reason: 'weather', actionRequired: false },
    });
  });

  it('lets the text supply the stage a coarse code leaves open', () => {
    assert.deepEqual(normalizeStatus('aftership', 'Exception_001', 'Return to sender'), {
      status: 'returning',
      matchedBy: 'code',
      problem: { reason: 'other', actionRequired: false },
    });
    assert.deepEqual(normalizeStatus('shippo', 'UNKNOWN', 'Label created'), {
      status: 'info_received',
      matchedBy: 'code',
    });
  });

  it('lets the text move a coarse in-transit code on, but never back to label data', () => {
    assert.deepEqual(normalizeStatus('easypost', 'in_transit/unknown', 'Out for delivery'), {
      status: 'out_for_delivery',
      matchedBy: 'code',
    });
    assert.deepEqual(normalizeStatus('easypost', 'in_transit/unknown', 'Label created'), {
      status: 'in_transit',
      matchedBy: 'code',
    });
    // A code that is not coarse keeps its stage whatever the text says.
    assert.equal(
      normalizeStatus('easypost', 'in_transit/arrived_at_facility', 'Out for delivery').status,
      'in_transit',
    );
  });

  it("keeps the code's problem when the text names none", () => {
    assert.deepEqual(normalizeStatus('aftership', 'Exception_001', 'Arrived at facility'), {
      status: 'in_transit',
      matchedBy: 'code',
      problem: { reason: 'other', actionRequired: false },
    });
  });

  it('falls back to a safe default when neither code nor text says anything (matchedBy "default")', () => {
    // Something was scanned, so the parcel is moving.
    assert.deepEqual(normalizeStatus('aftership', 'ZZZ', 'Lorem ipsum'), {
      status: 'in_transit',
      matchedBy: 'default',
    });
    assert.deepEqual(normalizeStatus('easypost', 'unknown'), { status: 'in_transit', matchedBy: 'default' });
    // Nothing at all: no carrier data yet.
    assert.deepEqual(normalizeStatus('shippo', ''), { status: 'pending', matchedBy: 'default' });
    assert.deepEqual(normalizeStatus('shippo', '   ', '  '), { status: 'pending', matchedBy: 'default' });
  });

  it("keeps a matched code's problem when the stage falls to the default", () => {
    assert.deepEqual(normalizeStatus('easypost', 'failure/address_correction'), {
      status: 'in_transit',
      matchedBy: 'default',
      problem: { reason: 'address', actionRequired: true },
    });
  });

  it('gives the same answer however the code is spaced or cased', () => {
    const canonical = normalizeStatus('shippo', 'TRANSIT/notice_left');
    assert.deepEqual(normalizeStatus('shippo', '  transit / Notice Left '), canonical);
    assert.deepEqual(normalizeStatus('aftership', ' exception-13 '), normalizeStatus('aftership', 'Exception_013'));
  });

  it('gives a repeated code the same answer, which the caller may change without changing the next one', () => {
    const first = normalizeStatus('ups', 'X/48/', 'The receiver was not available for delivery.');
    assert.equal(first.problem?.reason, 'failed_attempt');
    first.status = 'delivered';
    first.problem!.reason = 'lost';
    const again = normalizeStatus('ups', 'X/48/', 'The receiver was not available for delivery.');
    assert.notEqual(again, first);
    assert.equal(again.status, 'in_transit');
    assert.equal(again.problem?.reason, 'failed_attempt');
  });
});
