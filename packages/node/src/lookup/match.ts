import { createHash, timingSafeEqual } from 'node:crypto';

// What a shopper types to prove an order is theirs, and how it is compared with what the store has.
// Both sides are normalized the same way, then hashed to equal-length digests and compared with
// `timingSafeEqual`, so the time taken says nothing about how much of the guess was right.

/** An email address as compared: trimmed and lower-cased (`  Jane@Example.COM ` → `jane@example.com`). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A postal code as compared: upper-cased, spaces and dashes removed (`sw1a 1aa` → `SW1A1AA`,
 * `94105-1234` → `94105`). A nine-digit US ZIP+4 is cut to its five-digit ZIP, so a shopper who types
 * only the ZIP still matches an order stored with ZIP+4, and the other way round.
 */
export function normalizePostalCode(postalCode: string): string {
  const compact = postalCode.toUpperCase().replace(/[\s\u00a0-]+/g, '');
  return /^\d{9}$/.test(compact) ? compact.slice(0, 5) : compact;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Whether `given` equals `expected`, in time that does not depend on where they differ. When the store
 * has nothing to compare with (no such order, or no email on it), pass `undefined`: the same hashing
 * and comparison still run against a placeholder, and the answer is `false`.
 */
export function sameSecret(expected: string | undefined, given: string): boolean {
  // The placeholder cannot equal any normalized input: that never contains a NUL character.
  const equal = timingSafeEqual(digest(expected ?? '\u0000 no value \u0000'), digest(given));
  return equal && expected !== undefined;
}
