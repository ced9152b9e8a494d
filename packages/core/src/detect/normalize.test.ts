import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { detectCarrier, normalizeTrackingNumber } from '@trackline/core';

describe('normalizeTrackingNumber', () => {
  it('writes a number the way shoppers paste it in one form: no spaces, dashes or dots, upper case', () => {
    const forms = [
      '1Z999AA10123456784',
      '1z999aa10123456784',
      '1Z 999 AA1 0123 4567 84',
      '1Z-999-AA1-01234567-84',
      '1z.999.aa1.0123456784',
      '\t1Z\u00a0999\u2009AA1\u201101234567\u221284\n',
    ];
    for (const form of forms) assert.equal(normalizeTrackingNumber(form), '1Z999AA10123456784', JSON.stringify(form));
  });

  it('gives the number detectCarrier finds in a pasted number', () => {
    for (const pasted of ['1z 999 aa1 0123 4567 84', 'rr 123-456-785 us', 'RR.123.456.785.US']) {
      const [best] = detectCarrier(pasted);
      assert.ok(best, pasted);
      assert.equal(normalizeTrackingNumber(pasted), best.trackingNumber);
    }
  });

  it('reads full-width characters and drops invisible ones, as detectCarrier and the tracker do', () => {
    for (const typed of [
      '１Ｚ９９９ＡＡ１０１２３４５６７８４',
      '1Z999\u200bAA1\u20600123456784',
      '１ｚ　９９９\u00adAA10123456784',
    ]) {
      assert.equal(normalizeTrackingNumber(typed), '1Z999AA10123456784', JSON.stringify(typed));
      assert.equal(normalizeTrackingNumber(typed), detectCarrier(typed)[0]?.trackingNumber);
    }
  });

  it('keeps characters that are neither joiners nor ASCII letters and digits', () => {
    assert.equal(normalizeTrackingNumber('ab-12#cd/é'), 'AB12#CD/é');
    assert.equal(normalizeTrackingNumber(''), '');
    assert.equal(normalizeTrackingNumber(' - . '), '');
  });

  it('changes nothing the second time, and treats every spelling of one number alike', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const once = normalizeTrackingNumber(input);
        assert.equal(normalizeTrackingNumber(once), once);
      }),
    );
    const joiner = fc.constantFrom(' ', '-', '.', '\t', '\u00a0', '\u2009', '\u2011', '\u2212', '\u200b');
    const spelled = fc
      .array(fc.tuple(fc.constantFrom(...'0123456789ABCDEFXYZ'), fc.boolean(), fc.array(joiner, { maxLength: 2 })), {
        minLength: 1,
        maxLength: 30,
      })
      .map((parts) => ({
        plain: parts.map(([char]) => char).join(''),
        pasted: parts.map(([char, lower, joiners]) => (lower ? char.toLowerCase() : char) + joiners.join('')).join(''),
      }));
    fc.assert(
      fc.property(spelled, ({ plain, pasted }) => {
        assert.equal(normalizeTrackingNumber(pasted), plain);
      }),
    );
  });
});
