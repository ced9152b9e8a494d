/** How many look-ups a key may make: `limit` at once, refilled evenly over `windowMs`. */
export interface RateLimit {
  /** Requests allowed in a burst, and per window. */
  limit: number;
  /** Milliseconds in which a used-up allowance fills again. */
  windowMs: number;
}

export interface RateLimiterOptions extends RateLimit {
  /** Most keys remembered; the least recently seen is forgotten first. Default 10 000. */
  maxKeys?: number;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Takes one request from `key`'s allowance, or says how long to wait when none is left. */
  take(key: string): RateDecision;
  /** Gives back a request taken with `take` (it turned out not to count, e.g. a look-up that matched). */
  refund(key: string): void;
  /** How many keys are remembered now. */
  readonly size: number;
}

/**
 * A token bucket per key, in memory. Memory stays bounded: at most `maxKeys` buckets, the least recently
 * used dropped first. A dropped bucket starts full again, which is what a bucket left alone for a full
 * window would be anyway; only a flood of distinct keys can make the limiter forget one early.
 */
export function createRateLimiter({
  limit,
  windowMs,
  maxKeys = 10_000,
  now = Date.now,
}: RateLimiterOptions): RateLimiter {
  if (!(Number.isInteger(limit) && limit >= 1))
    throw new RangeError(`limit must be a whole number of 1 or more, got ${limit}.`);
  if (!(windowMs > 0)) throw new RangeError(`windowMs must be more than 0, got ${windowMs}.`);
  if (!(maxKeys >= 1)) throw new RangeError(`maxKeys must be at least 1, got ${maxKeys}.`);
  const perMs = limit / windowMs;
  // A Map iterates in insertion order: re-inserting on every use keeps the least recently used first.
  const buckets = new Map<string, { tokens: number; at: number }>();

  function current(key: string): { tokens: number; at: number } {
    const at = now();
    const bucket = buckets.get(key);
    buckets.delete(key);
    const tokens = bucket ? Math.min(limit, bucket.tokens + Math.max(0, at - bucket.at) * perMs) : limit;
    const fresh = { tokens, at };
    buckets.set(key, fresh);
    while (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
    return fresh;
  }

  function decide(bucket: { tokens: number }): RateDecision {
    if (bucket.tokens >= 1) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  return {
    take(key) {
      const bucket = current(key);
      const decision = decide(bucket);
      if (decision.ok) bucket.tokens -= 1;
      return decision;
    },
    refund(key) {
      const bucket = buckets.get(key);
      if (bucket) bucket.tokens = Math.min(limit, bucket.tokens + 1);
    },
    get size() {
      return buckets.size;
    },
  };
}
