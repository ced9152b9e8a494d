import * as z from 'zod/mini';

/**
 * A carrier's text field that may also come as a number (a postal code, a time, a status code), be left out or
 * be null: one zod check instead of `optional(nullable(union([string(), number()])))`. The check runs for every
 * field of every scan on every call, and each of those layers is a call of its own, the union also a list and
 * a result object per field: this form allocates about a fifth less for a whole UPS answer (bench/track).
 */
export const textOrNumber = z.optional(
  z.custom<string | number | null>(
    (value) => value === null || typeof value === 'string' || typeof value === 'number',
    { error: 'expected text or a number' },
  ),
);
