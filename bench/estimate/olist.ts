// Loads the Olist marketplace orders (../shared/data/olist, beside the repo; never copied into it) as
// history records: origin = the state and zip prefix of the seller of the order's first item (the
// prefix is nearly a seller id), destination = the customer's state and zip prefix, times = Brazil's local wall times written as ISO instants with their offset.
import { existsSync, readFileSync } from 'node:fs';
import type { Area, HistoryRecord } from '@trackline/core';
import { parseCsv } from './csv.js';
import { brazil, wallToIso, wallToMs } from './time.js';

export const olistDir = new URL('../../../shared/data/olist/', import.meta.url);

/** One order with everything the benchmark needs; `record` holds the whole truth, future included. */
export interface OlistOrder {
  id: string;
  status: string;
  record: HistoryRecord;
  placedMs: number;
  shippedMs?: number;
  deliveredMs?: number;
  /** Local day of purchase, hand-over and delivery, `YYYY-MM-DD`. */
  placedDay: string;
  shippedDay?: string;
  deliveredDay?: string;
  /** The marketplace's own promise made at purchase (`order_estimated_delivery_date`), `YYYY-MM-DD`. */
  promisedDay?: string;
}

const files = {
  orders: 'subset10k_2017/orders.csv',
  customers: 'subset10k_2017/customers.csv',
  items: 'subset10k_2017/order_items.csv',
  sellers: 'sellers_full/olist_sellers_dataset.csv',
} as const;

/** The files the loader reads that are missing under `dir` (none when the data is there). */
export function missingFiles(dir: URL = olistDir): string[] {
  return Object.values(files).filter((file) => !existsSync(new URL(file, dir)));
}

/** Every order that has a customer state and a first item with a known seller state, by purchase time. */
export function loadOlist(dir: URL = olistDir): OlistOrder[] {
  const read = (file: string) => parseCsv(readFileSync(new URL(file, dir), 'utf8'));
  return buildOrders({
    orders: read(files.orders),
    customers: read(files.customers),
    items: read(files.items),
    sellers: read(files.sellers),
  });
}

/** Joins the four tables (rows as the CSV reader gives them). */
export function buildOrders(tables: {
  orders: Record<string, string>[];
  customers: Record<string, string>[];
  items: Record<string, string>[];
  sellers: Record<string, string>[];
}): OlistOrder[] {
  const customers = new Map(tables.customers.map((c) => [c.customer_id!, c]));
  const sellers = new Map(tables.sellers.map((s) => [s.seller_id!, s]));
  const firstSeller = new Map<string, string>();
  for (const item of tables.items) if (item.order_item_id === '1') firstSeller.set(item.order_id!, item.seller_id!);

  const orders: OlistOrder[] = [];
  for (const row of tables.orders) {
    const customer = customers.get(row.customer_id ?? '');
    const seller = sellers.get(firstSeller.get(row.order_id ?? '') ?? '');
    const placedAt = wallToIso(row.order_purchase_timestamp ?? '', brazil);
    if (!customer?.customer_state || !seller?.seller_state || !placedAt) continue;
    const shippedAt = wallToIso(row.order_delivered_carrier_date ?? '', brazil);
    const deliveredAt = wallToIso(row.order_delivered_customer_date ?? '', brazil);
    const record: HistoryRecord = {
      carrier: 'olist',
      origin: area(seller.seller_state, seller.seller_zip_code_prefix),
      destination: area(customer.customer_state, customer.customer_zip_code_prefix),
      placedAt,
      ...(shippedAt ? { shippedAt } : {}),
      ...(deliveredAt ? { deliveredAt } : {}),
    };
    const promised = row.order_estimated_delivery_date?.slice(0, 10);
    orders.push({
      id: row.order_id!,
      status: row.order_status ?? '',
      record,
      placedMs: wallToMs(row.order_purchase_timestamp!, brazil)!,
      placedDay: placedAt.slice(0, 10),
      ...(shippedAt ? { shippedMs: Date.parse(shippedAt), shippedDay: shippedAt.slice(0, 10) } : {}),
      ...(deliveredAt ? { deliveredMs: Date.parse(deliveredAt), deliveredDay: deliveredAt.slice(0, 10) } : {}),
      ...(promised ? { promisedDay: promised } : {}),
    });
  }
  return orders.sort((a, b) => a.placedMs - b.placedMs);
}

/** A Brazilian state and zip prefix; the files lost the prefixes' leading zeros. */
function area(state: string, zipPrefix: string | undefined): Area {
  const digits = zipPrefix?.trim();
  return { country: 'BR', region: state, ...(digits ? { postalCode: digits.padStart(5, '0') } : {}) };
}
