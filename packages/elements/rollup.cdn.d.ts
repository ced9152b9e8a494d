import type { Plugin, RollupOptions } from 'rollup';

/** Resolves bare imports through package `exports` with browser conditions (never `development` or `node`). */
export function resolvePackages(): Plugin;
/** The single-file CDN build, `dist/trackline.min.js`. */
export function cdnBundle(): RollupOptions;
