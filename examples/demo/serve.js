// `pnpm demo` ends here: start the demo and stop cleanly on Ctrl-C.
import { startDemo } from './server.js';

const requested = Number(process.env.PORT ?? 4321);
let started;
try {
  started = await startDemo({ port: requested });
} catch (error) {
  if (error?.code !== 'EADDRINUSE') throw error;
  console.log(`Port ${requested} is busy; using a free one instead.`);
  started = await startDemo({ port: 0 });
}
console.log(`Trackline demo: ${started.url}  (sandbox time runs 600× faster; Ctrl-C stops it)`);
console.log(`SQLite store: ${started.dbPath}`);

console.log(`Carrier sandbox behind it: ${started.sandbox}`);

function stop() {
  void started.close().then(() => process.exit(0));
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
