// Every tracking-number format of jkeen/tracking_number_data v2.0.0, as hand-written checks over a
// normalized string (upper case, digits and letters only). The dataset's regexes allow whitespace between
// any two characters; normalizing first removes that, so each check reduces to fixed positions, a prefix
// and a checksum — no regular expression, nothing that can backtrack, nothing allocated unless a format
// matches. `formatsByLength` dispatches on the length, each check then on its first characters.
import type { CarrierId } from '../model/carrier.js';
import { FEDEX_12_WEIGHTS, FEDEX_34_WEIGHTS, luhn, mod10, mod3736, mod7, s10, weightedSum } from './checksums.js';
import { isS10Country } from './s10-countries.js';
import { dpdService, s10Service, upsService, uspsImpbService, uspsLegacyService } from './services.js';
import type { CarrierMatch } from './types.js';

/** The matches found so far for one input, with the rank each earned (higher ranks first). */
export interface Found {
  readonly matches: CarrierMatch[];
  readonly ranks: number[];
}

/** A checksum that passed outranks any specificity; specificity orders the rest. */
export const VALID = 1000;

/** Adds a match, or keeps the better-ranked one when the same carrier already matched the same number. */
export function addMatch(
  found: Found,
  trackingNumber: string,
  carrier: CarrierId,
  valid: boolean,
  specificity: number,
  service?: string,
  country?: string,
): void {
  const rank = (valid ? VALID : 0) + specificity;
  const { matches, ranks } = found;
  for (let i = 0; i < matches.length; i++) {
    const existing = matches[i];
    if (existing && existing.carrier === carrier && existing.trackingNumber === trackingNumber) {
      if ((ranks[i] ?? 0) >= rank) return;
      matches.splice(i, 1);
      ranks.splice(i, 1);
      break;
    }
  }
  const match: CarrierMatch = { carrier, trackingNumber, checksum: valid ? 'valid' : 'none' };
  if (service !== undefined) match.service = service;
  if (country !== undefined) match.country = country;
  matches.push(match);
  ranks.push(rank);
}

/** Checks one format against `s`; `digits` is how many of its leading characters are digits. */
type Check = (s: string, digits: number, found: Found) => void;

// ── character helpers ────────────────────────────────────────────────────────────────────────────────

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** Whether `s[i]` is one of the characters of `set` (a short literal such as 'AHJKTV'). */
function oneOf(s: string, i: number, set: string): boolean {
  return set.indexOf(s.charAt(i)) >= 0;
}

// ── UPS ──────────────────────────────────────────────────────────────────────────────────────────────

/** 1Z + shipper 6 + service 2 + package 7 + check digit; mod 10 (×1, ×2) over the 15 alphanumerics. */
const ups1Z: Check = (s, _digits, found) => {
  if (s.charCodeAt(0) !== 49 || s.charCodeAt(1) !== 90 || !isDigit(s.charCodeAt(17))) return;
  if (mod10(s, 2, 17, 1, 2) !== digitAt(s, 17)) return;
  addMatch(found, s, 'ups', true, 95, upsService(s.slice(8, 10)));
};

/** Waybill: A, H, J, K, T or V + 9 digits + check digit; mod 10 (×1, ×2) over the 9 digits. */
const upsWaybill: Check = (s, _digits, found) => {
  if (!oneOf(s, 0, 'AHJKTV') || !allDigits(s, 1, 11)) return;
  if (mod10(s, 1, 10, 1, 2) !== digitAt(s, 10)) return;
  addMatch(found, s, 'ups', true, 45);
};

// ── FedEx ────────────────────────────────────────────────────────────────────────────────────────────

/** Express: 11 digits + check; Σ digit × 3 1 7 … % 11 % 10. */
const fedex12: Check = (s, digits, found) => {
  if (digits !== 12) return;
  if (weightedSum(s, 0, FEDEX_12_WEIGHTS, 11, 10) !== digitAt(s, 11)) return;
  addMatch(found, s, 'fedex', true, 40, 'Express');
};

/** Ground: 14 digits + check; mod 10 (×1, ×3). */
const fedexGround15: Check = (s, digits, found) => {
  if (digits !== 15) return;
  if (mod10(s, 0, 14, 1, 3) !== digitAt(s, 14)) return;
  addMatch(found, s, 'fedex', true, 40, 'Ground');
};

/** Ground SSCC-18: container type 2 + 15 digits + check; mod 10 (×3, ×1) over the 15. */
const fedexSscc18: Check = (s, digits, found) => {
  if (digits !== 18) return;
  if (mod10(s, 2, 17, 3, 1) !== digitAt(s, 17)) return;
  addMatch(found, s, 'fedex', true, 38, 'Ground');
};

/** Ground 96 (22): 96 + SCNC 2 + service 3 + shipper 7 + package 7 + check; mod 10 (×1, ×3) over the 14. */
const fedexGround96: Check = (s, digits, found) => {
  if (digits !== 22 || s.charCodeAt(0) !== 57 || s.charCodeAt(1) !== 54) return;
  if (mod10(s, 7, 21, 1, 3) !== digitAt(s, 21)) return;
  addMatch(found, s, 'fedex', true, 74, 'Ground');
};

/** Express 34: [0-8] + 14 + ZIP 5 + serial 13 + check; Σ digit × 1 7 3 … % 11 % 10 over the serial. */
const fedex34: Check = (s, digits, found) => {
  if (digits !== 34 || s.charCodeAt(0) === 57) return;
  if (weightedSum(s, 20, FEDEX_34_WEIGHTS, 11, 10) !== digitAt(s, 33)) return;
  addMatch(found, s, 'fedex', true, 50, 'Express');
};

/** Ground GSN (34): 96 + SCNC 2 + 5 + GSN 10 + 1 + serial 13 + check; same sum as Express 34. */
const fedexGsn: Check = (s, digits, found) => {
  if (digits !== 34 || s.charCodeAt(0) !== 57 || s.charCodeAt(1) !== 54) return;
  if (weightedSum(s, 20, FEDEX_34_WEIGHTS, 11, 10) !== digitAt(s, 33)) return;
  addMatch(found, s, 'fedex', true, 76, 'Ground');
};

/** ASTRA (32): 3 + 15 digits + Express number (11 + check) + 4 digits; the check is not the last digit. */
const fedexAstra: Check = (s, digits, found) => {
  if (digits !== 32 || s.charCodeAt(0) !== 51) return;
  if (weightedSum(s, 16, FEDEX_12_WEIGHTS, 11, 10) !== digitAt(s, 27)) return;
  addMatch(found, s, 'fedex', true, 60, 'Express');
};

// ── USPS ─────────────────────────────────────────────────────────────────────────────────────────────
// IMpb barcodes may carry a routing prefix: 420 + destination ZIP (5, or 9 with ZIP+4). The prefix is
// optional, so a number starting 420 is tried with each prefix length the dataset allows, longest first.

function routed(s: string): boolean {
  return s.charCodeAt(0) === 52 && s.charCodeAt(1) === 50 && s.charCodeAt(2) === 48;
}

/**
 * IMpb N (application identifier 94): 94 + service 3 + mailer ID (9 digits starting 9, or 6 starting 0-8)
 * + package ID + check, 22, 26 or 30 digits; mod 10 (×3, ×1) read from the right.
 */
function impbN(s: string, at: number, found: Found, specificity: number): boolean {
  const length = s.length - at;
  if (s.charCodeAt(at) !== 57 || s.charCodeAt(at + 1) !== 52) return false;
  const nineDigitMailer = s.charCodeAt(at + 5) === 57;
  if (length !== 22 && length !== 26 && !(length === 30 && nineDigitMailer)) return false;
  if (mod10(s, at, s.length - 1, 3, 1, true) !== digitAt(s, s.length - 1)) return false;
  addMatch(found, s, 'usps', true, specificity, uspsImpbService(s.slice(at + 2, at + 5)));
  return true;
}

const uspsImpbN: Check = (s, digits, found) => {
  const length = s.length;
  if (digits !== length) return;
  if (!routed(s)) {
    impbN(s, 0, found, 72);
    return;
  }
  // ZIP+4 only when exactly 22 digits follow it; ZIP 5 when 22 or 26 follow.
  if (length === 34 && impbN(s, 12, found, 82)) return;
  if (length === 30 || length === 34) impbN(s, 8, found, 82);
};

/**
 * IMpb C: 92 (9-digit mailer ID), 93 (6-digit mailer ID) or 95 (retail) + service 3 + mailer ID + package
 * ID + check, 22 or 26 digits; mod 10 (×3, ×1). Former FedEx SmartPost and DHL eCommerce numbers land here.
 */
function impbC(s: string, at: number, found: Found, specificity: number): boolean {
  const length = s.length - at;
  if (length !== 22 && length !== 26) return false;
  if (s.charCodeAt(at) !== 57) return false;
  const identifier = s.charCodeAt(at + 1);
  const nineDigitMailer = s.charCodeAt(at + 5) === 57;
  if (identifier === 50 /* 92 */) {
    if (!nineDigitMailer) return false;
  } else if (identifier === 51 /* 93 */) {
    if (nineDigitMailer) return false;
  } else if (identifier !== 53 /* 95 */) return false;
  if (mod10(s, at, s.length - 1, 3, 1) !== digitAt(s, s.length - 1)) return false;
  addMatch(found, s, 'usps', true, specificity, uspsImpbService(s.slice(at + 2, at + 5)));
  return true;
}

const uspsImpbC: Check = (s, digits, found) => {
  const length = s.length;
  if (digits !== length) return;
  if (!routed(s)) {
    impbC(s, 0, found, 72);
    return;
  }
  if (length === 34 && impbC(s, 12, found, 82)) return;
  impbC(s, 8, found, 82);
};

/**
 * Legacy (application identifier 91): [91] + service 2 + mailer 9 + package 8 + check; "91" is prepended
 * to the serial when it is not printed. Mod 10 (×3, ×1).
 */
function legacy(s: string, at: number, found: Found, routedNumber: boolean): boolean {
  const length = s.length - at;
  const printedAI = s.charCodeAt(at) === 57 && s.charCodeAt(at + 1) === 49;
  if (length === 22) {
    if (!printedAI) return false;
    if (mod10(s, at, s.length - 1, 3, 1) !== digitAt(s, s.length - 1)) return false;
  } else if (length === 20) {
    if (mod10(s, at, s.length - 1, 3, 1, false, printedAI ? '' : '91') !== digitAt(s, s.length - 1)) return false;
  } else return false;
  const service = length === 22 ? s.slice(at + 2, at + 4) : s.slice(at, at + 2);
  addMatch(found, s, 'usps', true, routedNumber ? 75 : length === 22 ? 70 : 35, uspsLegacyService(service));
  return true;
}

const uspsLegacy: Check = (s, digits, found) => {
  const length = s.length;
  if (digits !== length) return;
  if (routed(s)) {
    if (length >= 32 && legacy(s, 12, found, true)) return;
    if (length >= 28 && legacy(s, 8, found, true)) return;
  }
  legacy(s, 0, found, false);
};

/** USPS 20: service 2 + mailer 9 + package 8 + check; mod 10 (×3, ×1), nothing prepended. */
const usps20: Check = (s, digits, found) => {
  if (digits !== 20) return;
  if (mod10(s, 0, 19, 3, 1) !== digitAt(s, 19)) return;
  addMatch(found, s, 'usps', true, 35, uspsLegacyService(s.slice(0, 2)));
};

// ── UPU S10 (national posts) ─────────────────────────────────────────────────────────────────────────

/** Service 2 letters + serial 8 + check + issuing country 2 letters; the country must issue S10 numbers. */
const s10Check: Check = (s, _digits, found) => {
  const first = s.charCodeAt(0);
  const second = s.charCodeAt(1);
  if (!isLetter(first) || !isLetter(second) || !allDigits(s, 2, 11)) return;
  if (!isLetter(s.charCodeAt(11)) || !isLetter(s.charCodeAt(12)) || !isS10Country(s, 11)) return;
  if (s10(s, 2) !== digitAt(s, 10)) return;
  const country = s.slice(11, 13);
  const carrier: CarrierId =
    country === 'US' ? 'usps' : country === 'GB' ? 'royal_mail' : country === 'CA' ? 'canada_post' : 'postal';
  addMatch(found, s, carrier, true, 90, s10Service(first, second), country);
};

// ── DHL ──────────────────────────────────────────────────────────────────────────────────────────────

/** Express: 9 or 10 digits + check; the serial as one number, mod 7. */
const dhlExpress: Check = (s, digits, found) => {
  if (digits !== s.length) return;
  if (mod7(s, 0, s.length - 1) !== digitAt(s, s.length - 1)) return;
  addMatch(found, s, 'dhl', true, 30, 'Express');
};

/** Express piece ID: J + 2 or 3 letters + 9 or 10 digits; no check digit. */
const dhlPieceId: Check = (s, _digits, found) => {
  if (s.charCodeAt(0) !== 74 || !isLetter(s.charCodeAt(1)) || !isLetter(s.charCodeAt(2))) return;
  const letters = isLetter(s.charCodeAt(3)) ? 4 : 3;
  const serial = s.length - letters;
  if ((serial !== 9 && serial !== 10) || !allDigits(s, letters, s.length)) return;
  addMatch(found, s, 'dhl', false, 50, 'Express');
};

/** GM, LX, RX, UV, CN, SG, TH, IN, HK, MY: the two letters packed as `first * 32 + second` (A = 1). */
const DHL_ECOMMERCE_PREFIXES = new Set(
  ['GM', 'LX', 'RX', 'UV', 'CN', 'SG', 'TH', 'IN', 'HK', 'MY'].map(
    (prefix) => (prefix.charCodeAt(0) - 64) * 32 + prefix.charCodeAt(1) - 64,
  ),
);

/** eCommerce: GM, LX, RX, UV, CN, SG, TH, IN, HK or MY + 10 to 39 letters and digits, at least one digit. */
const dhlEcommerce: Check = (s, digits, found) => {
  if (digits !== 0 || !DHL_ECOMMERCE_PREFIXES.has((s.charCodeAt(0) - 64) * 32 + s.charCodeAt(1) - 64)) return;
  let hasDigit = false;
  for (let i = 2; i < s.length && !hasDigit; i++) hasDigit = isDigit(s.charCodeAt(i));
  if (!hasDigit) return;
  addMatch(found, s, 'dhl_ecommerce', false, 45);
};

/** eCommerce 14 digits; no check digit. */
const dhlEcommerce14: Check = (s, digits, found) => {
  if (digits !== 14) return;
  addMatch(found, s, 'dhl_ecommerce', false, 10);
};

// ── Amazon ───────────────────────────────────────────────────────────────────────────────────────────

/** Amazon Logistics: TBA, TBC or TBM + 12 digits. */
const amazonLogistics: Check = (s, _digits, found) => {
  if (s.charCodeAt(0) !== 84 || s.charCodeAt(1) !== 66 || !oneOf(s, 2, 'ACM') || !allDigits(s, 3, 15)) return;
  addMatch(found, s, 'amazon', false, 80);
};

/** Amazon international: A, F or C + 10 digits. */
const amazonInternational: Check = (s, _digits, found) => {
  if (!oneOf(s, 0, 'AFC') || !allDigits(s, 1, 11)) return;
  addMatch(found, s, 'amazon', false, 25);
};

// ── OnTrac and LaserShip ─────────────────────────────────────────────────────────────────────────────

/** OnTrac C/D + 13 digits + check; mod 10 (×1, ×2) over the serial with 4 (C) or 5 (D) prepended. */
const ontrac: Check = (s, _digits, found) => {
  const first = s.charCodeAt(0);
  if ((first !== 67 && first !== 68) || !allDigits(s, 1, 15)) return;
  const implied = first === 67 ? 52 : 53; // '4' for C, '5' for D
  const prefix = s.charCodeAt(1) === implied ? '' : String.fromCharCode(implied);
  if (mod10(s, 1, 14, 1, 2, false, prefix) !== digitAt(s, 14)) return;
  addMatch(found, s, 'ontrac', true, 65);
};

/** LaserShip L + A/I/E/H/N/X + 1-3 + 7 digits. */
const lasershipL: Check = (s, _digits, found) => {
  if (s.charCodeAt(0) !== 76 || !oneOf(s, 1, 'AIEHNX') || !oneOf(s, 2, '123') || !allDigits(s, 3, 10)) return;
  addMatch(found, s, 'lasership', false, 60);
};

/** LaserShip 1LS7 + 1 or 2 + 10 digits (15), or 1LSCX + 10 letters and digits (15). */
const lasership15: Check = (s, _digits, found) => {
  if (!s.startsWith('1LS')) return;
  if (s.startsWith('1LS7') ? oneOf(s, 4, '12') && allDigits(s, 5, 15) : s.startsWith('1LSCX')) {
    addMatch(found, s, 'lasership', false, 80);
  }
};

/** LaserShip 1LS7 (18, printed with "-1"): 1LS7 + 1|2 + 2 digits + 01 + 1-4 + 6 digits + 1 once the dash goes. */
const lasership18: Check = (s, _digits, found) => {
  if (!s.startsWith('1LS7') || !oneOf(s, 4, '12') || !allDigits(s, 5, 17)) return;
  if (s.charCodeAt(7) !== 48 || s.charCodeAt(8) !== 49 || !oneOf(s, 9, '1234') || s.charCodeAt(16) !== 49) return;
  addMatch(found, s, 'lasership', false, 80);
};

// ── Canada ───────────────────────────────────────────────────────────────────────────────────────────

/** Canada Post: 15 digits + check; mod 10 (×3, ×1). */
const canadaPost: Check = (s, digits, found) => {
  if (digits !== 16) return;
  if (mod10(s, 0, 15, 3, 1) !== digitAt(s, 15)) return;
  addMatch(found, s, 'canada_post', true, 35);
};

/** Purolator: 0-5 + 10 digits + Luhn check. Ranked just below FedEx Express, which shares the length. */
const purolatorNumeric: Check = (s, digits, found) => {
  if (digits !== 12 || s.charCodeAt(0) > 53) return;
  if (luhn(s, 0, 11) !== digitAt(s, 11)) return;
  addMatch(found, s, 'purolator', true, 39);
};

/** Purolator: 3 letters + 9 digits; no check digit. */
const purolatorAlpha: Check = (s, _digits, found) => {
  if (!isLetter(s.charCodeAt(0)) || !isLetter(s.charCodeAt(1)) || !isLetter(s.charCodeAt(2))) return;
  if (!allDigits(s, 3, 12)) return;
  addMatch(found, s, 'purolator', false, 20);
};

/** Canpar: C, D, K, L, S, U, X or Z + 21 digits; no check digit. */
const canpar: Check = (s, _digits, found) => {
  if (!oneOf(s, 0, 'CDKLSUXZ') || !allDigits(s, 1, 22)) return;
  addMatch(found, s, 'canpar', false, 55);
};

// ── Europe and Asia ──────────────────────────────────────────────────────────────────────────────────

/** DPD (28): ZIP 7 + 14 + service 3 + country 3 + check character; ISO 7064 MOD 37,36. */
const dpd28: Check = (s, digits, found) => {
  if (digits < 27) return;
  if (mod3736(s, 0, 27) !== s.charAt(27)) return;
  addMatch(found, s, 'dpd', true, 55, dpdService(s.slice(21, 24)));
};

/** DPD (14): 14 digits + check character; ISO 7064 MOD 37,36. */
const dpd14: Check = (s, digits, found) => {
  if (digits < 14) return;
  if (mod3736(s, 0, 14) !== s.charAt(14)) return;
  addMatch(found, s, 'dpd', true, 36);
};

/** Yodel: JD + 16 digits, or JJD + 16 digits; no check digit. */
const yodel: Check = (s, _digits, found) => {
  const at = s.length - 16;
  if (s.charCodeAt(0) !== 74 || s.charCodeAt(at - 1) !== 68 || (at === 3 && s.charCodeAt(1) !== 74)) return;
  if (!allDigits(s, at, s.length)) return;
  addMatch(found, s, 'yodel', false, 70);
};

/** YunExpress: YT + 16 digits. */
const yunexpress: Check = (s, _digits, found) => {
  if (s.charCodeAt(0) !== 89 || s.charCodeAt(1) !== 84 || !allDigits(s, 2, 18)) return;
  addMatch(found, s, 'yunexpress', false, 75);
};

/** Spee-Dee: SP + 18 digits. */
const speedee: Check = (s, _digits, found) => {
  if (s.charCodeAt(0) !== 83 || s.charCodeAt(1) !== 80 || !allDigits(s, 2, 20)) return;
  addMatch(found, s, 'speedee', false, 70);
};

/** GOFO Express (US): GFUS + 14 digits. */
const gofo: Check = (s, _digits, found) => {
  if (!s.startsWith('GFUS') || !allDigits(s, 4, 18)) return;
  addMatch(found, s, 'gofo', false, 85);
};

/** Landmark Global: LTN + 8 digits + N1. */
const landmark: Check = (s, _digits, found) => {
  if (!s.startsWith('LTN') || !allDigits(s, 3, 11) || s.charCodeAt(11) !== 78 || s.charCodeAt(12) !== 49) return;
  addMatch(found, s, 'landmark', false, 88);
};

/**
 * Old Dominion PRO: 072, 777, 778 or 780 + 7 digits + Luhn check; Guaranteed: 80 + 8 digits + Luhn check.
 * (The 780 prefix comes from the dataset's newer test numbers.)
 */
const oldDominion: Check = (s, digits, found) => {
  if (digits !== 11) return;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(1);
  const c = s.charCodeAt(2);
  const guaranteed = a === 56 && b === 48;
  const pro =
    (a === 48 && b === 55 && c === 50) ||
    (a === 55 && b === 55 && (c === 55 || c === 56)) ||
    (a === 55 && b === 56 && c === 48);
  if (!guaranteed && !pro) return;
  if (luhn(s, 0, 10) !== digitAt(s, 10)) return;
  addMatch(found, s, 'old_dominion', true, guaranteed ? 42 : 45, guaranteed ? 'Guaranteed' : undefined);
};

// ── dispatch ─────────────────────────────────────────────────────────────────────────────────────────

/** The shortest and longest normalized length any format has. */
export const MIN_LENGTH = 10;
export const MAX_LENGTH = 41;

function buildTable(): ReadonlyArray<readonly Check[]> {
  const table: Check[][] = [];
  for (let length = 0; length <= MAX_LENGTH; length++) table.push([]);
  const at = (lengths: readonly number[], check: Check) => {
    for (const length of lengths) table[length]?.push(check);
  };
  // Ordered so the more specific formats are tried first; ranking does not depend on it.
  at([18], ups1Z);
  at([11], upsWaybill);
  at([12], fedex12);
  at([15], fedexGround15);
  at([18], fedexSscc18);
  at([22], fedexGround96);
  at([34], fedexGsn);
  at([34], fedex34);
  at([32], fedexAstra);
  at([22, 26, 30, 34], uspsImpbN);
  at([22, 26, 30, 34], uspsImpbC);
  at([20, 22, 28, 30, 32, 34], uspsLegacy);
  at([20], usps20);
  at([13], s10Check);
  at([10, 11], dhlExpress);
  at([12, 13, 14], dhlPieceId);
  const ecommerceLengths: number[] = [];
  for (let length = 12; length <= MAX_LENGTH; length++) ecommerceLengths.push(length);
  at(ecommerceLengths, dhlEcommerce);
  at([14], dhlEcommerce14);
  at([15], amazonLogistics);
  at([11], amazonInternational);
  at([15], ontrac);
  at([10], lasershipL);
  at([15], lasership15);
  at([17], lasership18);
  at([16], canadaPost);
  at([12], purolatorNumeric);
  at([12], purolatorAlpha);
  at([22], canpar);
  at([28], dpd28);
  at([15], dpd14);
  at([18, 19], yodel);
  at([18], yunexpress);
  at([20], speedee);
  at([18], gofo);
  at([13], landmark);
  at([11], oldDominion);
  return table;
}

const formatsByLength = /* @__PURE__ */ buildTable();

/** Runs every format of `s`'s length against `s` (normalized, MIN_LENGTH to MAX_LENGTH characters). */
export function matchFormats(s: string, found: Found): void {
  const checks = formatsByLength[s.length];
  if (checks === undefined || checks.length === 0) return;
  let digits = 0;
  while (digits < s.length && isDigit(s.charCodeAt(digits))) digits++;
  for (const check of checks) check(s, digits, found);
}
