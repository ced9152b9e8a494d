import type { AdapterOptions, CarrierAdapter } from '../adapter.js';
import { createHttpClient, pathWithQuery } from '../http/client.js';
import { answersNotFound, toTracklineError } from '../http/errors.js';
import { cleanTrackingNumber } from '../tracking-number.js';
import { dhlNotFound, isDhlNotFound, parseDhlTracking } from './parse.js';

export type DhlOptions = AdapterOptions & {
  /** The API key of an app on developer.dhl.com with "Shipment Tracking - Unified". Never shown in errors. */
  apiKey: string;
  /** Narrows the search to one DHL division (`express`, `parcel-de`, `ecommerce`, …). */
  service?: string;
  /** Language of the event texts (`en`, `de`, …); DHL's default is `en`. */
  language?: string;
};

/** DHL's API gateway (the host of DHL's own examples). */
export const dhlBaseUrl = 'https://api-eu.dhl.com';

/** DHL Shipment Tracking – Unified API: every DHL division behind one GET, authorised by an API key header. */
export function dhl(options: DhlOptions): CarrierAdapter {
  if (!options || typeof options.apiKey !== 'string' || !options.apiKey.trim()) {
    throw new TypeError('dhl() needs the apiKey of an app on developer.dhl.com with "Shipment Tracking - Unified".');
  }
  const now = options.now ?? (() => new Date());
  const client = createHttpClient({ ...options, baseUrl: options.baseUrl ?? dhlBaseUrl });

  return {
    id: 'dhl',
    carriers: ['dhl', 'dhl_ecommerce'],

    async track(trackingNumber, { signal, carrier } = {}) {
      const number = cleanTrackingNumber(trackingNumber);
      const path = pathWithQuery('track/shipments', {
        trackingNumber: number,
        service: options.service || undefined,
        language: options.language || undefined,
      });
      try {
        const raw = await client
          .get(path, {
            headers: { 'DHL-API-Key': options.apiKey, accept: 'application/json' },
            signal,
          })
          .json<unknown>();
        return parseDhlTracking(raw, { trackingNumber: number, carrier, now: now() });
      } catch (error) {
        // DHL answers an unknown number with a 404 and its own problem details; any other 404 is a wrong baseUrl.
        if (!signal?.aborted && (await answersNotFound(error, isDhlNotFound))) throw dhlNotFound();
        throw toTracklineError('DHL', error, signal);
      }
    },

    parse(raw) {
      return parseDhlTracking(raw, { now: now() });
    },
  };
}
