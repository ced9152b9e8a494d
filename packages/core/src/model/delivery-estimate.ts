import * as z from 'zod/mini';
import { isoDate } from './primitives.js';

export const EstimateBasis = {
  /** The carrier's own expected date. */
  carrier: 'carrier',
  /** Learned from the store's own past deliveries. */
  history: 'history',
  /** The date the store promised at checkout. */
  promise: 'promise',
} as const;
export type EstimateBasis = (typeof EstimateBasis)[keyof typeof EstimateBasis];

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
