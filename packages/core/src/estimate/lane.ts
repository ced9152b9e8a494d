import type { Area, PostalCodeOptions } from './types.js';

// A lane is carrier + service + origin region + destination region. When a lane has too few
// deliveries, the estimate backs off, in this order, to: the same carrier and service into the
// destination region from anywhere; the carrier and service anywhere; everything.
//
// With postal codes, two finer groups move a lane earlier or later: a **site** (the first digits of
// the origin's postal code: a warehouse, or a marketplace's seller) moves handling, whatever the
// destination, since how fast an order leaves depends on who packs it; a **postal lane** (the lane
// into the first digits of the destination's postal code) moves transit, since a state's capital and
// its far interior are days apart. Their keys put the postal prefix after a `:`.

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

/** The first `digits` letters and digits of a postal code (spaces and dashes dropped); undefined without one. */
function postalPrefix(postalCode: string | undefined, digits: number | undefined): string | undefined {
  if (!digits || postalCode === undefined) return undefined;
  const prefix = postalCode
    .replace(/[^0-9a-z]/gi, '')
    .toUpperCase()
    .slice(0, digits);
  return prefix || undefined;
}

/** The key of the site an order leaves from (handling only), when the origin has a postal code and `digits.origin` is set. */
export function siteKey(
  carrier: string,
  service: string | undefined,
  origin: Area,
  digits: PostalCodeOptions | undefined,
): string | undefined {
  const prefix = postalPrefix(origin.postalCode, digits?.origin);
  if (prefix === undefined) return undefined;
  return `${carrier.trim().toLowerCase()}|${(service ?? '').trim().toLowerCase()}|${area(origin)}:${prefix}|${anyKey}`;
}

/** The key of the postal lane (transit only), when the destination has a postal code and `digits.destination` is set. */
export function postalLaneKey(
  carrier: string,
  service: string | undefined,
  origin: Area,
  destination: Area,
  digits: PostalCodeOptions | undefined,
): string | undefined {
  const prefix = postalPrefix(destination.postalCode, digits?.destination);
  if (prefix === undefined) return undefined;
  return `${carrier.trim().toLowerCase()}|${(service ?? '').trim().toLowerCase()}|${area(origin)}|${area(destination)}:${prefix}`;
}

/** Whether a group key is a lane (region to region), not a site, a postal lane or a back-off level. */
export function isLaneKey(key: string): boolean {
  const parts = key.split('|');
  return parts.length === 4 && [parts[2]!, parts[3]!].every((part) => part !== anyKey && !part.includes(':'));
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
