export type { AdapterOptions, CarrierAdapter, TrackOptions } from './adapter.js';
export { buildShipment, toEvent } from './build.js';
export type { RawEvent, ShipmentParts } from './build.js';
export { createHttpClient, defaultMaxRetryAfter, defaultRetries, defaultTimeout } from './http/client.js';
export { toTracklineError } from './http/errors.js';
export { createTokenSource, withToken } from './http/oauth.js';
export type { Token, TokenSource } from './http/oauth.js';
