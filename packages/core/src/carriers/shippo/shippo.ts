import { detectCarrier } from '../../detect/index.js';
import { TracklineError } from '../../errors/trackline-error.js';
import { carrierName, type CarrierId } from '../../model/carrier.js';
import type { AdapterOptions, CarrierAdapter } from '../adapter.js';
import { createHttpClient } from '../http/client.js';
import { toTracklineError } from '../http/errors.js';
import { cleanTrackingNumber } from '../tracking-number.js';
import { shippoCarriers, toShippoToken } from './carriers.js';
import { parseTrack } from './parse.js';

export type ShippoOptions = AdapterOptions & {
  /** A Shippo API token: `shippo_test_…` (tracks only Shippo's SHIPPO_* test numbers) or `shippo_live_…`. */
  apiKey: string;
};

const name = 'Shippo';

/** Shippo's test-mode numbers (SHIPPO_TRANSIT, SHIPPO_DELIVERED, …) belong to its pseudo-carrier `shippo`. */
const testNumber = /^SHIPPO_[A-Z_]+$/;

/** The carrier token for the path, and the number as that carrier writes it. */
function route(number: string, carrier: CarrierId | undefined): { token: string; number: string } {
  if (carrier) {
    const token = toShippoToken(carrier);
    if (!token) {
      throw new TracklineError(
        'invalid_number',
        `Trackline does not know Shippo's name for ${carrierName(carrier)}. Track this number with another adapter.`,
      );
    }
    return { token, number };
  }
  if (testNumber.test(number)) return { token: 'shippo', number };
  // Shippo cannot look a number up without its carrier: take the likeliest one the number's format names.
  const best = detectCarrier(number)[0];
  const token = best && toShippoToken(best.carrier);
  if (!best || !token) {
    throw new TracklineError(
      'invalid_number',
      'Shippo needs the carrier of this tracking number, and its format does not tell. Pass { carrier } to track().',
    );
  }
  return { token, number: best.trackingNumber };
}

/** Shippo's Tracking API: `GET /tracks/{carrier}/{tracking_number}`, which needs the carrier. */
export function shippo(options: ShippoOptions): CarrierAdapter {
  const client = createHttpClient({ ...options, baseUrl: options.baseUrl ?? 'https://api.goshippo.com' });
  const now = options.now ?? (() => new Date());
  return {
    id: 'shippo',
    carriers: shippoCarriers,
    async track(trackingNumber, { signal, carrier } = {}) {
      try {
        if (!options.apiKey)
          throw new TracklineError('auth', 'Shippo needs an API token: pass { apiKey } to shippo().');
        const cleaned = cleanTrackingNumber(trackingNumber, testNumber);
        const { token, number } = route(cleaned, carrier);
        const raw = await client
          .get(`tracks/${encodeURIComponent(token)}/${encodeURIComponent(number)}`, {
            headers: { authorization: `ShippoToken ${options.apiKey}` },
            signal,
          })
          .json();
        return parseTrack(raw, now());
      } catch (error) {
        throw toTracklineError(name, error, signal);
      }
    },
    parse: (raw) => parseTrack(raw, now()),
  };
}
