import type { CarrierId } from '../../model/carrier.js';

// EasyPost names carriers by its carrier-account types ("UPS", "FedEx", "DHLExpress"), as in the `carrier`
// field of a tracker and of a create-tracker request (EasyPost/examples: official/docs/curl/trackers,
// official/fixtures/event-body.json).

/** What Trackline sends as `tracker.carrier`. Others are left out, and EasyPost detects the carrier itself. */
const toEasypost: Partial<Record<CarrierId, string>> = {
  ups: 'UPS',
  fedex: 'FedEx',
  usps: 'USPS',
  dhl: 'DHLExpress',
  canada_post: 'CanadaPost',
  purolator: 'Purolator',
  ontrac: 'OnTrac',
};

/** EasyPost's name, folded (lower case, letters and digits only), to our id; families match by prefix. */
const exact: Record<string, CarrierId> = {
  usps: 'usps',
  dhlexpress: 'dhl',
  dhl: 'dhl',
  dhlecs: 'dhl_ecommerce',
  dhlecommerce: 'dhl_ecommerce',
  dhlecommercesolutions: 'dhl_ecommerce',
  dhlglobalmail: 'dhl_ecommerce',
  canadapost: 'canada_post',
  royalmail: 'royal_mail',
  purolator: 'purolator',
  canpar: 'canpar',
  ontrac: 'ontrac',
  yodel: 'yodel',
  yunexpress: 'yunexpress',
  speedee: 'speedee',
  landmark: 'landmark',
  landmarkglobal: 'landmark',
  olddominion: 'old_dominion',
};

// "UPSMailInnovations", "FedExSmartPost", "DPDUK", "LaserShipV2", "AmazonShipping": one family each.
const prefixes: ReadonlyArray<readonly [string, CarrierId]> = [
  ['ups', 'ups'],
  ['fedex', 'fedex'],
  ['dpd', 'dpd'],
  ['lasership', 'lasership'],
  ['amazon', 'amazon'],
];

/** The carriers this adapter reads back by name; any other carrier EasyPost tracks comes back as `other`. */
export const easypostCarriers: readonly CarrierId[] = [
  ...new Set([...Object.values(exact), ...prefixes.map(([, id]) => id)]),
];

export function toEasypostCarrier(carrier: CarrierId | undefined): string | undefined {
  return carrier ? toEasypost[carrier] : undefined;
}

export function fromEasypostCarrier(name: string | null | undefined): CarrierId {
  const folded = (name ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!folded) return 'other';
  const known = exact[folded];
  if (known) return known;
  return prefixes.find(([prefix]) => folded.startsWith(prefix))?.[1] ?? 'other';
}
