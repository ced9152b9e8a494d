export { detectDelay } from './detect-delay.js';
export { DelayCause } from './types.js';
export type { DelayProblem, DetectDelayOptions } from './types.js';
