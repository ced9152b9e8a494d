import { isFinalStatus, type Shipment, type Tracker } from '@trackline/core';
import type { Store } from '../store/types.js';

export interface RefreshOptions {
  store: Store;
  tracker: Tracker;
  /** Milliseconds after which a stored shipment is asked for again. */
  maxAgeMs: number;
  /** Milliseconds to wait for the carrier before answering with what is stored. */
  timeoutMs: number;
  now: () => number;
  /** Told about every failed refresh (the answer still goes out, with the stored data). */
  onError?: (error: unknown, shipment: Shipment) => void;
}

/** Whether a stored shipment is old enough, and still able to change, to be worth asking the carrier about. */
export function isStale(shipment: Shipment, maxAgeMs: number, now: number): boolean {
  if (isFinalStatus(shipment.status)) return false;
  const updated = Date.parse(shipment.updatedAt);
  return Number.isNaN(updated) || now - updated >= maxAgeMs;
}

/**
 * Asks the tracker for a stale shipment's current state and stores it (`source: 'tracker'`), so the next
 * look-up and the notifier see it too. Any failure — carrier down, timeout, the store refusing the write —
 * answers with the stored shipment, whose `updatedAt` says how old it is.
 */
export async function refreshShipment(shipment: Shipment, options: RefreshOptions): Promise<Shipment> {
  const now = options.now();
  if (!isStale(shipment, options.maxAgeMs, now)) return shipment;
  try {
    // `fresh`: the store is this look-up's cache and maxAge its lifetime; an answer from the tracker's own
    // cache (kept up to an hour for some statuses) would be stored, and shown, as if the carrier had just said it.
    const fresh = await options.tracker.track(shipment.trackingNumber, {
      carrier: shipment.carrier,
      signal: AbortSignal.timeout(options.timeoutMs),
      fresh: true,
    });
    const result = await options.store.applyUpdate({
      shipment: fresh,
      source: 'tracker',
      receivedAt: new Date(now).toISOString(),
    });
    return result.after;
  } catch (error) {
    options.onError?.(error, shipment);
    return shipment;
  }
}
