import type { CarrierAdapter } from '../carriers/adapter.js';
import { untilAborted } from '../carriers/http/until-aborted.js';
import { detectCarrier } from '../detect/detect.js';
import { TracklineError, isTracklineError } from '../errors/trackline-error.js';
import { carrierName, type CarrierId } from '../model/carrier.js';
import type { Shipment } from '../model/schemas.js';
import { memoryCache, type TrackerCache } from './cache.js';

const minute = 60_000;

/**
 * How long a shipment stays cached, by what can still change: a delivered parcel rarely changes, one out
 * for delivery may change any minute.
 */
export function defaultTtl(shipment: Shipment): number {
  switch (shipment.status) {
    case 'delivered':
    case 'returned':
    case 'cancelled':
      return 24 * 60 * minute;
    case 'out_for_delivery':
      return 5 * minute;
    case 'pending':
    case 'info_received':
      return 60 * minute;
    default:
      return 20 * minute;
  }
}

export interface TrackerOptions {
  /** Carrier APIs first, aggregators after them: an aggregator that tracks a carrier is its fallback. */
  adapters: readonly CarrierAdapter[];
  /** Default: an in-memory LRU of 1000 shipments. */
  cache?: TrackerCache;
  /** Milliseconds to keep a shipment cached. Default: `defaultTtl`. */
  ttl?: (shipment: Shipment) => number;
}

export interface TrackRequest {
  /** The carrier, when known; otherwise it is detected from the number. */
  carrier?: CarrierId;
  signal?: AbortSignal;
  /** Skip the cache and ask the carrier. */
  fresh?: boolean;
}

export interface Tracker {
  /** The shipment behind a tracking number. Throws `TracklineError`. */
  track(trackingNumber: string, request?: TrackRequest): Promise<Shipment>;
}

function clean(number: string): string {
  return number.replace(/[\s-]+/g, '').toUpperCase();
}

/** Errors worth trying another API for; anything else (a bad response, a wrong key) is the answer. */
function worthFallingBack(error: unknown): boolean {
  return (
    isTracklineError(error) && ['not_found', 'unavailable', 'timeout', 'rate_limited', 'auth'].includes(error.code)
  );
}

/**
 * Tracks numbers across carriers: detects the carrier when none is given (trying the ranked candidates),
 * caches results for a time that fits the status, makes one upstream request for concurrent calls with
 * the same number, and falls back from a carrier's own API to an aggregator that tracks it.
 */
export function createTracker({ adapters, cache = memoryCache(), ttl = defaultTtl }: TrackerOptions): Tracker {
  if (!Array.isArray(adapters) || adapters.length === 0) {
    throw new TypeError('createTracker needs at least one adapter, e.g. createTracker({ adapters: [ups({ … })] }).');
  }
  const inFlight = new Map<string, Promise<Shipment>>();

  function adaptersFor(carrier: CarrierId): CarrierAdapter[] {
    const own = adapters.filter((adapter) => adapter.id === carrier);
    const others = adapters.filter((adapter) => adapter.id !== carrier && adapter.carriers.includes(carrier));
    return [...own, ...others];
  }

  async function fetchFrom(carrier: CarrierId, number: string): Promise<Shipment> {
    let firstError: unknown;
    for (const adapter of adaptersFor(carrier)) {
      try {
        return await adapter.track(number, { carrier });
      } catch (error) {
        if (!worthFallingBack(error)) throw error;
        // A "not found" from a fallback says less than the first API's own error.
        if (firstError === undefined || isTracklineError(firstError, 'not_found')) firstError = error;
      }
    }
    throw (
      firstError ??
      new TracklineError(
        'not_found',
        `This looks like a ${carrierName(carrier)} number, and no ${carrierName(carrier)} tracking is set up here.`,
      )
    );
  }

  async function trackCarrier(carrier: CarrierId, number: string, request: TrackRequest): Promise<Shipment> {
    const key = `${carrier}:${number}`;
    if (!request.fresh) {
      const cached = await cache.get(key);
      if (cached) return cached;
    }
    // One upstream request serves every concurrent caller, so it runs without any one caller's signal:
    // a caller that gives up stops waiting, and the others still get their answer.
    let work = inFlight.get(key);
    if (!work) {
      work = fetchFrom(carrier, number)
        .then(async (shipment) => {
          await cache.set(key, shipment, ttl(shipment));
          return shipment;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, work);
      // Every caller may have given up by the time it fails; that failure is nobody's unhandled rejection.
      work.catch(() => undefined);
    }
    return request.signal ? untilAborted(work, request.signal) : work;
  }

  return {
    async track(trackingNumber, request = {}) {
      // Every caller gets its own copy: a caller that changes its shipment changes nobody else's.
      return structuredClone(await trackAny(trackingNumber, request));
    },
  };

  async function trackAny(trackingNumber: string, request: TrackRequest): Promise<Shipment> {
    if (typeof trackingNumber !== 'string' || clean(trackingNumber) === '') {
      throw new TracklineError('invalid_number', 'Enter a tracking number: it is empty.');
    }
    if (request.carrier) {
      const number = clean(trackingNumber);
      if (!/^[A-Z0-9]+$/.test(number)) {
        throw new TracklineError(
          'invalid_number',
          'A tracking number has only letters and digits: remove anything else, such as commas or slashes.',
        );
      }
      return trackCarrier(request.carrier, number, request);
    }

    const candidates = detectCarrier(trackingNumber);
    if (candidates.length === 0) {
      throw new TracklineError(
        'invalid_number',
        'This does not look like a tracking number from a carrier we know. Check it against the shipping email, or say which carrier it is.',
      );
    }
    let firstError: unknown;
    for (const candidate of candidates) {
      try {
        return await trackCarrier(candidate.carrier, candidate.trackingNumber, request);
      } catch (error) {
        if (request.signal?.aborted || !isTracklineError(error, 'not_found')) throw error;
        firstError ??= error;
      }
    }
    throw firstError;
  }
}
