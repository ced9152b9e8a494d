import { errorResponse, HttpError, jsonResponse } from '../http/errors.js';
import { readFetchRequest, toFetchResponse } from '../http/fetch.js';
import { createHttpHandler, type HttpHandler } from '../http/handler.js';
import type { HttpResponse } from '../http/types.js';
import { createLookup, type TrackingHandlerOptions } from './lookup.js';

/** The look-up handler: an `HttpHandler` whose `fetch` also takes what the platform knows of the client. */
export interface TrackingHandler extends HttpHandler {
  /**
   * For Fetch-API servers. `context` is whatever the platform hands beside the request (Deno's `info`,
   * Hono's `c`); it is passed on to the `clientAddress` option, and otherwise unused.
   */
  fetch(request: Request, context?: unknown): Promise<Response>;
}

// A look-up has no body; anything past a few bytes is not a look-up.
const maxBodyBytes = 1024;

/**
 * The look-up endpoint `<order-tracker>` calls:
 *
 * - `GET ?orderNumber=…&email=…` or `?orderNumber=…&postalCode=…` → `{ order }` when they match;
 * - `GET ?trackingNumber=…` → `{ shipment }` (the parcel only, nothing about the order or the customer);
 * - 404 `not_found` (the same for an unknown order and a wrong email), 400 `invalid_request`, 429 with
 *   `Retry-After`, 405 for anything but GET, HEAD and OPTIONS.
 *
 * Stale shipments are refreshed through `tracker` and stored. Use it as a `node:http` listener or Express
 * handler for every method (`app.all('/api/track', handler)`: CORS preflights are `OPTIONS`), or
 * `handler.fetch` for Fetch-API servers. See `docs/privacy.md`.
 */
export function createTrackingHandler(options: TrackingHandlerOptions): TrackingHandler {
  const { clientAddress } = options;
  if (clientAddress !== undefined && typeof clientAddress !== 'function') {
    throw new TypeError(
      'clientAddress must be a function that returns the client’s address as a string, e.g. ' +
        '(request, info) => info.remoteAddr.hostname on Deno. Leave it out when the platform gives none.',
    );
  }
  const lookup = createLookup(options);
  const handler = createHttpHandler(lookup, {
    maxBodyBytes,
    ...(options.onError ? { onError: options.onError } : {}),
  }) as TrackingHandler;
  if (clientAddress === undefined) return handler;

  // A Fetch-API `Request` carries no peer address: the platform gives it separately, and `clientAddress`
  // says where. The rest is the shared handler's own path.
  handler.fetch = async (request, context) => {
    let answer: HttpResponse;
    try {
      const read = await readFetchRequest(request, { maxBodyBytes });
      let address: string | undefined;
      try {
        const given: unknown = clientAddress(request, context);
        if (typeof given === 'string') address = given.trim() || undefined;
        else if (given !== undefined && given !== null) {
          throw new TypeError(
            `clientAddress must return the address as a string, e.g. info.remoteAddr.hostname; it returned ${typeof given === 'object' ? 'an object' : `a ${typeof given}`}.`,
          );
        }
      } catch (error) {
        // A broken address reader must not take the endpoint down: the client shares the unknown allowance.
        options.onError?.(error);
      }
      answer = await handler.handle(address === undefined ? read : { ...read, remoteAddress: address });
    } catch (error) {
      if (error instanceof HttpError) answer = errorResponse(error);
      else {
        options.onError?.(error);
        answer = jsonResponse(500, { error: 'The request could not be handled. It is safe to send it again.' });
      }
    }
    return toFetchResponse(answer);
  };
  return handler;
}
