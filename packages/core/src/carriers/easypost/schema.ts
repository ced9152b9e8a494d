import * as z from 'zod/mini';

// The parts of EasyPost's Tracker that Trackline reads (easypost-node types/Tracker/*.d.ts). Lenient: unknown
// fields pass (dropped from the checked copy, which keeps the check cheap), and every field EasyPost may send as
// null accepts null.

const text = z.nullish(z.string());

export const TrackingLocationSchema = z.object({
  city: text,
  state: text,
  country: text,
  zip: text,
});
export type TrackingLocation = z.infer<typeof TrackingLocationSchema>;

export const TrackingDetailSchema = z.object({
  message: text,
  description: text,
  status: text,
  status_detail: text,
  /** ISO 8601. Local time at `tracking_location` when EasyPost knows it, marked `Z` all the same; else UTC. */
  datetime: text,
  tracking_location: z.nullish(TrackingLocationSchema),
});
export type TrackingDetail = z.infer<typeof TrackingDetailSchema>;

export const TrackerSchema = z.object({
  id: text,
  object: text,
  tracking_code: z.string().check(z.trim(), z.minLength(1, 'expected the tracking code')),
  status: text,
  status_detail: text,
  est_delivery_date: text,
  carrier: text,
  public_url: text,
  tracking_details: z.nullish(z.array(TrackingDetailSchema)),
  carrier_detail: z.nullish(
    z.object({
      service: text,
      est_delivery_date_local: text,
      origin_tracking_location: z.nullish(TrackingLocationSchema),
      destination_tracking_location: z.nullish(TrackingLocationSchema),
    }),
  ),
});
export type Tracker = z.infer<typeof TrackerSchema>;
