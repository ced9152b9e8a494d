import * as z from 'zod/mini';
import { textOrNumber } from '../text-schema.js';

// The parts of UPS's Track API (OpenAPI "UPS TrackService API", vendored in karrioapi/karrio@deea10f85
// modules/connectors/ups/vendors/Tracking.yaml) and OAuth answers that Trackline reads. Lenient on purpose:
// unknown fields pass (dropped from the checked copy, which keeps the check cheap), every part is optional, and
// values UPS sends as strings in one place and numbers in another are both accepted. Only a wrong shape (a list
// that is not a list) fails, naming the field. Fields Trackline does not read are left out: the check runs over
// every field of every scan on each call, and an unread field would only cost time.

/** A value that may be absent or `null`. */
const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/** UPS documents strings; some fields (time, postal code) have been seen as numbers elsewhere. */
const text = textOrNumber;

export const UpsAddressSchema = z.object({
  city: text,
  stateProvince: text,
  postalCode: text,
  /** Documented as "the physical address country"; in practice the two-letter code, like `countryCode`. */
  country: text,
  countryCode: text,
});
export type UpsAddress = z.infer<typeof UpsAddressSchema>;

/** `status` of an activity. */
export const UpsStatusSchema = z.object({
  /** The activity type: D, I, M, MV, X, U … */
  type: text,
  /** The 2-char activity code (AR, DP, FS). */
  code: text,
  /** The 3-digit status code (`003`, `011`). */
  statusCode: text,
  description: text,
  simplifiedTextDescription: text,
});
export type UpsStatus = z.infer<typeof UpsStatusSchema>;

export const UpsActivitySchema = z.object({
  /** Local date of the scan, `YYYYMMDD`. */
  date: text,
  /** Local time of the scan, `HHMMSS`. */
  time: text,
  /** The same instant in GMT: `YYYYMMDD`. */
  gmtDate: text,
  /** `HH:MM:SS` on the wire; the spec's example is `74700` (leading zero dropped, no colons). */
  gmtTime: text,
  /** The local offset, `-05:00`. */
  gmtOffset: text,
  location: maybe(z.object({ address: maybe(UpsAddressSchema) })),
  status: maybe(UpsStatusSchema),
});
export type UpsActivity = z.infer<typeof UpsActivitySchema>;

export const UpsPackageSchema = z.object({
  trackingNumber: text,
  /** Most recent first. */
  activity: maybe(z.array(UpsActivitySchema)),
  /** SDD scheduled, RDD rescheduled, DEL delivered; `date` is `YYYYMMDD`. */
  deliveryDate: maybe(z.array(z.object({ type: text, date: text }))),
  packageAddress: maybe(z.array(z.object({ type: text, address: maybe(UpsAddressSchema) }))),
  service: maybe(z.object({ description: text })),
});
export type UpsPackage = z.infer<typeof UpsPackageSchema>;

export const UpsWarningSchema = z.object({ code: text, message: text });

export const UpsShipmentSchema = z.object({
  inquiryNumber: text,
  package: maybe(z.array(UpsPackageSchema)),
  /** Not found is a warning (TW0001) inside an HTTP 200, with no `package`. */
  warnings: maybe(z.array(UpsWarningSchema)),
});

/** The body of `GET /api/track/v1/details/{inquiryNumber}`. */
export const UpsTrackResponseSchema = z.object({
  trackResponse: z.object({
    shipment: z.array(UpsShipmentSchema),
  }),
});
export type UpsTrackResponse = z.infer<typeof UpsTrackResponseSchema>;

/** The body of an error answer (4xx/5xx): `{"response":{"errors":[{"code":"TV1002","message":"…"}]}}`. */
export const UpsErrorResponseSchema = z.object({
  response: z.object({ errors: z.array(UpsWarningSchema) }),
});

/** `POST /security/v1/oauth/token`. UPS sends `expires_in` (and `issued_at`) as strings: `"14399"`. */
export const UpsTokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1, 'must not be empty')),
  token_type: text,
  expires_in: z.optional(z.nullable(z.union([z.string(), z.number()]))),
});
