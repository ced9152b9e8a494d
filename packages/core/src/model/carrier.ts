/**
 * The carriers Trackline knows by name. `postal` is any other national post, identified by a UPU S10
 * number (its country is in the number); `other` is a carrier an aggregator reported that is not listed.
 */
export const Carrier = {
  ups: 'ups',
  fedex: 'fedex',
  usps: 'usps',
  dhl: 'dhl',
  dhlEcommerce: 'dhl_ecommerce',
  amazon: 'amazon',
  ontrac: 'ontrac',
  lasership: 'lasership',
  canadaPost: 'canada_post',
  royalMail: 'royal_mail',
  purolator: 'purolator',
  canpar: 'canpar',
  dpd: 'dpd',
  yodel: 'yodel',
  yunexpress: 'yunexpress',
  speedee: 'speedee',
  gofo: 'gofo',
  landmark: 'landmark',
  oldDominion: 'old_dominion',
  postal: 'postal',
  other: 'other',
} as const;
export type CarrierId = (typeof Carrier)[keyof typeof Carrier];

export const carrierIds: readonly CarrierId[] = Object.values(Carrier);

/** Aggregators: services that track many carriers behind one API. Their codes have tables of their own. */
export const Aggregator = {
  easypost: 'easypost',
  shippo: 'shippo',
  aftership: 'aftership',
} as const;
export type AggregatorId = (typeof Aggregator)[keyof typeof Aggregator];

/** Whose codes a raw status code is: a carrier's own or an aggregator's. */
export type StatusSource = CarrierId | AggregatorId;

const names: Record<CarrierId, string> = {
  ups: 'UPS',
  fedex: 'FedEx',
  usps: 'USPS',
  dhl: 'DHL',
  dhl_ecommerce: 'DHL eCommerce',
  amazon: 'Amazon Logistics',
  ontrac: 'OnTrac',
  lasership: 'LaserShip',
  canada_post: 'Canada Post',
  royal_mail: 'Royal Mail',
  purolator: 'Purolator',
  canpar: 'Canpar',
  dpd: 'DPD',
  yodel: 'Yodel',
  yunexpress: 'YunExpress',
  speedee: 'Spee-Dee Delivery',
  gofo: 'GOFO Express',
  landmark: 'Landmark Global',
  old_dominion: 'Old Dominion',
  postal: 'Postal service',
  other: 'Carrier',
};

/** The name shoppers know the carrier by. */
export function carrierName(carrier: CarrierId): string {
  return names[carrier];
}

/**
 * The carrier's name for copy a shopper reads, or `''` when it has none they would recognise: `other` and
 * `postal` are English stand-ins ("Carrier", "Postal service"), so a page in any language names no carrier
 * rather than a wrong word.
 */
export function shopperCarrierName(carrier: CarrierId): string {
  return carrier === 'other' || carrier === 'postal' ? '' : (names[carrier] ?? '');
}
