// The GSM 03.38 alphabet that SMS uses by default. A message written only in it fits 160 characters in
// one segment; a single character outside it (a Spanish `á`, a curly apostrophe) switches the whole
// message to UCS-2, where one segment holds only 70. Carriers bill, and phones split, per segment.

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters reached through the escape code: each takes two of the 160. */
const EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(Array.from(BASIC));
const extension = new Set(Array.from(EXTENSION));

/** True when every character of `text` is in the GSM-7 alphabet (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!basic.has(char) && !extension.has(char)) return false;
  return true;
}

export interface SmsLength {
  encoding: 'gsm7' | 'ucs2';
  /** Septets (GSM-7, extension characters count two) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/** How long an SMS is and how many segments it takes (153 or 67 per segment once it needs more than one). */
export function smsLength(text: string): SmsLength {
  if (isGsm7(text)) {
    let units = 0;
    for (const char of text) units += extension.has(char) ? 2 : 1;
    return { encoding: 'gsm7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length;
  return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** True when `text` is sent as one segment. */
export function fitsOneSegment(text: string): boolean {
  return smsLength(text).segments <= 1;
}

const typography: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u00e7': 'Ç', // GSM-7 has only the capital; phones and carriers use it for both
};

/**
 * The closest GSM-7 text: typographic quotes and dashes become plain ones and accented letters the
 * alphabet lacks lose their accent (`á` → `a`, `ê` → `e`), while letters it has (`é`, `ñ`, `ü`) stay.
 * Characters with no stand-in are kept, so the result may still need UCS-2.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const char of text) {
    if (basic.has(char) || extension.has(char)) out += char;
    else if (typography[char] !== undefined) out += typography[char];
    else {
      const bare = char.normalize('NFD').replace(/\p{M}+/gu, '');
      out += bare !== '' && isGsm7(bare) ? bare : char;
    }
  }
  return out;
}
