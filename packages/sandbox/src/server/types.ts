import type { IncomingHttpHeaders } from 'node:http';
import type { AggregatorId } from '@trackline/core';
import type { Parcel } from '../scenarios/parcels.js';
import type { PlayedStep } from '../scenarios/play.js';
import type { TokenStore } from './tokens.js';

export interface SandboxRequest {
  method: string;
  /** The path below the carrier's mount point: `/api/track/v1/details/1Z…` for `/ups/api/track/v1/details/1Z…`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw body. */
  body: string;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
}

export interface SandboxContext {
  /** The sandbox clock (accelerated when the sandbox runs faster than real time): what the scenarios play on. */
  now(): Date;
  /**
   * The real clock. Whatever a client checks against its own clock uses it, at any speed: the time a webhook is
   * signed with (a receiver refuses one more than five minutes ahead of it) and when a token was issued.
   */
  realNow(): Date;
  /** When every scenario started, on the sandbox clock. */
  readonly start: Date;
  /** The parcel with this tracking number, of any carrier. */
  parcel(trackingNumber: string): Parcel | undefined;
  /** The steps of a parcel that have happened by now. */
  steps(parcel: Parcel): PlayedStep[];
  /** The promised delivery date of a parcel, `YYYY-MM-DD`. */
  promised(parcel: Parcel): string;
  /** OAuth tokens this sandbox issued. */
  tokens: TokenStore;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Matched against `SandboxRequest.path`; capture groups reach the handler. */
  path: RegExp;
  handle(request: SandboxRequest, context: SandboxContext, match: RegExpExecArray): SandboxResponse;
}

/** One carrier's or aggregator's API as the sandbox speaks it, mounted at `/<id>`. */
export interface CarrierSandbox {
  id: 'ups' | 'fedex' | 'usps' | 'dhl' | AggregatorId;
  routes: readonly Route[];
  /** Aggregators only: the signed webhook this API sends for a parcel's current state. */
  webhook?: (parcel: Parcel, context: SandboxContext, secret: string) => WebhookDelivery;
}

/** What a signed webhook delivery looks like. */
export interface WebhookDelivery {
  headers: Record<string, string>;
  body: string;
}
