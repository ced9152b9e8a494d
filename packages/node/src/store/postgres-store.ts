import { randomUUID } from 'node:crypto';
import type { CarrierId, Shipment, TrackingEvent } from '@trackline/core';
import type * as Pg from 'pg';
import { isNews, mergeUpdate, placeholderShipment, trackingKey } from './merge.js';
import { postgresMigrations, type PostgresMigration } from './postgres-migrations.js';
import {
  activePage,
  activeStatusList,
  checkMessage,
  customerOf,
  defaultClaimLimit,
  defaultLeaseMs,
  defaultListLimit,
  defaultPlanLimit,
  epochMs,
  toMessage,
  type MessageRow,
} from './rows.js';
import type { ApplyResult, Customer, NewMessage, ShipmentChange, StoredOrder, Store } from './types.js';

/** What the store needs of a `pg` client: `pg.PoolClient` is one. */
export interface PostgresClient {
  // `pg` types rows as `any`; the store reads them into its own row types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
  release(error?: Error | boolean): void;
}

/** What the store needs of a `pg` pool: `pg.Pool` is one. */
export interface PostgresPool {
  connect(): Promise<PostgresClient>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
  end(): Promise<void>;
}

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database`. Not needed when `pool` is given. */
  connectionString?: string;
  /** A `pg.Pool` of your own, shared with the rest of the app. `close()` leaves it open: you end it. */
  pool?: PostgresPool;
  /** Connections in the pool the store makes. Default 10. */
  max?: number;
  /** The clock, for `createdAt`/`updatedAt` stamps the store sets itself. */
  now?: () => Date;
}

const retryableCodes = new Set(['40001', '40P01']); // serialization failure, deadlock detected
// One lock number for "migrating Trackline's tables", taken inside the migration transaction.
const migrationLock = 7_402_091_337;

/**
 * The message ($id) is still in the claim that is marking it: `sending`, and with that token ($token)
 * when one is given. A sender whose lease ran out finds another token (or a message already sent)
 * and changes nothing.
 */
const currentClaim = (id: string, token: string) =>
  `id = ${id} AND state = 'sending' AND (${token}::text IS NULL OR claim_token = ${token}::text)`;

interface PgError {
  code?: string;
  message?: string;
}

function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparsable connection string)';
  }
}

function checkConnectionString(connectionString: string | undefined): string {
  const example = 'postgres://user:password@localhost:5432/shop';
  if (typeof connectionString !== 'string' || connectionString.trim() === '') {
    throw new TypeError(`postgresStore needs a connectionString such as ${example}, or a pg Pool as \`pool\`.`);
  }
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new TypeError(`postgresStore's connectionString is not a URL; write it like ${example}.`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new TypeError(
      `postgresStore's connectionString must start with postgres:// or postgresql://, not ${url.protocol}//; write it like ${example}.`,
    );
  }
  return connectionString;
}

/** A PostgreSQL connection error, said in words that point at what to fix. */
function explain(error: unknown, where: string): Error {
  const { code, message = String(error) } = (error ?? {}) as PgError;
  let hint: string;
  switch (code) {
    case 'ECONNREFUSED':
      hint = 'nothing accepts connections there: is PostgreSQL running, and are the host and port right?';
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      hint = 'the host name does not resolve: check the host in the connection string.';
      break;
    case '28P01':
    case '28000':
      hint = 'the server refused the user or password: check them in the connection string (and pg_hba.conf).';
      break;
    case '3D000':
      hint = 'that database does not exist: create it (`createdb <name>`) or fix the database name.';
      break;
    case '42501':
      hint = "the user may not create tables: grant it CREATE on the database's schema, or migrate once as its owner.";
      break;
    default:
      hint = /timeout/i.test(message)
        ? 'the server did not answer in time: check the host, port and firewall.'
        : 'check the connection string and that the server is reachable.';
  }
  return new Error(`postgresStore could not use ${where}: ${message}. ${hint}`, { cause: error });
}

/**
 * `listActiveShipments`' query ($1: the id to read after, $2: the limit). Its WHERE repeats the partial
 * index `trackline_shipments_active` (migration 3), so the planner can use it instead of reading every parcel.
 */
export const activeShipmentsSql = `SELECT s.id, s.order_number, s.data, o.placed_at
  FROM trackline_shipments s LEFT JOIN trackline_orders o ON o.order_number = s.order_number
  WHERE s.status IN (${activeStatusList}) AND s.id > $1 ORDER BY s.id LIMIT $2`;

/** Applies the migrations this version knows and the database lacks, in one transaction under an advisory lock. */
export async function migratePostgres(
  pool: PostgresPool,
  migrations: readonly PostgresMigration[] = postgresMigrations,
): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Two processes starting at once: the second waits here, then finds nothing left to do.
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await client.query(`CREATE TABLE IF NOT EXISTS trackline_schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query('SELECT coalesce(max(version), 0) AS version FROM trackline_schema_migrations');
    const current = Number(rows[0].version);
    const known = migrations.at(-1)?.version ?? 0;
    if (current > known) {
      throw new Error(
        `This database's Trackline schema is at version ${current}, newer than this @trackline/node knows (${known}). ` +
          'Upgrade @trackline/node in every process that uses the database.',
      );
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await migration.upgrade?.(client);
      await client.query('INSERT INTO trackline_schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The store for several helper processes: one PostgreSQL database shared by all of them. Each
 * `applyUpdate` locks its shipment's row (`SELECT … FOR UPDATE`), so concurrent updates of one
 * parcel queue instead of overwriting each other; planning and claiming skip rows another process
 * holds (`FOR UPDATE SKIP LOCKED`). See docs/decisions/0004-store-concurrency.md.
 */
export async function postgresStore(options: PostgresStoreOptions): Promise<Store> {
  const { pool: given, max = 10, now = () => new Date() } = options ?? ({} as PostgresStoreOptions);
  let pool: PostgresPool;
  let where: string;
  if (given) {
    pool = given;
    where = 'the database of the given pool';
  } else {
    const connectionString = checkConnectionString(options?.connectionString);
    where = redact(connectionString);
    let pg: typeof Pg;
    try {
      const module = (await import('pg')) as typeof Pg & { default?: typeof Pg };
      pg = module.default ?? module;
    } catch (error) {
      throw new Error('postgresStore needs the pg package, which is not installed. Install it with `npm install pg`.', {
        cause: error,
      });
    }
    const own = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
    // An idle connection that the server drops must not crash the process; the next query reconnects.
    own.on('error', () => {});
    pool = own;
  }
  try {
    await migratePostgres(pool);
  } catch (error) {
    if (!given) await pool.end().catch(() => {});
    const code = (error as PgError)?.code ?? '';
    const message = error instanceof Error ? error.message : String(error);
    // Node's network codes (E…), SQLSTATE classes 08 (connection), 28 (authorization), 3D (no such database).
    if (/^(E[A-Z]|08|28|3D)/.test(code) || /timeout|terminated/i.test(message)) throw explain(error, where);
    if (code === '42501') throw explain(error, where);
    if (message.includes('newer than this @trackline/node')) throw error;
    throw new Error(`postgresStore could not migrate the database at ${where}: ${message}`, { cause: error });
  }
  return createPostgresStore(pool, !given, now);
}

interface ShipmentRow {
  id: string;
  order_number: string | null;
  data: Shipment;
  fields_as_of_ms: string;
  /** Added by migration 5; null when the events are the copies as they came. */
  event_copies: TrackingEvent[] | null;
  customer: Customer | null;
}

interface ChangeRow {
  id: string;
  before: Shipment | null;
  after: Shipment;
  at: string;
  order_number: string | null;
  customer: Customer | null;
}

function createPostgresStore(pool: PostgresPool, ownsPool: boolean, now: () => Date): Store {
  const stamp = () => now().toISOString();
  let closed = false;

  function open(): void {
    if (closed) throw new Error('This store was closed; open a new one with postgresStore().');
  }

  /** Runs `work` in a transaction, again from the start when PostgreSQL reports a deadlock or serialization failure. */
  async function transaction<T>(work: (client: PostgresClient) => Promise<T>): Promise<T> {
    open();
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        if (retryableCodes.has((error as PgError)?.code ?? '') && attempt < 5) continue;
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  /**
   * The carrier under which a parcel is stored. Aggregators and carriers name some parcels differently (EasyPost
   * calls a SmartPost parcel FedEx's, `detectCarrier` the USPS number on it USPS'; an unlisted post is `other`
   * to one and `postal` to another), and the store keys parcels by carrier and number: when no row has this
   * carrier and number but exactly one row has the number, that row is the parcel, under the carrier it was
   * stored with. Two or more rows make the number ambiguous, and then only the carrier decides.
   */
  async function parcelCarrier(client: PostgresClient, carrier: CarrierId, key: string): Promise<CarrierId> {
    const { rows } = await client.query('SELECT carrier FROM trackline_shipments WHERE tracking_key = $1 LIMIT 2', [
      key,
    ]);
    return rows.length === 1 && rows[0].carrier !== carrier ? (rows[0].carrier as CarrierId) : carrier;
  }

  async function linkParcel(
    client: PostgresClient,
    orderNumber: string,
    parcel: { carrier: CarrierId; trackingNumber: string },
    at: string,
  ): Promise<void> {
    const key = trackingKey(parcel.trackingNumber ?? '');
    if (!key) throw new TypeError(`Order ${orderNumber}: a parcel needs a tracking number.`);
    // The parcel's updates may have come first, under another carrier's name (see `parcelCarrier`): the one
    // row with this number, when no order has it yet, becomes the order's parcel, under the order's carrier.
    const adopted = await client.query(
      `UPDATE trackline_shipments SET carrier = $1, order_number = $2, data = jsonb_set(data, '{carrier}', to_jsonb($1::text))
       WHERE tracking_key = $3 AND order_number IS NULL AND carrier <> $1
         AND (SELECT count(*) FROM trackline_shipments WHERE tracking_key = $3) = 1`,
      [parcel.carrier, orderNumber, key],
    );
    if (adopted.rowCount === 1) return;
    await client.query(
      `INSERT INTO trackline_shipments (carrier, tracking_key, order_number, status, data, fields_as_of_ms, updated_at)
       VALUES ($1, $2, $3, 'pending', $4, 0, $5)
       ON CONFLICT (carrier, tracking_key) DO UPDATE SET order_number = excluded.order_number`,
      [parcel.carrier, key, orderNumber, JSON.stringify(placeholderShipment(parcel, at)), at],
    );
  }

  /** Inserts one message unless its key exists; 1 when it was new, else 0. */
  async function insertMessage(
    client: PostgresClient,
    message: NewMessage,
    orderNumber: string | undefined,
    createdAt: string,
  ): Promise<number> {
    checkMessage(message);
    const inserted = await client.query(
      `INSERT INTO trackline_outbox (key, channel, kind, recipient, order_number, content, not_before, due_ms, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (key) DO NOTHING`,
      [
        message.key,
        message.channel,
        message.kind,
        message.to,
        message.orderNumber ?? orderNumber ?? null,
        JSON.stringify(message.content ?? {}),
        message.notBefore,
        epochMs(message.notBefore, 'notBefore'),
        createdAt,
      ],
    );
    return inserted.rowCount ?? 0;
  }

  async function findShipment(
    trackingNumber: string,
    carrier?: CarrierId,
  ): Promise<{ order_number: string | null; data: Shipment } | undefined> {
    open();
    const key = trackingKey(trackingNumber);
    const { rows } = carrier
      ? await pool.query(
          'SELECT order_number, data FROM trackline_shipments WHERE carrier = $1 AND tracking_key = $2',
          [carrier, key],
        )
      : await pool.query(
          `SELECT order_number, data FROM trackline_shipments WHERE tracking_key = $1
           ORDER BY updated_at DESC, id DESC LIMIT 1`,
          [key],
        );
    return rows[0];
  }

  return {
    async close() {
      if (closed) return;
      closed = true;
      if (ownsPool) await pool.end();
    },

    async saveOrder(order) {
      if (!order?.orderNumber) throw new TypeError('saveOrder needs an orderNumber.');
      epochMs(order.placedAt, `Order ${order.orderNumber}: placedAt`);
      await transaction(async (client) => {
        const at = stamp();
        await client.query(
          `INSERT INTO trackline_orders (order_number, placed_at, customer, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $4)
           ON CONFLICT (order_number) DO UPDATE SET customer = excluded.customer, updated_at = excluded.updated_at`,
          [order.orderNumber, order.placedAt, JSON.stringify(order.customer ?? {}), at],
        );
        for (const parcel of order.shipments ?? []) await linkParcel(client, order.orderNumber, parcel, at);
      });
    },

    async getOrder(orderNumber) {
      return transaction(async (client) => {
        // One snapshot for the order and its parcels.
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const { rows } = await client.query(
          'SELECT order_number, placed_at, customer, updated_at FROM trackline_orders WHERE order_number = $1',
          [orderNumber],
        );
        const order = rows[0] as
          { order_number: string; placed_at: string; customer: Customer; updated_at: string } | undefined;
        if (!order) return undefined;
        const shipments = await client.query(
          'SELECT data FROM trackline_shipments WHERE order_number = $1 ORDER BY id',
          [orderNumber],
        );
        const stored: StoredOrder = {
          orderNumber: order.order_number,
          placedAt: order.placed_at,
          shipments: shipments.rows.map((row: { data: Shipment }) => row.data),
          customer: order.customer,
          updatedAt: order.updated_at,
        };
        return stored;
      });
    },

    async attachShipment(orderNumber, parcel) {
      await transaction(async (client) => {
        const at = stamp();
        const updated = await client.query('UPDATE trackline_orders SET updated_at = $1 WHERE order_number = $2', [
          at,
          orderNumber,
        ]);
        if (updated.rowCount === 0) {
          throw new Error(
            `There is no order ${orderNumber} to attach ${parcel.trackingNumber} to; save it first with saveOrder.`,
          );
        }
        await linkParcel(client, orderNumber, parcel, at);
      });
    },

    async getShipment(trackingNumber, carrier) {
      return (await findShipment(trackingNumber, carrier))?.data;
    },

    async orderOf(trackingNumber, carrier) {
      return (await findShipment(trackingNumber, carrier))?.order_number ?? undefined;
    },

    async listActiveShipments(options) {
      open();
      const page = activePage(options);
      const { rows } = await pool.query(activeShipmentsSql, [page.after, page.limit]);
      return (rows as { id: string; order_number: string | null; data: Shipment; placed_at: string | null }[]).map(
        (row) => ({
          id: String(row.id),
          shipment: row.data,
          ...(row.order_number === null ? {} : { orderNumber: row.order_number }),
          ...(row.placed_at === null ? {} : { placedAt: row.placed_at }),
        }),
      );
    },

    async applyUpdate(update) {
      epochMs(update.receivedAt, 'applyUpdate: receivedAt');
      const key = trackingKey(update.shipment.trackingNumber);
      return transaction(async (client): Promise<ApplyResult> => {
        const carrier = await parcelCarrier(client, update.shipment.carrier, key);
        if (carrier !== update.shipment.carrier) update = { ...update, shipment: { ...update.shipment, carrier } };
        const incoming = update.shipment;
        const select = `SELECT s.id, s.order_number, s.data, s.fields_as_of_ms, s.event_copies, o.customer
          FROM trackline_shipments s LEFT JOIN trackline_orders o ON o.order_number = s.order_number
          WHERE s.carrier = $1 AND s.tracking_key = $2`;
        if (update.webhookId !== undefined) {
          // A second delivery of the same webhook waits here on the unique key until the first commits
          // (then it is a duplicate) or rolls back (then it goes ahead).
          const seen = await client.query(
            `INSERT INTO trackline_webhooks_seen (source, webhook_id, received_at) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING`,
            [update.source, update.webhookId, update.receivedAt],
          );
          if (seen.rowCount === 0) {
            const row = (await client.query(select, [incoming.carrier, key])).rows[0] as ShipmentRow | undefined;
            const stored = row?.data ?? incoming;
            const result: ApplyResult = { duplicate: true, before: stored, after: stored };
            if (row?.order_number) result.orderNumber = row.order_number;
            return result;
          }
        }
        // Make sure the row exists, then lock it: every update of this parcel queues behind this one.
        const created = await client.query(
          `INSERT INTO trackline_shipments (carrier, tracking_key, status, data, fields_as_of_ms, updated_at)
           VALUES ($1, $2, 'pending', $3, 0, $4) ON CONFLICT (carrier, tracking_key) DO NOTHING`,
          [incoming.carrier, key, JSON.stringify(placeholderShipment(incoming, update.receivedAt)), update.receivedAt],
        );
        const row = (await client.query(`${select} FOR UPDATE OF s`, [incoming.carrier, key])).rows[0] as ShipmentRow;
        const before = created.rowCount === 1 ? undefined : row.data;
        const {
          shipment: after,
          fieldsAsOf,
          copies,
        } = mergeUpdate(before, Number(row.fields_as_of_ms), update, row.event_copies ?? undefined);
        await client.query(
          `UPDATE trackline_shipments SET status = $1, data = $2, fields_as_of_ms = $3, updated_at = $4, event_copies = $5
           WHERE id = $6`,
          [
            after.status,
            JSON.stringify(after),
            fieldsAsOf,
            after.updatedAt,
            copies ? JSON.stringify(copies) : null,
            row.id,
          ],
        );
        const result: ApplyResult = { duplicate: false, after };
        if (before) result.before = before;
        if (row.order_number) result.orderNumber = row.order_number;
        if (isNews(before, after)) {
          const inserted = await client.query(
            'INSERT INTO trackline_changes (shipment_id, before, after, at) VALUES ($1, $2, $3, $4) RETURNING id',
            [row.id, before ? JSON.stringify(before) : null, JSON.stringify(after), update.receivedAt],
          );
          const change: ShipmentChange = { id: String(inserted.rows[0].id), after, at: update.receivedAt };
          if (before) change.before = before;
          if (row.order_number) change.orderNumber = row.order_number;
          const customer = customerOf(row.customer);
          if (row.order_number && customer) change.customer = customer;
          result.change = change;
        }
        return result;
      });
    },

    async planMessages(plan, options = {}) {
      const limit = options.limit ?? defaultPlanLimit;
      return transaction(async (client) => {
        // Changes of parcels no order claims yet wait: nobody could be told, and the order may come.
        // SKIP LOCKED: a change another process is planning right now is left to it.
        const { rows } = await client.query(
          `SELECT c.id, c.before, c.after, c.at, s.order_number, o.customer
           FROM trackline_changes c
           JOIN trackline_shipments s ON s.id = c.shipment_id
           JOIN trackline_orders o ON o.order_number = s.order_number
           WHERE c.processed_at IS NULL
           ORDER BY c.id LIMIT $1
           FOR UPDATE OF c SKIP LOCKED`,
          [limit],
        );
        const at = stamp();
        for (const row of rows as ChangeRow[]) {
          const change: ShipmentChange = { id: String(row.id), after: row.after, at: row.at };
          if (row.before !== null) change.before = row.before;
          if (row.order_number !== null) change.orderNumber = row.order_number;
          if (row.customer) change.customer = row.customer;
          for (const message of plan(change)) await insertMessage(client, message, change.orderNumber, at);
          await client.query('UPDATE trackline_changes SET processed_at = $1 WHERE id = $2', [at, row.id]);
        }
        return rows.length;
      });
    },

    async enqueueMessages(messages) {
      // Checked before the transaction: a bad message fails the call without a round trip.
      for (const message of messages) checkMessage(message);
      // In key order, so two processes enqueuing overlapping batches wait for each other on the
      // unique key instead of deadlocking.
      const inKeyOrder = [...messages].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return transaction(async (client) => {
        const at = stamp();
        let added = 0;
        for (const message of inKeyOrder) added += await insertMessage(client, message, undefined, at);
        return added;
      });
    },

    async claimMessages({ now: at, limit = defaultClaimLimit, leaseMs = defaultLeaseMs }) {
      open();
      const nowMs = epochMs(at, 'claimMessages: now');
      const leaseUntilMs = nowMs + leaseMs;
      // One new token per claim: no two claims of a message ever share one.
      const { rows } = await pool.query(
        `UPDATE trackline_outbox SET state = 'sending', attempts = attempts + 1, lease_until = $1, lease_until_ms = $2,
           claim_token = $5
         WHERE id IN (
           SELECT id FROM trackline_outbox
           WHERE (state = 'pending' AND due_ms <= $3) OR (state = 'sending' AND lease_until_ms <= $3)
           ORDER BY due_ms, id LIMIT $4
           FOR UPDATE SKIP LOCKED
         )
         RETURNING *`,
        [new Date(leaseUntilMs).toISOString(), leaseUntilMs, nowMs, limit, randomUUID()],
      );
      return (rows as MessageRow[]).map(toMessage).sort((a, b) => Number(a.id) - Number(b.id));
    },

    async markSent(id, at, claimToken) {
      open();
      const updated = await pool.query(
        `UPDATE trackline_outbox SET state = 'sent', sent_at = $1, lease_until = NULL, lease_until_ms = NULL,
           claim_token = NULL
         WHERE ${currentClaim('$2', '$3')}`,
        [at, id, claimToken ?? null],
      );
      return updated.rowCount === 1;
    },

    async markFailed(id, error, retryAt, claimToken) {
      open();
      const updated =
        retryAt === undefined
          ? await pool.query(
              `UPDATE trackline_outbox SET state = 'failed', last_error = $1, lease_until = NULL, lease_until_ms = NULL,
                 claim_token = NULL
               WHERE ${currentClaim('$2', '$3')}`,
              [error, id, claimToken ?? null],
            )
          : await pool.query(
              `UPDATE trackline_outbox SET state = 'pending', last_error = $1, not_before = $2, due_ms = $3,
                 lease_until = NULL, lease_until_ms = NULL, claim_token = NULL
               WHERE ${currentClaim('$4', '$5')}`,
              [error, retryAt, epochMs(retryAt, 'markFailed: retryAt'), id, claimToken ?? null],
            );
      return updated.rowCount === 1;
    },

    async retryFailed(options = {}) {
      open();
      const sinceMs = options.since === undefined ? null : epochMs(options.since, 'retryFailed: since');
      const at = stamp();
      // One statement on `state = 'failed'` only: a message sent, queued or being sent is never touched.
      const updated = await pool.query(
        `UPDATE trackline_outbox SET state = 'pending', attempts = 0, not_before = $1, due_ms = $2,
           lease_until = NULL, lease_until_ms = NULL, claim_token = NULL
         WHERE state = 'failed' AND ($3::bigint IS NULL OR due_ms >= $3) AND ($4::text IS NULL OR kind = $4)
           AND ($5::text IS NULL OR channel = $5)`,
        [at, epochMs(at, 'retryFailed: now'), sinceMs, options.kind ?? null, options.channel ?? null],
      );
      return updated.rowCount ?? 0;
    },

    async listMessages(options = {}) {
      open();
      const limit = options.limit ?? defaultListLimit;
      const { rows } =
        options.orderNumber === undefined
          ? await pool.query('SELECT * FROM trackline_outbox ORDER BY id DESC LIMIT $1', [limit])
          : await pool.query('SELECT * FROM trackline_outbox WHERE order_number = $1 ORDER BY id DESC LIMIT $2', [
              options.orderNumber,
              limit,
            ]);
      return (rows as MessageRow[]).map(toMessage);
    },
  };
}
