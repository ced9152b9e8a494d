import { fitsOneSegment, isGsm7, smsLength, toGsm7 } from './gsm7.js';
import { plainText, type Words } from './words.js';

// An SMS should be one segment: 160 GSM-7 characters. The templates go from the fullest to the
// shortest; each is tried as written and then folded to GSM-7 (`á` → `a`, `’` → `'`), because one
// character outside GSM-7 would cut the budget to 70. The first that fits is sent.

export interface SmsInput {
  words: Words;
  brandName: string;
  link?: string;
}

const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** The candidate texts, fullest first. */
export function smsTemplates({ words, brandName, link }: SmsInput): string[] {
  const prefix = `${plainText(brandName, 40)}: ${sentence(words.headline)}`;
  const build = (...parts: (string | null | undefined)[]) =>
    [prefix, ...parts, link].filter((part): part is string => Boolean(part)).join(' ');
  const candidates = [
    build(words.happened, words.todo ?? words.next),
    build(words.todo ?? words.happened),
    build(words.todo ? null : words.next),
    build(),
    [sentence(words.headline), link].filter(Boolean).join(' '),
  ];
  return [...new Set(candidates)];
}

/** The fullest template that fits one segment, as written or folded to GSM-7; else the shortest, as short as it gets. */
export function composeSms(input: SmsInput): string {
  const candidates = smsTemplates(input);
  for (const text of candidates) {
    if (fitsOneSegment(text)) return text;
    const folded = toGsm7(text);
    if (isGsm7(folded) && fitsOneSegment(folded)) return folded;
  }
  const shortest = candidates[candidates.length - 1] ?? '';
  const folded = toGsm7(shortest);
  return smsLength(folded).segments < smsLength(shortest).segments ? folded : shortest;
}
