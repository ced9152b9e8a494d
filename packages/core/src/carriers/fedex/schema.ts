import * as z from 'zod/mini';
import { textOrNumber } from '../text-schema.js';

// The parts of FedEx's Track API ("Basic Integrated Visibility" OpenAPI, vendored in karrioapi/karrio@deea10f85
// modules/connectors/fedex/vendor/track.json) and OAuth answers that Trackline reads. Lenient on purpose:
// unknown fields pass (dropped from the checked copy, which keeps the check cheap), every part is optional (and
// may be null), and values FedEx sends as strings in one place and numbers in another are both accepted. Only a
// wrong shape (a list that is not a list) fails, naming the field. Fields Trackline does not read are left out:
// the check runs over every field of every scan on each call, and an unread field would only cost time.

/** A value that may be absent or `null`. */
const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/** FedEx writes some values as strings in one place and numbers in another. */
const text = textOrNumber;

export const FedexAddressSchema = z.object({
  city: text,
  stateOrProvinceCode: text,
  postalCode: text,
  countryCode: text,
});
export type FedexAddress = z.infer<typeof FedexAddressSchema>;

/** `{ type: WEATHER | OPERATIONAL | LOCAL | GENERAL | CLEARANCE, subType, status: DELAYED | ON_TIME | EARLY }`. */
const DelayDetailSchema = z.object({ type: text, status: text });

export const FedexScanEventSchema = z.object({
  /** ISO 8601 with the local offset: `2024-04-26T07:50:00-07:00`. */
  date: text,
  eventType: text,
  eventDescription: text,
  exceptionDescription: text,
  derivedStatusCode: text,
  derivedStatus: text,
  scanLocation: maybe(FedexAddressSchema),
  delayDetail: maybe(DelayDetailSchema),
});
export type FedexScanEvent = z.infer<typeof FedexScanEventSchema>;

const WindowSchema = z.object({
  /** Zone-less (`2021-10-01T08:00:00`) or with an offset. */
  window: maybe(z.object({ begins: text, ends: text })),
});

const LocationSchema = z.object({
  locationContactAndAddress: maybe(z.object({ address: maybe(FedexAddressSchema) })),
});

export const FedexTrackResultSchema = z.object({
  trackingNumberInfo: maybe(z.object({ trackingNumber: text })),
  /** Most recent first. */
  scanEvents: maybe(z.array(FedexScanEventSchema)),
  dateAndTimes: maybe(z.array(z.object({ type: text, dateTime: text }))),
  estimatedDeliveryTimeWindow: maybe(WindowSchema),
  serviceDetail: maybe(z.object({ description: text })),
  shipperInformation: maybe(z.object({ address: maybe(FedexAddressSchema) })),
  recipientInformation: maybe(z.object({ address: maybe(FedexAddressSchema) })),
  originLocation: maybe(LocationSchema),
  destinationLocation: maybe(LocationSchema),
  lastUpdatedDestinationAddress: maybe(FedexAddressSchema),
  /** A per-number error inside an HTTP 200: `TRACKING.TRACKINGNUMBER.NOTFOUND`. */
  error: maybe(z.object({ code: text, message: text })),
});
export type FedexTrackResult = z.infer<typeof FedexTrackResultSchema>;

/** The body of `POST /track/v1/trackingnumbers`. */
export const FedexTrackResponseSchema = z.object({
  output: z.object({
    completeTrackResults: z.array(
      z.object({
        trackingNumber: text,
        trackResults: z.array(FedexTrackResultSchema),
      }),
    ),
  }),
});
export type FedexTrackResponse = z.infer<typeof FedexTrackResponseSchema>;

/** An error answer: `{"transactionId":"…","errors":[{"code":"NOT.AUTHORIZED.ERROR","message":"…"}]}`. */
export const FedexErrorResponseSchema = z.object({
  errors: z.array(z.object({ code: text, message: text })),
});

/** `POST /oauth/token`: `{"access_token":"…","token_type":"bearer","expires_in":3599,"scope":"CXS-TP"}`. */
export const FedexTokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1, 'must not be empty')),
  token_type: text,
  expires_in: z.optional(z.nullable(z.union([z.string(), z.number()]))),
});
