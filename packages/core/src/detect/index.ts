export { detectCarrier } from './detect.js';
export { normalizeTrackingNumber } from './normalize.js';
export type { CarrierMatch, ChecksumState } from './types.js';
