// The check-digit algorithms of the tracking-number formats (jkeen/tracking_number_data v2.0.0,
// CHECKSUM_ALGORITHMS.md). Each one reads the characters `from` (inclusive) to `to` (exclusive) of an
// already normalized string — upper case, digits and letters only — so the detector never has to cut a
// serial number out into a string of its own. Each returns the check character the serial works out to.

const ZERO = 48;

/** A character's value in a mod 10 sum: a digit is itself; a letter is `(charCode − 3) % 10` (A→2, B→3 …). */
function mod10Value(code: number): number {
  return code <= 57 ? code - ZERO : (code - 3) % 10;
}

/**
 * Mod 10 with alternating multipliers. Position 0 (the first serial character, or the last one when
 * `reverse`) takes `evens`, position 1 takes `odds`, and so on. `prefix` is a run of digits the format
 * prepends to the serial before summing (OnTrac's "4", USPS legacy's "91"); it never combines with `reverse`.
 */
export function mod10(
  s: string,
  from: number,
  to: number,
  evens: number,
  odds: number,
  reverse = false,
  prefix = '',
): number {
  let sum = 0;
  let position = 0;
  for (let i = 0; i < prefix.length; i++, position++) {
    sum += mod10Value(prefix.charCodeAt(i)) * (position & 1 ? odds : evens);
  }
  if (reverse) {
    for (let i = to - 1; i >= from; i--, position++) {
      sum += mod10Value(s.charCodeAt(i)) * (position & 1 ? odds : evens);
    }
  } else {
    for (let i = from; i < to; i++, position++) {
      sum += mod10Value(s.charCodeAt(i)) * (position & 1 ? odds : evens);
    }
  }
  return (10 - (sum % 10)) % 10;
}

/** The serial read as one (arbitrarily long) whole number, modulo 7 — digit by digit, so no BigInt is needed. */
export function mod7(s: string, from: number, to: number): number {
  let remainder = 0;
  for (let i = from; i < to; i++) remainder = (remainder * 10 + s.charCodeAt(i) - ZERO) % 7;
  return remainder;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** UPU S10: weights 8 6 4 2 3 5 9 7 over the eight serial digits; remainder 1 → 0, remainder 0 → 5, else 11 − r. */
export function s10(s: string, from: number): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (s.charCodeAt(from + i) - ZERO) * (S10_WEIGHTS[i] ?? 0);
  const remainder = sum % 11;
  return remainder === 1 ? 0 : remainder === 0 ? 5 : 11 - remainder;
}

/** Luhn over the serial: the rightmost serial digit is doubled, then every second one leftwards. */
export function luhn(s: string, from: number, to: number): number {
  let sum = 0;
  let double = true;
  for (let i = to - 1; i >= from; i--, double = !double) {
    let value = s.charCodeAt(i) - ZERO;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}

/** Σ digit × weight, then `% modulo1 % modulo2` (FedEx Express and the FedEx barcodes that embed it). */
export function weightedSum(
  s: string,
  from: number,
  weights: readonly number[],
  modulo1: number,
  modulo2: number,
): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (s.charCodeAt(from + i) - ZERO) * (weights[i] ?? 0);
  return (sum % modulo1) % modulo2;
}

export const FEDEX_12_WEIGHTS = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1] as const;
export const FEDEX_34_WEIGHTS = [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1] as const;

const ALPHABET_36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 MOD 37,36 as DPD uses it; returns the check character (0-9, A-Z). */
export function mod3736(s: string, from: number, to: number): string {
  let running = 36;
  for (let i = from; i < to; i++) {
    const code = s.charCodeAt(i);
    running += code <= 57 ? code - ZERO : code - 55;
    if (running > 36) running -= 36;
    running *= 2;
    if (running > 36) running -= 37;
  }
  const check = 37 - running;
  return ALPHABET_36.charAt(check === 36 ? 0 : check);
}
