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

export type { Problem, ProblemDetail } from './schemas.js';
