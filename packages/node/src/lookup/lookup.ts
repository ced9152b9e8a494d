import { detectCarrier, isTracklineError, type Shipment, type Tracker } from '@trackline/core';
import type { StoredOrder, Store } from '../store/types.js';
import { addressKey, clientAddress, type LookupClient } from './client.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';
import { cacheControl, createCors, type CorsOptions } from './headers.js';
import { normalizeEmail, normalizePostalCode, sameSecret } from './match.js';
import { parseLookupQuery, type LookupQuery } from './query.js';
import { createRateLimiter, type RateDecision, type RateLimit } from './rate-limit.js';
import { publicOrder, publicShipment } from './redact.js';
import { refreshShipment, type RefreshOptions } from './refresh.js';

const minute = 60_000;

function searchParams(url: string): URLSearchParams {
  const query = url.indexOf('?');
  return new URLSearchParams(query === -1 ? '' : url.slice(query + 1).split('#')[0]);
}

export interface TrackingHandlerOptions {
  store: Store;
  /**
   * The core's `createTracker(…)`. When given, stale shipments are refreshed through it before answering,
   * and a tracking number the store has never seen is asked about (within `rateLimit.untracked`) and
   * shown without being stored.
   */
  tracker?: Tracker;
  /** Milliseconds after which a stored shipment that can still change is refreshed. Default 5 minutes. */
  maxAge?: number;
  /** Milliseconds to wait for the carrier before answering with the stored data. Default 4 000. */
  refreshTimeout?: number;
  rateLimit?: {
    /** Look-ups per client (its IP address, or `clientKey`). Default 30 a minute. `false` turns it off. */
    client?: RateLimit | false;
    /**
     * Look-ups per order number that did not match (unknown order or wrong email / postal code): stops
     * anyone guessing the email of one order from many addresses. Default 5 per 15 minutes. `false` turns it off.
     */
    order?: RateLimit | false;
    /**
     * Look-ups sent to the carrier for tracking numbers the store has never seen (only with a `tracker`),
     * across all clients together: keeps the endpoint from spending the store's carrier allowance for
     * anyone who asks. Each client may use a quarter of it (at least one), so one client cannot use it
     * all; a number no carrier could have issued uses none of it. Default 20 a minute. `false` turns it off.
     */
    untracked?: RateLimit | false;
    /** Most clients and order numbers remembered by each limit. Default 10 000. */
    maxKeys?: number;
  };
  /** The number of proxies in front of the server whose `X-Forwarded-For` to believe (`true` is one). Default `false`. */
  trustProxy?: boolean | number;
  /**
   * For `handler.fetch` only: the client's IP address, which a Fetch-API `Request` does not carry. Read it
   * from what your platform gives you: Cloudflare Workers `request.headers.get('cf-connecting-ip')`; Deno
   * `info.remoteAddr.hostname` and Hono `getConnInfo(c).remote.address`, where `info` or `c` is the
   * second argument you pass to `handler.fetch(request, info)`. Return the address as a string, or undefined
   * when unknown (all such clients then share one allowance); anything else is told to `onError`. Read a header only when your platform or your own proxy sets it:
   * a client can write any `X-Forwarded-For` it likes. `trustProxy` still applies afterwards.
   */
  clientAddress?: (request: Request, context?: unknown) => string | undefined;
  /** The key a client is rate-limited by. Default: its address (IPv6 by /64). */
  clientKey?: (client: LookupClient) => string;
  /** Which web pages may call the endpoint from another origin. Default: none (same origin only). */
  cors?: CorsOptions;
  /**
   * Seconds the shopper's browser may keep an answer (`Cache-Control: private, max-age=…`); 0 means
   * `no-store`. Default: order look-ups 0 (the answer is personal, and the URL holds the email
   * address), tracking-number look-ups 60.
   */
  cacheMaxAge?: { order?: number; parcel?: number };
  /** Answer look-ups by tracking number alone (the parcel tier). Default true. */
  trackingNumberLookup?: boolean;
  /** The clock, in milliseconds, for rate limits and staleness. Default `Date.now`. */
  now?: () => number;
  /** Told about errors that are answered without detail: a failing store (503) or a failed refresh. */
  onError?: (error: unknown) => void;
}

/** An answer: always with headers; `body` is absent for HEAD and 204. */
type JsonResponse = HttpResponse & { headers: Record<string, string>; body?: string };

export type ErrorCode = 'invalid_request' | 'not_found' | 'rate_limited' | 'method_not_allowed' | 'unavailable';

const messages = {
  // One message for every order that did not match, so the answer never says which part was wrong.
  orderNotFound:
    'No order matches this order number with this email address or postal code. Check both against the order confirmation email.',
  parcelNotFound: 'No parcel with this tracking number is known here. Check the number in the shipping email.',
  parcelLookupOff: 'Look up an order with its order number and the email address or postal code it was placed with.',
  unavailable: 'Tracking is not available right now. Try again in a few minutes.',
};

/** The framework-free look-up: an `HttpRequest` in, an `HttpResponse` out (see `createTrackingHandler`). */
export function createLookup(options: TrackingHandlerOptions): (request: HttpRequest) => Promise<JsonResponse> {
  const { store, tracker } = options;
  if (!store || typeof store.getOrder !== 'function') {
    throw new TypeError(
      'createTrackingHandler needs a store, e.g. createTrackingHandler({ store: await sqliteStore({ path: "trackline.db" }) }).',
    );
  }
  const now = options.now ?? Date.now;
  const cors = createCors(options.cors);
  const orderMaxAge = options.cacheMaxAge?.order ?? 0;
  const parcelMaxAge = options.cacheMaxAge?.parcel ?? 60;
  const maxKeys = options.rateLimit?.maxKeys ?? 10_000;
  const limiter = (limit: RateLimit | false | undefined, fallback: RateLimit) =>
    limit === false ? undefined : createRateLimiter({ ...(limit ?? fallback), maxKeys, now });
  const perClient = limiter(options.rateLimit?.client, { limit: 30, windowMs: minute });
  const perOrder = limiter(options.rateLimit?.order, { limit: 5, windowMs: 15 * minute });
  const untrackedLimit = options.rateLimit?.untracked ?? { limit: 20, windowMs: minute };
  const untracked = limiter(untrackedLimit, { limit: 20, windowMs: minute });
  // Each client's share of it, a quarter: one client cannot use what is meant for every shopper.
  const untrackedShare = untrackedLimit
    ? createRateLimiter({ ...untrackedLimit, limit: Math.max(1, Math.floor(untrackedLimit.limit / 4)), maxKeys, now })
    : undefined;
  const trackTimeout = options.refreshTimeout ?? 4_000;
  const refresh: RefreshOptions | undefined = tracker && {
    store,
    tracker,
    maxAgeMs: options.maxAge ?? 5 * minute,
    timeoutMs: trackTimeout,
    now,
    onError: options.onError,
  };
  const fresh = (shipment: Shipment) => (refresh ? refreshShipment(shipment, refresh) : Promise.resolve(shipment));

  function json(status: number, body: unknown, cors: Record<string, string>, cache = 'no-store'): JsonResponse {
    return {
      status,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': cache,
        'x-content-type-options': 'nosniff',
        ...cors,
      },
      body: JSON.stringify(body),
    };
  }
  const failure = (status: number, code: ErrorCode, message: string, corsHeaders: Record<string, string>) =>
    json(status, { error: { code, message } }, corsHeaders);
  const limited = (
    decision: RateDecision & { ok: false },
    corsHeaders: Record<string, string>,
    // The shared allowance for parcels not stored here ran out: everyone's look-ups, not this client's.
    shared = false,
  ) => {
    const wait = `Try again in ${decision.retryAfterSeconds} second${decision.retryAfterSeconds === 1 ? '' : 's'}.`;
    const response = failure(
      429,
      'rate_limited',
      shared ? `Too many parcels not known here are being looked up right now. ${wait}` : `Too many look-ups. ${wait}`,
      corsHeaders,
    );
    response.headers['retry-after'] = String(decision.retryAfterSeconds);
    return response;
  };

  /** The secret on file the shopper's answer is compared with, normalized the same way. */
  function onFile(order: StoredOrder | undefined, query: LookupQuery & { kind: 'order' }): string | undefined {
    if (!order) return undefined;
    if (query.email !== undefined) return order.customer?.email ? normalizeEmail(order.customer.email) : undefined;
    const postalCode =
      order.customer?.postalCode ?? order.shipments.find((s) => s.destination?.postalCode)?.destination?.postalCode;
    return postalCode ? normalizePostalCode(postalCode) : undefined;
  }

  async function lookUpOrder(query: LookupQuery & { kind: 'order' }, corsHeaders: Record<string, string>) {
    // Case-blind, so `tl-1001` and `TL-1001` share one allowance whatever the store's look-up does.
    const orderKey = query.orderNumber.toLowerCase();
    const attempt = perOrder?.take(orderKey);
    if (attempt && !attempt.ok) return limited(attempt, corsHeaders);
    // The same work on both failing paths: the store is asked, and the answer is hashed and compared in
    // constant time against what is on file or, when there is no such order, against a placeholder.
    const order = await store.getOrder(query.orderNumber);
    const given = query.email !== undefined ? normalizeEmail(query.email) : normalizePostalCode(query.postalCode);
    const matched = sameSecret(onFile(order, query), given);
    if (!matched || !order) return failure(404, 'not_found', messages.orderNotFound, corsHeaders);
    // A look-up that matched does not count against the order: the shopper may reload their page.
    perOrder?.refund(orderKey);
    const shipments = await Promise.all(order.shipments.map(fresh));
    return json(200, { order: publicOrder(order, shipments) }, corsHeaders, cacheControl(orderMaxAge));
  }

  async function lookUpParcel(trackingNumber: string, clientId: string, corsHeaders: Record<string, string>) {
    const shipment = await store.getShipment(trackingNumber);
    if (shipment) {
      return json(200, { shipment: publicShipment(await fresh(shipment)) }, corsHeaders, cacheControl(parcelMaxAge));
    }
    if (!tracker) return failure(404, 'not_found', messages.parcelNotFound, corsHeaders);
    return lookUpUntracked(tracker, trackingNumber, clientId, corsHeaders);
  }

  /**
   * A parcel the store has never tracked: asked of the carrier and shown (the parcel tier only), never
   * stored, since it belongs to no order here and storing it would let anyone fill the store. A shared
   * allowance bounds how much of the store's carrier quota strangers can spend, and each client's share
   * of it how much one of them can. A number no carrier could have issued is not sent, and costs nothing.
   */
  async function lookUpUntracked(
    tracker: Tracker,
    trackingNumber: string,
    clientId: string,
    corsHeaders: Record<string, string>,
  ) {
    if (detectCarrier(trackingNumber).length === 0)
      return failure(404, 'not_found', messages.parcelNotFound, corsHeaders);
    const share = untrackedShare?.take(clientId);
    if (share && !share.ok) return limited(share, corsHeaders);
    const allowed = untracked?.take('untracked');
    if (allowed && !allowed.ok) {
      // Not this client's doing: its share is given back.
      untrackedShare?.refund(clientId);
      return limited(allowed, corsHeaders, true);
    }
    let found: Shipment;
    try {
      found = await tracker.track(trackingNumber, { signal: AbortSignal.timeout(trackTimeout) });
    } catch (error) {
      // Not a parcel any carrier knows: the same answer as for any unknown number.
      if (isTracklineError(error, 'not_found') || isTracklineError(error, 'invalid_number')) {
        return failure(404, 'not_found', messages.parcelNotFound, corsHeaders);
      }
      throw error; // carrier down, timed out or refusing the store's credentials: 503, and onError hears of it
    }
    return json(200, { shipment: publicShipment(found) }, corsHeaders, cacheControl(parcelMaxAge));
  }

  return async function lookup(request) {
    const method = request.method.toUpperCase();
    const origin = request.headers.origin;
    if (method === 'OPTIONS') {
      const preflight = request.headers['access-control-request-method'] !== undefined;
      const headers = preflight
        ? cors.preflight(origin, request.headers['access-control-request-headers'])
        : { ...cors.response(origin), allow: 'GET, HEAD, OPTIONS' };
      return { status: 204, headers };
    }
    const corsHeaders = cors.response(origin);
    if (method !== 'GET' && method !== 'HEAD') {
      const response = failure(
        405,
        'method_not_allowed',
        `Use GET to look up an order; ${method} is not served here.`,
        corsHeaders,
      );
      response.headers.allow = 'GET, HEAD, OPTIONS';
      return response;
    }
    const response = await answer(request, corsHeaders);
    if (method === 'HEAD') delete response.body;
    return response;
  };

  async function answer(request: HttpRequest, corsHeaders: Record<string, string>): Promise<JsonResponse> {
    const client: LookupClient = {
      address: clientAddress(request.remoteAddress, request.headers, options.trustProxy ?? false),
      headers: request.headers,
    };
    const clientId = `client:${options.clientKey ? options.clientKey(client) : addressKey(client.address)}`;
    const clientDecision = perClient?.take(clientId);
    if (clientDecision && !clientDecision.ok) return limited(clientDecision, corsHeaders);

    const parsed = parseLookupQuery(searchParams(request.url));
    if (!parsed.ok) return failure(400, 'invalid_request', parsed.message, corsHeaders);
    try {
      if (parsed.query.kind === 'parcel') {
        if (options.trackingNumberLookup === false) {
          return failure(400, 'invalid_request', messages.parcelLookupOff, corsHeaders);
        }
        return await lookUpParcel(parsed.query.trackingNumber, clientId, corsHeaders);
      }
      return await lookUpOrder(parsed.query, corsHeaders);
    } catch (error) {
      options.onError?.(error);
      return failure(503, 'unavailable', messages.unavailable, corsHeaders);
    }
  }
}
