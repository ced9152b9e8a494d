// The crash test's driver: streams signed Standard Webhooks at a child process running the webhook
// handler (child.ts), SIGKILLs it mid-stream, starts it again on the same database, redelivers whatever
// was not acknowledged (as a provider does), and reports what was acknowledged so a test can check the
// store. The notifier's crash test reuses it with a `plugin` running in the child.
//
// Each kill lands where it hurts, without any timing guess:
// - the first one while every request in flight has been stored but not yet answered (the child's
//   `onUpdate` is made to hang after a number of updates: a write that is durable but unacknowledged);
// - the others at an arbitrary point of the stream, with requests still uploading their bodies.
// The last run of the child is not killed: the stream runs to its end.
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Shipment } from '@trackline/core';
import { postgresStore } from '../../store/postgres-store.js';
import { sqliteStore } from '../../store/sqlite-store.js';
import type { ApplyResult, ShipmentUpdate, Store } from '../../store/types.js';
import { shipmentWith, signedHeaders, standardBody, standardSecret } from '../testing.js';

/**
 * What else runs inside the child and dies with it: a module whose default export gets the child's store
 * and may return an `onUpdate` for the handler (e.g. a notifier that plans and sends messages).
 */
export type CrashPlugin = (store: Store) => CrashPluginInstance | Promise<CrashPluginInstance>;
export interface CrashPluginInstance {
  onUpdate?: (result: ApplyResult, update: ShipmentUpdate) => void | Promise<void>;
}

export interface Delivery {
  /** The `webhook-id`: the same on every redelivery. */
  id: string;
  trackingNumber: string;
  /** The order the parcel belongs to. */
  orderNumber: string;
  /** The scan this delivery adds (its `code`). */
  code: string;
  body: string;
}

export interface CrashRunOptions {
  /** `sqlite:<file>` or `postgres:<url>`. */
  store: string;
  /** Parcels (one order each), each getting one delivery per scan (4). Default 60. */
  parcels?: number;
  /** How many times to SIGKILL the child mid-stream. Default 2. */
  kills?: number;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /**
   * How long each of those waits after an answer before the next request. Default 0 (as fast as the
   * child answers); a notifier in the child needs some, or every parcel is delivered before it could
   * send a word and all the earlier messages are overtaken.
   */
  paceMs?: number;
  /** Absolute path of a CrashPlugin module to run in the child. */
  plugin?: string;
  /** More environment for the child (what the plugin needs). */
  env?: Record<string, string>;
  /**
   * Called after each mid-stream kill, once the child is dead and before it is started again: the
   * moment to check that what was acknowledged so far is in the store (a store opened here must be
   * closed before it resolves).
   */
  afterKill?: (run: CrashRun) => Promise<void>;
  /**
   * Called once every delivery is acknowledged, while the last child still runs: e.g. to wait until
   * its notifier has sent everything. The child is killed when it resolves.
   */
  beforeStop?: (run: CrashRun) => Promise<void>;
}

export interface CrashRun {
  deliveries: Delivery[];
  /** Ids answered 2xx. */
  acknowledged: Set<string>;
  /** Ids answered 2xx with `duplicate: true` (already stored before). */
  duplicates: Set<string>;
  /** Requests cut off by a kill (no answer), delivered again later. */
  redelivered: number;
  /** Of those, requests that were stored but not answered when the child died. */
  storedUnanswered: number;
  kills: number;
  /** When each child was started (Date.now()), the first included: a life of the helper runs until the next. */
  startedAt: number[];
}

const steps: ReadonlyArray<readonly [Shipment['status'], string, number]> = [
  ['info_received', 'MP', 0],
  ['in_transit', 'I', 8],
  ['out_for_delivery', 'OT', 30],
  ['delivered', 'D', 36],
];

/** Every parcel's deliveries: each one carries the parcel's history up to one more scan. */
export function crashDeliveries(parcels: number): Delivery[] {
  const start = Date.parse('2026-05-04T13:00:00Z');
  const deliveries: Delivery[] = [];
  for (let p = 0; p < parcels; p += 1) {
    const trackingNumber = `1ZCRASH${String(p).padStart(11, '0')}`;
    const scans = steps.map(
      ([status, code, hours]) => [new Date(start + hours * 3_600_000).toISOString(), status, code] as const,
    );
    for (let s = 0; s < steps.length; s += 1) {
      const shipment = shipmentWith(trackingNumber, scans.slice(0, s + 1));
      deliveries.push({
        id: `msg_crash_${p}_${s}`,
        trackingNumber,
        orderNumber: `CRASH-${p}`,
        code: steps[s]![1],
        body: standardBody(shipment, new Date(start)),
      });
    }
  }
  return deliveries;
}

/** Opens the store a `sqlite:<file>` or `postgres:<url>` spec names. */
export function openStore(spec: string): Promise<Store> {
  if (spec.startsWith('sqlite:')) return sqliteStore({ path: spec.slice('sqlite:'.length) });
  if (spec.startsWith('postgres:')) return postgresStore({ connectionString: spec.slice('postgres:'.length) });
  throw new TypeError(`A store spec is sqlite:<file> or postgres:<url>, not "${spec}".`);
}

export interface Child {
  process: ChildProcess;
  url: string;
  exited: Promise<void>;
  /** Resolves once `count` updates hang in the child's onUpdate. */
  stalled(count: number): Promise<void>;
}

const childScript = fileURLToPath(new URL('./child.ts', import.meta.url));

/** Starts the webhook helper (child.ts) on `options.store`; resolves once it listens. */
export function startChild(
  options: Pick<CrashRunOptions, 'store' | 'plugin' | 'env'>,
  stallAfter?: number,
): Promise<Child> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', childScript], {
    env: {
      ...process.env,
      TRACKLINE_CRASH_STORE: options.store,
      TRACKLINE_CRASH_SECRET: standardSecret,
      ...options.env,
      ...(options.plugin ? { TRACKLINE_CRASH_PLUGIN: options.plugin } : {}),
      ...(stallAfter === undefined ? {} : { TRACKLINE_CRASH_STALL_AFTER: String(stallAfter) }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    // What the child reports (its notifier's errors included), when debugging a crash test.
    if (process.env.TRACKLINE_CRASH_VERBOSE === '1') process.stderr.write(chunk);
  });
  let stdout = '';
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const stalledCount = () => stdout.match(/^stalled$/gm)?.length ?? 0;
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      for (const waiter of waiters.splice(0)) {
        if (stalledCount() >= waiter.count) waiter.resolve();
        else waiters.push(waiter);
      }
      const match = /listening (\S+)\n/.exec(stdout);
      if (match) {
        resolve({
          process: child,
          url: match[1]!,
          exited,
          stalled: (count) =>
            stalledCount() >= count ? Promise.resolve() : new Promise((done) => waiters.push({ count, resolve: done })),
        });
      }
    });
    child.once('exit', (code, signal) => {
      if (!/listening/.test(stdout)) {
        reject(new Error(`The webhook child exited (${code ?? signal}) before listening: ${stderr}`));
      }
    });
  });
}

/** Delivers one webhook; resolves once it is answered 200, with whether it was a duplicate. */
export async function deliver(url: string, delivery: Delivery): Promise<{ duplicate: boolean }> {
  const headers = signedHeaders('standard', delivery.body, standardSecret, { id: delivery.id });
  const response = await fetch(`${url}/webhooks/standard`, { method: 'POST', headers, body: delivery.body });
  const answer = (await response.json()) as { duplicate?: boolean; error?: string };
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${answer.error}`);
  return { duplicate: answer.duplicate === true };
}

/** Starts a delivery and sends only half of its body; settles (false) when the connection dies. */
function halfUpload(url: string, delivery: Delivery): { sent: Promise<void>; ended: Promise<boolean> } {
  const headers = signedHeaders('standard', delivery.body, standardSecret, { id: delivery.id });
  const body = Buffer.from(delivery.body);
  let sent!: () => void;
  const sentPromise = new Promise<void>((resolve) => (sent = resolve));
  const ended = new Promise<boolean>((resolve) => {
    const request = httpRequest(`${url}/webhooks/standard`, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(body.length) },
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.write(body.subarray(0, body.length >> 1), () => sent());
  });
  return { sent: sentPromise, ended };
}

/**
 * Streams every delivery at the child, killing it `kills` times, restarting it each time on the same
 * database, until every delivery is acknowledged. Each restart also redelivers a few deliveries that were
 * acknowledged before, as providers do when an answer is lost; they must come back as duplicates.
 */
export async function runCrashStream(options: CrashRunOptions): Promise<CrashRun> {
  const parcels = options.parcels ?? 60;
  const deliveries = crashDeliveries(parcels);
  const kills = options.kills ?? 2;
  const concurrency = options.concurrency ?? 8;
  const run: CrashRun = {
    deliveries,
    acknowledged: new Set(),
    duplicates: new Set(),
    redelivered: 0,
    storedUnanswered: 0,
    kills: 0,
    startedAt: [],
  };

  await saveCrashOrders(options.store, deliveries);

  // Interleave the parcels, so that parcels are caught mid-history by every kill.
  const step = (d: Delivery) => Number(d.id.split('_').at(-1));
  let queue = [...deliveries].sort((a, b) => step(a) - step(b));

  for (let round = 0; queue.length; round += 1) {
    const killThisRound = run.kills < kills;
    const share = Math.ceil(queue.length / (kills - run.kills + 1));
    // Round 0: the child's onUpdate hangs after `share` updates, so the kill finds stored, unanswered requests.
    const stallFirst = killThisRound && round === 0;
    run.startedAt.push(Date.now());
    const child = await startChild(options, stallFirst ? share : undefined);
    const again = deliveries.filter((d) => run.acknowledged.has(d.id)).slice(0, 5);
    const pending = [...again, ...queue];
    const failed: Delivery[] = [];
    const ackedBefore = run.acknowledged.size;
    let stop = false;
    let killNow!: () => void;
    const killSignal = new Promise<void>((resolve) => (killNow = resolve));

    const worker = async () => {
      while (!stop) {
        const delivery = pending.shift();
        if (!delivery) return;
        try {
          const answer = await deliver(child.url, delivery);
          if (answer.duplicate) run.duplicates.add(delivery.id);
          run.acknowledged.add(delivery.id);
          if (killThisRound && !stallFirst && run.acknowledged.size - ackedBefore >= share) killNow();
          if (options.paceMs) await new Promise((resolve) => setTimeout(resolve, options.paceMs));
        } catch {
          // No answer: the provider delivers it again later.
          failed.push(delivery);
        }
      }
    };
    const workers = Promise.all(Array.from({ length: concurrency }, worker));

    if (killThisRound) {
      if (stallFirst) {
        // Every worker's request is stored and hangs unanswered.
        await child.stalled(concurrency);
        run.storedUnanswered += concurrency;
      } else {
        await killSignal;
      }
      stop = true;
      // Two more deliveries caught half-uploaded.
      const uploads = pending.splice(0, 2).map((delivery) => ({ delivery, ...halfUpload(child.url, delivery) }));
      await Promise.all(uploads.map((upload) => upload.sent));
      child.process.kill('SIGKILL');
      run.kills += 1;
      for (const upload of uploads) if (!(await upload.ended)) failed.push(upload.delivery);
    }
    await workers;
    queue = [...failed, ...pending].filter((d) => !run.acknowledged.has(d.id));
    if (!killThisRound) {
      if (!queue.length) await options.beforeStop?.(run);
      child.process.kill('SIGKILL');
    }
    await child.exited;
    if (killThisRound) await options.afterKill?.(run);
    run.redelivered += failed.length;
  }
  return run;
}

/** The orders the parcels belong to, so each stored change is one a shopper would be told about. */
export async function saveCrashOrders(spec: string, deliveries: readonly Delivery[]): Promise<void> {
  const setup = await openStore(spec);
  try {
    for (const first of deliveries.filter((d) => d.id.endsWith('_0'))) {
      await setup.saveOrder({
        orderNumber: first.orderNumber,
        placedAt: '2026-05-04T12:00:00Z',
        customer: {
          email: `shopper${first.orderNumber.slice('CRASH-'.length)}@example.com`,
          timeZone: 'America/Chicago',
        },
        shipments: [{ carrier: 'ups', trackingNumber: first.trackingNumber }],
      });
    }
  } finally {
    await setup.close();
  }
}
