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

/** A URL anywhere in a text: `https://user:password@host/…`, `http://[bad/…`. */
const urlPattern = /\b[a-z][a-z\d+.-]*:\/\//i;

/**
 * Whether an error, or any error it was caused by, quotes a URL in its message. `fetch` quotes the URL it
 * refused (`Request cannot be constructed from a URL that includes credentials: https://user:password@…`,
 * `Failed to parse URL from …`), and that URL can hold a password or an API key in its query; `console.error`
 * prints a cause in full, so such an error is never kept as one.
 */
function quotesUrl(error: unknown): boolean {
  let current: unknown = error;
  // A few levels are plenty: fetch nests one cause, undici two.
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (urlPattern.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

/**
 * A 404 is never, by itself, "no such parcel": it is also what any server answers for a path it does not have,
 * so a wrong `baseUrl` would make the tracker try the next carrier and a look-up page tell the shopper the
 * parcel does not exist. UPS, FedEx, EasyPost, Shippo and AfterShip's list report an unknown number inside
 * a 200; DHL, USPS and AfterShip answer 404 for one with a documented body, which their adapters recognise
 * (`answersNotFound`) before the error reaches `toTracklineError`.
 */
function wrongAddress(carrier: string): TracklineError {
  return new TracklineError(
    'invalid_response',
    `${carrier} answered HTTP 404, which is not how its tracking API reports an unknown parcel: the address asked has no such API path. Check the adapter's baseUrl: it is the API's address without the API paths, which the adapter adds itself.`,
  );
}

/**
 * Whether a request failed with HTTP 404 and a JSON body that `isNotFound` recognises as the carrier's own
 * documented "no such shipment" answer. A body that cannot be read is not one.
 */
export async function answersNotFound(error: unknown, isNotFound: (body: unknown) => boolean): Promise<boolean> {
  if (!(error instanceof HTTPError) || error.response.status !== 404) return false;
  const body: unknown = await error.response.json().catch(() => undefined);
  return isNotFound(body);
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
    if (status === 404) return wrongAddress(carrier);
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
    return new TracklineError(
      'unavailable',
      `Could not reach ${carrier}. Check the network and try again.`,
      quotesUrl(error) ? {} : { cause: error },
    );
  }
  if (quotesUrl(error)) {
    // fetch refused the request itself, before anything was sent: the address is at fault, not the answer.
    return new TracklineError(
      'invalid_response',
      `The request to ${carrier} could not be sent: its address was refused. Check the adapter's baseUrl (an http or https address without a user name or password).`,
    );
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
