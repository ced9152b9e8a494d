// The webhook helper as a process of its own, for the crash test: a node:http server on 127.0.0.1 with
// createWebhookHandler and a store on disk, which the test SIGKILLs mid-stream and starts again.
//
//   TRACKLINE_CRASH_STORE=sqlite:/tmp/x.db | postgres:postgres://…   which store, where
//   TRACKLINE_CRASH_SECRET=whsec_…                                     the Standard Webhooks secret
//   TRACKLINE_CRASH_PLUGIN=/abs/path/module.ts                          optional: see CrashPlugin
//   TRACKLINE_CRASH_STALL_AFTER=n                                       optional: after n stored updates,
//       onUpdate never returns (printing `stalled`): stored, never answered, until the kill
//
// Prints `listening <url>` on stdout once it accepts requests.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createWebhookHandler } from '../handler.js';
import { openStore, type CrashPlugin } from './harness.js';

const store = await openStore(process.env.TRACKLINE_CRASH_STORE ?? '');
const secret = process.env.TRACKLINE_CRASH_SECRET ?? '';
const stallAfter = Number(process.env.TRACKLINE_CRASH_STALL_AFTER ?? Infinity);

// The hook for what else runs in the same process and must survive the same crash (the notifier).
const pluginPath = process.env.TRACKLINE_CRASH_PLUGIN;
const plugin = pluginPath
  ? await ((await import(pathToFileURL(pluginPath).href)) as { default: CrashPlugin }).default(store)
  : {};

let updates = 0;
const handler = createWebhookHandler({
  providers: { standard: { secret } },
  store,
  async onUpdate(result, update) {
    await plugin.onUpdate?.(result, update);
    updates += 1;
    if (updates > stallAfter) {
      process.stdout.write('stalled\n');
      await new Promise(() => undefined);
    }
  },
  onError: (error) => process.stderr.write(`webhook handler: ${String(error)}\n`),
});
const server = createServer(handler);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});
