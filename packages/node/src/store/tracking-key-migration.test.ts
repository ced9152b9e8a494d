import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Shipment } from '@trackline/core';
import { postgresStore, sqliteStore, type Store } from '@trackline/node';
import { postgresMigrations } from './postgres-migrations.js';
import { migratePostgres } from './postgres-store.js';
import { sqliteMigrations } from './sqlite-migrations.js';
import { migrateSqlite } from './sqlite-store.js';
import { event } from './store-suite.js';
import { createTestDatabase, postgresSkip } from './testing.js';

// Migration 4 (v3 → v4): tracking keys as `trackingKey` writes them now. The same database of schema
// 3, written as the stores of that version wrote it, is upgraded on SQLite and on PostgreSQL.

/** A database at schema 3, reached by plain SQL (`?` placeholders; table names without a prefix). */
interface OldDatabase {
  run(sql: string, values?: unknown[]): Promise<void>;
  all<T>(sql: string, values?: unknown[]): Promise<T[]>;
  /** Opens the store of this version on it, which migrates it. */
  open(): Promise<Store>;
  versions(): Promise<number[]>;
  latest: number[];
}

const pickedUp = event('2024-04-22T18:00:00-07:00', 'in_transit', 'OR', 'Picked up');
const departed = event('2024-04-23T03:10:00-07:00', 'in_transit', 'DP', 'Departed from facility');

function parcel(carrier: string, trackingNumber: string, events: Shipment['events'] = []): Shipment {
  return {
    carrier: carrier as Shipment['carrier'],
    trackingNumber,
    status: events.at(-1)?.status ?? 'pending',
    events,
    updatedAt: '2024-04-23T12:00:00Z',
  };
}

/** What schema 3 held: keys as the old `trackingKey` made them (spaces dropped, upper case, dashes kept). */
async function writeVersion3(db: OldDatabase): Promise<void> {
  const orders: [string, string][] = [
    ['A1', '2024-04-21T12:00:00Z'],
    ['A2', '2024-04-20T12:00:00Z'],
    ['A3', '2024-04-22T12:00:00Z'],
  ];
  for (const [number, at] of orders) {
    await db.run(
      'INSERT INTO orders (order_number, placed_at, customer, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      [number, at, JSON.stringify({ email: `${number.toLowerCase()}@example.com` }), at, at],
    );
  }
  const rows: [number, string, string, string | null, Shipment][] = [
    // The shop saved the number as printed; the webhook came plain, before the order: two rows, one parcel.
    [1, 'ups', '1Z999-AA1-01234567-84', 'A1', parcel('ups', '1Z999-AA1-01234567-84')],
    [2, 'ups', '1Z999AA10123456784', null, parcel('ups', '1Z999AA10123456784', [pickedUp])],
    // Dashes, no twin: only the key changes.
    [3, 'ups', '1Z111-222-333', 'A2', parcel('ups', '1z111-222-333', [departed])],
    // The same number at another carrier is another parcel.
    [4, 'fedex', '1Z999AA10123456784', null, parcel('fedex', '1Z999AA10123456784')],
    // One parcel claimed by two orders, under two spellings: A3 claimed it last.
    [5, 'usps', 'RR123456785US', 'A2', parcel('usps', 'RR123456785US', [pickedUp])],
    [6, 'usps', 'RR-123-456-785-US', 'A3', parcel('usps', 'RR-123-456-785-US', [departed])],
  ];
  for (const [id, carrier, key, order, shipment] of rows) {
    await db.run(
      `INSERT INTO shipments (id, carrier, tracking_key, order_number, status, data, fields_as_of_ms, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, carrier, key, order, shipment.status, JSON.stringify(shipment), 0, shipment.updatedAt],
    );
  }
  // Row 2's change waits for an order to claim its parcel; it must reach A1's shopper, once.
  const after = rows[1]![4];
  await db.run('INSERT INTO changes (shipment_id, before, after, at) VALUES (?, ?, ?, ?)', [
    2,
    null,
    JSON.stringify(after),
    '2024-04-23T01:00:00Z',
  ]);
}

async function checkUpgrade(db: OldDatabase): Promise<void> {
  await writeVersion3(db);
  const store = await db.open();
  try {
    assert.deepEqual(await db.versions(), db.latest);

    // The two rows of one parcel are one, found however the number is written, with the order's shopper.
    for (const written of ['1z999aa1-01234567-84', '1Z 999 AA1 0123 4567 84', '1Z999AA10123456784']) {
      const found = await store.getShipment(written, 'ups');
      assert.equal(found?.status, 'in_transit', written);
      assert.deepEqual(
        found?.events.map((e) => e.code),
        ['OR'],
      );
      assert.equal(await store.orderOf(written, 'ups'), 'A1', written);
    }
    const a1 = await store.getOrder('A1');
    assert.equal(a1?.shipments.length, 1);
    assert.equal(a1?.shipments[0]!.trackingNumber, '1Z999-AA1-01234567-84', 'as the shop wrote it');

    // The change that waited for an order is planned for A1, once; none was lost with the row merged away.
    const planned: string[] = [];
    await store.planMessages((change) => (planned.push(`${change.orderNumber} ${change.after.status}`), []));
    assert.deepEqual(planned, ['A1 in_transit']);

    // Only the key of a parcel without a twin changes.
    assert.equal((await store.getShipment('1Z111222333'))?.events.length, 1);
    assert.equal(await store.orderOf('1z111 222 333'), 'A2');
    assert.equal((await store.getShipment('1Z999AA10123456784', 'fedex'))?.carrier, 'fedex');

    // Claimed by two orders: the one that claimed it last keeps it, with the events of both rows.
    assert.equal(await store.orderOf('RR123456785US'), 'A3');
    assert.deepEqual(
      (await store.getShipment('rr 123 456 785 us'))?.events.map((e) => e.code),
      ['OR', 'DP'],
    );
    assert.deepEqual(
      (await store.getOrder('A2'))?.shipments.map((s) => s.trackingNumber),
      ['1z111-222-333'],
    );

    const shipments = await db.all<{ id: number | string; tracking_key: string; order_number: string | null }>(
      'SELECT id, tracking_key, order_number FROM shipments ORDER BY id',
    );
    assert.deepEqual(
      shipments.map((row) => [Number(row.id), row.tracking_key, row.order_number]),
      [
        [1, '1Z999AA10123456784', 'A1'],
        [3, '1Z111222333', 'A2'],
        [4, '1Z999AA10123456784', null],
        [5, 'RR123456785US', 'A3'],
      ],
    );
    // Every row of a merged group is kept as it was, the old link of order A2 included.
    const archived = await db.all<{ id: number | string; merged_into: number | string; order_number: string | null }>(
      'SELECT id, merged_into, order_number FROM merged_shipments ORDER BY id',
    );
    assert.deepEqual(
      archived.map((row) => [Number(row.id), Number(row.merged_into), row.order_number]),
      [
        [1, 1, 'A1'],
        [2, 1, null],
        [5, 5, 'A2'],
        [6, 5, 'A3'],
      ],
    );

    // Updates after the upgrade, in either spelling, reach the one parcel.
    const next = await store.applyUpdate({
      shipment: parcel('ups', '1Z999-AA1-0123-4567-84', [departed]),
      source: 'easypost',
      receivedAt: '2024-04-23T13:00:00Z',
    });
    assert.equal(next.orderNumber, 'A1');
    assert.equal(next.after.events.length, 2);
  } finally {
    await store.close();
  }
}

describe('migration 4 (tracking keys) on SQLite', () => {
  it('merges the rows of one parcel written two ways, rekeys the rest, and loses nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-'));
    const path = join(dir, 'store.db');
    const db = new Database(path);
    try {
      migrateSqlite(db, sqliteMigrations.slice(0, 3));
      await checkUpgrade({
        async run(sql, values = []) {
          db.prepare(sql).run(...values);
        },
        async all<T>(sql: string, values: unknown[] = []) {
          return db.prepare(sql).all(...values) as T[];
        },
        open: () => sqliteStore({ path }),
        async versions() {
          return (
            db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]
          ).map((row) => row.version);
        },
        latest: sqliteMigrations.map((migration) => migration.version),
      });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 4 (tracking keys) on PostgreSQL', { skip: postgresSkip() ?? false }, () => {
  it('merges the rows of one parcel written two ways, rekeys the rest, and loses nothing', async () => {
    const database = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    // `?` to `$n`, and the `trackline_` prefix on each of the store's tables.
    const translate = (sql: string) => {
      let n = 0;
      return sql
        .replace(/\?/g, () => `$${++n}`)
        .replace(/\b(orders|shipments|changes|merged_shipments)\b/g, 'trackline_$1');
    };
    try {
      await migratePostgres(pool, postgresMigrations.slice(0, 3));
      await checkUpgrade({
        async run(sql, values = []) {
          await pool.query(translate(sql), values);
        },
        async all<T>(sql: string, values: unknown[] = []) {
          return (await pool.query(translate(sql), values)).rows as T[];
        },
        open: () => postgresStore({ pool }),
        async versions() {
          const { rows } = await pool.query('SELECT version FROM trackline_schema_migrations ORDER BY version');
          return rows.map((row: { version: number }) => row.version);
        },
        latest: postgresMigrations.map((migration) => migration.version),
      });
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
