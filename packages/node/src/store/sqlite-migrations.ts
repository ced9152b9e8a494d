import type BetterSqlite3 from 'better-sqlite3';
import type { Shipment } from '@trackline/core';
import { mergeParcelRows, rekeyGroups } from './merge.js';

// The SQLite schema, as numbered migrations. Append new ones; never edit one that was released.
// Times are kept as the ISO 8601 text they came in; `*_ms` columns hold the same instant as
// milliseconds where SQL must compare times (text with different offsets does not sort).

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Work SQL cannot do alone because it needs the package's own functions (the tracking key), run
   * after `sql` in the same transaction. Synchronous: better-sqlite3's transactions are.
   */
  upgrade?(db: BetterSqlite3.Database): void;
}

interface RekeyRow {
  id: number;
  carrier: string;
  tracking_key: string;
  order_number: string | null;
  order_updated_at: string | null;
  data: string;
  fields_as_of_ms: number;
}

/**
 * Migration 4's work: every parcel keyed by `trackingKey` as it is now. Only a key holding something
 * other than A-Z and 0-9 can change (a key of those alone is its own canonical form). Rows that now
 * share a key are one parcel and become one row (`mergeParcelRows`); each row of such a group is kept
 * as it was in `merged_shipments`, and its changes (planned or not) move to the row that stays, so no
 * notification is lost.
 */
function rekeySqlite(db: BetterSqlite3.Database): void {
  const candidates = db
    .prepare("SELECT id, carrier, tracking_key FROM shipments WHERE tracking_key GLOB '*[^0-9A-Z]*' ORDER BY id")
    .all() as { id: number; carrier: string; tracking_key: string }[];
  const holder = db.prepare('SELECT id FROM shipments WHERE carrier = ? AND tracking_key = ?');
  const read = db.prepare(
    `SELECT s.id, s.carrier, s.tracking_key, s.order_number, o.updated_at AS order_updated_at, s.data, s.fields_as_of_ms
     FROM shipments s LEFT JOIN orders o ON o.order_number = s.order_number WHERE s.id = ?`,
  );
  const archive = db.prepare(
    `INSERT INTO merged_shipments
       (id, merged_into, carrier, tracking_key, order_number, status, data, fields_as_of_ms, updated_at, merged_at)
     SELECT id, ?, carrier, tracking_key, order_number, status, data, fields_as_of_ms, updated_at, ?
     FROM shipments WHERE id = ?`,
  );
  const moveChanges = db.prepare('UPDATE changes SET shipment_id = ? WHERE shipment_id = ?');
  const remove = db.prepare('DELETE FROM shipments WHERE id = ?');
  const rekey = db.prepare('UPDATE shipments SET tracking_key = ? WHERE id = ?');
  const rewrite = db.prepare(
    `UPDATE shipments SET tracking_key = ?, order_number = ?, status = ?, data = ?, fields_as_of_ms = ?, updated_at = ?
     WHERE id = ?`,
  );
  const at = new Date().toISOString();
  for (const { carrier, key, ids } of rekeyGroups(candidates)) {
    const holding = holder.get(carrier, key) as { id: number } | undefined;
    if (holding) ids.push(holding.id);
    if (ids.length === 1) {
      rekey.run(key, ids[0]);
      continue;
    }
    const rows = ids.map((id) => read.get(id) as RekeyRow);
    const merge = mergeParcelRows(
      rows.map((row) => ({
        id: row.id,
        orderNumber: row.order_number,
        orderUpdatedAt: row.order_updated_at,
        shipment: JSON.parse(row.data) as Shipment,
        fieldsAsOf: Number(row.fields_as_of_ms),
      })),
    );
    // Every row of the group as it was, the one that stays included (it may change owner): nothing is lost.
    for (const id of ids) archive.run(merge.keep, at, id);
    for (const id of merge.remove) {
      moveChanges.run(merge.keep, id);
      remove.run(id);
    }
    const { shipment } = merge;
    rewrite.run(
      key,
      merge.orderNumber,
      shipment.status,
      JSON.stringify(shipment),
      merge.fieldsAsOf,
      shipment.updatedAt,
      merge.keep,
    );
  }
}

export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'orders, shipments, webhooks seen, changes and the outbox',
    sql: `
      CREATE TABLE orders (
        order_number TEXT PRIMARY KEY,
        placed_at TEXT NOT NULL,
        customer TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE shipments (
        id INTEGER PRIMARY KEY,
        carrier TEXT NOT NULL,
        tracking_key TEXT NOT NULL,
        order_number TEXT REFERENCES orders (order_number) ON DELETE SET NULL,
        status TEXT NOT NULL,
        data TEXT NOT NULL,
        fields_as_of_ms INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (carrier, tracking_key)
      );
      CREATE INDEX shipments_by_tracking_key ON shipments (tracking_key);
      CREATE INDEX shipments_by_order ON shipments (order_number);

      CREATE TABLE webhooks_seen (
        source TEXT NOT NULL,
        webhook_id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (source, webhook_id)
      );

      CREATE TABLE changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        shipment_id INTEGER NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
        before TEXT,
        after TEXT NOT NULL,
        at TEXT NOT NULL,
        processed_at TEXT
      );
      CREATE INDEX changes_unprocessed ON changes (id) WHERE processed_at IS NULL;

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
        kind TEXT NOT NULL,
        recipient TEXT NOT NULL,
        order_number TEXT,
        content TEXT NOT NULL,
        not_before TEXT NOT NULL,
        due_ms INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        last_error TEXT,
        lease_until TEXT,
        lease_until_ms INTEGER
      );
      CREATE INDEX outbox_due ON outbox (state, due_ms);
      CREATE INDEX outbox_by_order ON outbox (order_number, id);
    `,
  },
  {
    version: 2,
    name: 'a token per outbox claim, so only the current claim marks a message sent or failed',
    sql: `
      ALTER TABLE outbox ADD COLUMN claim_token TEXT;
    `,
  },
  {
    version: 3,
    name: 'an index of the parcels still on their way, for listActiveShipments',
    // The predicate repeats `activeStatusList` (rows.ts) word for word and in the same order: SQLite uses a
    // partial index only when the query's WHERE contains the index's terms as written. A test checks the two
    // agree; if the active statuses change, replace this index in a new migration rather than editing this one.
    sql: `
      CREATE INDEX shipments_active ON shipments (id)
        WHERE status IN ('pending', 'info_received', 'in_transit', 'out_for_delivery');
    `,
  },
  {
    version: 4,
    name: 'tracking keys in the form detectCarrier reads numbers in, without dashes or dots; parcels stored twice merged',
    // A parcel saved as 1Z999-AA1… and updated as 1Z999AA1… was two rows: they become one (see rekeySqlite).
    sql: `
      CREATE TABLE merged_shipments (
        id INTEGER PRIMARY KEY,
        merged_into INTEGER NOT NULL,
        carrier TEXT NOT NULL,
        tracking_key TEXT NOT NULL,
        order_number TEXT,
        status TEXT NOT NULL,
        data TEXT NOT NULL,
        fields_as_of_ms INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        merged_at TEXT NOT NULL
      );
    `,
    upgrade: rekeySqlite,
  },
  {
    version: 5,
    name: 'the copies each event was merged from, so merging does not depend on the order updates arrive in',
    // NULL (most parcels): the events are the copies as they came. See `Merged.copies` in merge.ts.
    sql: `
      ALTER TABLE shipments ADD COLUMN event_copies TEXT;
    `,
  },
];
