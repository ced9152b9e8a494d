import * as z from 'zod/mini';

/** Where something is or happened. Every part is optional: carriers give what they have. */
export const PlaceSchema = z.object({
  city: z.optional(z.string()),
  /** State, province or region as the carrier writes it (`CA`, `Bavaria`). */
  region: z.optional(z.string()),
  postalCode: z.optional(z.string()),
  /** ISO 3166-1 alpha-2, upper case (`US`, `DE`). */
  country: z.optional(
    z.string().check(z.regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as US or DE')),
  ),
  /** IANA time zone (`America/Los_Angeles`), when known or inferred. */
  timeZone: z.optional(z.string()),
  /** The carrier's own text for the place, when it gives no parts (`CLOVIS CA US`). */
  label: z.optional(z.string()),
});
export type Place = z.infer<typeof PlaceSchema>;
