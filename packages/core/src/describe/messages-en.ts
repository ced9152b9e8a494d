import { enProblems } from './messages-en-problems.js';
import { enStatus } from './messages-en-status.js';
import type { Messages } from './types.js';

/**
 * The English copy, whole. It is two modules, so a browser page can load the problem copy only when a parcel has
 * a problem (most never do): `enStatus` (statuses, dates, no data) and `enProblems`, both exported from
 * `@trackline/core` for `createDescriberFrom`. Import them from there, not through this object, which holds both.
 */
export const en: Messages = { ...enStatus, ...enProblems };
