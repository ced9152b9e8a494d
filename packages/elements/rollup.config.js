import { library } from '../../scripts/rollup.js';
import { cdnBundle } from './rollup.cdn.js';

export default [
  ...library({
    input: {
      index: 'src/index.ts',
      'define/tracking-progress': 'src/define/tracking-progress.ts',
      'define/tracking-timeline': 'src/define/tracking-timeline.ts',
      'define/delay-banner': 'src/define/delay-banner.ts',
      'define/order-tracker': 'src/define/order-tracker.ts',
    },
  }),
  cdnBundle(),
];
