export { detectCarrier } from './detect.js';
export type { CarrierMatch, ChecksumState } from './types.js';
