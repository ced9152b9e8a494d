import { randomBytes } from 'node:crypto';

/** OAuth client-credentials tokens as a carrier issues them: opaque, per API, with an expiry. */
export interface TokenStore {
  issue(api: string, ttlSeconds?: number): { accessToken: string; expiresIn: number };
  /** Whether an `Authorization: Bearer …` header holds a live token of `api`. */
  check(api: string, authorization: string | undefined): boolean;
  /** Expires every live token at once (the `expired_token` fault). */
  expireAll(): void;
}

export function createTokenStore(now: () => Date): TokenStore {
  const live = new Map<string, { api: string; expiresAt: number }>();
  return {
    issue(api, ttlSeconds = 3600) {
      const accessToken = `sandbox_${api}_${randomBytes(12).toString('hex')}`;
      live.set(accessToken, { api, expiresAt: now().getTime() + ttlSeconds * 1000 });
      return { accessToken, expiresIn: ttlSeconds };
    },
    check(api, authorization) {
      const token = /^bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
      const entry = token ? live.get(token) : undefined;
      return entry !== undefined && entry.api === api && now().getTime() < entry.expiresAt;
    },
    expireAll() {
      live.clear();
    },
  };
}
