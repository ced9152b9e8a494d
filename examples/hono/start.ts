// `pnpm --filter @trackline/example-hono start`: serves on http://127.0.0.1:3000 (or $PORT) until Ctrl-C.
import { startServer } from './server.js';

// The sandbox replays its scenarios from 30 hours before each start, so the store starts empty each time too
// (`:memory:`); a shop gives a file, e.g. DATABASE=./data/trackline.db.
const server = await startServer({
  port: Number(process.env.PORT ?? 3000),
  database: process.env.DATABASE ?? ':memory:',
});
console.log(`Trackline Hono example on ${server.url}`);
console.log(`  look-up:  ${server.url}/api/track?orderNumber=TL-1001&email=on-time@example.com`);
console.log(`  webhooks: ${server.url}/webhooks/easypost (the sandbox posts signed EasyPost webhooks here)`);
process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
