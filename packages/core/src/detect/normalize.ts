// Turning what people paste into candidate numbers: upper case, without the spaces, dashes and dots that
// printed labels and e-mails put between digit groups. Every function here is one pass over its input.

/** Invisible format characters (Unicode category Cf): zero-width spaces and joiners, soft hyphens, direction marks. */
const formatCharacters = /\p{Cf}/gu;

/**
 * Text the way a person meant it, the first step before anything reads a pasted or typed number:
 * compatibility forms folded (NFKC), so full-width `１Ｚ９９９ＡＡ１`, as a Japanese or Chinese keyboard types
 * it, reads as `1Z999AA1` and an ideographic space as a space; and invisible format characters removed, which
 * copies from web pages, PDFs and chat apps carry (zero-width space, word joiner, soft hyphen, direction marks).
 * Returns the input itself when it is plain ASCII, the common case.
 */
export function foldTypedText(input: string): string {
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0x7f) return input.normalize('NFKC').replace(formatCharacters, '');
  }
  return input;
}

/** Characters people put inside a number: whitespace, dashes, dots, zero-width joiners. */
export function isJoiner(code: number): boolean {
  return (
    code === 32 || // space
    code === 45 || // -
    code === 46 || // .
    (code >= 9 && code <= 13) || // tab, newlines
    code === 0xa0 || // no-break space
    (code >= 0x2000 && code <= 0x200d) || // typographic spaces, zero-width space and joiners
    (code >= 0x2010 && code <= 0x2015) || // hyphens and dashes
    code === 0x2212 || // minus sign
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** 0 for characters that are not ASCII letters or digits, else the upper-case char code. */
export function alphanumeric(code: number): number {
  if (code >= 48 && code <= 57) return code;
  if (code >= 65 && code <= 90) return code;
  if (code >= 97 && code <= 122) return code - 32;
  return 0;
}

/**
 * The input as one candidate number — upper case, joiners removed — or `null` when it holds anything else
 * (punctuation, letters outside A-Z, …). Returns the input itself when it is already normalized.
 */
export function compact(input: string): string | null {
  const length = input.length;
  let i = 0;
  // Fast path: nothing to change.
  while (i < length) {
    const code = input.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90))) break;
    i++;
  }
  if (i === length) return input;
  let out = input.slice(0, i);
  for (; i < length; i++) {
    const code = input.charCodeAt(i);
    const upper = alphanumeric(code);
    if (upper !== 0) out += String.fromCharCode(upper);
    else if (!isJoiner(code)) return null;
  }
  return out;
}

/**
 * A tracking number in one canonical form, for keeping and comparing numbers: upper case, without the
 * spaces, dashes, dots and joiners that labels, e-mails and shoppers put between digit groups, as
 * `detectCarrier` reads them (`1z 999-aa1`, full-width `１Ｚ９９９ＡＡ１` and `1Z999AA1` are one number).
 * Takes any string and never throws: a character that is neither a joiner nor an ASCII letter or digit
 * (`#`, `/`, `É`) is kept as it is. Applying it twice changes nothing.
 */
export function normalizeTrackingNumber(input: string): string {
  const compacted = compact(input);
  if (compacted !== null) return compacted;
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    // Folded one character at a time (full-width `１` is `1`, a zero-width space nothing), so removing a
    // joiner never brings two characters together that NFKC would then join: the result stays a fixed point.
    const chars = code > 0x7f ? input.charAt(i).normalize('NFKC').replace(formatCharacters, '') : input.charAt(i);
    for (let j = 0; j < chars.length; j++) {
      const folded = chars.charCodeAt(j);
      const upper = alphanumeric(folded);
      if (upper !== 0) out += String.fromCharCode(upper);
      else if (!isJoiner(folded)) out += chars.charAt(j);
    }
  }
  return out;
}

/** One word of a pasted text: its normalized characters, and whether it holds a digit. */
export interface Word {
  readonly text: string;
  readonly hasDigit: boolean;
  /** Words of the same segment are separated only by joiners; punctuation starts a new segment. */
  readonly segment: number;
}

/** Splits text into words at joiners, and into segments at any other non-alphanumeric character. */
export function words(input: string): Word[] {
  const result: Word[] = [];
  let segment = 0;
  let text = '';
  let hasDigit = false;
  const flush = () => {
    if (text !== '') result.push({ text, hasDigit, segment });
    text = '';
    hasDigit = false;
  };
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    const upper = alphanumeric(code);
    if (upper !== 0) {
      text += String.fromCharCode(upper);
      if (upper <= 57) hasDigit = true;
    } else if (isJoiner(code)) {
      flush();
    } else {
      flush();
      segment++;
    }
  }
  flush();
  return result;
}

/** Decodes `%XX` escapes of ASCII characters and `+` as a space; leaves anything malformed as it is. */
export function decodeUrlPart(part: string): string {
  if (part.indexOf('%') < 0 && part.indexOf('+') < 0) return part;
  let out = '';
  for (let i = 0; i < part.length; i++) {
    const ch = part.charAt(i);
    if (ch === '+') out += ' ';
    else if (ch === '%' && i + 2 < part.length) {
      const value = parseInt(part.slice(i + 1, i + 3), 16);
      if (value >= 0 && value < 128 && /^[0-9A-Fa-f]{2}$/.test(part.slice(i + 1, i + 3))) {
        out += String.fromCharCode(value);
        i += 2;
      } else out += ch;
    } else out += ch;
  }
  return out;
}
