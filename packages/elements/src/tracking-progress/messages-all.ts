import type { DescribeLocale } from '@trackline/core';
import { en, type ProgressMessages } from './messages.js';
import { de } from './messages-de.js';
import { es } from './messages-es.js';
import { fr } from './messages-fr.js';

/**
 * The built-in copy in every language, to read or to spread and change a few words. The element itself
 * loads only the language a page asks for, so importing this adds every language to a bundle.
 */
export const progressMessages: Record<DescribeLocale, ProgressMessages> = { en, es, fr, de };
