// The entry of the single-file CDN bundle (`dist/trackline.min.js`): every element defined, every export available.
import './define/tracking-progress.js';
import './define/tracking-timeline.js';
import './define/delay-banner.js';
import './define/order-tracker.js';

export * from './index.js';

// The CDN build (rollup.cdn.js) replaces this with package.json's version. Run from source (the `source` condition of
// `@trackline/elements/cdn`) it is not defined: nothing in the repository imports this entry from source.
declare const __TRACKLINE_VERSION__: string;

/** The version of `@trackline/elements` this bundle was built from, as its first line (the banner) also says. */
export const version: string = __TRACKLINE_VERSION__;
