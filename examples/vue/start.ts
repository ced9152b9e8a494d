// `pnpm --filter @trackline/example-vue start`: bundles the app and serves it on http://127.0.0.1:3000 (or $PORT).
import { startServer } from './server.js';

const server = await startServer({ port: Number(process.env.PORT ?? 3000) });
console.log(`Trackline Vue example on ${server.url}/?order=TL-1002&email=weather-delay@example.com`);
console.log(`  (or ${server.url}/ for the look-up form)`);
process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
