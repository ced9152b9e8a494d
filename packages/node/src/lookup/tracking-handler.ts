import { createHttpHandler, type HttpHandler } from '../http/handler.js';
import { createLookup, type TrackingHandlerOptions } from './lookup.js';

/**
 * The look-up endpoint `<order-tracker>` calls:
 *
 * - `GET ?orderNumber=…&email=…` or `?orderNumber=…&postalCode=…` → `{ order }` when they match;
 * - `GET ?trackingNumber=…` → `{ shipment }` (the parcel only, nothing about the order or the customer);
 * - 404 `not_found` (the same for an unknown order and a wrong email), 400 `invalid_request`, 429 with
 *   `Retry-After`, 405 for anything but GET, HEAD and OPTIONS.
 *
 * Stale shipments are refreshed through `tracker` and stored. Use it as a `node:http` listener or Express
 * handler (`app.get('/api/track', handler)`), or `handler.fetch` for Fetch-API servers. See `docs/privacy.md`.
 */
export function createTrackingHandler(options: TrackingHandlerOptions): HttpHandler {
  const lookup = createLookup(options);
  // A look-up has no body; anything past a few bytes is not a look-up.
  return createHttpHandler(lookup, { maxBodyBytes: 1024, ...(options.onError ? { onError: options.onError } : {}) });
}
