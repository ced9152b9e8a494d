import { library } from '../../scripts/rollup.js';

// The SQLite store's writer thread is loaded by URL (new Worker), not imported, so it is an entry of its own.
export default library({
  input: { index: 'src/index.ts', 'store/sqlite-writer-thread': 'src/store/sqlite-writer-thread.ts' },
});
