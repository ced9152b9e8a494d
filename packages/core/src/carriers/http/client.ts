import ky, { HTTPError, TimeoutError, type BeforeRequestHook, type KyInstance } from 'ky';
import type { AdapterOptions } from '../adapter.js';
import { retryAfterMs } from './retry-after.js';
import { WholeResponse } from './whole-response.js';

export const defaultTimeout = 10_000;
export const defaultRetries = 2;
export const defaultMaxRetryAfter = 30_000;

/** The longest wait `setTimeout` can hold (2^31 − 1 ms); a longer one would fire at once. */
const maxTimeout = 2_147_483_647;

/**
 * `path?name=value&…`, encoded as `URLSearchParams` encodes it; names whose value is `undefined` are left out.
 * Adapters put their query in the path with this rather than pass ky's `searchParams`: given those, ky builds
 * the whole `Request` (with its headers and abort signal) a second time on every call.
 */
export function pathWithQuery(path: string, query: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.append(name, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Statuses worth another try: a timeout, a rate limit, and the server errors that pass. */
const retriedStatuses = [408, 429, 500, 502, 503, 504];
/** The retried statuses whose answer says how long to wait (`Retry-After`, or a 429's rate-limit window). */
const waitStatuses = [429, 503];

/** Statuses whose response has no body: `new Response(body, { status })` refuses one for them. */
const bodylessStatuses = new Set([101, 103, 204, 205, 304]);

/**
 * The response with its whole body already read (a `WholeResponse`). Reading it here, while the timeout and
 * the caller's signal still guard the request, is what makes them cover the body: ky reads it later (`.json()`,
 * or an adapter an error's body), when nothing guarded it any more, so a carrier that sent its headers and then
 * stalled kept `track()`, and every tracker caller of the same number, waiting until the connection dropped.
 */
async function withWholeBody(response: Response): Promise<Response> {
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (bodylessStatuses.has(response.status)) return new Response(null, init);
  return new WholeResponse(await response.arrayBuffer(), init);
}

/**
 * ky's last step before the network, done with less work. ky 1.x sends each try by cloning its `Request` (kept
 * for a retry; for a POST, a tee of the body stream), then hands the `Request` to `fetch`, which builds a third
 * one from it (for a body, through one more stream). This `beforeRequest` hook answers instead: it sends the
 * URL, method and headers ky prepared, with the body as the caller gave it (a string for every adapter), so
 * `fetch` builds one request from plain values, as a hand-written call does. ky skips its clone and its own
 * timeout when a hook answers, and keeps everything else: the prefix, headers, `.json()`, `HTTPError` and the
 * retry loop, which calls this hook again for each try. So the timeout is kept here, the way ky keeps it: a
 * timer that aborts the call and fails with ky's `TimeoutError` (which ky does not retry).
 * The timer and the caller's signal cover the whole answer, headers and body (see `withWholeBody`); a
 * connection that breaks in the middle of the body fails inside ky's retry loop, like one that breaks before
 * the headers, and is tried again the same way. Reading the body here adds 11–18 µs of CPU a call (see
 * `WholeResponse`).
 * Measured (bench/track, 2026-11-27): a POST costs about 40 % less of what ky adds (no tee, no proxy stream);
 * a GET about the same, as this timer's AbortController takes the place of the clone's. What stays is ky's
 * own: merging the options on every call, its AbortController and its `Request`, each `Request` with a signal.
 */
function sendPrepared(timeout: number): BeforeRequestHook {
  return (request, options) => {
    // ky's signal: the caller's `signal` and ky's own, combined.
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const controller = new AbortController();
    const send = (options as { fetch?: typeof fetch }).fetch ?? globalThis.fetch;
    return new Promise<Response>((resolve, reject) => {
      // The timer and the caller's abort settle the call themselves rather than wait for `fetch` to notice:
      // a `fetch` passed in may not watch its signal, and one that does may still be reading a body. Whatever
      // settles it first stops the others, so nothing is left holding the call or the caller's signal.
      const stop = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
      };
      const abort = () => {
        stop();
        controller.abort(signal?.reason);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        stop();
        controller.abort();
        reject(new TimeoutError(request));
      }, timeout);
      signal?.addEventListener('abort', abort, { once: true });
      send(request.url, {
        method: request.method,
        headers: request.headers,
        body: options.body ?? null,
        signal: controller.signal,
      })
        .then(withWholeBody)
        .then(
          (response) => {
            stop();
            resolve(response);
          },
          (error: unknown) => {
            stop();
            reject(error);
          },
        );
    });
  };
}

/**
 * Checks an adapter's `baseUrl` once, when the adapter is made. A user name and password in it would reach
 * `fetch`, which refuses such a URL with an error that quotes it, password and all; a query or fragment would
 * swallow the paths the adapter adds after it. The messages never repeat the URL, as it may hold a secret.
 */
function checkBaseUrl(baseUrl: unknown): void {
  const fix =
    'Give the API’s address alone, such as https://api.example.com, and the credentials in the adapter’s own options.';
  let url: URL;
  try {
    url = new URL(String(baseUrl));
  } catch {
    throw new TypeError(`baseUrl is not a URL (it is not repeated here, in case it holds a secret). ${fix}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`baseUrl must start with https:// or http://. ${fix}`);
  }
  if (url.username || url.password) {
    throw new TypeError(`baseUrl must not hold a user name or password (user:password@…). ${fix}`);
  }
  if (url.search || url.hash) {
    throw new TypeError(
      `baseUrl must not have a query (?…) or fragment (#…): the adapter adds its paths after it. ${fix}`,
    );
  }
}

/**
 * The HTTP client every adapter uses: a timeout per request; up to `retries` more tries on 408, 429 and
 * 5xx with exponential backoff (0.3 s, 0.6 s, … capped at 5 s) and full jitter, honouring `Retry-After`
 * on any of them up to `maxRetryAfter`; no retry on other 4xx, which cannot succeed. The worst case is
 * therefore bounded: (retries + 1) × timeout plus the waits. A `baseUrl` with a user name or password, a query
 * or a fragment, or that is not an http(s) URL, is refused with a `TypeError` that does not repeat it.
 */
export function createHttpClient(options: AdapterOptions & { baseUrl: string }): KyInstance {
  checkBaseUrl(options.baseUrl);
  const maxRetryAfter = options.maxRetryAfter ?? defaultMaxRetryAfter;
  const timeout = options.timeout ?? defaultTimeout;
  if (!(timeout > 0 && timeout <= maxTimeout)) {
    throw new RangeError(`timeout must be a number of milliseconds from 1 to ${maxTimeout}, got ${timeout}.`);
  }
  return ky.create({
    prefixUrl: options.baseUrl.replace(/\/+$/, ''),
    // The timeout is kept by `sendPrepared`: ky's own wraps only the step that hook replaces.
    timeout: false,
    fetch: options.fetch,
    throwHttpErrors: true,
    // This hook sends the request, so a `beforeRequest` hook added later with `.extend()` would come after it
    // and never run: such a client sets its headers per call instead.
    hooks: { beforeRequest: [sendPrepared(timeout)] },
    retry: {
      limit: options.retries ?? defaultRetries,
      // Tracking calls only read, so POST (FedEx's track endpoint) is as safe to repeat as GET.
      methods: ['get', 'post'],
      statusCodes: retriedStatuses,
      // Waits are taken from the answer only where HTTP gives them a meaning: `Retry-After` on a 503, and it
      // or a rate-limit window on a 429. ky reads `RateLimit-Reset` and its kin as a wait on every status
      // listed here, and gateways send their quota window on every answer, so a 500, 502, 504 or 408 keeps
      // the short backoff rather than wait out a quota it never hit.
      afterStatusCodes: waitStatuses,
      maxRetryAfter,
      backoffLimit: 5_000,
      jitter: true,
      // ky would wait `maxRetryAfter` and try anyway; a carrier that asks for a longer pause will refuse
      // again, so give up at once and let the caller see `retryAfter` on the error.
      shouldRetry: ({ error }) =>
        error instanceof HTTPError &&
        waitStatuses.includes(error.response.status) &&
        (retryAfterMs(error.response) ?? 0) > maxRetryAfter
          ? false
          : undefined,
    },
  });
}
