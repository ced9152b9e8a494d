// Loaded with `import()` only when an endpoint look-up happens, so a page that hands <order-tracker> its data
// never downloads ky or the core's zod/mini schemas.
import ky, { HTTPError } from 'ky';
import { TracklineError, parseOrder, parseShipment, type Order, type Shipment } from '@trackline/core';
import type { LookupErrorCode } from './events.js';

/** What the shopper asked for: an order with proof it is theirs, or one parcel. */
export type LookupQuery =
  { orderNumber: string; email: string } | { orderNumber: string; postalCode: string } | { trackingNumber: string };

export interface LookupResult {
  order?: Order;
  shipments: Shipment[];
}

export class LookupFailure extends Error {
  constructor(
    readonly code: LookupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LookupFailure';
  }
}

/** `GET ${endpoint}?orderNumber=…&email=…` (or `postalCode=…`, or `trackingNumber=…`), checked with the core's schemas. */
export function lookupUrl(endpoint: string, query: LookupQuery, base: string): string {
  const url = new URL(endpoint, base);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value as string);
  return url.href;
}

export async function fetchLookup(endpoint: string, query: LookupQuery, signal: AbortSignal): Promise<LookupResult> {
  let body: unknown;
  try {
    body = await ky
      .get(lookupUrl(endpoint, query, document.baseURI), {
        signal,
        retry: 0,
        timeout: 15_000,
        headers: { accept: 'application/json' },
      })
      .json();
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof HTTPError && error.response.status === 404) {
      throw new LookupFailure('not_found', 'The endpoint answered 404: no such order or parcel.');
    }
    if (error instanceof SyntaxError)
      throw new LookupFailure('invalid_response', `The response is not JSON: ${error.message}`);
    const status = error instanceof HTTPError ? `HTTP ${error.response.status}` : String(error);
    throw new LookupFailure('network', `The look-up failed: ${status}`);
  }
  try {
    const data = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if ('order' in data) {
      const order = parseOrder(data.order);
      return { order, shipments: order.shipments };
    }
    if ('shipment' in data) return { shipments: [parseShipment(data.shipment)] };
    throw new LookupFailure('invalid_response', 'The response has neither an `order` nor a `shipment` field.');
  } catch (error) {
    if (error instanceof LookupFailure) throw error;
    if (error instanceof TracklineError) throw new LookupFailure('invalid_response', error.message);
    throw error;
  }
}
