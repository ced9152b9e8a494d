import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { sqliteStore, type Store } from '@trackline/node';
import { activeStatusList } from './rows.js';
import { sqliteMigrations } from './sqlite-migrations.js';
import { activeShipmentsSql, migrateSqlite } from './sqlite-store.js';
import { event, storeSuite, update } from './store-suite.js';

function versionsOf(path: string): number[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map(
      (row) => row.version,
    );
  } finally {
    db.close();
  }
}

storeSuite('sqliteStore', {
  async database() {
    const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-'));
    const path = join(dir, 'store.db');
    const stores: Store[] = [];
    return {
      async open() {
        const store = await sqliteStore({ path });
        stores.push(store);
        return store;
      },
      async schemaVersions() {
        return versionsOf(path);
      },
      async dispose() {
        await Promise.all(stores.map((store) => store.close()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});

describe('sqliteStore on its own', () => {
  it('keeps a private database in memory for tests', async () => {
    const one = await sqliteStore({ path: ':memory:' });
    const two = await sqliteStore({ path: ':memory:' });
    await one.saveOrder({ orderNumber: 'A1', placedAt: '2024-04-21T12:00:00Z', customer: {} });
    assert.equal((await one.getOrder('A1'))?.orderNumber, 'A1');
    assert.equal(await two.getOrder('A1'), undefined);
    await Promise.all([one.close(), two.close()]);
  });

  it('says which folder is missing when the path cannot be created', async () => {
    await assert.rejects(sqliteStore({ path: '/nonexistent-trackline/dir/store.db' }), (error: Error) => {
      assert.match(error.message, /folder \/nonexistent-trackline\/dir does not exist/);
      assert.match(error.message, /Create the folder or choose another path/);
      return true;
    });
  });

  it('says what to give when the path is empty or a folder', async () => {
    await assert.rejects(sqliteStore({ path: '' }), /needs a `path`.*':memory:'/);
    const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-'));
    try {
      await assert.rejects(sqliteStore({ path: dir }), /it is a folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a SQLite database, saying so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-'));
    try {
      const path = join(dir, 'notes.txt');
      writeFileSync(path, 'this is not a database, just some text that is long enough to have a header '.repeat(20));
      await assert.rejects(
        sqliteStore({ path }),
        /could not open the database at .*notes\.txt: file is not a database/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database migrated by a newer version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-'));
    try {
      const path = join(dir, 'store.db');
      await (await sqliteStore({ path })).close();
      const db = new Database(path);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')").run();
      db.close();
      await assert.rejects(sqliteStore({ path }), /schema is at version 999, newer than this @trackline\/node knows/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('updates that arrive together (group commit)', () => {
    const scan = event('2024-04-22T18:00:00-07:00', 'in_transit', 'OR', 'Picked up');
    const parcel = (i: number) => `1ZGROUP${String(i).padStart(11, '0')}`;

    async function withFile(test: (path: string) => Promise<void>): Promise<void> {
      const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-'));
      try {
        await test(join(dir, 'store.db'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    it('answers each of many updates sent at once with its own result, once another connection sees it', async () => {
      await withFile(async (path) => {
        const store = await sqliteStore({ path });
        const reader = await sqliteStore({ path });
        try {
          const sent = Array.from({ length: 40 }, (_, i) =>
            update([scan], { webhookId: `g${i}` }, { trackingNumber: parcel(i) }),
          );
          // The first webhook delivered a second time in the same burst: one of the two is the duplicate.
          sent.push(update([scan], { webhookId: 'g0' }, { trackingNumber: parcel(0) }));
          const answers = await Promise.all(
            sent.map(async (one) => {
              const result = await store.applyUpdate(one);
              return { result, stored: await reader.getShipment(one.shipment.trackingNumber) };
            }),
          );
          answers.forEach(({ result, stored }, i) => {
            assert.equal(result.after.trackingNumber, sent[i]!.shipment.trackingNumber);
            assert.equal(stored?.events.length, 1, `${sent[i]!.shipment.trackingNumber} is stored when answered`);
          });
          assert.equal(answers.filter(({ result }) => result.duplicate).length, 1);
          const changes = answers.flatMap(({ result }) => (result.change ? [result.change.id] : []));
          assert.equal(new Set(changes).size, 40, 'one change per parcel, each with its own id');
        } finally {
          await Promise.all([store.close(), reader.close()]);
        }
      });
    });

    it('fails only the update at fault when one update of a batch cannot be stored', async () => {
      await withFile(async (path) => {
        const store = await sqliteStore({ path });
        try {
          // A value JSON cannot write: storing this shipment throws inside the transaction.
          const broken = update([scan], { webhookId: 'bad' }, { trackingNumber: parcel(1) });
          (broken.shipment as unknown as { service: unknown }).service = 10n;
          const outcomes = await Promise.allSettled([
            store.applyUpdate(update([scan], { webhookId: 'ok-1' }, { trackingNumber: parcel(0) })),
            store.applyUpdate(broken),
            store.applyUpdate(update([scan], { webhookId: 'ok-2' }, { trackingNumber: parcel(2) })),
          ]);
          assert.deepEqual(
            outcomes.map((outcome) => outcome.status),
            ['fulfilled', 'rejected', 'fulfilled'],
          );
          // The error names the parcel, so a log says which update to look at; the cause says what failed.
          const reason = (outcomes[1] as PromiseRejectedResult).reason as Error;
          assert.match(reason.message, new RegExp(`did not store the update of ${parcel(1)}: .*BigInt`));
          assert.match(String(reason.cause), /BigInt/);
          assert.equal((await store.getShipment(parcel(0)))?.events.length, 1);
          assert.equal((await store.getShipment(parcel(2)))?.events.length, 1);
          assert.equal(await store.getShipment(parcel(1)), undefined, 'nothing of the failed update is stored');
          // Its webhook id was not recorded either: the provider's redelivery is stored, not taken for a duplicate.
          const redelivered = await store.applyUpdate(
            update([scan], { webhookId: 'bad' }, { trackingNumber: parcel(1) }),
          );
          assert.equal(redelivered.duplicate, false);
          // Alone in its batch, it fails the same way.
          const alone = store.applyUpdate({ ...broken, webhookId: 'bad-2' });
          await assert.rejects(alone, new RegExp(`did not store the update of ${parcel(1)}: .*BigInt`));
        } finally {
          await store.close();
        }
      });
    });

    it('answers none of a batch it could not write, saying why, and stores them when delivered again', async () => {
      await withFile(async (path) => {
        const store = await sqliteStore({ path, busyTimeoutMs: 50 });
        const other = new Database(path);
        try {
          // Another process in the middle of a long write transaction.
          other.prepare('BEGIN IMMEDIATE').run();
          const sent = [0, 1, 2].map((i) => update([scan], { webhookId: `w${i}` }, { trackingNumber: parcel(i) }));
          const outcomes = await Promise.allSettled(sent.map((one) => store.applyUpdate(one)));
          for (const outcome of outcomes) {
            assert.equal(outcome.status, 'rejected');
            assert.match(String((outcome as PromiseRejectedResult).reason), /write lock .* busyTimeoutMs \(50 ms\)/);
          }
          other.prepare('ROLLBACK').run();
          for (const one of sent) assert.equal((await store.applyUpdate(one)).duplicate, false);
          assert.equal((await store.getShipment(parcel(2)))?.events.length, 1);
        } finally {
          other.close();
          await store.close();
        }
      });
    });

    it('writes the updates still waiting when the store is closed', async () => {
      await withFile(async (path) => {
        const store = await sqliteStore({ path });
        const waiting = store.applyUpdate(update([scan], { webhookId: 'last' }, { trackingNumber: parcel(7) }));
        await store.close();
        assert.equal((await waiting).duplicate, false);
        const reopened = await sqliteStore({ path });
        try {
          assert.equal((await reopened.getShipment(parcel(7)))?.events.length, 1);
        } finally {
          await reopened.close();
        }
      });
    });
  });

  it('upgrades a database of the first schema and keeps its claimed messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-'));
    try {
      const path = join(dir, 'store.db');
      const db = new Database(path);
      migrateSqlite(db, sqliteMigrations.slice(0, 1));
      // A message an older version claimed: no claim token.
      db.prepare(
        `INSERT INTO outbox (key, channel, kind, recipient, content, not_before, due_ms, state, attempts, created_at,
           lease_until, lease_until_ms)
         VALUES ('A1:delivered:email', 'email', 'delivered', 'ada@example.com', '{}', '2024-04-26T10:00:00Z', ?,
           'sending', 1, '2024-04-26T10:00:00Z', '2024-04-26T10:01:00Z', ?)`,
      ).run(Date.parse('2024-04-26T10:00:00Z'), Date.parse('2024-04-26T10:01:00Z'));
      db.close();

      const store = await sqliteStore({ path });
      try {
        assert.deepEqual(
          versionsOf(path),
          sqliteMigrations.map((migration) => migration.version),
        );
        const [old] = await store.listMessages();
        assert.equal(old?.state, 'sending');
        assert.equal(old?.claimToken, undefined);
        const [reclaimed] = await store.claimMessages({ now: '2024-04-26T10:01:00Z' });
        assert.equal(reclaimed?.id, old?.id);
        assert.ok(reclaimed?.claimToken);
        assert.equal(await store.markSent(old!.id, '2024-04-26T10:01:01Z', reclaimed.claimToken), true);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists parcels on their way through the partial index, not by reading every parcel', () => {
    const db = new Database(':memory:');
    try {
      migrateSqlite(db);
      const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'shipments_active'").get() as {
        sql: string;
      };
      // SQLite uses a partial index only when the query repeats its terms as written.
      assert.ok(sql.includes(`WHERE status IN (${activeStatusList})`), sql);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${activeShipmentsSql}`).all(0, 100) as { detail: string }[])
        .map((step) => step.detail)
        .join('\n');
      assert.match(plan, /SEARCH s USING INDEX shipments_active \(id>\?\)/);
    } finally {
      db.close();
    }
  });

  it('upgrades a database of the second schema and keeps its parcels', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-'));
    try {
      const path = join(dir, 'store.db');
      const db = new Database(path);
      migrateSqlite(db, sqliteMigrations.slice(0, 2));
      db.prepare(
        "INSERT INTO orders (order_number, placed_at, customer, created_at, updated_at) VALUES ('A1', ?, '{}', ?, ?)",
      ).run('2024-04-20T10:00:00Z', '2024-04-20T10:00:00Z', '2024-04-20T10:00:00Z');
      const insert = db.prepare(
        `INSERT INTO shipments (id, carrier, tracking_key, order_number, status, data, fields_as_of_ms, updated_at)
         VALUES (?, 'ups', ?, 'A1', ?, ?, 0, '2024-04-21T10:00:00Z')`,
      );
      const statuses = ['delivered', 'in_transit', 'pending', 'exception', 'out_for_delivery', 'info_received'];
      statuses.forEach((status, index) => {
        insert.run(index + 1, `1Z${index}`, status, JSON.stringify({ trackingNumber: `1Z${index}`, status }));
      });
      db.close();

      const store = await sqliteStore({ path });
      try {
        assert.deepEqual(
          versionsOf(path),
          sqliteMigrations.map((migration) => migration.version),
        );
        const active = await store.listActiveShipments();
        assert.deepEqual(
          active.map((row) => [row.id, row.shipment.status, row.orderNumber, row.placedAt]),
          [
            ['2', 'in_transit', 'A1', '2024-04-20T10:00:00Z'],
            ['3', 'pending', 'A1', '2024-04-20T10:00:00Z'],
            ['5', 'out_for_delivery', 'A1', '2024-04-20T10:00:00Z'],
            ['6', 'info_received', 'A1', '2024-04-20T10:00:00Z'],
          ],
        );
        assert.deepEqual(
          (await store.listActiveShipments({ after: '3', limit: 1 })).map((row) => row.id),
          ['5'],
        );
      } finally {
        await store.close();
      }
      const reopened = new Database(path, { readonly: true });
      try {
        const { count } = reopened.prepare('SELECT count(*) AS count FROM shipments').get() as { count: number };
        assert.equal(count, statuses.length);
      } finally {
        reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loses no event and records each transition once when several processes write one file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-'));
    try {
      mkdirSync(dir, { recursive: true });
      const path = join(dir, 'store.db');
      const setup = await sqliteStore({ path });
      await setup.saveOrder({
        orderNumber: 'A1001',
        placedAt: '2024-04-21T12:00:00Z',
        customer: { email: 'ada@example.com' },
        shipments: [{ carrier: 'ups', trackingNumber: '1Z999AA10123456784' }],
      });
      const worker = fileURLToPath(new URL('./sqlite-store.worker.ts', import.meta.url));
      const run = (offset: number) =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            ['--conditions=source', '--import', 'tsx', worker, path, String(offset)],
            {
              stdio: ['ignore', 'pipe', 'inherit'],
            },
          );
          let out = '';
          child.stdout.on('data', (chunk) => (out += chunk));
          child.on('error', reject);
          child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker exited with ${code}`))));
        });
      // Three processes each deliver every webhook of the same parcel, starting at different places.
      const outputs = await Promise.all([run(0), run(7), run(13)]);
      const duplicates = outputs.reduce((sum, out) => sum + Number(/duplicates=(\d+)/.exec(out)?.[1]), 0);
      assert.equal(duplicates, 2 * 20);
      const final = await setup.getShipment('1Z999AA10123456784');
      assert.equal(final?.events.length, 20);
      assert.equal(final?.status, 'delivered');
      const changes: { before?: string; after: string }[] = [];
      await setup.planMessages((change) => {
        changes.push({ before: change.before?.status, after: change.after.status });
        return [];
      });
      let status = 'pending';
      for (const change of changes) {
        assert.equal(change.before ?? 'pending', status);
        status = change.after;
      }
      assert.equal(status, 'delivered');
      await setup.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
