import { HTTPError } from 'ky';
import { untilAborted } from './until-aborted.js';

export interface Token {
  accessToken: string;
  /** Seconds the token is valid for, from when it was issued. */
  expiresIn: number;
}

export interface TokenSource {
  /** A valid token: the cached one, or a new one when it is missing or about to expire. */
  get(signal?: AbortSignal): Promise<string>;
  /** Forgets the cached token, so the next `get` fetches a new one. */
  invalidate(token: string): void;
}

/**
 * Caches an OAuth client-credentials token until `margin` seconds before it expires. Concurrent callers
 * share one token request.
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
          const lifetime = Math.max(0, expiresIn - margin) * 1000;
          cached = { token: accessToken, expiresAt: now().getTime() + lifetime };
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
