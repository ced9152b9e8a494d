export { ErrorCode, TracklineError, isTracklineError } from './trackline-error.js';
export type { TracklineErrorOptions } from './trackline-error.js';
