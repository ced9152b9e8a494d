import { HTTPError, TimeoutError } from 'ky';
import { TracklineError } from '../../errors/trackline-error.js';

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Turns what a request threw into a `TracklineError` whose message says what happened and what to do.
 * Messages name the carrier and the HTTP status only: never a URL with its query, a header or a body,
 * so no credential can leak through them. An abort by the caller is passed through untouched.
 */
export function toTracklineError(carrier: string, error: unknown, signal?: AbortSignal): unknown {
  if (error instanceof TracklineError) return error;
  if (signal?.aborted) return signal.reason ?? error;
  if (error instanceof TimeoutError) {
    return new TracklineError('timeout', `${carrier} did not answer in time. Try again in a moment.`, { cause: error });
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
  return new TracklineError('unavailable', `Could not reach ${carrier}. Check the network and try again.`, {
    cause: error,
  });
}
