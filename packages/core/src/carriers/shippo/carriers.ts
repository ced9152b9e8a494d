import type { CarrierId } from '../../model/carrier.js';

// Shippo names carriers by lower-case tokens in the path of `GET /tracks/{carrier}/{tracking_number}` and in
// `Track.carrier`. Source: goshippo/ai@f2e2d3b5, skills/tracking-map/references/carrier-tokens.md ("Name to
// token"); the full list is Shippo's carrier docs.

const toShippo: Partial<Record<CarrierId, string>> = {
  usps: 'usps',
  ups: 'ups',
  fedex: 'fedex',
  dhl: 'dhl_express',
  dhl_ecommerce: 'dhl_ecommerce',
  canada_post: 'canada_post',
  royal_mail: 'royal_mail',
  dpd: 'dpd',
  // "LaserShip / OnTrac → lasership": one token since the two merged.
  lasership: 'lasership',
  ontrac: 'lasership',
};

const fromShippo: Record<string, CarrierId> = {
  usps: 'usps',
  ups: 'ups',
  fedex: 'fedex',
  dhl_express: 'dhl',
  dhl_ecommerce: 'dhl_ecommerce',
  canada_post: 'canada_post',
  royal_mail: 'royal_mail',
  lasership: 'lasership',
  ontrac: 'ontrac',
  purolator: 'purolator',
};

// Regional variants share a family: "dpd_de", "dpd_uk", "royal_mail_sf".
const prefixes: ReadonlyArray<readonly [string, CarrierId]> = [
  ['dpd', 'dpd'],
  ['royal_mail', 'royal_mail'],
];

/** The carriers this adapter can ask Shippo about: those whose token it knows. */
export const shippoCarriers: readonly CarrierId[] = Object.keys(toShippo) as CarrierId[];

export function toShippoToken(carrier: CarrierId): string | undefined {
  return toShippo[carrier];
}

export function fromShippoToken(token: string | null | undefined): CarrierId {
  const folded = (token ?? '').trim().toLowerCase();
  if (!folded) return 'other';
  return fromShippo[folded] ?? prefixes.find(([prefix]) => folded.startsWith(prefix))?.[1] ?? 'other';
}
