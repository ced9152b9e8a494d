import ky, { HTTPError, type KyInstance } from 'ky';
import type { AdapterOptions } from '../adapter.js';
import { retryAfterMs } from './retry-after.js';

export const defaultTimeout = 10_000;
export const defaultRetries = 2;
export const defaultMaxRetryAfter = 30_000;

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

/**
 * The HTTP client every adapter uses: a timeout per request; up to `retries` more tries on 408, 429 and
 * 5xx with exponential backoff (0.3 s, 0.6 s, … capped at 5 s) and full jitter, honouring `Retry-After`
 * up to `maxRetryAfter`; no retry on other 4xx, which cannot succeed. The worst case is therefore bounded:
 * (retries + 1) × timeout plus the waits.
 */
export function createHttpClient(options: AdapterOptions & { baseUrl: string }): KyInstance {
  const maxRetryAfter = options.maxRetryAfter ?? defaultMaxRetryAfter;
  return ky.create({
    prefixUrl: options.baseUrl.replace(/\/+$/, ''),
    timeout: options.timeout ?? defaultTimeout,
    fetch: options.fetch,
    throwHttpErrors: true,
    retry: {
      limit: options.retries ?? defaultRetries,
      // Tracking calls only read, so POST (FedEx's track endpoint) is as safe to repeat as GET.
      methods: ['get', 'post'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter,
      backoffLimit: 5_000,
      jitter: true,
      // ky would wait `maxRetryAfter` and try anyway; a carrier that asks for a longer pause will refuse
      // again, so give up at once and let the caller see `retryAfter` on the error.
      shouldRetry: ({ error }) =>
        error instanceof HTTPError && (retryAfterMs(error.response) ?? 0) > maxRetryAfter ? false : undefined,
    },
  });
}
