import { resolveLocale } from './locale.js';
import { en } from './messages-en.js';
import type { Messages } from './types.js';

/**
 * The describe copy of a locale's language (`es-MX` → Spanish), loaded with `import()` so a bundle carries only
 * the languages its shoppers use; English, and any language `describeShipment` does not speak, resolve at once
 * to the English copy. Hand the result to `createDescriber({ es: await loadDescribeMessages('es') })`.
 */
export function loadDescribeMessages(locale?: string): Promise<Messages> {
  switch (resolveLocale(locale)) {
    case 'es':
      return import('./messages-es.js').then((module) => module.es);
    case 'fr':
      return import('./messages-fr.js').then((module) => module.fr);
    case 'de':
      return import('./messages-de.js').then((module) => module.de);
    default:
      return Promise.resolve(en);
  }
}
