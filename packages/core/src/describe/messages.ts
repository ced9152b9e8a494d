import { de } from './messages-de.js';
import { en } from './messages-en.js';
import { es } from './messages-es.js';
import { fr } from './messages-fr.js';
import type { DescribeLocale, Messages } from './types.js';

/** The built-in copy, by language. Spread one and replace a few keys to change the wording. */
export const describeMessages: Readonly<Record<DescribeLocale, Messages>> = { en, es, fr, de };
