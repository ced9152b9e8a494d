import type { AggregatorId, CarrierId } from '../model/carrier.js';
import type { Shipment } from '../model/schemas.js';

export interface TrackOptions {
  signal?: AbortSignal;
  /** The carrier of the number, for aggregators that need it (Shippo) or track many carriers. */
  carrier?: CarrierId;
}

/**
 * One carrier's or aggregator's API, turned into Trackline's model. Adapters are plain objects made by
 * factories (`ups({ … })`), composed as arrays: `createTracker({ adapters: [ups(…), fedex(…)] })`.
 */
export interface CarrierAdapter {
  /** Whose API this is. */
  readonly id: CarrierId | AggregatorId;
  /** The carriers whose numbers this adapter can track. */
  readonly carriers: readonly CarrierId[];
  /** Fetches and parses one tracking number. Throws `TracklineError` on failure. */
  track(trackingNumber: string, options?: TrackOptions): Promise<Shipment>;
  /** Parses one raw response body of this API (already JSON-decoded) into a shipment. */
  parse(raw: unknown): Shipment;
}

/** Options every adapter takes. */
export interface AdapterOptions {
  /** Where the API lives; tests and the sandbox stand in for the carrier here. */
  baseUrl?: string;
  /** Milliseconds before one request gives up. Default 10 000. */
  timeout?: number;
  /** How many times a failed request (408, 429, 5xx) is tried again. Default 2. */
  retries?: number;
  /** Longest `Retry-After` (ms) worth waiting for; a longer one fails at once as `rate_limited`. Default 30 000. */
  maxRetryAfter?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** The clock, for `updatedAt` and token expiry. */
  now?: () => Date;
}
