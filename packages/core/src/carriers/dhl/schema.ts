import * as z from 'zod/mini';

// DHL Shipment Tracking – Unified API, GET /track/shipments (developer.dhl.com/api-reference/shipment-tracking,
// v1.5.8; field paths as in DHL's sample response copied into karrioapi/karrio
// modules/connectors/dhl_universal/tests). Lenient: each DHL division fills in different parts, and only the parts
// Trackline reads are checked.

const text = z.optional(z.nullable(z.string()));

export const DhlAddressSchema = z.object({
  countryCode: text,
  postalCode: text,
  /** Free text: "Oderweg 2, AMSTERDAM", "LEIPZIG - GERMANY", "CINCINNATI HUB, OH - USA". */
  addressLocality: text,
});

const DhlPlaceSchema = z.object({ address: z.optional(z.nullable(DhlAddressSchema)) });

export const DhlEventSchema = z.object({
  /** ISO 8601; with an offset, with `Z`, or with no zone at all (local time at the location). */
  timestamp: z.string(),
  location: z.optional(z.nullable(DhlPlaceSchema)),
  /** `pre-transit`, `transit`, `delivered`, `failure`, `unknown`. */
  statusCode: text,
  status: text,
  description: text,
});
export type DhlEvent = z.infer<typeof DhlEventSchema>;

export const DhlShipmentSchema = z.object({
  /** The tracking number: a number in DHL's own sample, a string elsewhere. */
  id: z.union([z.string(), z.number()]),
  /** `express`, `parcel-de`, `ecommerce`, … */
  service: text,
  origin: z.optional(z.nullable(DhlPlaceSchema)),
  destination: z.optional(z.nullable(DhlPlaceSchema)),
  /** The newest event, repeated. */
  status: z.optional(z.nullable(DhlEventSchema)),
  estimatedTimeOfDelivery: text,
  estimatedDeliveryTimeFrame: z.optional(z.nullable(z.object({ estimatedFrom: text, estimatedThrough: text }))),
  serviceUrl: text,
  /** True for a shipment on its way back to (or back at) its original sender. */
  returnFlag: z.optional(z.nullable(z.union([z.boolean(), z.string()]))),
  details: z.optional(z.nullable(z.object({ product: z.optional(z.nullable(z.object({ productName: text }))) }))),
  /** Newest first. */
  events: z.optional(z.nullable(z.array(DhlEventSchema))),
});
export type DhlShipment = z.infer<typeof DhlShipmentSchema>;

export const DhlTrackingSchema = z.object({
  /**
   * Required: an empty list is DHL knowing no such shipment, so an answer without one (`{}`, another API's
   * error envelope) must not read as that.
   */
  shipments: z.array(DhlShipmentSchema),
});
