export { sqliteStore } from './sqlite-store.js';
export type { SqliteStoreOptions } from './sqlite-store.js';
export { postgresStore } from './postgres-store.js';
export type { PostgresClient, PostgresPool, PostgresStoreOptions } from './postgres-store.js';
export type {
  ActiveShipment,
  ApplyResult,
  Channel,
  Customer,
  MessageState,
  NewMessage,
  NewOrder,
  OutboxMessage,
  ShipmentChange,
  ShipmentUpdate,
  Store,
  StoredOrder,
} from './types.js';
