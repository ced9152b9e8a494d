export { createTrackingHandler } from './tracking-handler.js';
export type { TrackingHandler } from './tracking-handler.js';
export type { ErrorCode as LookupErrorCode, TrackingHandlerOptions } from './lookup.js';
export type { LookupClient } from './client.js';
export type { CorsOptions } from './headers.js';
export type { RateLimit } from './rate-limit.js';
export { normalizeEmail, normalizePostalCode } from './match.js';
