// One server of bench/webhooks, in a process of its own so the load generator does not share its core:
//   bare          node:http answering 200 once the body is read
//   verify-parse  verifyWebhook + parseWebhook, answering 200 (no store)
//   no-store      createWebhookHandler with a store that writes nothing: the handler's own cost
//   handler       createWebhookHandler with sqliteStore on a file: signature, parse, durable write
// Prints `listening <url>` when ready.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
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

const server = createServer(listener);
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});

// Exit cleanly when the bench is done, so the process's exit hooks (a --cpu-prof, say) run.
process.on('SIGTERM', () => process.exit(0));
