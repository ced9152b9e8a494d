import { problemReasons, type Place, type ProblemReason, type Status, type TrackingEvent } from '@trackline/core';

// Every problem reason the core defines, as a carrier reports it, for the stories of every component. A Record
// over ProblemReason: a reason added to the core fails the typecheck here until it has a sample, and the
// stories' problem controls offer the core's own list (`problemOptions`), never a copy of it.

interface ProblemSample {
  /** Whether the shopper must do something, as carriers usually report this problem. */
  actionRequired: boolean;
  /** The carrier's scan that reported it; none for `stalled`, which Trackline finds from the missing scans. */
  scan?: { code: string; description: string };
}

export const problemSamples: Record<ProblemReason, ProblemSample> = {
  delayed: {
    actionRequired: false,
    scan: { code: 'X', description: 'A mechanical failure has caused a delay. We will update the delivery date.' },
  },
  weather: {
    actionRequired: false,
    scan: { code: 'X', description: 'Severe weather conditions have delayed delivery.' },
  },
  failed_attempt: {
    actionRequired: true,
    scan: { code: 'X', description: 'The receiver was not available for delivery. We will try again.' },
  },
  address: {
    actionRequired: true,
    scan: { code: 'X', description: 'The address is incomplete. Please give the street number.' },
  },
  customs: {
    actionRequired: true,
    scan: { code: 'X', description: 'Customs needs more information from the receiver to release the package.' },
  },
  payment_due: {
    actionRequired: true,
    scan: { code: 'X', description: 'Import duties are due before the package can be released.' },
  },
  damaged: {
    actionRequired: false,
    scan: { code: 'X', description: 'The package was damaged in transit. We are checking the contents.' },
  },
  lost: {
    actionRequired: false,
    scan: { code: 'X', description: 'We cannot find the package. A search has started.' },
  },
  held: {
    actionRequired: false,
    scan: { code: 'X', description: 'The package is held at the facility at the request of the sender.' },
  },
  refused: {
    actionRequired: false,
    scan: { code: 'X', description: 'The receiver refused the delivery.' },
  },
  stalled: { actionRequired: false },
  other: {
    actionRequired: false,
    scan: { code: 'X', description: 'An exception has occurred. Contact the sender for details.' },
  },
};

/** The problem control's choices: none, then every reason the core defines. */
export const problemOptions = ['none', ...problemReasons] as const;
export type ProblemChoice = (typeof problemOptions)[number];

/** The shipment's problem for a story's choice, as of `since`. */
export function sampleProblem(choice: ProblemChoice, since: string) {
  if (choice === 'none') return {};
  return { problem: { reason: choice, actionRequired: problemSamples[choice].actionRequired, since } };
}

/** The carrier's scan that reported the problem, at `at` and `location` with the parcel's `status`. */
export function problemScan(choice: ProblemChoice, status: Status, at: string, location?: Place): TrackingEvent[] {
  if (choice === 'none') return [];
  const { actionRequired, scan } = problemSamples[choice];
  if (!scan) return [];
  return [
    {
      at,
      timeSource: 'carrier',
      status,
      code: scan.code,
      description: scan.description,
      ...(location ? { location } : {}),
      problem: { reason: choice, actionRequired },
    },
  ];
}
