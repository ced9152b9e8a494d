export { TrackingProgress } from './tracking-progress/tracking-progress.js';
export { progressMessages } from './tracking-progress/messages-all.js';
export type { ProgressMessages } from './tracking-progress/messages.js';
export { TrackingTimeline } from './tracking-timeline/tracking-timeline.js';
export { timelineMessages } from './tracking-timeline/messages-all.js';
export type { TimelineMessageOverrides, TimelineMessages } from './tracking-timeline/messages.js';
export { DelayBanner } from './delay-banner/delay-banner.js';
export { bannerMessages } from './delay-banner/messages-all.js';
export type { BannerMessages } from './delay-banner/messages.js';
export { OrderTracker } from './order-tracker/order-tracker.js';
export { trackerMessages } from './order-tracker/messages-all.js';
export type { TrackerMessageOverrides, TrackerMessages } from './order-tracker/messages.js';
export { TracklineErrorEvent, TracklineLoadedEvent, TracklineStatusChangeEvent } from './order-tracker/events.js';
export type {
  ErrorDetail,
  LoadedDetail,
  LookupErrorCode,
  ProblemDetail,
  StatusChangeDetail,
} from './order-tracker/events.js';
