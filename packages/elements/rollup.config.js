import { library } from '../../scripts/rollup.js';

export default library({
  input: {
    index: 'src/index.ts',
    'define/tracking-progress': 'src/define/tracking-progress.ts',
  },
});
