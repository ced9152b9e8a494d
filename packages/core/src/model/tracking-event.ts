/**
 * Where an event's time came from:
 * - `carrier`: the carrier gave the local time with its offset;
 * - `inferred`: the carrier gave a local time without offset and Trackline took the offset from the location;
 * - `utc`: only a UTC time was known, so the local time of day is unknown.
 */
export const TimeSource = { carrier: 'carrier', inferred: 'inferred', utc: 'utc' } as const;
export type TimeSource = (typeof TimeSource)[keyof typeof TimeSource];

export type { TrackingEvent } from './schemas.js';
