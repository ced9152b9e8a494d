import * as z from 'zod/mini';
import { textOrNumber } from '../text-schema.js';

// USPS APIs "Package Tracking and Notification" v3 (OpenAPI `TrackingDetails`, `TrackingEvent`, `ErrorMessage`;
// vendored in karrioapi/karrio modules/connectors/usps/vendor/tracking.yaml) and the OAuth token answer of
// USPS/api-examples README.md. Lenient on purpose: USPS sends booleans and numbers as strings ("true",
// "11111"), nulls for absent parts, and adds fields without notice; only the parts Trackline reads are checked.

/** Text as USPS sends it: a string, sometimes a number, often null. */
const text = textOrNumber;

export const UspsTrackingEventSchema = z.object({
  eventType: text,
  /** Local wall time of the scan; sometimes carries a `Z` that is not true. */
  eventTimestamp: text,
  /** The same instant in UTC. */
  GMTTimestamp: text,
  /** `-05:00`; the spec's example writes `-7:00`. */
  GMTOffset: text,
  eventCity: text,
  eventState: text,
  eventZIP: text,
  eventCountry: text,
  eventCode: text,
});
export type UspsTrackingEvent = z.infer<typeof UspsTrackingEventSchema>;

export const UspsTrackingSchema = z.object({
  trackingNumber: text,
  /** Human-readable, with HTML: `USPS Ground Advantage<SUP>&#153;</SUP>`. */
  mailClass: text,
  status: text,
  statusCategory: text,
  statusSummary: text,
  originCity: text,
  originState: text,
  originZIP: text,
  originCountry: text,
  destinationCity: text,
  destinationState: text,
  destinationZIP: text,
  destinationCountryCode: text,
  expectedDeliveryTimeStamp: text,
  /** The SUMMARY form of the expected date, which DETAIL answers also carry at times. */
  expectedDeliveryDate: text,
  guaranteedDeliveryTimeStamp: text,
  predictedDeliveryDate: text,
  /** An array in the spec; a single string on the wire at times. */
  services: z.optional(z.nullable(z.union([z.array(z.nullable(z.string())), z.string()]))),
  /** Newest first. (A single object, not a list, in the README's one-scan example: the parser wraps it first.) */
  trackingEvents: z.optional(z.nullable(z.array(UspsTrackingEventSchema))),
});
export type UspsTracking = z.infer<typeof UspsTrackingSchema>;

/** `ErrorMessage` of the spec: what USPS answers instead of tracking data. */
export const UspsErrorSchema = z.object({
  apiVersion: text,
  error: z.object({
    code: text,
    message: text,
    errors: z.optional(
      z.nullable(
        z.array(
          z.object({
            status: text,
            code: text,
            title: text,
            detail: text,
          }),
        ),
      ),
    ),
  }),
});
export type UspsError = z.infer<typeof UspsErrorSchema>;

/** The client-credentials answer; `expires_in` arrives as a string ("11111"). */
export const UspsTokenSchema = z.object({
  access_token: z.string().check(z.minLength(1, 'must not be empty')),
  token_type: text,
  expires_in: text,
});
