// The entry of the single-file CDN bundle (`dist/trackline.min.js`): every element defined, every export available.
import './define/tracking-progress.js';
import './define/tracking-timeline.js';
import './define/delay-banner.js';
import './define/order-tracker.js';

export * from './index.js';
