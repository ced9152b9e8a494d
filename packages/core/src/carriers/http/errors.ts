import { HTTPError, TimeoutError } from 'ky';
import { TracklineError } from '../../errors/trackline-error.js';
import { retryAfterMs } from './retry-after.js';

function retryAfterSeconds(response: Response): number | undefined {
  const ms = retryAfterMs(response);
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}

/** Failures of the connection itself (refused, reset, DNS), as Node's fetch reports them. */
function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof TypeError && /fetch failed|network/i.test(error.message)) return true;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code);
}

/** Whether a response is an HTML page (a web server's or a gateway's), not an API's answer. */
function isWebPage(response: Response): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(response.headers.get('content-type') ?? '');
}

/**
 * Turns what a request threw into a `TracklineError` whose message says what happened and what to do.
 * Messages name the carrier and the HTTP status only: never a URL with its query, a header or a body,
 * so no credential can leak through them. An abort by the caller is passed through untouched.
 */
export function toTracklineError(carrier: string, error: unknown, signal?: AbortSignal): unknown {
  if (error instanceof TracklineError) return error;
  if (signal?.aborted) return signal.reason ?? error;
  // ky's TimeoutError and HTTPError hold the whole Request, headers and all (the API key, the OAuth
  // Basic credentials), and `console.error(error)` prints a cause in full: neither is ever kept as one.
  if (error instanceof TimeoutError) {
    return new TracklineError('timeout', `${carrier} did not answer in time. Try again in a moment.`);
  }
  if (error instanceof HTTPError) {
    const { status } = error.response;
    if (status === 401 || status === 403) {
      return new TracklineError(
        'auth',
        `${carrier} refused the credentials (HTTP ${status}). Check the API key or client id and secret, and that the account may use the tracking API.`,
      );
    }
    if (status === 404) {
      // Every carrier answers a number it does not know in its API's own format (JSON). A web page instead
      // comes from a server with no such API path: a wrong `baseUrl`, not an unknown parcel. Calling it
      // not_found would make the tracker try the next carrier and a look-up page tell the shopper "no such
      // parcel"; this way the setup error reaches whoever runs the shop.
      if (isWebPage(error.response)) {
        return new TracklineError(
          'invalid_response',
          `${carrier} answered HTTP 404 with a web page, not with its tracking API's answer. Check the adapter's baseUrl: it is the API's address without the API paths, which the adapter adds itself.`,
        );
      }
      return new TracklineError('not_found', `${carrier} has no shipment with this tracking number.`);
    }
    if (status === 429) {
      const retryAfter = retryAfterSeconds(error.response);
      return new TracklineError(
        'rate_limited',
        `${carrier} is limiting requests (HTTP 429)${retryAfter === undefined ? '' : `; try again in ${retryAfter} s`}.`,
        retryAfter === undefined ? {} : { retryAfter },
      );
    }
    if (status >= 500 || status === 408) {
      const retryAfter = retryAfterSeconds(error.response);
      return new TracklineError(
        'unavailable',
        `${carrier} is not available right now (HTTP ${status}). Try again later.`,
        retryAfter === undefined ? {} : { retryAfter },
      );
    }
    return new TracklineError('invalid_response', `${carrier} rejected the request (HTTP ${status}).`);
  }
  if (error instanceof SyntaxError) {
    return new TracklineError('invalid_response', `${carrier} sent a response that is not valid JSON.`, {
      cause: error,
    });
  }
  if (isNetworkFailure(error)) {
    return new TracklineError('unavailable', `Could not reach ${carrier}. Check the network and try again.`, {
      cause: error,
    });
  }
  // Anything else is a response this version of Trackline could not read: not worth another API's time.
  // The cause helps a report, unless it carries a request (and with it the credentials).
  const carriesRequest = typeof error === 'object' && error !== null && ('request' in error || 'options' in error);
  return new TracklineError(
    'invalid_response',
    `Trackline could not read ${carrier}'s answer. If this keeps happening, report it with the tracking number.`,
    carriesRequest ? {} : { cause: error },
  );
}
