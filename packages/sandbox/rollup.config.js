import { library } from '../../scripts/rollup.js';

export default library({ input: { index: 'src/index.ts', cli: 'src/cli.ts' } });
