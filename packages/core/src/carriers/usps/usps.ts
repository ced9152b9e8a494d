import { HTTPError } from 'ky';
import { TracklineError } from '../../errors/trackline-error.js';
import { parseWith } from '../../model/parse.js';
import type { AdapterOptions, CarrierAdapter } from '../adapter.js';
import { createHttpClient, pathWithQuery } from '../http/client.js';
import { toTracklineError } from '../http/errors.js';
import { createTokenSource, requestToken, withToken } from '../http/oauth.js';
import { cleanTrackingNumber } from '../tracking-number.js';
import { isUspsNotFound, parseUspsTracking } from './parse.js';
import { UspsTokenSchema } from './schema.js';

export type UspsOptions = AdapterOptions & {
  /** The Consumer Key of an app on the USPS developer portal. */
  clientId: string;
  /** The Consumer Secret of that app. Never shown in errors. */
  clientSecret: string;
};

/** USPS APIs production; the test environment (TEM) is `https://apis-tem.usps.com`. */
export const uspsBaseUrl = 'https://apis.usps.com';

/**
 * USPS APIs Tracking v3 (REST, OAuth 2.0 client credentials). Asks for `expand=DETAIL`, the only form
 * with every scan's code, place and time.
 */
export function usps(options: UspsOptions): CarrierAdapter {
  if (!options || typeof options.clientId !== 'string' || !options.clientId.trim()) {
    throw new TypeError('usps() needs the clientId (Consumer Key) of an app on developers.usps.com.');
  }
  if (typeof options.clientSecret !== 'string' || !options.clientSecret.trim()) {
    throw new TypeError('usps() needs the clientSecret (Consumer Secret) of an app on developers.usps.com.');
  }
  const now = options.now ?? (() => new Date());
  const client = createHttpClient({ ...options, baseUrl: options.baseUrl ?? uspsBaseUrl });
  // The same on every call: encoded once, here.
  const detailQuery = pathWithQuery('', { expand: 'DETAIL' });

  // The official README sends the client credentials as a JSON body, not Basic auth or a form. The token
  // request is shared by concurrent callers, so it carries no caller's signal (see createTokenSource).
  const tokens = createTokenSource(
    async () => {
      const body = await requestToken('USPS', () =>
        client
          .post('oauth2/v3/token', {
            json: {
              client_id: options.clientId,
              client_secret: options.clientSecret,
              grant_type: 'client_credentials',
            },
            headers: { accept: 'application/json' },
          })
          .json<unknown>(),
      );
      const token = parseWith(UspsTokenSchema, body, 'USPS token response');
      // "expires_in": "11111" — a string of seconds; missing or unreadable, the token source's fallback applies.
      return { accessToken: token.access_token, expiresIn: token.expires_in };
    },
    { now },
  );

  return {
    id: 'usps',
    carriers: ['usps'],

    async track(trackingNumber, { signal } = {}) {
      const number = cleanTrackingNumber(trackingNumber);
      try {
        const raw = await withToken(
          tokens,
          (token) =>
            client
              .get(`tracking/v3/tracking/${encodeURIComponent(number)}${detailQuery}`, {
                headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
                signal,
              })
              .json<unknown>(),
          signal,
        );
        return parseUspsTracking(raw, { trackingNumber: number, now: now() });
      } catch (error) {
        // USPS answers an unknown number with a 404 whose ErrorMessage says so (and has been seen to answer
        // with such a 400). Any other 404 is not USPS's tracking API: a wrong baseUrl (see toTracklineError).
        if (error instanceof HTTPError && [400, 404].includes(error.response.status) && !signal?.aborted) {
          const body: unknown = await error.response.json().catch(() => undefined);
          if (isUspsNotFound(body)) {
            throw new TracklineError('not_found', 'USPS has no shipment with this tracking number.');
          }
        }
        throw toTracklineError('USPS', error, signal);
      }
    },

    parse(raw) {
      return parseUspsTracking(raw, { now: now() });
    },
  };
}
