export { TrackingProgress } from './tracking-progress/tracking-progress.js';
export { progressMessages } from './tracking-progress/messages.js';
export type { ProgressMessages } from './tracking-progress/messages.js';
