// One server of bench/webhooks, in a process of its own so the load generator does not share its core:
//   bare          node:http answering 200 once the body is read
//   verify-parse  verifyWebhook + parseWebhook, answering 200 (no store)
//   no-store      createWebhookHandler with a store that writes nothing: the handler's own cost
//   handler       createWebhookHandler with sqliteStore on a file: signature, parse, durable write
// Prints `listening <url>` when ready.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createWebhookHandler, parseWebhook, sqliteStore, verifyWebhook } from '@trackline/node';

const [kind, dbPath] = process.argv.slice(2);
const secret = process.env.BENCH_SECRET ?? '';

let listener: RequestListener;
if (kind === 'bare') {
  listener = (request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  };
} else if (kind === 'verify-parse') {
  listener = (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const verified = verifyWebhook('easypost', { headers: request.headers, body, secret });
      const ok = verified.ok && parseWebhook('easypost', body).length === 1;
      response.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  };
} else if (kind === 'no-store') {
  // Not a store: it acknowledges without writing, to show what the handler costs beside verify + parse.
  const handler = createWebhookHandler({
    providers: { easypost: { secret } },
    store: { applyUpdate: async (update) => ({ duplicate: false, after: update.shipment }) },
  });
  listener = (request, response) => void handler(request, response);
} else if (kind === 'handler') {
  const store = await sqliteStore({ path: dbPath! });
  const handler = createWebhookHandler({ providers: { easypost: { secret } }, store });
  listener = (request, response) => void handler(request, response);
} else {
  throw new Error(`Unknown server kind "${kind}".`);
}

// What one request costs, whatever else the machine runs: the CPU time of this process (every thread,
// the store's writer thread too) and the time its event loop was busy, per request taken in, between
// SIGUSR2 (sent after the warm-up) and SIGTERM.
let taken = 0;
let from = { cpu: process.cpuUsage(), loop: performance.eventLoopUtilization(), taken: 0 };
const server = createServer((request, response) => {
  taken++;
  listener(request, response);
});
process.on('SIGUSR2', () => {
  from = { cpu: process.cpuUsage(), loop: performance.eventLoopUtilization(), taken };
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});

// Exit cleanly when the bench is done, so the process's exit hooks (a --cpu-prof, say) run.
process.on('SIGTERM', () => {
  const { user, system } = process.cpuUsage(from.cpu);
  const loop = performance.eventLoopUtilization(from.loop);
  const requests = taken - from.taken;
  const cost = { cpu: (user + system) / requests, loop: (loop.active * 1000) / requests };
  process.stdout.write(`cost ${JSON.stringify(cost)}\n`, () => process.exit(0));
});
