import * as z from 'zod/mini';
import { carrierIds, type CarrierId } from './carrier.js';
import { EstimateBasis } from './delivery-estimate.js';
import { problemReasons, type ProblemReason } from './problem.js';
import { statuses, type Status } from './status.js';
import { TimeSource } from './tracking-event.js';

// Every schema of the data model, in one place. The constants they are built from live in their own
// zod-free modules, so code that needs only a constant or `carrierName` does not pull zod into a bundle.

/** An instant with its UTC offset, as the carrier gave it: `2024-04-26T07:50:00-07:00`. */
const isoDateTime = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 date-time with a UTC offset, such as 2024-04-26T07:50:00-07:00',
});

/** A calendar date, `YYYY-MM-DD`. */
const isoDate = z.iso.date({ error: 'expected a calendar date as YYYY-MM-DD, such as 2024-04-26' });

const nonEmptyString = z.string().check(z.minLength(1, 'must not be empty'));

export const StatusSchema = z.enum(statuses as [Status, ...Status[]]);

export const ProblemReasonSchema = z.enum(problemReasons as [ProblemReason, ...ProblemReason[]]);

export const CarrierIdSchema = z.enum(carrierIds as [CarrierId, ...CarrierId[]]);

/** A problem as one carrier scan reports it: its reason and whether the shopper must act. */
export const ProblemDetailSchema = z.object({
  reason: ProblemReasonSchema,
  /** True where the shopper must do something: fix the address, pay duties, collect the parcel, arrange redelivery. */
  actionRequired: z.boolean(),
});
export type ProblemDetail = z.infer<typeof ProblemDetailSchema>;

/** A shipment's open problem, with the time it began. */
export const ProblemSchema = z.extend(ProblemDetailSchema, { since: isoDateTime });
export type Problem = z.infer<typeof ProblemSchema>;

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

/** A range of calendar dates, both ends included, in the destination's time zone. */
export const DateWindowSchema = z.object({
  earliest: isoDate,
  latest: isoDate,
});
export type DateWindow = z.infer<typeof DateWindowSchema>;

/** When the parcel should arrive: calendar dates in the destination's time zone. */
export const DeliveryEstimateSchema = z.object({
  earliest: isoDate,
  latest: isoDate,
  likely: isoDate,
  /** Probability (0–1) that delivery falls between `earliest` and `latest`. */
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  basis: z.enum([EstimateBasis.carrier, EstimateBasis.history, EstimateBasis.promise]),
  /** How many past deliveries the estimate rests on, when `basis` is `history`. */
  sampleSize: z.optional(z.int().check(z.minimum(0))),
});
export type DeliveryEstimate = z.infer<typeof DeliveryEstimateSchema>;

/** One scan or message from the carrier, already normalized. */
export const TrackingEventSchema = z.object({
  at: isoDateTime,
  timeSource: z.enum([TimeSource.carrier, TimeSource.inferred, TimeSource.utc]),
  status: StatusSchema,
  problem: z.optional(ProblemDetailSchema),
  /** The carrier's raw code, as received. */
  code: z.string(),
  /** The carrier's own text. Untrusted: render as text, never as HTML. */
  description: z.string(),
  location: z.optional(PlaceSchema),
});
export type TrackingEvent = z.infer<typeof TrackingEventSchema>;

/** One parcel and everything known about it. */
export const ShipmentSchema = z.object({
  carrier: CarrierIdSchema,
  trackingNumber: nonEmptyString,
  /** The carrier's service level as it names it (`UPS Ground`, `Priority Mail`). */
  service: z.optional(z.string()),
  status: StatusSchema,
  /** The problem still open, if any; a later good scan clears it. */
  problem: z.optional(ProblemSchema),
  /** Oldest first. */
  events: z.array(TrackingEventSchema),
  /** What the store promised at checkout. */
  promised: z.optional(DateWindowSchema),
  estimate: z.optional(DeliveryEstimateSchema),
  deliveredAt: z.optional(isoDateTime),
  origin: z.optional(PlaceSchema),
  destination: z.optional(PlaceSchema),
  trackingUrl: z.optional(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' })),
  updatedAt: isoDateTime,
});
export type Shipment = z.infer<typeof ShipmentSchema>;

/** What the shopper bought; one order can ship in several parcels. */
export const OrderSchema = z.object({
  orderNumber: nonEmptyString,
  placedAt: isoDateTime,
  shipments: z.array(ShipmentSchema),
});
export type Order = z.infer<typeof OrderSchema>;
