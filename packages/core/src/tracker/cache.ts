import type { Shipment } from '../model/schemas.js';

/**
 * Where the tracker keeps shipments between look-ups. Methods may be async, so a store can back it with
 * Redis or a database; the in-memory default is `memoryCache()`.
 */
export interface TrackerCache {
  get(key: string): Shipment | undefined | Promise<Shipment | undefined>;
  /** Keep `shipment` under `key` for `ttlMs` milliseconds (a finite number, 0 or more). */
  set(key: string, shipment: Shipment, ttlMs: number): void | Promise<void>;
}

export interface MemoryCacheOptions {
  /** Most shipments kept; the least recently used goes first. Default 1000. */
  maxEntries?: number;
  now?: () => number;
}

/** A bounded in-memory LRU cache. */
export function memoryCache({ maxEntries = 1000, now = Date.now }: MemoryCacheOptions = {}): TrackerCache {
  if (!(maxEntries >= 1)) throw new RangeError(`maxEntries must be at least 1, got ${maxEntries}.`);
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, { shipment: Shipment; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= now()) return undefined;
      entries.set(key, entry);
      return entry.shipment;
    },
    set(key, shipment, ttlMs) {
      // NaN or a missing time would keep the shipment for ever: `NaN <= now()` is false.
      if (!(Number.isFinite(ttlMs) && ttlMs >= 0)) {
        throw new RangeError(
          `memoryCache's set needs ttlMs in milliseconds, a finite number of 0 or more, got ${ttlMs}.`,
        );
      }
      entries.delete(key);
      entries.set(key, { shipment, expiresAt: now() + ttlMs });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
