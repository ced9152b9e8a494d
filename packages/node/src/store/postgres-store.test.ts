import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { postgresStore, type Store } from '@trackline/node';
import { postgresMigrations } from './postgres-migrations.js';
import { activeShipmentsSql, migratePostgres } from './postgres-store.js';
import { activeStatusList } from './rows.js';
import { storeSuite } from './store-suite.js';
import { createTestDatabase, postgresSkip } from './testing.js';

const skip = postgresSkip();

storeSuite('postgresStore', {
  skip,
  async database() {
    const database = await createTestDatabase();
    const stores: Store[] = [];
    return {
      async open() {
        // Every call is a pool of its own, as another process would have.
        const store = await postgresStore({ connectionString: database.url, max: 4 });
        stores.push(store);
        return store;
      },
      async schemaVersions() {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          const { rows } = await client.query('SELECT version FROM trackline_schema_migrations ORDER BY version');
          return rows.map((row: { version: number }) => row.version);
        } finally {
          await client.end();
        }
      },
      async dispose() {
        await Promise.all(stores.map((store) => store.close()));
        await database.drop();
      },
    };
  },
});

describe('postgresStore on its own', { skip: skip ?? false }, () => {
  it('says how to write the connection string when it is not a postgres URL', async () => {
    await assert.rejects(postgresStore({ connectionString: '' }), /needs a connectionString such as postgres:\/\//);
    await assert.rejects(postgresStore({ connectionString: 'localhost:5432' }), /must start with postgres:\/\//);
    await assert.rejects(postgresStore({ connectionString: 'mysql://root@localhost/shop' }), /not mysql:\/\//);
  });

  it('says when nothing listens at the address, without showing the password', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    await assert.rejects(
      postgresStore({ connectionString: 'postgres://shop:s3cret@127.0.0.1:1/shop' }),
      (error: Error) => {
        assert.match(error.message, /could not use postgres:\/\/shop:\*\*\*@127\.0\.0\.1:1\/shop/);
        assert.match(error.message, /is PostgreSQL running, and are the host and port right\?/);
        assert.doesNotMatch(error.message, /s3cret/);
        return true;
      },
    );
  });

  it('says when the database does not exist', async () => {
    const url = new URL(process.env.TRACKLINE_TEST_POSTGRES_URL!);
    url.pathname = '/trackline_no_such_database';
    await assert.rejects(
      postgresStore({ connectionString: url.toString() }),
      /that database does not exist: create it/,
    );
  });

  it('uses a pool of the app’s own and leaves it open on close', async () => {
    const database = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      const store = await postgresStore({ pool });
      await store.saveOrder({ orderNumber: 'A1', placedAt: '2024-04-21T12:00:00Z', customer: {} });
      await store.close();
      await assert.rejects(store.getOrder('A1'), /store was closed/);
      const { rows } = await pool.query('SELECT order_number FROM trackline_orders');
      assert.deepEqual(rows, [{ order_number: 'A1' }]);
    } finally {
      await pool.end();
      await database.drop();
    }
  });

  it('upgrades a database of the first schema and keeps its claimed messages', async () => {
    const database = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      await migratePostgres(pool, postgresMigrations.slice(0, 1));
      // A message an older version claimed: no claim token.
      await pool.query(
        `INSERT INTO trackline_outbox (key, channel, kind, recipient, content, not_before, due_ms, state, attempts,
           created_at, lease_until, lease_until_ms)
         VALUES ('A1:delivered:email', 'email', 'delivered', 'ada@example.com', '{}', '2024-04-26T10:00:00Z', $1,
           'sending', 1, '2024-04-26T10:00:00Z', '2024-04-26T10:01:00Z', $2)`,
        [Date.parse('2024-04-26T10:00:00Z'), Date.parse('2024-04-26T10:01:00Z')],
      );
      const store = await postgresStore({ pool });
      const { rows } = await pool.query('SELECT version FROM trackline_schema_migrations ORDER BY version');
      assert.deepEqual(
        rows.map((row: { version: number }) => row.version),
        postgresMigrations.map((migration) => migration.version),
      );
      const [old] = await store.listMessages();
      assert.equal(old?.state, 'sending');
      assert.equal(old?.claimToken, undefined);
      const [reclaimed] = await store.claimMessages({ now: '2024-04-26T10:01:00Z' });
      assert.equal(reclaimed?.id, old?.id);
      assert.ok(reclaimed?.claimToken);
      assert.equal(await store.markSent(old!.id, '2024-04-26T10:01:01Z', reclaimed.claimToken), true);
      await store.close();
    } finally {
      await pool.end();
      await database.drop();
    }
  });

  it('lists parcels on their way through the partial index, not by reading every parcel', async () => {
    const database = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    try {
      await migratePostgres(pool);
      // Mostly delivered parcels, as in a shop's history, so the small partial index is the cheap way in.
      await pool.query(
        `INSERT INTO trackline_shipments (carrier, tracking_key, status, data, fields_as_of_ms, updated_at)
         SELECT 'ups', '1Z' || n, CASE WHEN n % 50 = 0 THEN 'in_transit' ELSE 'delivered' END, '{}', 0, ''
         FROM generate_series(1, 2000) AS n`,
      );
      await pool.query('ANALYZE trackline_shipments');
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Keeps the check independent of table size: a sequential scan is never the answer we want.
        await client.query('SET LOCAL enable_seqscan = off');
        const { rows } = await client.query(`EXPLAIN ${activeShipmentsSql}`, [0, 100]);
        await client.query('ROLLBACK');
        const plan = rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
        // A plain or a bitmap index scan, whichever the statistics favour; never a scan of every parcel.
        assert.match(plan, /Index Scan (?:using|on) trackline_shipments_active\b/, plan);
        assert.doesNotMatch(plan, /Seq Scan on trackline_shipments\b/, plan);
      } finally {
        client.release();
      }
      const { rows } = await pool.query(
        "SELECT pg_get_expr(indpred, indrelid) AS predicate FROM pg_index WHERE indexrelid = 'trackline_shipments_active'::regclass",
      );
      // PostgreSQL stores `IN (…)` as `= ANY (ARRAY[…])`; the same words in the same order as the query's list.
      const words = [...(rows[0] as { predicate: string }).predicate.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
      assert.deepEqual(
        words,
        [...activeStatusList.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]),
      );
    } finally {
      await pool.end();
      await database.drop();
    }
  });

  it('upgrades a database of the second schema and keeps its parcels', async () => {
    const database = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      await migratePostgres(pool, postgresMigrations.slice(0, 2));
      await pool.query(
        `INSERT INTO trackline_orders (order_number, placed_at, customer, created_at, updated_at)
         VALUES ('A1', '2024-04-20T10:00:00Z', '{}', '2024-04-20T10:00:00Z', '2024-04-20T10:00:00Z')`,
      );
      const statuses = ['delivered', 'in_transit', 'pending', 'exception', 'out_for_delivery', 'info_received'];
      for (const [index, status] of statuses.entries()) {
        await pool.query(
          `INSERT INTO trackline_shipments (carrier, tracking_key, order_number, status, data, fields_as_of_ms, updated_at)
           VALUES ('ups', $1, 'A1', $2, $3, 0, '2024-04-21T10:00:00Z')`,
          [`1Z${index}`, status, JSON.stringify({ trackingNumber: `1Z${index}`, status })],
        );
      }
      const store = await postgresStore({ pool });
      try {
        const { rows } = await pool.query('SELECT version FROM trackline_schema_migrations ORDER BY version');
        assert.deepEqual(
          rows.map((row: { version: number }) => row.version),
          postgresMigrations.map((migration) => migration.version),
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
        const { rows: count } = await pool.query('SELECT count(*)::int AS count FROM trackline_shipments');
        assert.equal((count[0] as { count: number }).count, statuses.length);
      } finally {
        await store.close();
      }
    } finally {
      await pool.end();
      await database.drop();
    }
  });

  it('refuses a database migrated by a newer version', async () => {
    const database = await createTestDatabase();
    try {
      await (await postgresStore({ connectionString: database.url })).close();
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query("INSERT INTO trackline_schema_migrations (version, name) VALUES (999, 'future')");
      await client.end();
      await assert.rejects(
        postgresStore({ connectionString: database.url }),
        /schema is at version 999, newer than this @trackline\/node knows/,
      );
    } finally {
      await database.drop();
    }
  });
});
