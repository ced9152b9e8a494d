export interface CorsOptions {
  /**
   * Origins allowed to call the endpoint from a browser, exactly as the browser sends them
   * (`https://shop.example`), or a function that decides. `'*'` allows any origin, and only without
   * `credentials`.
   */
  origins: readonly string[] | ((origin: string) => boolean);
  /** Let the browser send cookies (`Access-Control-Allow-Credentials: true`). Default false. */
  credentials?: boolean;
  /** Request headers a page may send besides the simple ones. Default `['Accept', 'Content-Type']`. */
  allowHeaders?: readonly string[];
  /** Seconds a browser may cache a preflight answer. Default 600. */
  maxAge?: number;
}

const methods = 'GET, HEAD, OPTIONS';

export interface Cors {
  /** CORS headers for an actual request's response. */
  response(origin: string | undefined): Record<string, string>;
  /** The headers of a preflight answer. */
  preflight(origin: string | undefined, requestedHeaders: string | undefined): Record<string, string>;
}

export function createCors(options: CorsOptions | undefined): Cors {
  const list = options && typeof options.origins !== 'function' ? options.origins : undefined;
  const any = list?.includes('*') ?? false;
  if (any && options?.credentials) {
    throw new TypeError(
      'cors: "*" cannot be combined with credentials; browsers refuse it. List the store\'s origins instead, e.g. ["https://shop.example"].',
    );
  }
  const allowed = (origin: string): boolean => {
    if (!options) return false;
    if (typeof options.origins === 'function') return options.origins(origin);
    return any || options.origins.includes(origin);
  };
  const allowHeaders = new Map((options?.allowHeaders ?? ['Accept', 'Content-Type']).map((h) => [h.toLowerCase(), h]));

  function base(origin: string | undefined): Record<string, string> {
    // Every answer varies by Origin, allowed or not, so no cache hands one origin's answer to another.
    const headers: Record<string, string> = { vary: 'Origin' };
    if (origin === undefined || !allowed(origin)) return headers;
    headers['access-control-allow-origin'] = any ? '*' : origin;
    if (options?.credentials) headers['access-control-allow-credentials'] = 'true';
    return headers;
  }

  return {
    response(origin) {
      const headers = base(origin);
      // So `<order-tracker>` can read how long to wait after a 429.
      if (headers['access-control-allow-origin']) headers['access-control-expose-headers'] = 'Retry-After';
      return headers;
    },
    preflight(origin, requestedHeaders) {
      const headers = base(origin);
      headers.vary = 'Origin, Access-Control-Request-Headers';
      if (!headers['access-control-allow-origin']) return headers;
      headers['access-control-allow-methods'] = methods;
      const granted = (requestedHeaders ?? '')
        .split(',')
        .map((h) => allowHeaders.get(h.trim().toLowerCase()))
        .filter((h): h is string => h !== undefined);
      if (granted.length > 0) headers['access-control-allow-headers'] = granted.join(', ');
      headers['access-control-max-age'] = String(options?.maxAge ?? 600);
      return headers;
    },
  };
}

/** `Cache-Control` for a successful answer kept `seconds` in the shopper's own browser; 0 stores nothing. */
export function cacheControl(seconds: number): string {
  return seconds > 0 ? `private, max-age=${Math.floor(seconds)}` : 'no-store';
}
