// A notifier process for crash.test.ts: sends through an "email provider" that appends to a log file,
// and can be told to hang right after the provider accepted a message, so the parent kills it in the
// one window the outbox cannot close (sent, not yet marked sent).
import { appendFileSync, readFileSync } from 'node:fs';
import { postgresStore, sqliteStore } from '../store/index.js';
import { createNotifier } from './index.js';

const [dbPath, logPath, hangAfter] = process.argv.slice(2);
if (!dbPath || !logPath) {
  throw new Error('usage: crash-child.ts <sqlite file | postgres:// URL> <log> [hang after n accepted]');
}

const accepted = () => readFileSync(logPath, 'utf8').split('\n').filter(Boolean).length;
const store = /^postgres(ql)?:\/\//.test(dbPath)
  ? await postgresStore({ connectionString: dbPath, max: 2 })
  : await sqliteStore({ path: dbPath });
const notifier = createNotifier({
  store,
  send: {
    email: async (message) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      // The provider accepts: from here on the shopper has the email.
      appendFileSync(logPath, `${message.headers['Message-ID']} ${message.to}\n`);
      if (hangAfter && accepted() >= Number(hangAfter)) {
        process.stdout.write('hanging\n');
        await new Promise(() => undefined);
      }
    },
  },
  quietHours: false,
  leaseMs: 400,
  batchSize: 4,
  // One at a time, so exactly one message is caught between the provider's accept and markSent.
  concurrency: 1,
  onError: (error) => {
    process.stderr.write(`${String(error)}\n`);
  },
});
process.stdout.write('ready\n');
notifier.start(10);
