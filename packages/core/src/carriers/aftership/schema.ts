import * as z from 'zod/mini';

// The parts of AfterShip's Tracking that Trackline reads (AfterShip/tracking-sdk-nodejs@14dfce25, models Tracking,
// Checkpoint and the *EstimatedDeliveryDate objects; API version 2025-01). Lenient: unknown fields pass (dropped
// from the checked copy, which keeps the check cheap); null is accepted wherever AfterShip sends it.

const text = z.nullish(z.string());

export const CheckpointSchema = z.object({
  /** Carrier-local time: `YYYY-MM-DDTHH:mm:ss`, with its offset when AfterShip knows it. */
  checkpoint_time: text,
  slug: text,
  location: text,
  city: text,
  state: text,
  zip: text,
  postal_code: text,
  /** ISO 3166-1 alpha-3 (`country_iso3` before API version 2024-07). */
  country_region: text,
  country_iso3: text,
  message: text,
  tag: text,
  subtag: text,
  subtag_message: text,
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

const DateRangeSchema = z.object({
  estimated_delivery_date: text,
  estimated_delivery_date_min: text,
  estimated_delivery_date_max: text,
});

export const TrackingSchema = z.object({
  id: text,
  tracking_number: z.string().check(z.minLength(1, 'expected the tracking number')),
  slug: text,
  tag: text,
  subtag: text,
  shipment_type: text,
  origin_country_region: text,
  origin_state: text,
  origin_city: text,
  origin_postal_code: text,
  destination_country_region: text,
  destination_state: text,
  destination_city: text,
  destination_postal_code: text,
  courier_estimated_delivery_date: z.nullish(DateRangeSchema),
  aftership_estimated_delivery_date: z.nullish(DateRangeSchema),
  custom_estimated_delivery_date: z.nullish(
    z.object({ type: text, datetime: text, datetime_min: text, datetime_max: text }),
  ),
  courier_tracking_link: text,
  aftership_tracking_url: text,
  /** Oldest first. */
  checkpoints: z.nullish(z.array(CheckpointSchema)),
});
export type Tracking = z.infer<typeof TrackingSchema>;

const MetaSchema = z.nullish(z.object({ code: z.nullish(z.number()), message: text, type: text }));

/** `GET /trackings`: `{ meta, data: { pagination, trackings: [...] } }`. */
export const TrackingListSchema = z.object({
  meta: MetaSchema,
  data: z.object({ trackings: z.array(TrackingSchema) }),
});

/** `GET /trackings/{id}` (2025-01: the tracking is `data`) and the legacy `{ data: { tracking } }`. */
export const TrackingEnvelopeSchema = z.object({ meta: MetaSchema, data: TrackingSchema });
export const LegacyTrackingEnvelopeSchema = z.object({
  meta: MetaSchema,
  data: z.object({ tracking: TrackingSchema }),
});

/** A webhook: `{ ts, event, event_id, is_tracking_first_tag, msg: Tracking }`. */
export const WebhookSchema = z.object({ event: z.string(), msg: TrackingSchema });
