import { TracklineError } from '../../errors/trackline-error.js';
import type { AdapterOptions, CarrierAdapter } from '../adapter.js';
import { createHttpClient, pathWithQuery } from '../http/client.js';
import { answersNotFound, toTracklineError } from '../http/errors.js';
import { cleanTrackingNumber } from '../tracking-number.js';
import { aftershipCarriers } from './carriers.js';
import { aftershipNotFound, isAftershipNotFound, parseAftership } from './parse.js';

export type AftershipOptions = AdapterOptions & {
  /** An AfterShip API key (Tracking), sent as `as-api-key`. */
  apiKey: string;
  /** The Tracking API version in the default base URL. Default `2025-01`; ignored when `baseUrl` is given. */
  apiVersion?: string;
};

const name = 'AfterShip';

/**
 * AfterShip's Tracking API. `track` only reads: `GET /trackings?tracking_numbers=<n>` finds a tracking the store
 * already added to AfterShip (from its shop platform, a CSV, or `POST /trackings`). It never creates one, since
 * AfterShip bills each tracking created and a mistyped number would be added for good; a number AfterShip does
 * not have is `not_found`.
 */
export function aftership(options: AftershipOptions): CarrierAdapter {
  const baseUrl =
    options.baseUrl ?? `https://api.aftership.com/tracking/${encodeURIComponent(options.apiVersion ?? '2025-01')}`;
  const client = createHttpClient({ ...options, baseUrl });
  const now = options.now ?? (() => new Date());
  return {
    id: 'aftership',
    carriers: aftershipCarriers,
    async track(trackingNumber, { signal, carrier } = {}) {
      try {
        if (!options.apiKey) {
          throw new TracklineError('auth', 'AfterShip needs an API key: pass { apiKey } to aftership().');
        }
        // tracking_numbers takes a comma-separated list: anything but letters and digits could ask for
        // other parcels of the store's account.
        const number = cleanTrackingNumber(trackingNumber);
        const raw = await client
          .get(pathWithQuery('trackings', { tracking_numbers: number }), {
            headers: { 'as-api-key': options.apiKey },
            signal,
          })
          .json();
        return parseAftership(raw, now(), { number, carrier });
      } catch (error) {
        // AfterShip's documented 404 for a tracking it does not have carries meta.code 4004; any other 404 is
        // a wrong baseUrl.
        if (!signal?.aborted && (await answersNotFound(error, isAftershipNotFound))) throw aftershipNotFound();
        throw toTracklineError(name, error, signal);
      }
    },
    parse: (raw) => parseAftership(raw, now()),
  };
}
