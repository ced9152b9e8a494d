import type { Place } from '../model/schemas.js';

// Where a carrier gives a local time without its offset, the place of the scan tells the zone.
// Countries with one zone (or one zone that nearly everyone lives in) map directly; the large
// countries with several zones map by region. Sources: the IANA tz database's zone1970.tab
// (country → zones) and the zones' region comments.

// prettier-ignore
const byCountry: Record<string, string> = {
  AE: 'Asia/Dubai', AR: 'America/Argentina/Buenos_Aires', AT: 'Europe/Vienna', BE: 'Europe/Brussels',
  BG: 'Europe/Sofia', CH: 'Europe/Zurich', CL: 'America/Santiago', CN: 'Asia/Shanghai', CO: 'America/Bogota',
  CZ: 'Europe/Prague', DE: 'Europe/Berlin', DK: 'Europe/Copenhagen', EE: 'Europe/Tallinn', EG: 'Africa/Cairo',
  ES: 'Europe/Madrid', FI: 'Europe/Helsinki', FR: 'Europe/Paris', GB: 'Europe/London', GR: 'Europe/Athens',
  HK: 'Asia/Hong_Kong', HR: 'Europe/Zagreb', HU: 'Europe/Budapest', ID: 'Asia/Jakarta', IE: 'Europe/Dublin',
  IL: 'Asia/Jerusalem', IN: 'Asia/Kolkata', IS: 'Atlantic/Reykjavik', IT: 'Europe/Rome', JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul', LT: 'Europe/Vilnius', LU: 'Europe/Luxembourg', LV: 'Europe/Riga', MY: 'Asia/Kuala_Lumpur',
  NG: 'Africa/Lagos', NL: 'Europe/Amsterdam', NO: 'Europe/Oslo', NZ: 'Pacific/Auckland', PE: 'America/Lima',
  PH: 'Asia/Manila', PK: 'Asia/Karachi', PL: 'Europe/Warsaw', PR: 'America/Puerto_Rico', PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest', RS: 'Europe/Belgrade', SA: 'Asia/Riyadh', SE: 'Europe/Stockholm', SG: 'Asia/Singapore',
  SI: 'Europe/Ljubljana', SK: 'Europe/Bratislava', TH: 'Asia/Bangkok', TR: 'Europe/Istanbul', TW: 'Asia/Taipei',
  UA: 'Europe/Kyiv', VN: 'Asia/Ho_Chi_Minh', ZA: 'Africa/Johannesburg',
  // Several zones; the most populous one stands in when the region is unknown.
  US: 'America/New_York', CA: 'America/Toronto', AU: 'Australia/Sydney', BR: 'America/Sao_Paulo',
  MX: 'America/Mexico_City', RU: 'Europe/Moscow',
};

// prettier-ignore
const usStates: Record<string, string> = {
  AL: 'America/Chicago', AK: 'America/Anchorage', AZ: 'America/Phoenix', AR: 'America/Chicago',
  CA: 'America/Los_Angeles', CO: 'America/Denver', CT: 'America/New_York', DE: 'America/New_York',
  DC: 'America/New_York', FL: 'America/New_York', GA: 'America/New_York', HI: 'Pacific/Honolulu',
  ID: 'America/Boise', IL: 'America/Chicago', IN: 'America/Indiana/Indianapolis', IA: 'America/Chicago',
  KS: 'America/Chicago', KY: 'America/New_York', LA: 'America/Chicago', ME: 'America/New_York',
  MD: 'America/New_York', MA: 'America/New_York', MI: 'America/Detroit', MN: 'America/Chicago',
  MS: 'America/Chicago', MO: 'America/Chicago', MT: 'America/Denver', NE: 'America/Chicago',
  NV: 'America/Los_Angeles', NH: 'America/New_York', NJ: 'America/New_York', NM: 'America/Denver',
  NY: 'America/New_York', NC: 'America/New_York', ND: 'America/Chicago', OH: 'America/New_York',
  OK: 'America/Chicago', OR: 'America/Los_Angeles', PA: 'America/New_York', RI: 'America/New_York',
  SC: 'America/New_York', SD: 'America/Chicago', TN: 'America/Chicago', TX: 'America/Chicago',
  UT: 'America/Denver', VT: 'America/New_York', VA: 'America/New_York', WA: 'America/Los_Angeles',
  WV: 'America/New_York', WI: 'America/Chicago', WY: 'America/Denver', PR: 'America/Puerto_Rico',
  GU: 'Pacific/Guam', VI: 'America/St_Thomas', AS: 'Pacific/Pago_Pago', MP: 'Pacific/Saipan',
};

// prettier-ignore
const caProvinces: Record<string, string> = {
  AB: 'America/Edmonton', BC: 'America/Vancouver', MB: 'America/Winnipeg', NB: 'America/Moncton',
  NL: 'America/St_Johns', NS: 'America/Halifax', NT: 'America/Yellowknife', NU: 'America/Iqaluit',
  ON: 'America/Toronto', PE: 'America/Halifax', QC: 'America/Toronto', SK: 'America/Regina', YT: 'America/Whitehorse',
};

// prettier-ignore
const auStates: Record<string, string> = {
  ACT: 'Australia/Sydney', NSW: 'Australia/Sydney', NT: 'Australia/Darwin', QLD: 'Australia/Brisbane',
  SA: 'Australia/Adelaide', TAS: 'Australia/Hobart', VIC: 'Australia/Melbourne', WA: 'Australia/Perth',
};

// prettier-ignore
const brStates: Record<string, string> = {
  AC: 'America/Rio_Branco', AL: 'America/Maceio', AM: 'America/Manaus', AP: 'America/Belem', BA: 'America/Bahia',
  CE: 'America/Fortaleza', DF: 'America/Sao_Paulo', ES: 'America/Sao_Paulo', GO: 'America/Sao_Paulo',
  MA: 'America/Fortaleza', MG: 'America/Sao_Paulo', MS: 'America/Campo_Grande', MT: 'America/Cuiaba',
  PA: 'America/Belem', PB: 'America/Fortaleza', PE: 'America/Recife', PI: 'America/Fortaleza',
  PR: 'America/Sao_Paulo', RJ: 'America/Sao_Paulo', RN: 'America/Fortaleza', RO: 'America/Porto_Velho',
  RR: 'America/Boa_Vista', RS: 'America/Sao_Paulo', SC: 'America/Sao_Paulo', SE: 'America/Maceio',
  SP: 'America/Sao_Paulo', TO: 'America/Araguaina',
};

const byRegion: Record<string, Record<string, string>> = { US: usStates, CA: caProvinces, AU: auStates, BR: brStates };

/**
 * The IANA time zone of a place: its own `timeZone` when set, else from its country and region.
 * Without a country, a two-letter US state code is taken as the US (US carriers often omit the country).
 */
export function zoneForPlace(place: Place | undefined): string | undefined {
  if (!place) return undefined;
  if (place.timeZone) return place.timeZone;
  const region = place.region?.trim().toUpperCase();
  const country = place.country?.trim().toUpperCase() || (region && usStates[region] ? 'US' : undefined);
  if (!country) return undefined;
  return (region && byRegion[country]?.[region]) || byCountry[country];
}
