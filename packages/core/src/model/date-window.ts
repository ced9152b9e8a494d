import * as z from 'zod/mini';
import { isoDate } from './primitives.js';

/** A range of calendar dates, both ends included, in the destination's time zone. */
export const DateWindowSchema = z.object({
  earliest: isoDate,
  latest: isoDate,
});
export type DateWindow = z.infer<typeof DateWindowSchema>;
