import type { CarrierAdapter } from '../carriers/adapter.js';
import { untilAborted } from '../carriers/http/until-aborted.js';
import { detectCarrier } from '../detect/detect.js';
import { normalizeTrackingNumber } from '../detect/normalize.js';
import { TracklineError, isTracklineError } from '../errors/trackline-error.js';
import { carrierIds, carrierName, type CarrierId } from '../model/carrier.js';
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
  /**
   * Milliseconds to keep a shipment cached: a finite number, 0 or more. Default: `defaultTtl`. For a shipment
   * it gives no such number for (or throws), `defaultTtl` is used and `onCacheError` is told.
   */
  ttl?: (shipment: Shipment) => number;
  /**
   * Told when caching fails: the cache's `get` or `set` throws or rejects, or `ttl` gives no usable time. The
   * look-up goes on without the cache (a failed read asks the carrier, a failed write still returns the
   * shipment), so an outage of a Redis cache does not take tracking down; this is where to notice it. The
   * error says what happened and has the cache's own error as its `cause`. Default: `console.warn`.
   */
  onCacheError?: (error: Error) => void;
  /**
   * Milliseconds a cache that answers asynchronously may take to read before the read counts as a miss (and
   * is told to `onCacheError`). Default 1000. Writes are never waited for.
   */
  cacheTimeout?: number;
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

/** The number as carriers take it, read as `detectCarrier` reads it (spaces, dots, dashes, full-width). */
const clean = normalizeTrackingNumber;

const knownCarriers: ReadonlySet<string> = new Set(carrierIds);

/** Errors that say an API could not check the number, not that the number is wrong or unknown. */
const uncheckedCodes: ReadonlySet<string> = new Set(['unavailable', 'timeout', 'rate_limited', 'auth']);

/** How long a cache that answers asynchronously (Redis, a database) may take before its read counts as a miss. */
const defaultCacheTimeout = 1_000;

function notSetUp(carrier: CarrierId): TracklineError {
  return new TracklineError(
    'not_found',
    `This looks like a ${carrierName(carrier)} number, and no ${carrierName(carrier)} tracking is set up here.`,
  );
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
export function createTracker({
  adapters,
  cache = memoryCache(),
  ttl = defaultTtl,
  onCacheError = (error) => console.warn('[trackline tracker]', error),
  cacheTimeout = defaultCacheTimeout,
}: TrackerOptions): Tracker {
  if (!(Number.isFinite(cacheTimeout) && cacheTimeout > 0)) {
    throw new RangeError(`createTracker's cacheTimeout must be a number of milliseconds above 0, got ${cacheTimeout}.`);
  }
  if (!Array.isArray(adapters) || adapters.length === 0) {
    throw new TypeError('createTracker needs at least one adapter, e.g. createTracker({ adapters: [ups({ … })] }).');
  }
  const inFlight = new Map<string, Promise<Shipment>>();

  function adaptersFor(carrier: CarrierId): CarrierAdapter[] {
    const own = adapters.filter((adapter) => adapter.id === carrier);
    const others = adapters.filter((adapter) => adapter.id !== carrier && adapter.carriers.includes(carrier));
    return [...own, ...others];
  }

  /**
   * Asks the APIs that track `carrier`, the carrier's own first. Only the carrier's own API can end the
   * look-up at once, and only with an error no other API could do better on (a response it could not read,
   * a number it refuses). An aggregator's error never does: it is remembered and the next one is asked. When
   * all fail, the error reported is the first API's, which speaks for the carrier when it is the carrier's
   * own ("UPS is down right now", not an aggregator's "no such number" that would tell the shopper the number
   * is wrong); only when that error is `not_found` does a later API that could not check (down, slow,
   * rate-limited, refused our credentials) replace it, as the parcel may still exist.
   */
  async function fetchFrom(carrier: CarrierId, number: string): Promise<Shipment> {
    const apis = adaptersFor(carrier);
    if (apis.length === 0) throw notSetUp(carrier);
    let firstError: unknown;
    let couldNotCheck: unknown;
    for (const adapter of apis) {
      try {
        return await adapter.track(number, { carrier });
      } catch (error) {
        if (adapter.id === carrier && !worthFallingBack(error)) throw error;
        firstError ??= error;
        if (isTracklineError(error) && uncheckedCodes.has(error.code)) couldNotCheck ??= error;
      }
    }
    throw isTracklineError(firstError, 'not_found') && couldNotCheck !== undefined ? couldNotCheck : firstError;
  }

  function reportCacheError(error: Error): void {
    try {
      onCacheError(error);
    } catch {
      // The report is for the developer; a hook that fails must not fail the shopper's look-up either.
    }
  }

  /**
   * The cached shipment, or undefined. A cache that fails or hangs (a Redis client queueing commands while
   * it is offline) counts as a miss after `cacheTimeout`, reported; the caller's signal still ends the wait.
   */
  async function readCache(key: string, signal: AbortSignal | undefined): Promise<Shipment | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const answer = cache.get(key);
      // An in-memory cache answers at once: no timer for it.
      if (!(answer instanceof Promise)) return answer;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`The tracker’s cache did not answer within ${cacheTimeout} ms.`)),
          cacheTimeout,
        );
      });
      const read = Promise.race([answer, late]);
      return await (signal ? untilAborted(read, signal) : read);
    } catch (error) {
      if (signal?.aborted) throw error;
      reportCacheError(
        new Error('Could not read the tracker’s cache, so the carrier was asked instead. Check the cache.', {
          cause: error,
        }),
      );
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Milliseconds to keep `shipment`: `ttl`'s answer when it is one, else the default, reported. */
  function keepFor(shipment: Shipment): number {
    let ms: unknown;
    try {
      ms = ttl(shipment);
    } catch (error) {
      reportCacheError(
        new Error(
          `createTracker's ttl threw for a shipment in status ${shipment.status}; it was kept for the default time (defaultTtl).`,
          { cause: error },
        ),
      );
      return defaultTtl(shipment);
    }
    // NaN or undefined would keep the shipment for ever in `memoryCache` (`NaN <= now` is false), a negative
    // time would not keep it at all, and a cache may read either one as "no expiry".
    if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) return ms;
    reportCacheError(
      new RangeError(
        `createTracker's ttl returned ${String(ms)} for a shipment in status ${shipment.status}: it must return milliseconds, a finite number of 0 or more. The shipment was kept for the default time (defaultTtl) instead.`,
      ),
    );
    return defaultTtl(shipment);
  }

  async function writeCache(key: string, shipment: Shipment): Promise<void> {
    const ms = keepFor(shipment);
    try {
      await cache.set(key, shipment, ms);
    } catch (error) {
      reportCacheError(
        new Error(
          'Could not store a shipment in the tracker’s cache; it was returned anyway, and its next look-up asks the carrier again. Check the cache.',
          { cause: error },
        ),
      );
    }
  }

  async function trackCarrier(carrier: CarrierId, number: string, request: TrackRequest): Promise<Shipment> {
    const key = `${carrier}:${number}`;
    if (!request.fresh) {
      const cached = await readCache(key, request.signal);
      if (cached) return cached;
    }
    // One upstream request serves every concurrent caller, so it runs without any one caller's signal:
    // a caller that gives up stops waiting, and the others still get their answer.
    let work = inFlight.get(key);
    if (!work) {
      work = fetchFrom(carrier, number)
        .then((shipment) => {
          // Not waited for: a cache that hangs must not hold the answer (failures go to onCacheError).
          void writeCache(key, shipment);
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

  /** Mistakes only a program makes, told as such (TypeScript callers cannot make them). */
  function checkArguments(trackingNumber: unknown, request: unknown): asserts request is TrackRequest {
    if (typeof trackingNumber !== 'string') {
      throw new TypeError(
        typeof trackingNumber === 'number' || typeof trackingNumber === 'bigint'
          ? `tracker.track takes the tracking number as a string, got the number ${trackingNumber}: pass the text as printed on the label (a number loses leading zeros, and digits after the 15th).`
          : `tracker.track takes the tracking number as a string, got ${trackingNumber === null ? 'null' : typeof trackingNumber}.`,
      );
    }
    if (typeof request !== 'object' || request === null) {
      throw new TypeError(
        `tracker.track takes its options as an object, such as { carrier: 'ups' }, got ${request === null ? 'null' : typeof request}.`,
      );
    }
    const { carrier } = request as TrackRequest;
    // An empty or null carrier (a form's "detect it" choice) means the same as none.
    if (carrier !== undefined && carrier !== null && (carrier as string) !== '' && !knownCarriers.has(carrier)) {
      throw new TypeError(
        `tracker.track does not know the carrier ${JSON.stringify(carrier)}: pass one of ${carrierIds.join(', ')}, or leave carrier out to detect it from the number.`,
      );
    }
  }

  async function trackAny(trackingNumber: string, request: TrackRequest): Promise<Shipment> {
    checkArguments(trackingNumber, request);
    if (clean(trackingNumber) === '') {
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
    // A candidate carrier that has no such number, or refuses it as none of its own, hands over to the next
    // one: "081210427258" can be FedEx's or Purolator's. Anything else (the carrier is down, a bad answer) is
    // the answer, as it says nothing about whether the number is that carrier's.
    let notFound: unknown;
    let refused: unknown;
    let unasked: CarrierId | undefined;
    for (const candidate of candidates) {
      if (adaptersFor(candidate.carrier).length === 0) {
        unasked ??= candidate.carrier;
        continue;
      }
      try {
        return await trackCarrier(candidate.carrier, candidate.trackingNumber, request);
      } catch (error) {
        if (request.signal?.aborted) throw error;
        if (isTracklineError(error, 'not_found')) notFound ??= error;
        else if (isTracklineError(error, 'invalid_number')) refused ??= error;
        else throw error;
      }
    }
    // A carrier that took the number and has no record of it says more than one that refused its form, and
    // either says more than a candidate nobody here could ask.
    throw notFound ?? refused ?? notSetUp(unasked ?? candidates[0]!.carrier);
  }
}
