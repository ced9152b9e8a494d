import * as z from 'zod/mini';
import { isoDateTime } from './primitives.js';

/** What went wrong, apart from where the parcel is. */
export const ProblemReason = {
  /** The carrier says it is running late, without saying why. */
  delayed: 'delayed',
  weather: 'weather',
  failedAttempt: 'failed_attempt',
  address: 'address',
  customs: 'customs',
  paymentDue: 'payment_due',
  damaged: 'damaged',
  lost: 'lost',
  held: 'held',
  refused: 'refused',
  /** No scan for longer than its lane normally takes; found by Trackline, not the carrier. */
  stalled: 'stalled',
  other: 'other',
} as const;
export type ProblemReason = (typeof ProblemReason)[keyof typeof ProblemReason];

export const problemReasons: readonly ProblemReason[] = Object.values(ProblemReason);

export const ProblemReasonSchema = z.enum(problemReasons as [ProblemReason, ...ProblemReason[]]);

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
