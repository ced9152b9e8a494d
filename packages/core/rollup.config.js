import { library } from '../../scripts/rollup.js';

export default library({
  input: {
    index: 'src/index.ts',
    'model/index': 'src/model/index.ts',
    'status/index': 'src/status/index.ts',
    'detect/index': 'src/detect/index.ts',
    'describe/index': 'src/describe/index.ts',
    'fit/index': 'src/fit/index.ts',
  },
});
