import { relevantProblem, type Order, type ProblemReason, type Shipment, type Status } from '@trackline/core';

/** Why a look-up failed: the endpoint answered 404, could not be reached (or failed), or sent data that is not an order or shipment. */
export type LookupErrorCode = 'not_found' | 'network' | 'invalid_response';

export interface LoadedDetail {
  /** The order, when the look-up was by order number. */
  readonly order?: Order;
  /** Every parcel shown: the order's shipments, or the one shipment. */
  readonly shipments: readonly Shipment[];
}

export interface ErrorDetail {
  readonly code: LookupErrorCode;
  /** A message for developers (the HTTP status or what was wrong with the response); not shown to shoppers. */
  readonly message: string;
}

/** The problem that matters at a parcel's status (the core's `relevantProblem`), as a change event reports it. */
export interface ProblemDetail {
  readonly reason: ProblemReason;
  readonly actionRequired: boolean;
}

/**
 * What the shopper hears about when it changes: the stage, and the problem that matters at it (its reason and
 * whether they must act), so a customs hold on a parcel still in transit is news too. A problem's `since` or the
 * carrier's wording alone is no change.
 */
export function shownAs(shipment: Pick<Shipment, 'status' | 'problem'>): string {
  const problem = relevantProblem(shipment);
  return problem ? `${shipment.status} ${problem.reason} ${problem.actionRequired === true}` : shipment.status;
}

export interface StatusChangeDetail {
  readonly trackingNumber: string;
  readonly previous: Status;
  readonly status: Status;
  /** The problem that mattered before (absent when there was none). */
  readonly previousProblem?: ProblemDetail;
  /** The problem that matters now (absent when there is none). */
  readonly problem?: ProblemDetail;
}

const init = { bubbles: true, composed: true } as const;

/** A look-up from the endpoint succeeded and its data is shown. */
export class TracklineLoadedEvent extends Event {
  readonly detail: LoadedDetail;
  constructor(detail: LoadedDetail) {
    super('trackline-loaded', init);
    this.detail = detail;
  }
}

/** A look-up from the endpoint failed; any data shown before stays on screen. */
export class TracklineErrorEvent extends Event {
  readonly detail: ErrorDetail;
  constructor(detail: ErrorDetail) {
    super('trackline-error', init);
    this.detail = detail;
  }
}

/**
 * A parcel's status, or the problem that matters at it, differs from what the previous look-up returned (one
 * event per parcel): a new stage, a problem that appeared or cleared, or one whose reason or need for the
 * shopper to act changed. A problem's `since` or the carrier's wording alone is no change.
 */
export class TracklineStatusChangeEvent extends Event {
  readonly detail: StatusChangeDetail;
  constructor(detail: StatusChangeDetail) {
    super('trackline-status-change', init);
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'trackline-loaded': TracklineLoadedEvent;
    'trackline-error': TracklineErrorEvent;
    'trackline-status-change': TracklineStatusChangeEvent;
  }
}
