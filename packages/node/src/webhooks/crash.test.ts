// The crash test of issue 5: the webhook helper is SIGKILLed while webhooks stream in and started again;
// every acknowledged update must be in the store, and no change may be stored twice. Run for SQLite
// (a temporary file) and PostgreSQL (TRACKLINE_TEST_POSTGRES_URL, or a throwaway cluster started here).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { postgresStore, sqliteStore, type ShipmentChange, type Store } from '@trackline/node';
import { runCrashStream, type CrashRun } from './crash/harness.js';

/** Checks the store against what the stream acknowledged. */
async function checkStore(store: Store, run: CrashRun): Promise<void> {
  for (const delivery of run.deliveries) {
    const stored = await store.getShipment(delivery.trackingNumber);
    if (run.acknowledged.has(delivery.id)) {
      assert.ok(
        stored?.events.some((event) => event.code === delivery.code),
        `acknowledged ${delivery.id} (${delivery.code}) is missing from ${delivery.trackingNumber}`,
      );
    }
  }
  const numbers = [...new Set(run.deliveries.map((d) => d.trackingNumber))];
  for (const number of numbers) {
    const stored = await store.getShipment(number);
    // Every delivery was acknowledged in the end: the whole history, each scan once.
    assert.deepEqual(
      stored?.events.map((event) => event.code),
      ['MP', 'I', 'OT', 'D'],
      number,
    );
    assert.equal(stored?.status, 'delivered', number);
  }
  // Each change a shopper could be told about is stored once: never two changes to the same status.
  const changes: ShipmentChange[] = [];
  while ((await store.planMessages((change) => (changes.push(change), []), { limit: 500 })) > 0);
  const seen = new Set<string>();
  for (const change of changes) {
    const key = `${change.after.trackingNumber}:${change.after.status}`;
    assert.ok(!seen.has(key), `the change to ${key} was stored twice`);
    seen.add(key);
  }
  for (const number of numbers) assert.ok(seen.has(`${number}:delivered`), `no change to delivered for ${number}`);
}

function assertStreamed(run: CrashRun): void {
  assert.equal(run.kills, 2, 'the child was killed twice mid-stream');
  assert.equal(run.acknowledged.size, run.deliveries.length);
  // The kills cut requests off (8 stored but unanswered, 2 half-uploaded, each time); they were delivered again.
  assert.ok(run.redelivered >= 12, `only ${run.redelivered} requests were cut off`);
  // The stored-but-unanswered ones, and acknowledged ones sent again, are answered as duplicates.
  assert.ok(run.duplicates.size >= run.storedUnanswered + 5, `only ${run.duplicates.size} duplicates`);
}

describe('a webhook helper killed mid-stream and restarted', () => {
  it('keeps every acknowledged update exactly once in SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackline-crash-'));
    try {
      const path = join(dir, 'store.db');
      const run = await runCrashStream({ store: `sqlite:${path}` });
      assertStreamed(run);
      const store = await sqliteStore({ path });
      try {
        await checkStore(store, run);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('PostgreSQL', () => {
    let url: string | undefined;
    let stop: (() => void) | undefined;
    let skip: string | undefined;
    let dropAfter: (() => Promise<void>) | undefined;

    before(async () => {
      let server = process.env.TRACKLINE_TEST_POSTGRES_URL;
      if (!server) {
        // scripts/postgres.js is plain JavaScript; imported by URL so the type checker leaves it alone.
        const script = new URL('../../../../scripts/postgres.js', import.meta.url).href;
        const { startPostgres } = (await import(script)) as {
          startPostgres(): Promise<{ url?: string; stop?: () => void; skip?: string }>;
        };
        const cluster = await startPostgres();
        if (cluster.skip) {
          skip = cluster.skip;
          return;
        }
        server = cluster.url!;
        stop = cluster.stop;
      }
      // A database of its own, so a shared server's other tests are not disturbed.
      const name = `trackline_crash_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const target = new URL(server);
      target.pathname = `/${name}`;
      url = target.href;
      if (!stop) {
        // A server of the caller's: leave it as it was.
        dropAfter = async () => {
          const cleanup = new pg.Client({ connectionString: server });
          await cleanup.connect();
          await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await cleanup.end();
        };
      }
    });
    after(async () => {
      await dropAfter?.();
      stop?.();
    });

    it('keeps every acknowledged update exactly once in PostgreSQL', async (t) => {
      if (skip) {
        t.skip(skip);
        return;
      }
      const run = await runCrashStream({ store: `postgres:${url}` });
      assertStreamed(run);
      const store = await postgresStore({ connectionString: url! });
      try {
        await checkStore(store, run);
      } finally {
        await store.close();
      }
    });
  });
});
