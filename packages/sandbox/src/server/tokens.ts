import { randomBytes } from 'node:crypto';

/** OAuth client-credentials tokens as a carrier issues them: opaque, per API, with an expiry. */
export interface TokenStore {
  issue(api: string, ttlSeconds?: number): { accessToken: string; expiresIn: number };
  /** Whether an `Authorization: Bearer …` header holds a live token of `api`. */
  check(api: string, authorization: string | undefined): boolean;
  /** Expires every live token at once (the `expired_token` fault). */
  expireAll(): void;
  /** How many tokens the store holds. Expired ones are dropped, so a sandbox left running does not grow. */
  count(): number;
}

/**
 * `now` is the real clock, whatever the sandbox's speed: a client keeps a token for the `expires_in` it was
 * given in real seconds, so a token that died on the accelerated clock (a 3600 s token in 6 s at 600×) would
 * turn every call into a 401, a new token and a retry.
 */
export function createTokenStore(now: () => Date): TokenStore {
  const live = new Map<string, { api: string; expiresAt: number }>();

  function dropExpired(at: number): void {
    for (const [token, entry] of live) if (entry.expiresAt <= at) live.delete(token);
  }

  return {
    issue(api, ttlSeconds = 3600) {
      const at = now().getTime();
      // Each new token sweeps out the dead ones: tokens are issued far less often than they are checked.
      dropExpired(at);
      const accessToken = `sandbox_${api}_${randomBytes(12).toString('hex')}`;
      live.set(accessToken, { api, expiresAt: at + ttlSeconds * 1000 });
      return { accessToken, expiresIn: ttlSeconds };
    },
    check(api, authorization) {
      const token = /^bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
      const entry = token ? live.get(token) : undefined;
      if (!token || !entry) return false;
      if (now().getTime() >= entry.expiresAt) {
        live.delete(token);
        return false;
      }
      return entry.api === api;
    },
    expireAll() {
      live.clear();
    },
    count: () => live.size,
  };
}
