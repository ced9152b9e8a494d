import { zoneForPlace, type Shipment } from '@trackline/core';
import type { Customer } from '../store/types.js';
import { endOfQuietHours, isTimeZone } from './quiet-hours.js';
import type { QuietHours } from './types.js';

// Which zone a text's quiet hours are kept in when the shopper's own is not on file. A carrier that
// names no destination (EasyPost's trackers, for one) leaves only the shopper's postal code, phone
// number and the parcel's origin, so the zone is worked out from those, and where only the country
// is known, a text waits until it is day in every zone of that country.

/** US three-digit ZIP prefixes → state (USPS's allocation); military and unassigned prefixes are left out. */
// prettier-ignore
const zip3Ranges: readonly (readonly [number, number, string])[] = [
  [5, 5, 'NY'], [6, 7, 'PR'], [8, 8, 'VI'], [9, 9, 'PR'], [10, 27, 'MA'], [28, 29, 'RI'], [30, 38, 'NH'],
  [39, 49, 'ME'], [50, 54, 'VT'], [55, 55, 'MA'], [56, 59, 'VT'], [60, 69, 'CT'], [70, 89, 'NJ'], [100, 149, 'NY'],
  [150, 196, 'PA'], [197, 199, 'DE'], [200, 200, 'DC'], [201, 201, 'VA'], [202, 205, 'DC'], [206, 219, 'MD'],
  [220, 246, 'VA'], [247, 268, 'WV'], [270, 289, 'NC'], [290, 299, 'SC'], [300, 319, 'GA'], [320, 339, 'FL'],
  [341, 349, 'FL'], [350, 369, 'AL'], [370, 385, 'TN'], [386, 397, 'MS'], [398, 399, 'GA'], [400, 427, 'KY'],
  [430, 459, 'OH'], [460, 479, 'IN'], [480, 499, 'MI'], [500, 528, 'IA'], [530, 549, 'WI'], [550, 567, 'MN'],
  [569, 569, 'DC'], [570, 577, 'SD'], [580, 588, 'ND'], [590, 599, 'MT'], [600, 629, 'IL'], [630, 658, 'MO'],
  [660, 679, 'KS'], [680, 693, 'NE'], [700, 715, 'LA'], [716, 729, 'AR'], [730, 749, 'OK'], [750, 799, 'TX'],
  [800, 816, 'CO'], [820, 831, 'WY'], [832, 838, 'ID'], [840, 847, 'UT'], [850, 865, 'AZ'], [870, 884, 'NM'],
  [885, 885, 'TX'], [889, 898, 'NV'], [900, 961, 'CA'], [967, 968, 'HI'], [969, 969, 'GU'], [970, 979, 'OR'],
  [980, 994, 'WA'], [995, 999, 'AK'],
];

/** Prefixes on the other side of a zone line from the rest of their state (El Paso, the Florida panhandle, …). */
// prettier-ignore
const zip3Zones: Readonly<Record<number, string>> = {
  324: 'America/Chicago', 325: 'America/Chicago', // Florida panhandle
  373: 'America/New_York', 374: 'America/New_York', 376: 'America/New_York', 377: 'America/New_York',
  378: 'America/New_York', 379: 'America/New_York', // East Tennessee
  420: 'America/Chicago', 421: 'America/Chicago', 422: 'America/Chicago', 423: 'America/Chicago',
  424: 'America/Chicago', // Western Kentucky
  463: 'America/Chicago', 464: 'America/Chicago', // Northwest Indiana
  798: 'America/Denver', 799: 'America/Denver', 885: 'America/Denver', // El Paso
  835: 'America/Los_Angeles', 838: 'America/Los_Angeles', // North Idaho
};

/** Canadian postal codes: the first letter names the province (Canada Post). X (the territories) spans several zones. */
// prettier-ignore
const canadaFirstLetter: Readonly<Record<string, string>> = {
  A: 'NL', B: 'NS', C: 'PE', E: 'NB', G: 'QC', H: 'QC', J: 'QC', K: 'ON', L: 'ON', M: 'ON', N: 'ON', P: 'ON',
  R: 'MB', S: 'SK', T: 'AB', V: 'BC', Y: 'YT',
};

/** Australian postcodes: the first digit names the state (Australia Post). */
// prettier-ignore
const australiaFirstDigit: Readonly<Record<string, string>> = {
  '0': 'NT', '2': 'NSW', '3': 'VIC', '4': 'QLD', '5': 'SA', '6': 'WA', '7': 'TAS',
};

/** The region (state, province) a postal code is in, for the countries whose codes say it; undefined otherwise. */
export function regionOfPostalCode(country: string, postalCode: string): string | undefined {
  const code = postalCode.trim().toUpperCase();
  if (country === 'US' && /^\d{5}(?:-?\d{4})?$/.test(code)) {
    const prefix = Number(code.slice(0, 3));
    return zip3Ranges.find(([from, to]) => prefix >= from && prefix <= to)?.[2];
  }
  if (country === 'CA' && /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/.test(code)) return canadaFirstLetter[code[0]!];
  if (country === 'AU' && /^\d{4}$/.test(code)) return australiaFirstDigit[code[0]!];
  return undefined;
}

/** The zone of a postal code in `country`, when its code settles one. */
function zoneOfPostalCode(country: string, postalCode: string): string | undefined {
  const region = regionOfPostalCode(country, postalCode);
  if (!region) return undefined;
  const exact = country === 'US' ? zip3Zones[Number(postalCode.trim().slice(0, 3))] : undefined;
  return exact ?? zoneForPlace({ country, region });
}

/**
 * The countries a phone number's calling code belongs to. Kept to the markets a store is likely to
 * ship to; a number with another code says nothing here. +1 is shared by the US, Canada and the
 * Caribbean (whose zones lie within theirs), +7 by Russia and Kazakhstan (likewise). The +1 islands
 * across the Pacific are not within them, so their area codes name their own zones.
 */
// prettier-ignore
const pacificAreaCodes: Readonly<Record<string, string>> = {
  '670': 'Pacific/Saipan', '671': 'Pacific/Guam', '684': 'Pacific/Pago_Pago',
};

/** The zone of a +1 number whose area code lies outside the US and Canadian zones, or undefined. */
export function zoneOfPhone(phone: string | undefined): string | undefined {
  const digits = phone?.replace(/[\s().-]/g, '');
  return digits?.startsWith('+1') ? pacificAreaCodes[digits.slice(2, 5)] : undefined;
}

// prettier-ignore
const callingCodes: Readonly<Record<string, readonly string[]>> = {
  '1': ['US', 'CA'], '7': ['RU'], '31': ['NL'], '33': ['FR'], '34': ['ES'], '39': ['IT'], '44': ['GB'],
  '49': ['DE'], '52': ['MX'], '55': ['BR'], '61': ['AU'], '64': ['NZ'], '81': ['JP'], '91': ['IN'],
  '353': ['IE'],
};

export function countriesOfPhone(phone: string | undefined): readonly string[] {
  const digits = phone?.replace(/[\s().-]/g, '');
  if (!digits?.startsWith('+')) return [];
  for (const length of [1, 2, 3]) {
    const countries = callingCodes[digits.slice(1, 1 + length)];
    if (countries) return countries;
  }
  return [];
}

/**
 * The zones people live in, for the countries that span several (IANA zone1970.tab, the populated
 * ones), the most populous first: it stands in when no hour is day in all of them.
 */
// prettier-ignore
const zonesOfCountry: Readonly<Record<string, readonly string[]>> = {
  US: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles',
    'America/Anchorage', 'Pacific/Honolulu'],
  CA: ['America/Toronto', 'America/St_Johns', 'America/Halifax', 'America/Winnipeg', 'America/Regina',
    'America/Edmonton', 'America/Vancouver'],
  AU: ['Australia/Sydney', 'Australia/Brisbane', 'Australia/Adelaide', 'Australia/Darwin', 'Australia/Perth'],
  BR: ['America/Sao_Paulo', 'America/Noronha', 'America/Manaus', 'America/Rio_Branco'],
  MX: ['America/Mexico_City', 'America/Cancun', 'America/Hermosillo', 'America/Tijuana'],
  RU: ['Europe/Moscow', 'Europe/Kaliningrad', 'Europe/Samara', 'Asia/Yekaterinburg', 'Asia/Omsk',
    'Asia/Krasnoyarsk', 'Asia/Irkutsk', 'Asia/Yakutsk', 'Asia/Vladivostok', 'Asia/Magadan', 'Asia/Kamchatka'],
};

/** Every zone of a country: the list above, else the one the core knows for it, else none. */
function zonesOf(country: string): readonly string[] {
  const zone = zonesOfCountry[country] ? undefined : zoneForPlace({ country });
  return zonesOfCountry[country] ?? (isTimeZone(zone) ? [zone] : []);
}

/** The zones a text's quiet hours are kept in. */
export interface QuietZones {
  /**
   * One zone when it is known; every zone of the shopper's likely country when only that is (the text
   * waits until it is day in all of them); none when not even a country is known.
   */
  zones: string[];
  /** How the zones were guessed, to tell the store; absent when the shopper's or the parcel's own data said. */
  guess?: string;
}

/**
 * The shopper's zone, in this order: the shopper's `timeZone`; the destination's zone (its own, or
 * its region's, or its country's when that has one zone); the shopper's postal code in the
 * destination's country; else the country of the shopper's phone number (with the postal code when
 * that country has several zones); else the parcel's origin country. Where only a country with several
 * zones is known, all of its zones.
 */
export function quietZonesFor(customer: Customer | undefined, shipment: Shipment | undefined): QuietZones {
  if (isTimeZone(customer?.timeZone)) return { zones: [customer.timeZone] };
  const destination = shipment?.destination;
  const destinationCountry = destination?.country?.trim().toUpperCase();
  // A destination with a region, or in a country of one zone, names its zone; in a country of several,
  // the core's stand-in for the country (New York for the US) is no better than a guess.
  if (destination && (destination.timeZone || destination.region || !zonesOfCountry[destinationCountry ?? ''])) {
    try {
      const zone = zoneForPlace(destination);
      if (isTimeZone(zone)) return { zones: [zone] };
    } catch {
      // a malformed place has no zone
    }
  }
  // The shopper's own postal code, else the one the parcel is going to.
  const postalCode = customer?.postalCode ?? destination?.postalCode;
  const origin = shipment?.origin?.country?.trim().toUpperCase();
  const islandZone = zoneOfPhone(customer?.phone);
  if (!postalCode && !destinationCountry && islandZone) {
    return { zones: [islandZone], guess: `${islandZone}, from the phone number's area code` };
  }
  const sources: { countries: readonly string[]; from?: string }[] = [
    { countries: destinationCountry ? [destinationCountry] : [] },
    { countries: countriesOfPhone(customer?.phone), from: "the phone number's country" },
    { countries: origin ? [origin] : [], from: "the parcel's origin country" },
  ];
  for (const { countries, from } of sources) {
    for (const country of postalCode ? countries : []) {
      const zone = zoneOfPostalCode(country, postalCode!);
      if (isTimeZone(zone)) {
        return from
          ? { zones: [zone], guess: `${zone}, from postal code ${postalCode} in ${country} (${from})` }
          : { zones: [zone] };
      }
    }
    const zones = [...new Set(countries.flatMap(zonesOf))];
    if (zones.length === 1) return { zones, guess: `${zones[0]}, from ${from ?? "the destination's country"}` };
    if (zones.length > 1) {
      return {
        zones,
        guess: `daytime in every zone of ${countries.join(' or ')} (${from ?? "the destination's country"})`,
      };
    }
  }
  return { zones: [], guess: 'no country is known' };
}

/**
 * The first moment at or after `at` that is outside the quiet hours in every one of `zones`, or
 * undefined when there is none (quiet hours longer than the day left between the country's zones).
 */
export function endOfQuietHoursIn(at: number, zones: readonly string[], quiet: QuietHours): number | undefined {
  let time = at;
  // Each pass moves to the end of the night in a zone where it is still night; with a common
  // daytime, a few passes settle on its start.
  for (let pass = 0; pass <= zones.length + 2; pass++) {
    let moved = false;
    for (const zone of zones) {
      const next = endOfQuietHours(time, zone, quiet);
      if (next !== time) {
        time = next;
        moved = true;
      }
    }
    if (!moved) return time;
  }
  return undefined;
}
