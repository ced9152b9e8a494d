import { HTTPError } from 'ky';
import { TracklineError } from '../../errors/trackline-error.js';
import type { Shipment } from '../../model/schemas.js';
import type { AdapterOptions, CarrierAdapter, TrackOptions } from '../adapter.js';
import { createHttpClient } from '../http/client.js';
import { toTracklineError } from '../http/errors.js';
import { createTokenSource, requestToken, withToken, type Token } from '../http/oauth.js';
import { cleanTrackingNumber } from '../tracking-number.js';
import { fedexError, parseFedexTrackResponse, str } from './parse.js';
import { FedexErrorResponseSchema, FedexTokenResponseSchema } from './schema.js';

export type FedexOptions = AdapterOptions & {
  /** The API key of your project on developer.fedex.com (FedEx's `client_id`). */
  clientId: string;
  /** The secret key of the same project (FedEx's `client_secret`). Never sent anywhere but FedEx's token endpoint. */
  clientSecret: string;
};

/** FedEx production. The sandbox (test) is `https://apis-sandbox.fedex.com`. */
export const fedexDefaultBaseUrl = 'https://apis.fedex.com';

/** A 400 whose body names a tracking-number error is about the number, not about Trackline's request. */
async function numberAnswer(error: unknown): Promise<TracklineError | undefined> {
  if (!(error instanceof HTTPError) || error.response.status !== 400) return undefined;
  try {
    const body = FedexErrorResponseSchema.safeParse(await error.response.json());
    const code = body.success ? str(body.data.errors[0]?.code) : '';
    if (code.toUpperCase().startsWith('TRACKING.TRACKINGNUMBER.')) return fedexError(code);
  } catch {
    // Not the documented error body: the generic answer below applies.
  }
  return undefined;
}

/**
 * The FedEx Track API (v1) with OAuth 2.0 client credentials. Gets a token at `/oauth/token` with the API key
 * and secret key in the form body, keeps it until shortly before it expires (FedEx tokens last an hour), and
 * tracks with `POST /track/v1/trackingnumbers`.
 *
 * ```ts
 * const tracker = createTracker({ adapters: [fedex({ clientId: apiKey, clientSecret: secretKey })] });
 * ```
 */
export function fedex(options: FedexOptions): CarrierAdapter {
  const now = options.now ?? (() => new Date());
  const http = createHttpClient({ ...options, baseUrl: options.baseUrl ?? fedexDefaultBaseUrl });

  const tokens = createTokenSource(
    async (): Promise<Token> => {
      const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
      });
      const body = await requestToken('FedEx', () =>
        http
          .post('oauth/token', {
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
          })
          .json<unknown>(),
      );
      // Not parseWith: its message quotes wrong values, and a wrong value here could be the token itself.
      const token = FedexTokenResponseSchema.safeParse(body);
      if (!token.success) {
        throw new TracklineError('invalid_response', 'FedEx sent a token response without a usable access token.');
      }
      // A missing or unreadable `expires_in` gets the token source's fallback lifetime.
      return { accessToken: token.data.access_token, expiresIn: token.data.expires_in };
    },
    { now },
  );

  return {
    id: 'fedex',
    carriers: ['fedex'],
    parse: (raw) => parseFedexTrackResponse(raw, { now: now() }),
    async track(trackingNumber: string, { signal }: TrackOptions = {}): Promise<Shipment> {
      try {
        if (!options.clientId || !options.clientSecret) {
          throw new TracklineError(
            'auth',
            'FedEx needs an API key and secret key: create a project on developer.fedex.com and pass them to fedex() as clientId and clientSecret.',
          );
        }
        const number = cleanTrackingNumber(trackingNumber);
        const raw = await withToken(
          tokens,
          (token) =>
            http
              .post('track/v1/trackingnumbers', {
                headers: {
                  Authorization: `Bearer ${token}`,
                  'Content-Type': 'application/json',
                  'X-locale': 'en_US',
                },
                body: JSON.stringify({
                  includeDetailedScans: true,
                  trackingInfo: [{ trackingNumberInfo: { trackingNumber: number } }],
                }),
                signal,
              })
              .json<unknown>(),
          signal,
        );
        return parseFedexTrackResponse(raw, { trackingNumber: number, now: now() });
      } catch (error) {
        throw (await numberAnswer(error)) ?? toTracklineError('FedEx', error, signal);
      }
    },
  };
}
