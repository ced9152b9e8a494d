import * as z from 'zod/mini';

// The parts of Shippo's Track that Trackline reads (shippo-javascript-sdk models Track and TrackingStatus; the
// API reference's "Get a tracking status" example). Lenient: unknown fields pass (dropped from the checked copy,
// which keeps the check cheap); null is accepted wherever Shippo sends it.

const text = z.nullish(z.string());

export const ShippoLocationSchema = z.object({ city: text, state: text, zip: text, country: text });
export type ShippoLocation = z.infer<typeof ShippoLocationSchema>;

export const TrackingStatusSchema = z.object({
  status: text,
  status_details: text,
  /** UTC, ISO 8601. */
  status_date: text,
  location: z.nullish(ShippoLocationSchema),
  substatus: z.nullish(z.object({ code: text, text: text })),
});
export type TrackingStatus = z.infer<typeof TrackingStatusSchema>;

export const TrackSchema = z.object({
  carrier: text,
  tracking_number: z.string().check(z.minLength(1, 'expected the tracking number')),
  address_from: z.nullish(ShippoLocationSchema),
  address_to: z.nullish(ShippoLocationSchema),
  eta: text,
  servicelevel: z.nullish(z.object({ name: text, token: text })),
  tracking_status: z.nullish(TrackingStatusSchema),
  /** Oldest first. */
  tracking_history: z.nullish(z.array(TrackingStatusSchema)),
});
export type Track = z.infer<typeof TrackSchema>;
