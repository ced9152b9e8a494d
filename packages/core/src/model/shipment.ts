import * as z from 'zod/mini';
import { CarrierIdSchema } from './carrier.js';
import { DateWindowSchema } from './date-window.js';
import { DeliveryEstimateSchema } from './delivery-estimate.js';
import { PlaceSchema } from './place.js';
import { isoDateTime, nonEmptyString } from './primitives.js';
import { ProblemSchema } from './problem.js';
import { StatusSchema } from './status.js';
import { TrackingEventSchema } from './tracking-event.js';

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
