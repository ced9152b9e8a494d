export { checkDelays, DelayEventCode } from './check-delays.js';
export { delayCheckSource, isDelayCheckEvent } from './events.js';
export type { CheckDelaysOptions, DelayCheckResult } from './check-delays.js';
