import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CarrierId, Shipment, TrackingEvent } from '@trackline/core';
import type BetterSqlite3 from 'better-sqlite3';
import { isNews, mergeUpdate, placeholderShipment, trackingKey } from './merge.js';
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
  json,
  toMessage,
  type MessageRow,
} from './rows.js';
import { sqliteMigrations, type Migration } from './sqlite-migrations.js';
import type {
  ApplyResult,
  NewMessage,
  NewOrder,
  OutboxMessage,
  ShipmentChange,
  ShipmentUpdate,
  StoredOrder,
  Store,
} from './types.js';

export interface SqliteStoreOptions {
  /** The database file (created when missing), or `':memory:'` for a private in-memory database (tests). */
  path: string;
  /** How long a write waits for another process's write to finish before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** The clock, for `createdAt`/`updatedAt` stamps the store sets itself. */
  now?: () => Date;
}

type Database = BetterSqlite3.Database;

/**
 * The message (id, then claim token twice) is still in the claim that is marking it: `sending`, and
 * with that token when one is given. A sender whose lease ran out finds another token (or a message
 * already sent) and changes nothing.
 */
const currentClaim = `id = ? AND state = 'sending' AND (? IS NULL OR claim_token = ?)`;

interface ShipmentRow {
  id: number;
  order_number: string | null;
  data: string;
  fields_as_of_ms: number;
  /** Added by migration 5; null when the events are the copies as they came (see `Merged.copies`). */
  event_copies: string | null;
}

interface ChangeRow {
  id: number;
  before: string | null;
  after: string;
  at: string;
  order_number: string | null;
  customer: string | null;
}

async function loadDriver(): Promise<typeof BetterSqlite3> {
  try {
    const module = (await import('better-sqlite3')) as { default: typeof BetterSqlite3 };
    return module.default;
  } catch (error) {
    throw new Error(
      'sqliteStore needs the better-sqlite3 package, which is not installed. Install it with `npm install better-sqlite3`.',
      { cause: error },
    );
  }
}

/** SQLite could not take the write lock in time: another connection held it past `busy_timeout`. */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function checkPath(path: string): void {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new TypeError(
      "sqliteStore needs a `path`: a database file such as './data/trackline.db' (created when missing), or ':memory:' for tests.",
    );
  }
  if (path === ':memory:' || path.startsWith('file:')) return;
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) {
    throw new Error(
      `sqliteStore cannot create ${path}: the folder ${folder} does not exist. Create the folder or choose another path.`,
    );
  }
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new Error(`sqliteStore cannot use ${path}: it is a folder. Give the path of a database file inside it.`);
  }
}

/**
 * `listActiveShipments`' query (parameters: the id to read after, the limit). Its WHERE repeats the
 * partial index `shipments_active` (migration 3) term by term, so SQLite reads only parcels on their way.
 */
export const activeShipmentsSql = `SELECT s.id, s.order_number, s.data, o.placed_at
  FROM shipments s LEFT JOIN orders o ON o.order_number = s.order_number
  WHERE s.status IN (${activeStatusList}) AND s.id > ? ORDER BY s.id LIMIT ?`;

/** Applies the migrations this version knows and the database does not have yet, in one write transaction. */
export function migrateSqlite(db: Database, migrations: readonly Migration[] = sqliteMigrations): number[] {
  const run = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as {
      version: number | null;
    };
    const current = row.version ?? 0;
    const known = migrations.at(-1)?.version ?? 0;
    if (current > known) {
      throw new Error(
        `This database's schema is at version ${current}, newer than this @trackline/node knows (${known}). ` +
          'Upgrade @trackline/node in every process that uses the database.',
      );
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      migration.upgrade?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      applied.push(migration.version);
    }
    return applied;
  });
  return run.immediate();
}

/**
 * The embedded store: one SQLite file (WAL mode), shared safely by several processes on one
 * machine. Every write is a `BEGIN IMMEDIATE` transaction, so writers queue (up to `busyTimeoutMs`)
 * instead of racing; SQLite allows one writer at a time, which is the whole concurrency story.
 */
export async function sqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const { path, busyTimeoutMs = 5000, now = () => new Date() } = options ?? ({} as SqliteStoreOptions);
  checkPath(path);
  const Driver = await loadDriver();
  let db: Database;
  try {
    db = openConnection(Driver, path, busyTimeoutMs);
    migrateSqlite(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `sqliteStore could not open the database at ${path}: ${reason}. ` +
        'Check that the path names a SQLite database file (or a new file) this process may write.',
      { cause: error },
    );
  }
  // A database in a file gets its webhook updates written by a thread of its own (see
  // `writerThread`); a private `:memory:` one cannot be opened twice, so it is written here.
  const file = db.pragma('journal_mode', { simple: true }) === 'wal' ? writerThreadFile() : undefined;
  return createSqliteStore(db, now, busyTimeoutMs, file ? { file, path } : undefined);
}

/** A connection with the store's settings; the writer thread opens its own the same way. */
function openConnection(Driver: typeof BetterSqlite3, path: string, busyTimeoutMs: number): Database {
  const db = new Driver(path);
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('journal_mode = WAL');
  // What a resolved write survives. FULL waits, at every COMMIT, until the WAL is on the disk, so an
  // update a webhook was answered 2xx for survives the process being killed and the machine losing
  // power alike. The wait is one fsync per transaction, and the group commit below puts every update
  // waiting at that moment into one transaction, so under load the fsync is shared by the batch.
  // (NORMAL would skip that wait: still safe against a killed process, not against a power cut.)
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

/** For the writer thread: a connection to a database `sqliteStore` has opened (and migrated) already. */
export async function openWriterConnection(path: string, busyTimeoutMs: number): Promise<Database> {
  return openConnection(await loadDriver(), path, busyTimeoutMs);
}

/**
 * The writer thread's module beside this one: `.js` once built (`dist/store/`), `.ts` in the source
 * (run through a TypeScript loader, which the thread inherits). Undefined when neither is there, as when
 * an application bundles this package into one file: updates are then written on the calling thread.
 */
function writerThreadFile(): URL | undefined {
  for (const name of ['./sqlite-writer-thread.js', './sqlite-writer-thread.ts']) {
    const url = new URL(name, import.meta.url);
    if (url.protocol === 'file:' && existsSync(url)) return url;
  }
  return undefined;
}

/** Why the writer thread did not store an update: its message, and what caused it (with SQLite's code). */
export interface WriterError {
  message: string;
  cause?: { message: string; code?: string };
}
/**
 * An `ApplyResult` as the writer thread sends it back: the shipments as the JSON text it stored (which it
 * has at hand) rather than as objects, whose structured clone cost the calling thread more than the rest
 * of the answer. `readStoredResult` turns it back into an `ApplyResult` that parses each text only when read.
 */
export interface StoredResult {
  duplicate: boolean;
  orderNumber?: string;
  /** The parcel before the update, as stored; for a duplicate, the parcel as stored, which is also `after`. */
  before?: string;
  /** The parcel after the update; absent for a duplicate (see `before`, else the update's own shipment). */
  after?: string;
  /** The change appended, with its order's customer as stored (JSON) when the order is known. */
  change?: { id: string; at: string; orderNumber?: string; customer?: string };
}
/** What the writer thread answers: the settled updates of one commit, or that it has closed its connection. */
export type WriterReply = Array<{ id: number; result: StoredResult } | { id: number; error: WriterError }> | 'closed';
/**
 * What the writer thread is sent: the updates to store that came in during one turn of the event loop, as
 * JSON text (`JSON.stringify` costs this thread about half of what a structured clone of the objects does,
 * and the thread parses it faster than it deserializes one), numbered `first`, `first + 1` and so on; or the
 * word to close once every update is written. One message per turn rather than one per update: each message
 * costs both threads a fixed amount (a clone, a wake-up, an event dispatched) whatever it carries.
 */
export type WriterRequest = { first: number; updates: string[] } | 'close';

/** A shipment of a `StoredResult`: its text, parsed when first asked for (and then kept). */
class StoredShipment {
  private parsed: Shipment | undefined;
  private readonly text: string | undefined;

  constructor(text: string | undefined, parsed?: Shipment) {
    this.text = text;
    this.parsed = parsed;
  }

  get value(): Shipment {
    return (this.parsed ??= JSON.parse(this.text!) as Shipment);
  }
}

/** Makes `name` of `target` a plain property holding `value` (an assignment to a shipment read on demand). */
function assign(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * `before` (when given) and `after` as properties read on demand, for a result or its change: the shipments of
 * a result the calling thread never looks at, as a webhook handler without `onUpdate` does not, are never
 * parsed. (Accessors in an object literal: defining them one by one cost more than the parse they save.)
 */
function shipmentsOf(
  before: StoredShipment | undefined,
  after: StoredShipment,
): { before?: Shipment; after: Shipment } {
  if (!before) {
    return {
      get after() {
        return after.value;
      },
      set after(value) {
        assign(this, 'after', value);
      },
    };
  }
  return {
    get before() {
      return before.value;
    },
    set before(value) {
      assign(this, 'before', value);
    },
    get after() {
      return after.value;
    },
    set after(value) {
      assign(this, 'after', value);
    },
  };
}

/**
 * The `ApplyResult` of a `StoredResult`, for `update`: its shipments are parsed when first read, and the same
 * object wherever they appear (`before` and `change.before`, `after` and `change.after`), as in a result made
 * on this thread.
 */
export function readStoredResult(stored: StoredResult, update: ShipmentUpdate): ApplyResult {
  const storedBefore = stored.before === undefined ? undefined : new StoredShipment(stored.before);
  // A duplicate is answered with the parcel as stored, or the update's own shipment when none is, as both.
  const after =
    stored.after === undefined
      ? (storedBefore ?? new StoredShipment(undefined, update.shipment))
      : new StoredShipment(stored.after);
  const before = stored.duplicate ? after : storedBefore;
  const result = shipmentsOf(before, after) as ApplyResult;
  result.duplicate = stored.duplicate;
  if (stored.orderNumber !== undefined) result.orderNumber = stored.orderNumber;
  if (stored.change) {
    const { id, at, orderNumber, customer } = stored.change;
    const change = shipmentsOf(before, after) as ShipmentChange;
    change.id = id;
    change.at = at;
    if (orderNumber !== undefined) change.orderNumber = orderNumber;
    const parsed = customerOf(customer);
    if (parsed) change.customer = parsed;
    result.change = change;
  }
  return result;
}

/** The error the writer thread described, rebuilt with its cause. */
function writerError({ message, cause }: WriterError): Error {
  if (!cause) return new Error(message);
  return new Error(message, { cause: Object.assign(new Error(cause.message), cause.code ? { code: cause.code } : {}) });
}

/**
 * `applyUpdate` in a worker thread with a connection of its own to the same file: the same group commit,
 * with `synchronous = FULL`, so each update is answered only once its commit is on the disk, but the
 * fsync of that commit, and the reading, merging and writing of the updates, no longer hold up this
 * thread's event loop, which meanwhile goes on taking in, verifying and parsing the next webhooks. (With
 * better-sqlite3, which is synchronous, every commit's fsync otherwise stops the process's only thread.)
 * The thread starts with the first update and does not keep the process alive while it has none.
 * Should it fail, the updates it had not answered, and all later ones, are written by `fallback`, on this thread.
 */
function writerThread(
  file: URL,
  path: string,
  busyTimeoutMs: number,
  fallback: UpdateWriter,
): UpdateWriter & { close(): Promise<void> } {
  let worker: Worker | undefined;
  let failed = false;
  let closing: Promise<void> | undefined;
  let nextId = 0;
  // The updates of this turn not yet sent (numbered from `outgoingFirst`); `send` posts them in one message.
  let outgoing: string[] = [];
  let outgoingFirst = 0;
  const waiting = new Map<
    number,
    { update: ShipmentUpdate; resolve(result: ApplyResult): void; reject(error: unknown): void }
  >();

  // The thread could not start (no TypeScript loader, say) or stopped: what it had not answered is written
  // here, as is everything after. Writing an update twice changes nothing (its webhook id is recorded, and
  // merging the same events again gives the same shipment), so one it had stored is answered as a duplicate.
  const fail = () => {
    failed = true;
    worker = undefined;
    for (const { update, resolve, reject } of waiting.values()) fallback.apply(update).then(resolve, reject);
    waiting.clear();
  };

  function send(): void {
    const updates = outgoing;
    outgoing = [];
    // Without a thread (it failed in the meantime) these are in `waiting`, which `fail` handed to `fallback`.
    if (updates.length > 0 && worker) worker.postMessage({ first: outgoingFirst, updates } satisfies WriterRequest);
  }

  function start(): Worker {
    const workerData = { path, busyTimeoutMs };
    // From the source (the tests and benchmarks, run through tsx), the thread loads tsx itself: Node 20
    // does not carry a loader registered with --import into worker threads.
    // (Found from this file, as the thread's own lookup would start from the working folder.)
    const thread = file.pathname.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
            `.then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); })`,
          { eval: true, workerData },
        )
      : new Worker(file, { workerData });
    thread.unref();
    thread.on('message', (replies: WriterReply) => {
      if (replies === 'closed') {
        // Everything is answered and its connection closed: what is left of the thread can go.
        void thread.terminate();
        return;
      }
      for (const reply of replies) {
        const settle = waiting.get(reply.id);
        if (!settle) continue;
        waiting.delete(reply.id);
        if ('result' in reply) settle.resolve(readStoredResult(reply.result, settle.update));
        else settle.reject(writerError(reply.error));
      }
      // Idle, it must not keep the process alive; closing, it must until it has gone (close() waits for that).
      if (waiting.size === 0 && !closing) thread.unref();
    });
    thread.on('error', fail);
    thread.on('exit', () => {
      if (!closing && worker === thread) fail();
    });
    return thread;
  }

  return {
    apply(update) {
      if (!worker && !failed) {
        try {
          worker = start();
        } catch {
          // No thread to be had (no TypeScript loader to run it from the source): written here, as below.
          failed = true;
        }
      }
      if (failed || !worker) return fallback.apply(update);
      let text: string | undefined;
      try {
        text = JSON.stringify(update);
      } catch {
        // Written below: JSON cannot write this update (a BigInt or a cycle in it).
      }
      // An update JSON cannot write (or no update at all): this thread writes it, or says why not.
      if (typeof text !== 'string') return fallback.apply(update);
      const id = nextId++;
      const answer = new Promise<ApplyResult>((resolve, reject) => waiting.set(id, { update, resolve, reject }));
      // Sent once the event loop has taken in the webhooks whose bodies came in together (setImmediate runs
      // after this turn's I/O callbacks), as the thread's group commit then writes them together anyway.
      if (outgoing.length === 0) {
        outgoingFirst = id;
        setImmediate(send);
      }
      outgoing.push(text);
      if (waiting.size === 1) worker.ref();
      return answer;
    },
    drain() {
      fallback.drain();
    },
    close() {
      closing ??= (async () => {
        fallback.drain();
        const thread = worker;
        if (!thread) return;
        // Sent after every update (those of this turn too), so the thread writes (or refuses) each of them first.
        send();
        thread.ref();
        const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
        thread.postMessage('close' satisfies WriterRequest);
        await exited;
        worker = undefined;
        // Had the thread failed on the way, what it left was handed to `fallback`: written before the close.
        fallback.drain();
      })();
      return closing;
    },
  };
}

/**
 * The carrier under which a parcel is stored. Aggregators and carriers name some parcels differently (EasyPost
 * calls a SmartPost parcel FedEx's, `detectCarrier` the USPS number on it USPS'; an unlisted post is `other`
 * to one and `postal` to another), and the store keys parcels by carrier and number: when no row has this
 * carrier and number but exactly one row has the number, that row is the parcel, under the carrier it was
 * stored with. Two or more rows make the number ambiguous, and then only the carrier decides.
 */
function parcelCarrier(statements: ReturnType<typeof prepareStatements>, carrier: CarrierId, key: string): CarrierId {
  const rows = statements.carriersOfKey.all(key) as { carrier: CarrierId }[];
  return rows.length === 1 && rows[0]!.carrier !== carrier ? rows[0]!.carrier : carrier;
}

/** The statements `applyUpdate` and the order writes share. */
function prepareStatements(db: Database) {
  return {
    shipmentByKey: db.prepare(
      'SELECT id, order_number, data, fields_as_of_ms, event_copies FROM shipments WHERE carrier = ? AND tracking_key = ?',
    ),
    // At most two: one other row is a parcel to adopt (see `parcelCarrier`), two make the number ambiguous.
    carriersOfKey: db.prepare('SELECT id, carrier, order_number FROM shipments WHERE tracking_key = ? LIMIT 2'),
    insertShipment: db.prepare(
      `INSERT INTO shipments (carrier, tracking_key, order_number, status, data, fields_as_of_ms, updated_at, event_copies)
     VALUES (@carrier, @key, @order, @status, @data, @asOf, @updatedAt, @copies)`,
    ),
    updateShipment: db.prepare(
      `UPDATE shipments SET status = @status, data = @data, fields_as_of_ms = @asOf, updated_at = @updatedAt,
         event_copies = @copies WHERE id = @id`,
    ),
    insertWebhook: db.prepare(
      'INSERT INTO webhooks_seen (source, webhook_id, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    insertChange: db.prepare('INSERT INTO changes (shipment_id, before, after, at) VALUES (?, ?, ?, ?)'),
    customer: db.prepare('SELECT customer FROM orders WHERE order_number = ?'),
    insertMessage: db.prepare(
      `INSERT INTO outbox (key, channel, kind, recipient, order_number, content, not_before, due_ms, created_at)
     VALUES (@key, @channel, @kind, @to, @orderNumber, @content, @notBefore, @dueMs, @createdAt)
     ON CONFLICT (key) DO NOTHING`,
    ),
  };
}

/** `applyUpdate` on one connection: the group commit below, in the thread that owns `db`. */
export interface UpdateWriter<Result = ApplyResult> {
  apply(update: ShipmentUpdate): Promise<Result>;
  /** Writes every update still queued (each settles), at once. */
  drain(): void;
}

/** One stored update in both forms: objects for a caller on this thread, the stored texts for the writer thread's answer. */
interface Applied {
  result: ApplyResult;
  stored: StoredResult;
}

/** A parcel as the writer thread last stored it: its texts, and the objects they were written from. */
interface KeptParcel {
  data: string;
  shipment: Shipment;
  copiesText: string | null;
  copies: TrackingEvent[] | undefined;
}

/** How many parcels the writer thread keeps parsed (a bounded cache, emptied when full). */
const keptLimit = 5000;

// The writer thread writes the JSON of each event once: a parcel's events come back, unchanged, in
// every update of it (see `shipmentJson`).
const eventTexts = new WeakMap<TrackingEvent, string>();

function eventJson(event: TrackingEvent): string {
  let text = eventTexts.get(event);
  if (text === undefined) {
    text = JSON.stringify(event);
    eventTexts.set(event, text);
  }
  return text;
}

function eventsJson(events: readonly TrackingEvent[]): string {
  return `[${events.map(eventJson).join(',')}]`;
}

/**
 * A shipment's JSON (its events last), each event written once and then taken from `eventTexts`. Only for
 * objects nobody else holds, which is to say the writer thread's own: an event changed after its text was
 * kept would be written as it was.
 */
function shipmentJson(shipment: Shipment): string {
  const { events, ...rest } = shipment;
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"events":${eventsJson(events)}}`;
}

/**
 * `applyUpdate`'s work on `db`, inside a write transaction of the caller's. `kept` is given by the writer
 * thread, whose objects nobody else holds: it then reads the parcels it wrote last from memory instead of
 * parsing their stored text again (when that text is still the stored one), and writes the events it has
 * written before from their kept JSON.
 */
function updateApplier(db: Database, kept?: Map<number, KeptParcel>): (update: ShipmentUpdate) => Applied {
  const statements = prepareStatements(db);
  const shipmentText = kept ? shipmentJson : (shipment: Shipment) => JSON.stringify(shipment);
  const copiesText = kept ? eventsJson : (copies: TrackingEvent[]) => JSON.stringify(copies);

  function read(row: ShipmentRow): { shipment: Shipment; copies: TrackingEvent[] | undefined } {
    const known = kept?.get(row.id);
    if (known && known.data === row.data && known.copiesText === row.event_copies) return known;
    return {
      shipment: json<Shipment>(row.data),
      copies: row.event_copies ? json<TrackingEvent[]>(row.event_copies) : undefined,
    };
  }

  return (update) => {
    const key = trackingKey(update.shipment.trackingNumber);
    // The parcel's row under the update's carrier; only when there is none can the number be stored under
    // another carrier's name (see `parcelCarrier`), which costs a query of its own. Most updates are of a
    // parcel stored already, and this one look-up serves the duplicate check and the merge alike.
    let row = statements.shipmentByKey.get(update.shipment.carrier, key) as ShipmentRow | undefined;
    if (!row) {
      const carrier = parcelCarrier(statements, update.shipment.carrier, key);
      if (carrier !== update.shipment.carrier) {
        update = { ...update, shipment: { ...update.shipment, carrier } };
        row = statements.shipmentByKey.get(carrier, key) as ShipmentRow | undefined;
      }
    }
    const incoming = update.shipment;
    if (update.webhookId !== undefined) {
      const inserted = statements.insertWebhook.run(update.source, update.webhookId, update.receivedAt);
      if (inserted.changes === 0) {
        const stored = row ? read(row).shipment : incoming;
        const result: ApplyResult = { duplicate: true, after: stored, before: stored };
        const texts: StoredResult = { duplicate: true };
        if (row) texts.before = row.data;
        if (row?.order_number) result.orderNumber = texts.orderNumber = row.order_number;
        return { result, stored: texts };
      }
    }
    const stored = row ? read(row) : undefined;
    const before = stored?.shipment;
    const merged = mergeUpdate(before, row?.fields_as_of_ms ?? 0, update, stored?.copies);
    const { shipment: after, fieldsAsOf } = merged;
    let shipmentId: number;
    const values = {
      status: after.status,
      data: shipmentText(after),
      asOf: fieldsAsOf,
      updatedAt: after.updatedAt,
      copies: merged.copies ? copiesText(merged.copies) : null,
    };
    if (row) {
      // An update that brought nothing new leaves the row as it is. One that only confirms what is
      // stored, as of a later time, still moves the fields' as-of time: else an older update arriving
      // after it would overwrite them.
      if (values.data !== row.data || values.asOf !== row.fields_as_of_ms || values.copies !== row.event_copies) {
        statements.updateShipment.run({ ...values, id: row.id });
      }
      shipmentId = row.id;
    } else {
      const inserted = statements.insertShipment.run({ ...values, carrier: incoming.carrier, key, order: null });
      shipmentId = Number(inserted.lastInsertRowid);
    }
    if (kept) {
      // Should the transaction roll back, the row keeps its old text, and this is not used (see `read`).
      if (kept.size >= keptLimit) kept.clear();
      kept.set(shipmentId, { data: values.data, shipment: after, copiesText: values.copies, copies: merged.copies });
    }
    const result: ApplyResult = { duplicate: false, after };
    const texts: StoredResult = { duplicate: false, after: values.data };
    if (row) {
      result.before = before!;
      texts.before = row.data;
    }
    const orderNumber = row?.order_number ?? undefined;
    if (orderNumber) result.orderNumber = texts.orderNumber = orderNumber;
    if (isNews(before, after)) {
      // `before` is the stored text as read: no need to write it out again.
      const inserted = statements.insertChange.run(shipmentId, row ? row.data : null, values.data, update.receivedAt);
      const id = String(inserted.lastInsertRowid);
      const change: ShipmentChange = { id, after, at: update.receivedAt };
      const changeTexts: NonNullable<StoredResult['change']> = { id, at: update.receivedAt };
      if (before) change.before = before;
      if (orderNumber) {
        change.orderNumber = changeTexts.orderNumber = orderNumber;
        const customer = statements.customer.get(orderNumber) as { customer: string | null } | undefined;
        const parsed = customerOf(customer?.customer);
        if (parsed) change.customer = parsed;
        if (customer?.customer) changeTexts.customer = customer.customer;
      }
      result.change = change;
      texts.change = changeTexts;
    }
    return { result, stored: texts };
  };
}

/**
 * Stores updates on `db`, which must have the store's schema and pragmas: run by `sqliteStore` itself for
 * `:memory:` databases, and as the fallback should its writer thread fail.
 */
export function createUpdateWriter(db: Database, busyTimeoutMs: number): UpdateWriter {
  const applyOne = updateApplier(db);
  return groupCommit(db, busyTimeoutMs, (update) => applyOne(update).result);
}

/**
 * The writer thread's `createUpdateWriter` (see `sqlite-writer-thread.ts`), on a connection of its own: it
 * answers with the texts it stored (`StoredResult`), and keeps the parcels it wrote last in memory.
 */
export function createThreadWriter(db: Database, busyTimeoutMs: number): UpdateWriter<StoredResult> {
  const applyOne = updateApplier(db, new Map());
  return groupCommit(db, busyTimeoutMs, (update) => applyOne(update).stored);
}

/** `applyOne` for each update, in transactions of `db` that updates arriving together share. */
function groupCommit<Result>(
  db: Database,
  busyTimeoutMs: number,
  applyOne: (update: ShipmentUpdate) => Result,
): UpdateWriter<Result> {
  const applyUpdate = db.transaction(applyOne);

  // Group commit. A commit costs far more than the work of one update in it (writing the WAL frames,
  // taking and dropping the file locks), so updates that arrive together share one: `applyUpdate`
  // queues its update, and once the event loop has taken in everything that was ready (setImmediate
  // runs after the I/O callbacks of the turn: the webhooks whose bodies came in together), the queue is
  // written in one transaction, and each caller's promise resolves only after that transaction commits.
  // A lone update waits one turn of the loop, and the caller's answer still waits for its commit.
  const maxBatch = 64;
  interface Queued {
    update: ShipmentUpdate;
    resolve(result: Result): void;
    reject(error: unknown): void;
  }
  let queue: Queued[] = [];
  let flushScheduled = false;

  const applyBatch = db.transaction((batch: readonly Queued[]) => batch.map((queued) => applyOne(queued.update)));

  function flush(): void {
    flushScheduled = false;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    if (queue.length > 0) scheduleFlush();
    if (batch.length === 0) return;
    let results: Result[];
    try {
      results = applyBatch.immediate(batch);
    } catch (error) {
      // Nothing of the batch was stored (the transaction rolled back). Another process holding the
      // write lock past busyTimeoutMs would hold it for each retry too: fail them all, for redelivery.
      if (batch.length === 1 || isBusy(error)) {
        for (const queued of batch) queued.reject(explained(error, queued.update));
        return;
      }
      // Else one update may be at fault: retry each on its own, so only that one fails.
      for (const queued of batch) {
        try {
          queued.resolve(applyUpdate.immediate(queued.update));
        } catch (single) {
          queued.reject(explained(single, queued.update));
        }
      }
      return;
    }
    batch.forEach((queued, i) => queued.resolve(results[i]!));
  }

  /**
   * Why `update` was not stored, naming its parcel (a log then says which update to look at): a lock
   * that could not be had in words that point at what to do, any other error with its own message. The
   * original error is the `cause`.
   */
  function explained(error: unknown, update: Queued['update']): Error {
    // The update may be the very thing at fault (no shipment at all): say so rather than fail here.
    const what = `sqliteStore did not store the update of ${update?.shipment?.trackingNumber ?? 'an unnamed parcel'}`;
    if (!isBusy(error)) {
      const message = error instanceof Error ? error.message : String(error);
      return new Error(`${what}: ${message}`, { cause: error });
    }
    return new Error(
      `${what}: another connection held the database's write lock for more than ` +
        `busyTimeoutMs (${busyTimeoutMs} ms). Nothing was written, so a webhook is answered with an error and ` +
        'delivered again. Raise busyTimeoutMs, or keep other writers of this file from holding long transactions.',
      { cause: error },
    );
  }

  function scheduleFlush(): void {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(flush);
  }

  return {
    apply(update) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ update, resolve, reject });
        scheduleFlush();
      });
    },
    drain() {
      while (queue.length > 0) flush();
    },
  };
}

function createSqliteStore(
  db: Database,
  now: () => Date,
  busyTimeoutMs: number,
  thread: { file: URL; path: string } | undefined,
): Store {
  const stamp = () => now().toISOString();
  let closed = false;

  const statements = prepareStatements(db);
  const here = createUpdateWriter(db, busyTimeoutMs);
  const writer = thread
    ? writerThread(thread.file, thread.path, busyTimeoutMs, here)
    : { ...here, close: async () => here.drain() };

  function open(): void {
    if (closed) throw new Error('This store was closed; open a new one with sqliteStore().');
  }

  function linkParcel(orderNumber: string, parcel: { carrier: CarrierId; trackingNumber: string }, at: string): void {
    const key = trackingKey(parcel.trackingNumber);
    if (!key) throw new TypeError(`Order ${orderNumber}: a parcel needs a tracking number.`);
    const row = statements.shipmentByKey.get(parcel.carrier, key) as ShipmentRow | undefined;
    if (row) {
      db.prepare('UPDATE shipments SET order_number = ? WHERE id = ?').run(orderNumber, row.id);
      return;
    }
    // The parcel's updates may have come first, under another carrier's name (see `parcelCarrier`): the one
    // row with this number, when no order has it yet, becomes the order's parcel, under the order's carrier.
    const others = statements.carriersOfKey.all(key) as { id: number; order_number: string | null }[];
    if (others.length === 1 && others[0]!.order_number === null) {
      db.prepare(
        `UPDATE shipments SET carrier = ?, order_number = ?, data = json_set(data, '$.carrier', ?) WHERE id = ?`,
      ).run(parcel.carrier, orderNumber, parcel.carrier, others[0]!.id);
      return;
    }
    const shipment = placeholderShipment(parcel, at);
    statements.insertShipment.run({
      carrier: parcel.carrier,
      key,
      order: orderNumber,
      status: shipment.status,
      data: JSON.stringify(shipment),
      asOf: 0,
      updatedAt: at,
      copies: null,
    });
  }

  /** Inserts one message unless its key exists; 1 when it was new, else 0. */
  function insertMessage(message: NewMessage, orderNumber: string | undefined, createdAt: string): number {
    checkMessage(message);
    return statements.insertMessage.run({
      key: message.key,
      channel: message.channel,
      kind: message.kind,
      to: message.to,
      orderNumber: message.orderNumber ?? orderNumber ?? null,
      content: JSON.stringify(message.content ?? {}),
      notBefore: message.notBefore,
      dueMs: epochMs(message.notBefore, 'notBefore'),
      createdAt,
    }).changes;
  }

  function findShipment(
    trackingNumber: string,
    carrier?: CarrierId,
  ): { order_number: string | null; data: string } | undefined {
    const key = trackingKey(trackingNumber);
    const row = carrier
      ? db.prepare('SELECT order_number, data FROM shipments WHERE carrier = ? AND tracking_key = ?').get(carrier, key)
      : db
          .prepare(
            'SELECT order_number, data FROM shipments WHERE tracking_key = ? ORDER BY updated_at DESC, id DESC LIMIT 1',
          )
          .get(key);
    return row as { order_number: string | null; data: string } | undefined;
  }

  const saveOrder = db.transaction((order: NewOrder) => {
    if (!order?.orderNumber) throw new TypeError('saveOrder needs an orderNumber.');
    epochMs(order.placedAt, `Order ${order.orderNumber}: placedAt`);
    const at = stamp();
    db.prepare(
      `INSERT INTO orders (order_number, placed_at, customer, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (order_number) DO UPDATE SET customer = excluded.customer, updated_at = excluded.updated_at`,
    ).run(order.orderNumber, order.placedAt, JSON.stringify(order.customer ?? {}), at, at);
    for (const parcel of order.shipments ?? []) linkParcel(order.orderNumber, parcel, at);
  });

  const attachShipment = db.transaction(
    (orderNumber: string, parcel: { carrier: CarrierId; trackingNumber: string }) => {
      const at = stamp();
      const updated = db.prepare('UPDATE orders SET updated_at = ? WHERE order_number = ?').run(at, orderNumber);
      if (updated.changes === 0) {
        throw new Error(
          `There is no order ${orderNumber} to attach ${parcel.trackingNumber} to; save it first with saveOrder.`,
        );
      }
      linkParcel(orderNumber, parcel, at);
    },
  );

  const planBatch = db.transaction(
    (plan: (change: ShipmentChange) => ReturnType<Parameters<Store['planMessages']>[0]>, limit: number) => {
      // Changes of parcels no order claims yet wait: nobody could be told, and the order may come.
      const rows = db
        .prepare(
          `SELECT c.id, c.before, c.after, c.at, s.order_number, o.customer
         FROM changes c JOIN shipments s ON s.id = c.shipment_id JOIN orders o ON o.order_number = s.order_number
         WHERE c.processed_at IS NULL ORDER BY c.id LIMIT ?`,
        )
        .all(limit) as ChangeRow[];
      const at = stamp();
      const done = db.prepare('UPDATE changes SET processed_at = ? WHERE id = ?');
      for (const row of rows) {
        const change: ShipmentChange = { id: String(row.id), after: json<Shipment>(row.after), at: row.at };
        if (row.before !== null) change.before = json<Shipment>(row.before);
        if (row.order_number !== null) change.orderNumber = row.order_number;
        const customer = customerOf(row.customer);
        if (customer) change.customer = customer;
        for (const message of plan(change)) insertMessage(message, change.orderNumber, at);
        done.run(at, row.id);
      }
      return rows.length;
    },
  );

  const enqueue = db.transaction((messages: NewMessage[]): number => {
    const at = stamp();
    let added = 0;
    for (const message of messages) added += insertMessage(message, undefined, at);
    return added;
  });

  const claim = db.transaction((nowMs: number, limit: number, leaseMs: number): OutboxMessage[] => {
    const leaseUntilMs = nowMs + leaseMs;
    const leaseUntil = new Date(leaseUntilMs).toISOString();
    // One new token per claim: no two claims of a message ever share one.
    const token = randomUUID();
    return (
      db
        .prepare(
          `UPDATE outbox SET state = 'sending', attempts = attempts + 1, lease_until = ?, lease_until_ms = ?,
             claim_token = ?
           WHERE id IN (
             SELECT id FROM outbox
             WHERE (state = 'pending' AND due_ms <= ?) OR (state = 'sending' AND lease_until_ms <= ?)
             ORDER BY due_ms, id LIMIT ?
           )
           RETURNING *`,
        )
        .all(leaseUntil, leaseUntilMs, token, nowMs, nowMs, limit) as MessageRow[]
    )
      .map(toMessage)
      .sort((a, b) => Number(a.id) - Number(b.id));
  });

  return {
    async close() {
      if (closed) return;
      closed = true;
      // Updates already accepted are written (or fail) before the database closes.
      await writer.close();
      db.close();
    },

    async saveOrder(order) {
      open();
      saveOrder.immediate(order);
    },

    async getOrder(orderNumber) {
      open();
      const read = db.transaction(() => {
        const order = db
          .prepare('SELECT order_number, placed_at, customer, updated_at FROM orders WHERE order_number = ?')
          .get(orderNumber) as
          { order_number: string; placed_at: string; customer: string; updated_at: string } | undefined;
        if (!order) return undefined;
        const shipments = (
          db.prepare('SELECT data FROM shipments WHERE order_number = ? ORDER BY id').all(orderNumber) as {
            data: string;
          }[]
        ).map((row) => json<Shipment>(row.data));
        const stored: StoredOrder = {
          orderNumber: order.order_number,
          placedAt: order.placed_at,
          shipments,
          customer: customerOf(order.customer) ?? {},
          updatedAt: order.updated_at,
        };
        return stored;
      });
      return read.deferred();
    },

    async attachShipment(orderNumber, parcel) {
      open();
      attachShipment.immediate(orderNumber, parcel);
    },

    async getShipment(trackingNumber, carrier) {
      open();
      const row = findShipment(trackingNumber, carrier);
      return row ? json<Shipment>(row.data) : undefined;
    },

    async orderOf(trackingNumber, carrier) {
      open();
      return findShipment(trackingNumber, carrier)?.order_number ?? undefined;
    },

    async listActiveShipments(options) {
      open();
      const page = activePage(options);
      type ActiveRow = { id: number; order_number: string | null; data: string; placed_at: string | null };
      const rows = db.prepare(activeShipmentsSql).all(page.after, page.limit) as ActiveRow[];
      return rows.map((row) => ({
        id: String(row.id),
        shipment: json<Shipment>(row.data),
        ...(row.order_number === null ? {} : { orderNumber: row.order_number }),
        ...(row.placed_at === null ? {} : { placedAt: row.placed_at }),
      }));
    },

    async applyUpdate(update) {
      open();
      epochMs(update.receivedAt, 'applyUpdate: receivedAt');
      return writer.apply(update);
    },

    async planMessages(plan, options = {}) {
      open();
      return planBatch.immediate(plan, options.limit ?? defaultPlanLimit);
    },

    async claimMessages({ now: at, limit = defaultClaimLimit, leaseMs = defaultLeaseMs }) {
      open();
      return claim.immediate(epochMs(at, 'claimMessages: now'), limit, leaseMs);
    },

    async enqueueMessages(messages) {
      open();
      return enqueue.immediate(messages);
    },

    async markSent(id, at, claimToken) {
      open();
      const updated = db
        .prepare(
          `UPDATE outbox SET state = 'sent', sent_at = ?, lease_until = NULL, lease_until_ms = NULL, claim_token = NULL
           WHERE ${currentClaim}`,
        )
        .run(at, Number(id), claimToken ?? null, claimToken ?? null);
      return updated.changes === 1;
    },

    async markFailed(id, error, retryAt, claimToken) {
      open();
      const updated =
        retryAt === undefined
          ? db
              .prepare(
                `UPDATE outbox SET state = 'failed', last_error = ?, lease_until = NULL, lease_until_ms = NULL,
                   claim_token = NULL
                 WHERE ${currentClaim}`,
              )
              .run(error, Number(id), claimToken ?? null, claimToken ?? null)
          : db
              .prepare(
                `UPDATE outbox SET state = 'pending', last_error = ?, not_before = ?, due_ms = ?,
                   lease_until = NULL, lease_until_ms = NULL, claim_token = NULL
                 WHERE ${currentClaim}`,
              )
              .run(
                error,
                retryAt,
                epochMs(retryAt, 'markFailed: retryAt'),
                Number(id),
                claimToken ?? null,
                claimToken ?? null,
              );
      return updated.changes === 1;
    },

    async retryFailed(options = {}) {
      open();
      const sinceMs = options.since === undefined ? null : epochMs(options.since, 'retryFailed: since');
      const at = stamp();
      // One statement on `state = 'failed'` only: a message sent, queued or being sent is never touched.
      const updated = db
        .prepare(
          `UPDATE outbox SET state = 'pending', attempts = 0, not_before = ?, due_ms = ?, lease_until = NULL,
             lease_until_ms = NULL, claim_token = NULL
           WHERE state = 'failed' AND (? IS NULL OR due_ms >= ?) AND (? IS NULL OR kind = ?)
             AND (? IS NULL OR channel = ?)`,
        )
        .run(
          at,
          epochMs(at, 'retryFailed: now'),
          sinceMs,
          sinceMs,
          options.kind ?? null,
          options.kind ?? null,
          options.channel ?? null,
          options.channel ?? null,
        );
      return updated.changes;
    },

    async listMessages(options = {}) {
      open();
      const limit = options.limit ?? defaultListLimit;
      const rows =
        options.orderNumber === undefined
          ? db.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(limit)
          : db
              .prepare('SELECT * FROM outbox WHERE order_number = ? ORDER BY id DESC LIMIT ?')
              .all(options.orderNumber, limit);
      return (rows as MessageRow[]).map(toMessage);
    },
  };
}
