import { library } from '../../scripts/rollup.js';
import { cdnBundle } from './rollup.cdn.js';
import { minifyTemplatesPlugin } from './minify-templates.js';

// The ESM build (not the .d.ts one) ships the templates' CSS and markup without their indentation, as the CDN
// bundle does (minify-templates.js says what it changes and why that renders the same).
const withMinifiedTemplates = (config) =>
  config.plugins.some((plugin) => plugin.name === 'esbuild')
    ? { ...config, plugins: [minifyTemplatesPlugin(), ...config.plugins] }
    : config;

export default [
  ...library({
    input: {
      index: 'src/index.ts',
      'define/tracking-progress': 'src/define/tracking-progress.ts',
      'define/tracking-timeline': 'src/define/tracking-timeline.ts',
      'define/delay-banner': 'src/define/delay-banner.ts',
      'define/order-tracker': 'src/define/order-tracker.ts',
    },
  }).map(withMinifiedTemplates),
  cdnBundle(),
];
