import type { CarrierId } from '../../model/carrier.js';

// AfterShip names couriers by slug (`ups`, `fedex`, `usps`, `dhl`, `canada-post`), in `Tracking.slug` and on
// each checkpoint. Source: AfterShip Tracking docs, "Courier" model and `GET /couriers`; slugs are folded here
// (lower case, letters and digits only) so "canada-post" and "canada_post" agree.

const fromSlug: Record<string, CarrierId> = {
  ups: 'ups',
  fedex: 'fedex',
  usps: 'usps',
  dhl: 'dhl',
  dhlglobalmail: 'dhl_ecommerce',
  dhlecommerce: 'dhl_ecommerce',
  canadapost: 'canada_post',
  royalmail: 'royal_mail',
  purolator: 'purolator',
  canpar: 'canpar',
  ontrac: 'ontrac',
  lasership: 'lasership',
  yodel: 'yodel',
  yunexpress: 'yunexpress',
  speedee: 'speedee',
  landmarkglobal: 'landmark',
  olddominion: 'old_dominion',
  amazon: 'amazon',
};

// Regional variants share a family: "dpd-uk", "dpd-de", "fedex-freight", "ups-mi".
const prefixes: ReadonlyArray<readonly [string, CarrierId]> = [
  ['dpd', 'dpd'],
  ['fedex', 'fedex'],
  ['ups', 'ups'],
  ['amazon', 'amazon'],
];

/** The carriers this adapter reads back by name; any other courier AfterShip tracks comes back as `other`. */
export const aftershipCarriers: readonly CarrierId[] = [...new Set(Object.values(fromSlug))];

export function fromAftershipSlug(slug: string | null | undefined): CarrierId {
  const folded = (slug ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!folded) return 'other';
  return fromSlug[folded] ?? prefixes.find(([prefix]) => folded.startsWith(prefix))?.[1] ?? 'other';
}
