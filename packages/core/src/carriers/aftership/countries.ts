// AfterShip writes countries as ISO 3166-1 alpha-3 (`country_region: "USA"`); Trackline's places use alpha-2.
// The countries parcels most often move through; another alpha-3 code leaves the country out of the place.
// Source: ISO 3166-1 (the alpha-2 and alpha-3 columns of the same table).

// prettier-ignore
const alpha3: Record<string, string> = {
  AFG: 'AF', ALB: 'AL', AND: 'AD', AGO: 'AO', ARE: 'AE', ARG: 'AR', ARM: 'AM', ASM: 'AS', AUS: 'AU', AUT: 'AT',
  AZE: 'AZ', BEL: 'BE', BGD: 'BD', BGR: 'BG', BHR: 'BH', BHS: 'BS', BIH: 'BA', BLR: 'BY', BOL: 'BO', BRA: 'BR',
  BRB: 'BB', BRN: 'BN', BWA: 'BW', CAN: 'CA', CHE: 'CH', CHL: 'CL', CHN: 'CN', CIV: 'CI', CMR: 'CM', COL: 'CO',
  CRI: 'CR', CUB: 'CU', CYP: 'CY', CZE: 'CZ', DEU: 'DE', DNK: 'DK', DOM: 'DO', DZA: 'DZ', ECU: 'EC', EGY: 'EG',
  ESP: 'ES', EST: 'EE', ETH: 'ET', FIN: 'FI', FJI: 'FJ', FRA: 'FR', FRO: 'FO', GBR: 'GB', GEO: 'GE', GHA: 'GH',
  GIB: 'GI', GLP: 'GP', GRC: 'GR', GRL: 'GL', GTM: 'GT', GUF: 'GF', GUM: 'GU', HKG: 'HK', HND: 'HN', HRV: 'HR',
  HUN: 'HU', IDN: 'ID', IND: 'IN', IRL: 'IE', IRN: 'IR', IRQ: 'IQ', ISL: 'IS', ISR: 'IL', ITA: 'IT', JAM: 'JM',
  JOR: 'JO', JPN: 'JP', KAZ: 'KZ', KEN: 'KE', KHM: 'KH', KOR: 'KR', KWT: 'KW', LAO: 'LA', LBN: 'LB', LBY: 'LY',
  LIE: 'LI', LKA: 'LK', LTU: 'LT', LUX: 'LU', LVA: 'LV', MAC: 'MO', MAR: 'MA', MCO: 'MC', MDA: 'MD', MDG: 'MG',
  MDV: 'MV', MEX: 'MX', MKD: 'MK', MLT: 'MT', MMR: 'MM', MNE: 'ME', MNG: 'MN', MNP: 'MP', MOZ: 'MZ', MTQ: 'MQ',
  MUS: 'MU', MYS: 'MY', NAM: 'NA', NCL: 'NC', NGA: 'NG', NIC: 'NI', NLD: 'NL', NOR: 'NO', NPL: 'NP', NZL: 'NZ',
  OMN: 'OM', PAK: 'PK', PAN: 'PA', PER: 'PE', PHL: 'PH', PNG: 'PG', POL: 'PL', PRI: 'PR', PRT: 'PT', PRY: 'PY',
  PYF: 'PF', QAT: 'QA', REU: 'RE', ROU: 'RO', RUS: 'RU', RWA: 'RW', SAU: 'SA', SDN: 'SD', SEN: 'SN', SGP: 'SG',
  SLV: 'SV', SMR: 'SM', SRB: 'RS', SVK: 'SK', SVN: 'SI', SWE: 'SE', SYR: 'SY', THA: 'TH', TTO: 'TT', TUN: 'TN',
  TUR: 'TR', TWN: 'TW', TZA: 'TZ', UGA: 'UG', UKR: 'UA', URY: 'UY', USA: 'US', UZB: 'UZ', VAT: 'VA', VEN: 'VE',
  VIR: 'VI', VNM: 'VN', YEM: 'YE', ZAF: 'ZA', ZMB: 'ZM', ZWE: 'ZW',
};

/** `"USA"` → `"US"`; a two-letter code passes as it is; anything else is `undefined`. */
export function countryCode(value: string | null | undefined): string | undefined {
  const code = (value ?? '').trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(code)) return code;
  return alpha3[code];
}
