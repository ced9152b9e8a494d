import * as z from 'zod/mini';
import { isoDateTime } from './primitives.js';
import { PlaceSchema } from './place.js';
import { ProblemDetailSchema } from './problem.js';
import { StatusSchema } from './status.js';

/**
 * Where an event's time came from:
 * - `carrier`: the carrier gave the local time with its offset;
 * - `inferred`: the carrier gave a local time without offset and Trackline took the offset from the location;
 * - `utc`: only a UTC time was known, so the local time of day is unknown.
 */
export const TimeSource = { carrier: 'carrier', inferred: 'inferred', utc: 'utc' } as const;
export type TimeSource = (typeof TimeSource)[keyof typeof TimeSource];

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
