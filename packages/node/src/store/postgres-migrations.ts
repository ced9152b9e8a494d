import type { Migration } from './sqlite-migrations.js';

// The PostgreSQL schema, as numbered migrations. Append new ones; never edit one that was released.
// Tables are prefixed `trackline_` because they usually live beside the shop's own tables (many
// frameworks already have a `schema_migrations` of their own). Times stay the ISO 8601 text they
// came in; `*_ms` columns hold the same instant where SQL compares times.

export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'orders, shipments, webhooks seen, changes and the outbox',
    sql: `
      CREATE TABLE trackline_orders (
        order_number text PRIMARY KEY,
        placed_at text NOT NULL,
        customer jsonb NOT NULL,
        created_at text NOT NULL,
        updated_at text NOT NULL
      );

      CREATE TABLE trackline_shipments (
        id bigserial PRIMARY KEY,
        carrier text NOT NULL,
        tracking_key text NOT NULL,
        order_number text REFERENCES trackline_orders (order_number) ON DELETE SET NULL,
        status text NOT NULL,
        data jsonb NOT NULL,
        fields_as_of_ms bigint NOT NULL,
        updated_at text NOT NULL,
        UNIQUE (carrier, tracking_key)
      );
      CREATE INDEX trackline_shipments_by_tracking_key ON trackline_shipments (tracking_key);
      CREATE INDEX trackline_shipments_by_order ON trackline_shipments (order_number);

      CREATE TABLE trackline_webhooks_seen (
        source text NOT NULL,
        webhook_id text NOT NULL,
        received_at text NOT NULL,
        PRIMARY KEY (source, webhook_id)
      );

      CREATE TABLE trackline_changes (
        id bigserial PRIMARY KEY,
        shipment_id bigint NOT NULL REFERENCES trackline_shipments (id) ON DELETE CASCADE,
        before jsonb,
        after jsonb NOT NULL,
        at text NOT NULL,
        processed_at text
      );
      CREATE INDEX trackline_changes_unprocessed ON trackline_changes (id) WHERE processed_at IS NULL;

      CREATE TABLE trackline_outbox (
        id bigserial PRIMARY KEY,
        key text NOT NULL UNIQUE,
        channel text NOT NULL CHECK (channel IN ('email', 'sms')),
        kind text NOT NULL,
        recipient text NOT NULL,
        order_number text,
        content jsonb NOT NULL,
        not_before text NOT NULL,
        due_ms bigint NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        created_at text NOT NULL,
        sent_at text,
        last_error text,
        lease_until text,
        lease_until_ms bigint
      );
      CREATE INDEX trackline_outbox_due ON trackline_outbox (state, due_ms);
      CREATE INDEX trackline_outbox_by_order ON trackline_outbox (order_number, id);
    `,
  },
  {
    version: 2,
    name: 'a token per outbox claim, so only the current claim marks a message sent or failed',
    sql: `
      ALTER TABLE trackline_outbox ADD COLUMN claim_token text;
    `,
  },
  {
    version: 3,
    name: 'an index of the parcels still on their way, for listActiveShipments',
    // The predicate repeats `activeStatusList` (rows.ts), so the planner can prove the query's WHERE implies it.
    // A test checks the two agree; if the active statuses change, replace this index in a new migration.
    sql: `
      CREATE INDEX trackline_shipments_active ON trackline_shipments (id)
        WHERE status IN ('pending', 'info_received', 'in_transit', 'out_for_delivery');
    `,
  },
];
