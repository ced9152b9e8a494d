import type { Order, Shipment, Status } from '@trackline/core';

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

export interface StatusChangeDetail {
  readonly trackingNumber: string;
  readonly previous: Status;
  readonly status: Status;
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

/** A parcel's status differs from the one the previous look-up returned (one event per parcel). */
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
