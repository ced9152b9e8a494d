// What a number's own digits say about the service, where the format encodes it
// (lookup tables of jkeen/tracking_number_data v2.0.0, worded for shoppers).

/** UPS 1Z characters 9–10. */
const upsServices: Readonly<Record<string, string>> = {
  '01': 'Next Day Air',
  '02': '2nd Day Air',
  '03': 'Ground',
  '12': '3 Day Select',
  '13': 'Next Day Air Saver',
  '15': 'Next Day Air Early',
  '22': 'Ground (Returns Plus, 3 pickup attempts)',
  '32': 'Next Day Air Early (COD)',
  '33': 'Next Day Air Early (Saturday, COD)',
  '41': 'Next Day Air Early (Saturday)',
  '42': 'Ground (signature required)',
  '44': 'Next Day Air (Saturday)',
  '66': 'Worldwide Express',
  '72': 'Ground (COD)',
  '78': 'Ground (Returns Plus, 1 pickup attempt)',
  '90': 'Ground (returns, UPS prints and mails the label)',
  A0: 'Next Day Air Early (adult signature)',
  A1: 'Next Day Air Early (Saturday, adult signature)',
  A2: 'Next Day Air (adult signature)',
  A8: 'Ground (adult signature)',
  A9: 'Next Day Air Early (adult signature, COD)',
  AA: 'Next Day Air Early (Saturday, adult signature, COD)',
  YW: 'SurePost (delivered by USPS)',
};

export function upsService(code: string): string | undefined {
  return upsServices[code];
}

/** USPS 20-digit and legacy (AI 91) two-digit service type. */
export function uspsLegacyService(code: string): string | undefined {
  switch (code) {
    case '01':
    case '02':
    case '03':
    case '04':
    case '05':
    case '06':
    case '07':
    case '08':
    case '14':
      return 'Delivery Confirmation';
    case '21':
    case '22':
    case '23':
    case '24':
    case '25':
    case '26':
    case '34':
      return 'Signature Confirmation';
    case '73':
      return 'Insured Mail';
    case '82':
    case '83':
    case '85':
      return 'Merchandise Return';
    default:
      return undefined;
  }
}

/** USPS IMpb three-digit service type code; the dataset names only this one. */
export function uspsImpbService(code: string): string | undefined {
  return code === '612' ? 'Parcel Select' : undefined;
}

/** DPD 28 service code (characters 22–24). */
const dpdServices: Readonly<Record<string, string>> = {
  '101': 'Classic',
  '102': 'Classic (hazardous goods)',
  '105': 'Classic (ex works)',
  '106': 'Classic (ex works, hazardous goods)',
  '109': 'Classic (COD)',
  '110': 'Classic (COD, hazardous goods)',
  '113': 'Classic (exchange)',
  '136': 'Classic (small parcel)',
  '154': 'Parcel Letter',
  '155': 'Guarantee',
  '161': 'Guarantee (COD)',
  '179': 'DPD 10:00',
  '191': 'DPD 10:00 (COD)',
  '225': 'DPD 12:00',
  '237': 'DPD 12:00 (COD)',
  '350': 'DPD 8:30',
};

export function dpdService(code: string): string | undefined {
  return dpdServices[code];
}

/** UPU S10 service indicator (first letter of the two). */
export function s10Service(first: number, second: number): string | undefined {
  switch (first) {
    case 69: // E
      return 'EMS';
    case 82: // R
      return 'Registered mail';
    case 67: // C
      return 'Parcel post';
    case 72: // H
      return 'Parcel post (e-commerce)';
    case 86: // V
      return 'Insured letter';
    case 76: // L
      return 'Letter post express';
    case 77: // M
      return 'M-bag';
    case 81: // Q, A–M only
      return second <= 77 ? 'International Business Reply' : undefined;
    default:
      return undefined;
  }
}
