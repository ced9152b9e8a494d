import { createDescriber, loadDescribeMessages, type Messages } from '@trackline/core';
import { en } from '@trackline/core/locales/en';
import { Catalog } from './languages.js';

/** The core's describe copy, as the elements load it: English built in, the shopper's language on demand. */
export const describeCopy = new Catalog<Messages>(en, {
  es: () => loadDescribeMessages('es'),
  fr: () => loadDescribeMessages('fr'),
  de: () => loadDescribeMessages('de'),
});

/** `describeShipment` in English and every language loaded so far (never the others' copy in the bundle). */
export const describe = createDescriber(describeCopy.loaded);
