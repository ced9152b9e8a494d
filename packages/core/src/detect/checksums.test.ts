import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FEDEX_12_WEIGHTS, luhn, mod10, mod3736, mod7, s10, weightedSum } from './checksums.js';

describe('check-digit algorithms', () => {
  it('reads a UPS letter as (char code − 3) % 10 in mod 10', () => {
    // 1Z879E930346834440: serial 879E9303468344, check 0 (the dataset's worked example sums to 110).
    assert.equal(mod10('1Z879E930346834440', 2, 17, 1, 2), 0);
    // A counts 2, so a lone A needs 8 to reach a multiple of ten; Z counts (90 − 3) % 10 = 7.
    assert.equal(mod10('A', 0, 1, 1, 1), 8);
    assert.equal(mod10('Z', 0, 1, 1, 1), 3);
  });

  it('sums a prepended prefix as the first positions of the serial', () => {
    // OnTrac C11031500001879: serial 1103150000187 with "4" prepended, check 9.
    assert.equal(mod10('C11031500001879', 1, 14, 1, 2, false, '4'), 9);
    // The same digits written out in full give the same answer.
    assert.equal(mod10('41103150000187', 0, 14, 1, 2), 9);
  });

  it('reads the serial from the right when reversed', () => {
    assert.equal(mod10('12', 0, 2, 3, 1, true), mod10('21', 0, 2, 3, 1));
  });

  it('computes mod 7 of serials beyond 2^53 exactly', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,40}$/), (serial) => {
        assert.equal(mod7(serial, 0, serial.length), Number(BigInt(serial) % 7n));
      }),
    );
  });

  it('maps S10 remainders 0 and 1 to 5 and 0', () => {
    assert.equal(s10('RB12345678', 2), 5); // RB123456785GB
    // Weighted sum 8·1 = 8 → 11 − 8 = 3; find the two special remainders by their definition.
    const serialFor = (target: number) => {
      for (let n = 0; n < 100_000_000; n += 1) {
        const serial = String(n).padStart(8, '0');
        const weights = [8, 6, 4, 2, 3, 5, 9, 7];
        let sum = 0;
        for (let i = 0; i < 8; i++) sum += Number(serial[i]) * (weights[i] ?? 0);
        if (sum % 11 === target) return serial;
      }
      throw new Error('unreachable');
    };
    assert.equal(s10(serialFor(0), 0), 5);
    assert.equal(s10(serialFor(1), 0), 0);
  });

  it('computes Luhn as the standard algorithm does', () => {
    assert.equal(luhn('7992739871', 0, 10), 3); // the textbook 79927398713
    assert.equal(luhn('0720956276', 0, 10), 3); // Old Dominion 07209562763
  });

  it('computes the FedEx weighted sum modulo 11 then 10', () => {
    assert.equal(weightedSum('986578788855', 0, FEDEX_12_WEIGHTS, 11, 10), 5);
  });

  it('computes ISO 7064 MOD 37,36 check characters as DPD prints them', () => {
    assert.equal(mod3736('008182709980000020033350276', 0, 27), 'C');
    assert.equal(mod3736('008182709980000020045327276', 0, 27), 'N');
    assert.equal(mod3736('09980000020033', 0, 14), 'F');
    assert.equal(mod3736('09980000020034', 0, 14), 'D');
  });
});
