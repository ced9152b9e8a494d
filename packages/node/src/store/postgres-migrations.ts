import type { Shipment } from '@trackline/core';
import { mergeParcelRows, rekeyGroups } from './merge.js';
import type { PostgresClient } from './postgres-store.js';

// The PostgreSQL schema, as numbered migrations. Append new ones; never edit one that was released.
// Tables are prefixed `trackline_` because they usually live beside the shop's own tables (many
// frameworks already have a `schema_migrations` of their own). Times stay the ISO 8601 text they
// came in; `*_ms` columns hold the same instant where SQL compares times.

export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
  /**
   * Work SQL cannot do alone because it needs the package's own functions (the tracking key), run
   * after `sql` on the migrating connection, in the same transaction.
   */
  upgrade?(client: PostgresClient): Promise<void>;
}

interface RekeyRow {
  id: string;
  order_number: string | null;
  order_updated_at: string | null;
  data: Shipment;
  fields_as_of_ms: string;
}

/**
 * Migration 4's work: every parcel keyed by `trackingKey` as it is now. Only a key holding something
 * other than A-Z and 0-9 can change (a key of those alone is its own canonical form). Rows that now
 * share a key are one parcel and become one row (`mergeParcelRows`); each row of such a group is kept
 * as it was in `trackline_merged_shipments`, and its changes (planned or not) move to the row that stays,
 * so no notification is lost. The migration holds its advisory lock and `trackline_shipments` is
 * locked for the rewrite, so no update runs against keys half rewritten.
 */
async function rekeyPostgres(client: PostgresClient): Promise<void> {
  await client.query('LOCK TABLE trackline_shipments IN SHARE ROW EXCLUSIVE MODE');
  const { rows: candidates } = await client.query(
    "SELECT id, carrier, tracking_key FROM trackline_shipments WHERE tracking_key ~ '[^0-9A-Z]' ORDER BY id",
  );
  const at = new Date().toISOString();
  for (const { carrier, key, ids } of rekeyGroups(
    // pg reads a bigint as a string.
    candidates as { id: string; carrier: string; tracking_key: string }[],
  )) {
    const holding = await client.query('SELECT id FROM trackline_shipments WHERE carrier = $1 AND tracking_key = $2', [
      carrier,
      key,
    ]);
    if (holding.rows[0]) ids.push(String(holding.rows[0].id));
    if (ids.length === 1) {
      await client.query('UPDATE trackline_shipments SET tracking_key = $1 WHERE id = $2', [key, ids[0]]);
      continue;
    }
    const { rows } = await client.query(
      `SELECT s.id, s.order_number, o.updated_at AS order_updated_at, s.data, s.fields_as_of_ms
       FROM trackline_shipments s LEFT JOIN trackline_orders o ON o.order_number = s.order_number
       WHERE s.id = ANY ($1::bigint[])`,
      [ids],
    );
    const merge = mergeParcelRows(
      (rows as RekeyRow[]).map((row) => ({
        id: Number(row.id),
        orderNumber: row.order_number,
        orderUpdatedAt: row.order_updated_at,
        shipment: row.data,
        fieldsAsOf: Number(row.fields_as_of_ms),
      })),
    );
    // Every row of the group as it was, the one that stays included (it may change owner): nothing is lost.
    await client.query(
      `INSERT INTO trackline_merged_shipments
         (id, merged_into, carrier, tracking_key, order_number, status, data, fields_as_of_ms, updated_at, merged_at)
       SELECT id, $1, carrier, tracking_key, order_number, status, data, fields_as_of_ms, updated_at, $2
       FROM trackline_shipments WHERE id = ANY ($3::bigint[])`,
      [merge.keep, at, ids],
    );
    for (const id of merge.remove) {
      await client.query('UPDATE trackline_changes SET shipment_id = $1 WHERE shipment_id = $2', [merge.keep, id]);
      await client.query('DELETE FROM trackline_shipments WHERE id = $1', [id]);
    }
    const { shipment } = merge;
    await client.query(
      `UPDATE trackline_shipments SET tracking_key = $1, order_number = $2, status = $3, data = $4,
         fields_as_of_ms = $5, updated_at = $6
       WHERE id = $7`,
      [
        key,
        merge.orderNumber,
        shipment.status,
        JSON.stringify(shipment),
        merge.fieldsAsOf,
        shipment.updatedAt,
        merge.keep,
      ],
    );
  }
}

export const postgresMigrations: readonly PostgresMigration[] = [
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
  {
    version: 4,
    name: 'tracking keys in the form detectCarrier reads numbers in, without dashes or dots; parcels stored twice merged',
    // A parcel saved as 1Z999-AA1… and updated as 1Z999AA1… was two rows: they become one (see rekeyPostgres).
    sql: `
      CREATE TABLE trackline_merged_shipments (
        id bigint PRIMARY KEY,
        merged_into bigint NOT NULL,
        carrier text NOT NULL,
        tracking_key text NOT NULL,
        order_number text,
        status text NOT NULL,
        data jsonb NOT NULL,
        fields_as_of_ms bigint NOT NULL,
        updated_at text NOT NULL,
        merged_at text NOT NULL
      );
    `,
    upgrade: rekeyPostgres,
  },
  {
    version: 5,
    name: 'the copies each event was merged from, so merging does not depend on the order updates arrive in',
    // NULL (most parcels): the events are the copies as they came. See `Merged.copies` in merge.ts.
    sql: `
      ALTER TABLE trackline_shipments ADD COLUMN event_copies jsonb;
    `,
  },
];
