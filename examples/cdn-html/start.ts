// `pnpm --filter @trackline/example-cdn-html start`: builds the CDN bundle if it is missing, then serves the page
// on http://127.0.0.1:3000 (or $PORT) until Ctrl-C.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { bundlePath, startServer } from './serve.js';

if (!existsSync(bundlePath)) {
  console.log('Building the CDN bundle (pnpm --filter @trackline/elements build)…');
  execFileSync('pnpm', ['--filter', '@trackline/elements', 'build'], { stdio: 'inherit' });
}
const server = await startServer({ port: Number(process.env.PORT ?? 3000) });
console.log(`Trackline plain HTML example on ${server.url}/ — try order TL-1002 with weather-delay@example.com`);
process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
