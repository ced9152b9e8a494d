export { memoryCache } from './cache.js';
export type { MemoryCacheOptions, TrackerCache } from './cache.js';
export { createTracker, defaultTtl } from './create-tracker.js';
export type { Tracker, TrackerOptions, TrackRequest } from './create-tracker.js';
