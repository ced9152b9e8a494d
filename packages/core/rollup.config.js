import { library } from '../../scripts/rollup.js';

export default library({
  input: {
    index: 'src/index.ts',
    'model/index': 'src/model/index.ts',
    'status/index': 'src/status/index.ts',
    'detect/index': 'src/detect/index.ts',
    'describe/index': 'src/describe/index.ts',
    // One module per language of the describe copy: `@trackline/core/locales/<language>`.
    'describe/messages-en': 'src/describe/messages-en.ts',
    'describe/messages-es': 'src/describe/messages-es.ts',
    'describe/messages-fr': 'src/describe/messages-fr.ts',
    'describe/messages-de': 'src/describe/messages-de.ts',
    'fit/index': 'src/fit/index.ts',
  },
});
