export { eventTime, zoneOffsetAt } from './event-time.js';
export type { EventTime, EventTimeInput } from './event-time.js';
export { zoneForPlace } from './zone-for-place.js';
