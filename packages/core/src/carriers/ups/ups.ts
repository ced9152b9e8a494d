import { HTTPError } from 'ky';
import { TracklineError } from '../../errors/trackline-error.js';
import type { Shipment } from '../../model/schemas.js';
import type { AdapterOptions, CarrierAdapter, TrackOptions } from '../adapter.js';
import { createHttpClient, pathWithQuery } from '../http/client.js';
import { toTracklineError } from '../http/errors.js';
import { cleanTrackingNumber } from '../tracking-number.js';
import { createTokenSource, requestToken, withToken, type Token } from '../http/oauth.js';
import { parseUpsTrackResponse, str } from './parse.js';
import { UpsErrorResponseSchema, UpsTokenResponseSchema } from './schema.js';

export type UpsOptions = AdapterOptions & {
  /** The Client ID of your app on developer.ups.com. */
  clientId: string;
  /** The Client Secret of the same app. Never sent anywhere but UPS's token endpoint. */
  clientSecret: string;
  /** Your UPS shipper account number, sent as `x-merchant-id` when getting a token. */
  merchantId?: string;
  /** The language of UPS's texts, as UPS spells it. Default `en_US`. */
  locale?: string;
};

/** UPS production. The Customer Integration Environment (test) is `https://wwwcie.ups.com`. */
export const upsDefaultBaseUrl = 'https://onlinetools.ups.com';

/** `Basic base64(id:secret)`, UTF-8 safe and without Node's `Buffer`, so it runs in browsers and workers too. */
function basicAuthorization(id: string, secret: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${id}:${secret}`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** UPS requires an identifier unique to each request (`transId`): a UUID without its dashes, 32 hex characters. */
function newTransId(): string {
  const cryptoApi = globalThis.crypto;
  if (typeof cryptoApi?.randomUUID === 'function') return cryptoApi.randomUUID().replace(/-/g, '');
  const bytes = new Uint8Array(16);
  cryptoApi.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A 400 whose body says TV1002 "Invalid inquiry number" is about the number, not about Trackline's request. */
async function invalidNumberAnswer(error: unknown): Promise<TracklineError | undefined> {
  if (!(error instanceof HTTPError) || error.response.status !== 400) return undefined;
  try {
    const body = UpsErrorResponseSchema.safeParse(await error.response.json());
    if (body.success && body.data.response.errors.some((entry) => str(entry.code) === 'TV1002')) {
      return new TracklineError(
        'invalid_number',
        'UPS says this is not a valid tracking number. Check it and try again.',
      );
    }
  } catch {
    // Not the documented error body: the generic answer below applies.
  }
  return undefined;
}

/**
 * The UPS Track API (v1) with OAuth 2.0 client credentials. Gets a token at `/security/v1/oauth/token`
 * with HTTP Basic authentication, keeps it until shortly before it expires (UPS tokens last about four
 * hours), and tracks with `GET /api/track/v1/details/{inquiryNumber}`.
 *
 * ```ts
 * const tracker = createTracker({ adapters: [ups({ clientId, clientSecret })] });
 * ```
 */
export function ups(options: UpsOptions): CarrierAdapter {
  const now = options.now ?? (() => new Date());
  const http = createHttpClient({ ...options, baseUrl: options.baseUrl ?? upsDefaultBaseUrl });
  // UPS's query, the same on every call: encoded once, here.
  const query = pathWithQuery('', {
    locale: options.locale ?? 'en_US',
    returnSignature: 'false',
    returnMilestones: 'false',
    returnPOD: 'false',
  });

  const tokens = createTokenSource(
    async (): Promise<Token> => {
      const headers: Record<string, string> = {
        Authorization: basicAuthorization(options.clientId, options.clientSecret),
        'Content-Type': 'application/x-www-form-urlencoded',
      };
      if (options.merchantId) headers['x-merchant-id'] = options.merchantId;
      const body = await requestToken('UPS', () =>
        http.post('security/v1/oauth/token', { headers, body: 'grant_type=client_credentials' }).json<unknown>(),
      );
      // Not parseWith: its message quotes wrong values, and a wrong value here could be the token itself.
      const token = UpsTokenResponseSchema.safeParse(body);
      if (!token.success) {
        throw new TracklineError('invalid_response', 'UPS sent a token response without a usable access token.');
      }
      // A missing or unreadable `expires_in` gets the token source's fallback lifetime.
      return { accessToken: token.data.access_token, expiresIn: token.data.expires_in };
    },
    { now },
  );

  return {
    id: 'ups',
    carriers: ['ups'],
    parse: (raw) => parseUpsTrackResponse(raw, { now: now() }),
    async track(trackingNumber: string, { signal }: TrackOptions = {}): Promise<Shipment> {
      try {
        if (!options.clientId || !options.clientSecret) {
          throw new TracklineError(
            'auth',
            'UPS needs a client ID and client secret: create an app on developer.ups.com and pass both to ups().',
          );
        }
        const number = cleanTrackingNumber(trackingNumber);
        const raw = await withToken(
          tokens,
          (token) =>
            http
              .get(`api/track/v1/details/${encodeURIComponent(number)}${query}`, {
                headers: { Authorization: `Bearer ${token}`, transId: newTransId(), transactionSrc: 'trackline' },
                signal,
              })
              .json<unknown>(),
          signal,
        );
        return parseUpsTrackResponse(raw, { trackingNumber: number, now: now() });
      } catch (error) {
        throw (await invalidNumberAnswer(error)) ?? toTracklineError('UPS', error, signal);
      }
    },
  };
}
