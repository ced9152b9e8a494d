import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { problemReasons, type ProblemReason } from '../model/problem.js';
import { statuses, type Status } from '../model/status.js';
import { MAX_TEXT_LENGTH, PROBLEM_RULES, STAGE_RULES, statusFromDescription } from './classify-description.js';

type Expected = readonly [status: Status, reason?: ProblemReason, actionRequired?: boolean];

/** Carrier texts as carriers write them, and what the shopper should be told. */
const cases: ReadonlyArray<readonly [text: string, expected: Expected]> = [
  // Before the carrier has it
  ['Label created', ['info_received']],
  ['Shipping Label Created, USPS Awaiting Item', ['info_received']],
  ['Shipment information received', ['info_received']],
  ['Shipment information sent to FedEx', ['info_received']],
  ['The carrier has received the electronic shipment information.', ['info_received']],
  ['No tracking information available yet', ['pending']],
  // Moving
  ['In transit', ['in_transit']],
  ['Arrived at facility', ['in_transit']],
  ['Departed', ['in_transit']],
  ['Departed FedEx location', ['in_transit']],
  ['Picked up', ['in_transit']],
  ['Accepted at USPS Origin Facility', ['in_transit']],
  ['Customs clearance completed', ['in_transit']],
  ['Will be delivered tomorrow', ['in_transit']],
  // Last mile
  ['Out for delivery', ['out_for_delivery']],
  ['OUT FOR DELIVERY TODAY', ['out_for_delivery']],
  ['Delivered, Front Door/Porch', ['delivered']],
  ['Delivered, In/At Mailbox', ['delivered']],
  ['Package picked up by the customer', ['delivered']],
  ['Left with neighbour', ['delivered']],
  ['Available for pickup at Walgreens, 123 Main St', ['available_for_pickup']],
  ['Ready for pickup', ['available_for_pickup']],
  ['Held for pickup at post office', ['available_for_pickup']],
  ['Delivered to parcel locker', ['available_for_pickup']],
  // Never "delivered"
  ['Not delivered', ['in_transit', 'failed_attempt', true]],
  ['Could not be delivered', ['in_transit', 'failed_attempt', true]],
  ['Delivery attempted - no access', ['in_transit', 'failed_attempt', true]],
  ['Notice left', ['in_transit', 'failed_attempt', true]],
  ['Attempted delivery - business closed', ['in_transit', 'failed_attempt', true]],
  // Going back
  ['Return to sender', ['returning']],
  ['Returning to sender', ['returning']],
  ['Being returned to shipper', ['returning']],
  ['Returned to shipper', ['returned']],
  ['Return delivered to sender', ['returned']],
  ['Return to sender - refused by recipient', ['returning', 'refused', false]],
  ['Shipment cancelled', ['cancelled']],
  // Problems
  ['Weather delay', ['in_transit', 'weather', false]],
  ['Adverse weather conditions', ['in_transit', 'weather', false]],
  ['Held in customs', ['in_transit', 'customs', false]],
  ['Customs clearance delay', ['in_transit', 'customs', false]],
  ['Missing documents for customs', ['in_transit', 'customs', false]],
  ['Addressee unknown', ['in_transit', 'address', true]],
  ['Incorrect address', ['in_transit', 'address', true]],
  ['Undeliverable as addressed', ['in_transit', 'address', true]],
  ['Damaged', ['in_transit', 'damaged', false]],
  ['Lost', ['in_transit', 'lost', false]],
  ['Refused by recipient', ['in_transit', 'refused', false]],
  ['Duties and taxes due / payment required', ['in_transit', 'payment_due', true]],
  ['Import duties and taxes have been paid', ['in_transit']],
  ['Held at facility', ['in_transit', 'held', false]],
  ['Delay', ['in_transit', 'delayed', false]],
  ['Running late', ['in_transit', 'delayed', false]],
  ['Out for delivery - running late', ['out_for_delivery', 'delayed', false]],
  ['Delivery exception', ['in_transit', 'other', false]],
  ['Exception resolved, in transit', ['in_transit']],
  // Spanish, French, German
  ['En tránsito', ['in_transit']],
  ['En reparto', ['out_for_delivery']],
  ['Entregado', ['delivered']],
  ['No entregado - ausente', ['in_transit', 'failed_attempt', true]],
  ['Retenido en aduana', ['in_transit', 'customs', false]],
  ['En cours de livraison', ['out_for_delivery']],
  ['Livré', ['delivered']],
  ['Tentative de livraison, avis de passage', ['in_transit', 'failed_attempt', true]],
  ['Retour à l’expéditeur', ['returning']],
  ['In Zustellung', ['out_for_delivery']],
  ['Die Sendung wurde zugestellt', ['delivered']],
  ['Die Sendung konnte nicht zugestellt werden', ['in_transit', 'failed_attempt', true]],
  ['Zustellversuch – Empfänger nicht angetroffen', ['in_transit', 'failed_attempt', true]],
  ['Verzögerung wegen Unwetter', ['in_transit', 'weather', false]],
];

describe('statusFromDescription: what carrier texts tell the shopper', () => {
  for (const [text, [status, reason, actionRequired]] of cases) {
    const expected = reason ? { status, problem: { reason, actionRequired } } : { status };
    it(`"${text}" → ${status}${reason ? ` + ${reason}${actionRequired ? ' (shopper must act)' : ''}` : ''}`, () => {
      assert.deepEqual(statusFromDescription(text), expected);
    });
  }

  it('says nothing about texts it does not recognise', () => {
    for (const text of ['', '   ', '—', 'Hello', '12345', 'Tracking number: 1Z999AA10123456784'])
      assert.equal(statusFromDescription(text), undefined, text);
  });

  it('reads the text whatever its case, accents and punctuation', () => {
    const plain = statusFromDescription('Delivery attempted - no access');
    for (const variant of [
      'DELIVERY ATTEMPTED: NO ACCESS',
      '  delivery   attempted...no access!  ',
      'Délivery attempted/no access',
    ])
      assert.deepEqual(statusFromDescription(variant), plain, variant);
  });
});

describe('statusFromDescription: never throws, stays quick', () => {
  it('returns undefined for anything that is not a string', () => {
    for (const value of [undefined, null, 42, true, {}, [], Symbol('x'), () => 'Delivered', new String('Delivered')])
      assert.equal(statusFromDescription(value as unknown as string), undefined);
    fc.assert(
      fc.property(fc.anything(), (value) => {
        if (typeof value !== 'string') assert.equal(statusFromDescription(value as string), undefined);
      }),
    );
  });

  it('returns only canonical values for any string, in any script', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme' }),
          fc.string({ maxLength: 500 }),
        ),
        (text) => {
          const result = statusFromDescription(text);
          if (result === undefined) return;
          assert.ok(statuses.includes(result.status));
          if (result.problem) {
            assert.ok(problemReasons.includes(result.problem.reason));
            assert.equal(typeof result.problem.actionRequired, 'boolean');
          }
        },
      ),
    );
  });

  it('still finds a phrase among arbitrary words around it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (before, after) => {
        const result = statusFromDescription(`${before} Out for delivery ${after}`);
        assert.ok(result, 'recognised');
      }),
    );
  });

  it('completes on a megabyte of text, including pathological repetition', () => {
    const huge = [
      'a'.repeat(1_000_000),
      ' '.repeat(1_000_000),
      'not '.repeat(250_000),
      'delivery '.repeat(120_000),
      'held for '.repeat(120_000),
      '\u0301'.repeat(1_000_000),
      '😀'.repeat(500_000),
    ];
    for (const text of huge) statusFromDescription(text);
  });

  it('reads only the first MAX_TEXT_LENGTH characters', () => {
    assert.equal(statusFromDescription(`${'x'.repeat(MAX_TEXT_LENGTH)} Delivered`), undefined);
    assert.deepEqual(statusFromDescription(`Delivered ${'x'.repeat(1_000_000)}`), { status: 'delivered' });
  });

  it('gives a copy of the problem, so a caller cannot change the rules', () => {
    const first = statusFromDescription('Weather delay');
    assert.ok(first?.problem);
    (first.problem as { reason: string }).reason = 'lost';
    assert.equal(statusFromDescription('Weather delay')?.problem?.reason, 'weather');
  });
});

describe('statusFromDescription: the rules', () => {
  it('are written against the folded form: lower case, no accents, single spaces', () => {
    for (const [pattern] of [...STAGE_RULES, ...PROBLEM_RULES]) {
      assert.equal(pattern.flags.includes('i'), false, `${pattern} should not need the i flag`);
      assert.doesNotMatch(pattern.source, /[A-Z]|[^\x20-\x7e]/, `${pattern} has upper case or non-ASCII`);
      assert.doesNotMatch(pattern.source, /\) ?[*+]|\\s/, `${pattern} repeats a group or uses \\s`);
    }
  });

  it('map only to canonical values', () => {
    for (const [, status] of STAGE_RULES) assert.ok(statuses.includes(status));
    for (const [, problem] of PROBLEM_RULES) if (problem) assert.ok(problemReasons.includes(problem.reason));
  });
});

describe('statusFromDescription: customs waiting on the shopper', () => {
  it('asks the shopper to act when customs needs papers only they can give', () => {
    for (const text of [
      'Clearance Information Required',
      'Import documentation required from the recipient',
      'Customs: the consignee must provide an invoice',
    ]) {
      assert.deepEqual(statusFromDescription(text)?.problem, { reason: 'customs', actionRequired: true }, text);
    }
  });

  it('keeps a plain customs delay as nothing for the shopper to do', () => {
    assert.deepEqual(statusFromDescription('Customs delay')?.problem, { reason: 'customs', actionRequired: false });
  });
});
