// The SQLite schema, as numbered migrations. Append new ones; never edit one that was released.
// Times are kept as the ISO 8601 text they came in; `*_ms` columns hold the same instant as
// milliseconds where SQL must compare times (text with different offsets does not sort).

export interface Migration {
  version: number;
  name: string;
  sql: string;
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
];
