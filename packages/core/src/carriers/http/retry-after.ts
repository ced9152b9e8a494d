/**
 * How long a response asks the caller to wait, in milliseconds: `Retry-After` (seconds or an HTTP date),
 * else `RateLimit-Reset` / `X-RateLimit-Reset` (seconds to wait, or a Unix time in seconds, as ky reads
 * them). `undefined` when the response names no wait.
 */
export function retryAfterMs(response: Response, now = Date.now()): number | undefined {
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = response.headers.get('ratelimit-reset') ?? response.headers.get('x-ratelimit-reset');
  const value = reset === null ? Number.NaN : Number(reset);
  if (!Number.isFinite(value)) return undefined;
  // A number large enough to be a Unix time is one; a smaller one is a number of seconds to wait.
  return Math.max(0, value > 1e9 ? value * 1000 - now : value * 1000);
}
