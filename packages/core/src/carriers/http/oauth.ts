import { HTTPError } from 'ky';
import { TracklineError } from '../../errors/trackline-error.js';
import { untilAborted } from './until-aborted.js';

export interface Token {
  accessToken: string;
  /**
   * Seconds the token is valid for, from when it was issued, as the carrier wrote it (`3599` or `"14399"`).
   * Missing or unreadable, the token is kept for 5 minutes.
   */
  expiresIn?: number | string | null;
}

/**
 * How long a token whose lifetime the carrier did not say (or said unreadably) is kept, in seconds. Carriers'
 * tokens last an hour or more, so five minutes is safely short, and it saves asking for a token on every call;
 * a token that still expires sooner is caught by the 401 retry in `withToken`.
 */
export const fallbackTokenLifetime = 300;

/** The token's lifetime in seconds: `expiresIn` when it is a positive number of seconds, else the fallback. */
function lifetimeOf(expiresIn: Token['expiresIn']): number {
  const seconds = typeof expiresIn === 'string' ? Number(expiresIn.trim() || Number.NaN) : expiresIn;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : fallbackTokenLifetime;
}

export interface TokenSource {
  /** A valid token: the cached one, or a new one when it is missing or about to expire. */
  get(signal?: AbortSignal): Promise<string>;
  /** Forgets the cached token, so the next `get` fetches a new one. */
  invalidate(token: string): void;
}

/**
 * Caches an OAuth client-credentials token until shortly before it expires: `margin` seconds (default 60), or
 * a tenth of the token's lifetime when that is shorter, so a short-lived token is still reused rather than
 * fetched again on every call. Concurrent callers share one token request.
 */
export function createTokenSource(
  fetchToken: () => Promise<Token>,
  { now = () => new Date(), margin = 60 }: { now?: () => Date; margin?: number } = {},
): TokenSource {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return {
    get(signal) {
      if (cached && now().getTime() < cached.expiresAt) return Promise.resolve(cached.token);
      // The shared request has no caller's signal: one caller giving up must not fail the others.
      pending ??= fetchToken()
        .then(({ accessToken, expiresIn }) => {
          const lifetime = lifetimeOf(expiresIn);
          const kept = (lifetime - Math.min(margin, lifetime / 10)) * 1000;
          cached = { token: accessToken, expiresAt: now().getTime() + kept };
          return accessToken;
        })
        .finally(() => {
          pending = undefined;
        });
      return signal ? untilAborted(pending, signal) : pending;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

/**
 * Runs `request` with a token; when the API answers 401 (the token expired or was revoked early), gets
 * a new token and tries exactly once more.
 */
export async function withToken<T>(
  tokens: TokenSource,
  request: (token: string) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const token = await tokens.get(signal);
  try {
    return await request(token);
  } catch (error) {
    if (!(error instanceof HTTPError) || error.response.status !== 401) throw error;
    tokens.invalidate(token);
    return request(await tokens.get(signal));
  }
}

/**
 * Runs a token request of `carrier`'s OAuth endpoint, reporting a 4xx answer as `auth`. A token endpoint knows
 * nothing of parcels, so none of its answers may read as one: a 404 there (a `baseUrl` with a path too many or
 * too few) was reported as `not_found`, "no shipment with this tracking number", and the tracker moved on as
 * for an unknown parcel. 408 and 429 are left as they are: they say "later", are tried again, and end as
 * `unavailable` or `rate_limited` with the wait the carrier asked for. The message names the status only.
 */
export async function requestToken<T>(carrier: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof HTTPError)) throw error;
    const { status } = error.response;
    if (status < 400 || status >= 500 || status === 408 || status === 429) throw error;
    throw new TracklineError(
      'auth',
      `${carrier}'s token endpoint answered HTTP ${status}. Check the adapter's baseUrl (the API's address, without the API paths, which the adapter adds itself) and the client ID and secret.`,
    );
  }
}
