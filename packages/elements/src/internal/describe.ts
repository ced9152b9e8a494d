import { createDescriberFrom, enStatus, type Messages, type ProblemMessages } from '@trackline/core';
import { Catalog } from './languages.js';

/**
 * The core's describe copy, as the elements load it: English built in, but for its problem copy, which comes
 * with `<delay-banner>` (`addProblemCopy`) since only a parcel with a problem needs it; the shopper's language
 * on demand, whole.
 */
export const describeCopy = new Catalog<Partial<Messages>>(
  { ...enStatus },
  {
    // Not the core's loadDescribeMessages: it keeps the whole English copy at hand, problems included.
    es: () => import('@trackline/core/locales/es').then((module) => module.es),
    fr: () => import('@trackline/core/locales/fr').then((module) => module.fr),
    de: () => import('@trackline/core/locales/de').then((module) => module.de),
  },
);

/** `describeShipment` in English and every language loaded so far (never the others' copy in the bundle). */
export const describe = createDescriberFrom(describeCopy.loaded);

/** Completes the built-in English with its problem copy (`enProblems`); doing it again changes nothing. */
export function addProblemCopy(problems: ProblemMessages): void {
  Object.assign(describeCopy.get('en'), problems);
}

/** Whether the built-in English has its problem copy yet. */
export function hasProblemCopy(): boolean {
  return 'problem.other.headline' in describeCopy.get('en');
}
