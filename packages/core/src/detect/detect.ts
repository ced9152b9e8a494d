import type { CarrierId } from '../model/carrier.js';
import { type Found, MAX_LENGTH, MIN_LENGTH, VALID, matchFormats } from './formats.js';
import { type Word, compact, foldTypedText, words } from './normalize.js';
import type { CarrierMatch } from './types.js';
import { findLink } from './url.js';

/**
 * Longer inputs are not something a person pasted as a tracking number (or a short message holding one);
 * refusing them up front keeps the work bounded whatever the input.
 */
const MAX_INPUT_LENGTH = 2048;

/** A word longer than this without a digit is prose, not a prefix such as TBA, JJD, LTN or GFUS. */
const MAX_PREFIX_WORD = 5;

/** Carrier names people write next to a number ("FedEx 123456789012"). */
const carrierWords: Readonly<Record<string, readonly CarrierId[]>> = {
  UPS: ['ups'],
  FEDEX: ['fedex'],
  USPS: ['usps'],
  DHL: ['dhl', 'dhl_ecommerce'],
  AMAZON: ['amazon'],
  ONTRAC: ['ontrac', 'lasership'],
  LASERSHIP: ['lasership', 'ontrac'],
  PUROLATOR: ['purolator'],
  CANPAR: ['canpar'],
  DPD: ['dpd'],
  YODEL: ['yodel'],
  YUNEXPRESS: ['yunexpress'],
  GOFO: ['gofo'],
  LANDMARK: ['landmark'],
};

/**
 * The carriers a tracking number could belong to, best first: numbers whose check digit is right before
 * formats without one, then the more specific format (fixed prefix, stricter pattern), ties going to the
 * more common carrier. Accepts what people paste — spaces, dashes, lower case, full-width characters,
 * zero-width spaces, "Tracking #: …", a carrier's tracking link (whose carrier then comes first). `[]` when
 * nothing is plausible. Never throws; the work is linear in the input and capped for long inputs.
 */
export function detectCarrier(input: string): CarrierMatch[] {
  if (typeof input !== 'string' || input.length < MIN_LENGTH || input.length > MAX_INPUT_LENGTH) return [];
  try {
    return detect(foldTypedText(input));
  } catch {
    return [];
  }
}

function detect(input: string): CarrierMatch[] {
  const found: Found = { matches: [], ranks: [] };

  // The common case: the input is the number, maybe with spaces or dashes.
  const number = compact(input);
  if (number !== null) {
    if (number.length >= MIN_LENGTH && number.length <= MAX_LENGTH) matchFormats(number, found);
    if (number === input || hasValid(found)) return ranked(found);
    if (found.matches.length > 0) {
      // Only formats without a check digit took the words as one number ("THE 1Z…" as DHL eCommerce
      // "TH…"): a more specific number with a valid check digit among the words wins over that.
      addStrongerInner(input, found);
      return ranked(dropShadowed(found));
    }
  }

  const link = findLink(input);
  if (link !== null) {
    for (const part of link.parts) {
      const candidate = compact(part);
      if (candidate !== null && candidate.length >= MIN_LENGTH && candidate.length <= MAX_LENGTH) {
        matchFormats(candidate, found);
      }
    }
    if (found.matches.length > 0) {
      prefer(found, link.carriers, 20_000);
      return ranked(dropShadowed(found));
    }
  }

  const list = words(input);
  scanWords(list, found);
  for (const word of list) {
    const named = carrierWords[word.text];
    if (named !== undefined) prefer(found, named, 10_000);
  }
  return ranked(dropShadowed(found));
}

function hasValid(found: Found): boolean {
  for (const match of found.matches) if (match.checksum === 'valid') return true;
  return false;
}

function addStrongerInner(input: string, found: Found): void {
  let best = 0;
  for (const rank of found.ranks) best = Math.max(best, rank);
  const inner: Found = { matches: [], ranks: [] };
  scanWords(words(input), inner);
  for (let i = 0; i < inner.matches.length; i++) {
    const match = inner.matches[i] as CarrierMatch;
    const rank = inner.ranks[i] ?? 0;
    if (match.checksum === 'valid' && rank - VALID > best) {
      found.matches.push(match);
      found.ranks.push(rank);
    }
  }
}

/**
 * Tries every run of consecutive words that could be one number. A run never starts or ends between two
 * words that both hold digits, so a digit group is never cut out of a longer number.
 */
function scanWords(list: readonly Word[], found: Found): void {
  for (let i = 0; i < list.length; i++) {
    const first = list[i] as Word;
    const previous = list[i - 1];
    if (previous !== undefined && previous.segment === first.segment && previous.hasDigit && first.hasDigit) continue;
    if (!first.hasDigit && first.text.length > MAX_PREFIX_WORD) continue;
    let text = '';
    let hasDigit = false;
    for (let j = i; j < list.length; j++) {
      const word = list[j] as Word;
      if (word.segment !== first.segment) break;
      if (j > i && !word.hasDigit && word.text.length > MAX_PREFIX_WORD) break;
      text += word.text;
      hasDigit ||= word.hasDigit;
      if (text.length > MAX_LENGTH) break;
      const next = list[j + 1];
      if (next !== undefined && next.segment === word.segment && next.hasDigit && word.hasDigit) continue;
      if (hasDigit && text.length >= MIN_LENGTH) matchFormats(text, found);
    }
  }
}

/** Raises the matches of the given carriers (in that order) above all others. */
function prefer(found: Found, carriers: readonly CarrierId[], bonus: number): void {
  const { matches, ranks } = found;
  for (let i = 0; i < matches.length; i++) {
    const index = carriers.indexOf((matches[i] as CarrierMatch).carrier);
    if (index >= 0 && (ranks[i] ?? 0) < bonus) ranks[i] = (ranks[i] ?? 0) + bonus - index * 100;
  }
}

/**
 * In text, a word next to a number can make a longer run that some format without a check digit accepts
 * ("THE 1Z…" reads as DHL eCommerce "TH…"). Such a match is dropped when a check-digit-valid number lies
 * inside it.
 */
function dropShadowed(found: Found): Found {
  const { matches, ranks } = found;
  const kept: Found = { matches: [], ranks: [] };
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i] as CarrierMatch;
    let shadowed = false;
    if (match.checksum === 'none') {
      for (const other of matches) {
        if (
          other.checksum === 'valid' &&
          other.trackingNumber !== match.trackingNumber &&
          match.trackingNumber.includes(other.trackingNumber)
        ) {
          shadowed = true;
          break;
        }
      }
    }
    if (!shadowed) {
      kept.matches.push(match);
      kept.ranks.push(ranks[i] ?? 0);
    }
  }
  return kept;
}

/** The matches ordered by rank, best first; equal ranks keep the order the formats were tried in. */
function ranked(found: Found): CarrierMatch[] {
  const { matches, ranks } = found;
  if (matches.length < 2) return matches;
  // Insertion sort: a handful of matches at most, and stable.
  for (let i = 1; i < matches.length; i++) {
    const match = matches[i] as CarrierMatch;
    const rank = ranks[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (ranks[j] ?? 0) < rank) {
      matches[j + 1] = matches[j] as CarrierMatch;
      ranks[j + 1] = ranks[j] ?? 0;
      j--;
    }
    matches[j + 1] = match;
    ranks[j + 1] = rank;
  }
  return matches;
}
