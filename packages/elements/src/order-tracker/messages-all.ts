import type { DescribeLocale } from '@trackline/core';
import { en, type TrackerMessages } from './messages.js';
import { lookupEn } from './messages-lookup.js';
import { de } from './messages-de.js';
import { es } from './messages-es.js';
import { fr } from './messages-fr.js';

/**
 * The built-in copy in every language, to read or to spread and change a few words. The element itself
 * loads only the language a page asks for, so importing this adds every language to a bundle.
 */
export const trackerMessages: Record<DescribeLocale, TrackerMessages> = { en: { ...lookupEn, ...en }, es, fr, de };
