// The notifier the crash tests run inside the webhook helper (a CrashPlugin, see harness.ts): it plans
// and sends over SMTP to the recorder the test runs in its own process, so what reached the "shopper"
// survives the kill. The settings are shared with the test, which plans the same changes again to
// know which messages were due.
//
//   TRACKLINE_CRASH_SMTP_PORT=n          the test's SMTP server on 127.0.0.1
//   TRACKLINE_CRASH_CLOCK_OFFSET_MS=n    the notifier's clock runs this far behind the real one, so the
//                                        stream's scans (May 2026) are fresh news to it
//   TRACKLINE_CRASH_NOTIFY_EVERY_MS=n    how often the notifier runs (default 25)
import type { NotifierOptions } from '../../notify/notifier.js';
import { createNotifier } from '../../notify/notifier.js';
import { smtpSender } from '../../notify/smtp.js';
import type { Store } from '../../store/types.js';
import type { CrashPluginInstance } from './harness.js';

/** When the notifier thinks it is, in the crash stream's time: an hour after the last scan. */
export const crashNow = Date.parse('2026-05-06T02:00:00Z');

/** Everything but the store and the senders, the same in the child and in the test that checks it. */
export function crashNotifierSettings(offsetMs: number): Omit<NotifierOptions, 'store' | 'send'> {
  return {
    brand: { name: 'Crash Shop', supportEmail: 'help@crash.example' },
    quietHours: false,
    now: () => new Date(Date.now() - offsetMs),
    // Short enough that a message caught by a kill is sent again a few seconds after the restart; long
    // enough that no send outlasts it on a loaded machine. A send that times out is retried although the
    // SMTP server may have taken it, and a claim that ran out is taken over: either may send a message
    // twice within one life (docs/node.md), which the test would rightly count as a failure.
    leaseMs: 4000,
    sendTimeoutMs: 2000,
    retry: { baseMs: 100, maxMs: 400 },
    batchSize: 20,
    concurrency: 4,
  };
}

export default async function crashNotifier(store: Store): Promise<CrashPluginInstance> {
  const port = Number(process.env.TRACKLINE_CRASH_SMTP_PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error('TRACKLINE_CRASH_SMTP_PORT is not set.');
  // Loaded now rather than on the first send, where it would take part of the send timeout.
  await import('nodemailer');
  const offsetMs = Number(process.env.TRACKLINE_CRASH_CLOCK_OFFSET_MS ?? 0);
  // Pooled connections: a new SMTP connection per message took ~110 ms here, so the notifier fell so far
  // behind the stream that most messages were overtaken before they went out.
  const email = smtpSender({
    host: '127.0.0.1',
    port,
    from: 'Crash Shop <orders@crash.example>',
    timeoutMs: 1500,
    transport: { pool: true, maxConnections: 4 },
  });
  const notifier = createNotifier({
    store,
    send: { email },
    ...crashNotifierSettings(offsetMs),
    onError: (error) => process.stderr.write(`notifier: ${String(error)}\n`),
  });
  notifier.start(Number(process.env.TRACKLINE_CRASH_NOTIFY_EVERY_MS ?? 25));
  return {};
}
