import type { Area } from './types.js';

// A lane is carrier + service + origin region + destination region. When a lane has too few
// deliveries, the estimate backs off, in this order, to: the same carrier and service into the
// destination region from anywhere; the carrier and service anywhere; everything.

export const anyKey = '*';

function clean(value: string | undefined): string {
  return (value ?? '').trim().toUpperCase();
}

function area(a: Area): string {
  return `${clean(a.country)}-${clean(a.region)}`;
}

/** The keys to look a lane up by, most specific first; the last is always `*`. */
export function laneKeys(carrier: string, service: string | undefined, origin: Area, destination: Area): string[] {
  const head = `${carrier.trim().toLowerCase()}|${(service ?? '').trim().toLowerCase()}`;
  const to = area(destination);
  return [`${head}|${area(origin)}|${to}`, `${head}|*|${to}`, `${head}|*|*`, anyKey];
}

export function countryOf(a: Area): string {
  return clean(a.country);
}

/**
 * A cache keyed by the six raw parts of a lane (carrier, service, origin country and region,
 * destination country and region), without building a string key for every look-up.
 */
export class LaneCache<T> {
  private readonly root = new Map<string | undefined, unknown>();

  get(carrier: string, service: string | undefined, origin: Area, destination: Area): T | undefined {
    const a = this.root.get(carrier) as Map<string | undefined, unknown> | undefined;
    const b = a?.get(service) as Map<string | undefined, unknown> | undefined;
    const c = b?.get(origin.country) as Map<string | undefined, unknown> | undefined;
    const d = c?.get(origin.region) as Map<string | undefined, unknown> | undefined;
    const e = d?.get(destination.country) as Map<string | undefined, unknown> | undefined;
    return e?.get(destination.region) as T | undefined;
  }

  set(carrier: string, service: string | undefined, origin: Area, destination: Area, value: T): void {
    let map = this.root;
    for (const part of [carrier, service, origin.country, origin.region, destination.country]) {
      let next = map.get(part) as Map<string | undefined, unknown> | undefined;
      if (!next) map.set(part, (next = new Map()));
      map = next;
    }
    map.set(destination.region, value);
  }
}
