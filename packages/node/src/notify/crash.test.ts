import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { postgresStore, sqliteStore, type Store } from '../store/index.js';
import { createTestDatabase, postgresSkip } from '../store/testing.js';
import { parcel, scan, shopper } from './test-fixtures.js';

// The notifier killed with SIGKILL while it sends, then restarted: every message reaches the
// shopper, and only the one accepted by the provider but not yet marked sent goes out twice (with
// the same Message-ID both times, which is what lets mail systems drop the second).

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'trackline-notify-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Where the notifier's store lives: a SQLite file or a PostgreSQL database, and how the test opens it too. */
interface CrashDatabase {
  /** What the child gets: a file path or a postgres:// URL. */
  target: string;
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

const databases: { name: string; skip?: string; create(): Promise<CrashDatabase> }[] = [
  {
    name: 'SQLite',
    async create() {
      const path = join(dir, 'store.db');
      return { target: path, open: () => sqliteStore({ path }), dispose: async () => {} };
    },
  },
  {
    name: 'PostgreSQL',
    skip: postgresSkip(),
    async create() {
      const database = await createTestDatabase();
      return {
        target: database.url,
        open: () => postgresStore({ connectionString: database.url, max: 2 }),
        dispose: () => database.drop(),
      };
    },
  },
];

function startChild(db: string, log: string, hangAfter?: number): { process: ChildProcess; output: Promise<string> } {
  const args = ['--conditions=source', '--import', 'tsx', child, db, log];
  if (hangAfter !== undefined) args.push(String(hangAfter));
  const proc = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const output = new Promise<string>((resolve) => {
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (hangAfter === undefined ? out.includes('ready') : out.includes('hanging')) resolve(out);
    });
    proc.on('exit', () => resolve(out));
  });
  return { process: proc, output };
}

const exited = (proc: ChildProcess) =>
  new Promise<void>((resolve) =>
    proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.on('exit', () => resolve()),
  );

for (const kind of databases) {
  describe(`a notifier killed while it sends, on ${kind.name}`, { skip: kind.skip ?? false }, () => {
    it('sends every message at least once, and twice only the one caught between send and markSent', async () => {
      const database = await kind.create();
      const db = database.target;
      const log = join(dir, `accepted-${kind.name}.log`);
      writeFileSync(log, '');
      const orders = 12;
      const store = await database.open();
      try {
        const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
        for (let i = 0; i < orders; i++) {
          const trackingNumber = `1Z999AA1012345${String(6800 + i)}`;
          await store.saveOrder({
            orderNumber: `C${i}`,
            placedAt: at(3000),
            customer: { ...shopper, phone: undefined, email: `crash${i}@example.com` },
            shipments: [{ carrier: 'ups', trackingNumber }],
          });
          await store.applyUpdate({
            shipment: {
              ...parcel('in_transit', [scan(at(90), 'info_received'), scan(at(60), 'in_transit')]),
              trackingNumber,
            },
            source: 'easypost',
            receivedAt: at(1),
          });
        }

        // First life: hangs right after the provider accepted the fifth email, and is killed there.
        const first = startChild(db, log, 5);
        assert.match(await first.output, /hanging/);
        first.process.kill('SIGKILL');
        await exited(first.process);
        const acceptedBeforeKill = readFileSync(log, 'utf8');
        const caught = (await store.listMessages({ limit: 100 })).filter(
          (m) => m.state === 'sending' && acceptedBeforeKill.includes(`${m.content.messageId} ${m.to}`),
        );
        assert.equal(caught.length, 1, 'one message was accepted by the provider but not marked sent');

        // Second life: runs until the outbox is empty.
        const second = startChild(db, log);
        await second.output;
        try {
          for (;;) {
            const messages = await store.listMessages({ limit: 100 });
            if (messages.length === orders && messages.every((m) => m.state === 'sent')) break;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        } finally {
          second.process.kill('SIGKILL');
          await exited(second.process);
        }

        const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
        const counts = new Map<string, number>();
        for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
        assert.equal(counts.size, orders, 'every shopper got their email');
        const twice = [...counts].filter(([, n]) => n > 1).map(([line]) => line);
        assert.deepEqual(twice, [`${caught[0]?.content.messageId} ${caught[0]?.to}`], 'only that one twice');
      } finally {
        await store.close();
        await database.dispose();
      }
    });
  });
}
