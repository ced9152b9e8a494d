// bench/webhooks: requests per second and p99 latency of createWebhookHandler (EasyPost signature check,
// parse through the EasyPost adapter, SQLite write on a file) under autocannon on loopback, beside a bare
// node:http server that only answers 200, in one run. Every request is a distinct, validly signed
// `tracker.updated` Event (its own event id, one of 2,000 parcels, one to seven scans), made by the same
// generator for every server, so the load generator's own cost is the same for each.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { parseWebhook, sqliteStore, verifyWebhook, type ShipmentUpdate } from '@trackline/node';
import { formatNumber, table } from '../harness.js';

const secret = 'bench-webhook-sécret';
const key = Buffer.from(secret.normalize('NFKD'), 'utf8');
const connections = 32;
const duration = 10;
const warmup = 3;
// Each server listens on a port of its own from here on (127.0.0.1 only).
const firstPort = 41001;

const details = [
  [
    'pre_transit',
    'label_created',
    'Shipment information sent to FedEx',
    '2024-07-31T15:00:00Z',
    'ORLANDO',
    'FL',
    '32837',
  ],
  ['in_transit', 'arrived_at_facility', 'Picked up', '2024-07-31T19:27:00Z', 'ORLANDO', 'FL', '32809'],
  ['in_transit', 'arrived_at_facility', 'Arrived at FedEx location', '2024-07-31T22:35:00Z', 'ORLANDO', 'FL', '32809'],
  ['in_transit', 'departed_facility', 'Departed FedEx location', '2024-08-01T14:42:13Z', 'ORLANDO', 'FL', '32809'],
  ['in_transit', 'unknown', 'On the way', '2024-08-02T02:46:19Z', 'KENLY', 'NC', '27542'],
  [
    'out_for_delivery',
    'out_for_delivery',
    'On FedEx vehicle for delivery',
    '2024-08-05T08:10:00Z',
    'BROOKLYN',
    'NY',
    '11201',
  ],
  ['delivered', 'arrived_at_destination', 'Delivered', '2024-08-05T14:02:00Z', 'BROOKLYN', 'NY', '11201'],
].map(([status, detail, message, datetime, city, state, zip]) => ({
  object: 'TrackingDetail',
  message,
  description: message,
  status,
  status_detail: detail,
  datetime,
  source: 'FedEx',
  tracking_location: { object: 'TrackingLocation', city, state, country: 'US', zip },
}));

/** The n-th request: a tracker.updated Event signed as EasyPost signs it. */
function event(n: number): { body: string; headers: Record<string, string> } {
  const scans = 1 + (Math.floor(n / 2000) % details.length);
  const history = details.slice(0, scans);
  const body = JSON.stringify({
    id: `evt_bench_${n}_${process.pid}`,
    object: 'Event',
    mode: 'test',
    description: 'tracker.updated',
    result: {
      id: `trk_${n % 2000}`,
      object: 'Tracker',
      mode: 'test',
      tracking_code: `EZBENCH${String(n % 2000).padStart(6, '0')}`,
      status: history.at(-1)!.status,
      carrier: 'FedEx',
      est_delivery_date: '2024-08-05T00:00:00Z',
      tracking_details: history,
      public_url: 'https://track.easypost.com/bench',
    },
    status: 'pending',
    created_at: '2024-08-02T19:26:52.000Z',
  });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-hmac-signature': `hmac-sha256-hex=${createHmac('sha256', key).update(body).digest('hex')}`,
    },
  };
}

const serverScript = fileURLToPath(new URL('./server.ts', import.meta.url));

/** What one request cost a server (see server.ts): CPU µs of the whole process, and µs its event loop was busy. */
interface Cost {
  cpu: number;
  loop: number;
}

interface Server {
  child: ChildProcess;
  url: string;
  /** Stops the server; resolves with what a request cost it since `startCounting`. */
  stop(): Promise<Cost | undefined>;
  /** Counts from now on (after the warm-up). */
  startCounting(): void;
}

async function startServer(kind: string, dbPath: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', serverScript, kind, dbPath], {
    env: { ...process.env, BENCH_SECRET: secret, NODE_ENV: 'production', BENCH_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /listening (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`bench server ${kind} exited (${code})`)));
  });
  return {
    child,
    url,
    startCounting: () => child.kill('SIGUSR2'),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      const match = /cost (\{.*\})/.exec(out);
      return match ? (JSON.parse(match[1]!) as Cost) : undefined;
    },
  };
}

// Made before the runs, so the load generator only picks the next one: distinct ids for every request the
// handler can serve in a run (the bare server, faster, cycles through them; it does not look).
let pool: Array<ReturnType<typeof event>> = [];
let counter = 0;

function load(url: string, seconds: number): Promise<Result> {
  return autocannon({
    url: `${url}/webhooks/easypost`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest(request) {
          const next = pool[counter++ % pool.length]!;
          return { ...request, method: 'POST', path: '/webhooks/easypost', body: next.body, headers: next.headers };
        },
      },
    ],
  });
}

/** Mean time of each stage of one webhook, in this process, over the same kind of requests (µs). */
async function stages(dir: string): Promise<Array<[string, number]>> {
  const count = 4000;
  const requests = Array.from({ length: count }, (_, i) => {
    const { body, headers } = event(100_000 + i);
    return { body: Buffer.from(body), headers };
  });
  let busy = 0;
  let cpu = 0;
  const time = async (run: () => unknown | Promise<unknown>) => {
    const start = performance.now();
    const loop = performance.eventLoopUtilization();
    const used = process.cpuUsage();
    await run();
    // How long this thread's event loop was kept busy (not waiting): a server's cost per webhook.
    busy = (performance.eventLoopUtilization(loop).active * 1000) / count;
    // And the CPU time of the process: this thread's and the store's writer thread's.
    const { user, system } = process.cpuUsage(used);
    cpu = (user + system) / count;
    return ((performance.now() - start) * 1000) / count;
  };
  // Warm up the JIT on the same work first.
  for (const request of requests.slice(0, 500)) {
    verifyWebhook('easypost', { ...request, secret });
    parseWebhook('easypost', request.body);
  }
  const verify = await time(() => {
    for (const request of requests) verifyWebhook('easypost', { ...request, secret });
  });
  const updates: ShipmentUpdate[] = [];
  const parse = await time(() => {
    for (const request of requests) updates.push(...parseWebhook('easypost', request.body));
  });
  const json = await time(() => {
    for (const request of requests) JSON.parse(request.body.toString('utf8'));
  });
  // The same updates twice, each time into a new file: awaited one by one (a transaction each), and
  // `connections` at a time, as the server meets them (one transaction for the updates that wait together).
  const writes: Array<{ elapsed: number; busy: number; cpu: number }> = [];
  for (const [name, atOnce] of [
    ['one-by-one.db', 1],
    ['together.db', connections],
  ] as const) {
    const store = await sqliteStore({ path: join(dir, name) });
    try {
      // One parcel of its own first: the store's writer thread starts with the first update, not in the timing.
      for (const update of parseWebhook('easypost', event(99_999).body)) await store.applyUpdate(update);
      const elapsed = await time(async () => {
        for (let i = 0; i < updates.length; i += atOnce) {
          await Promise.all(updates.slice(i, i + atOnce).map((update) => store.applyUpdate(update)));
        }
      });
      writes.push({ elapsed, busy, cpu });
    } finally {
      await store.close();
    }
  }
  return [
    ['`verifyWebhook` (HMAC-SHA256 of the body, constant-time compare)', verify],
    ['`parseWebhook` (JSON, then the EasyPost adapter’s `parse`: schema check, statuses, time zones)', parse],
    ['… of which `JSON.parse` alone', json],
    ['`sqliteStore.applyUpdate`, one at a time (a transaction each: id, merge, change)', writes[0]!.elapsed],
    [`\`sqliteStore.applyUpdate\`, ${connections} at a time (one transaction for all of them)`, writes[1]!.elapsed],
    [`… of which the calling thread is busy (the rest is the writer thread's, and the disk's)`, writes[1]!.busy],
    [`… CPU time of both threads together (the calling thread's and the writer thread's)`, writes[1]!.cpu],
  ];
}

interface Row {
  name: string;
  result: Result;
  cost: Cost | undefined;
}

export async function run(): Promise<string> {
  const loadBefore = loadavg()[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'trackline-bench-webhooks-'));
  pool = Array.from({ length: 30_000 }, (_, n) => event(n));
  const rows: Row[] = [];
  let breakdown: Array<[string, number]> = [];
  try {
    const subjects = [
      { kind: 'bare', name: 'bare `node:http`, answers 200' },
      { kind: 'verify-parse', name: '`verifyWebhook` + `parseWebhook` in a bare server, no store' },
      { kind: 'no-store', name: '`createWebhookHandler`, a store that writes nothing' },
      { kind: 'handler', name: '`createWebhookHandler` + `sqliteStore` (file)' },
    ];
    for (const [i, subject] of subjects.entries()) {
      const server = await startServer(subject.kind, join(dir, `${subject.kind}.db`), firstPort + i);
      let result: Result | undefined;
      try {
        await load(server.url, warmup);
        server.startCounting();
        result = await load(server.url, duration);
      } finally {
        const cost = await server.stop();
        if (result) rows.push({ name: subject.name, result, cost });
      }
      if (result.non2xx || result.errors) {
        throw new Error(`${subject.kind}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      }
    }
    breakdown = await stages(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = loadavg()[0]!;
  const bare = rows[0]!.result.requests.average;
  const handler = rows.at(-1)!.result.requests.average;
  const share = (handler / bare) * 100;
  return [
    '## Webhook handler throughput',
    '',
    `autocannon ${connections} connections × ${duration} s (after ${warmup} s of warm-up) on 127.0.0.1, each server in a process of its own; every request a distinct, validly signed EasyPost \`tracker.updated\` Event (~1–2.5 kB). The handler checks the HMAC, parses the Tracker with the EasyPost adapter and stores the update with \`applyUpdate\` in a SQLite file before answering 200; the updates that arrive together are written in one transaction (group commit, \`synchronous = FULL\`), and each request is answered once that transaction is on the disk. The store does that writing (reading, merging, SQL and the commit's fsync) in a worker thread of its own, so the server's event loop goes on reading, verifying and parsing the next webhooks meanwhile. Load average of the machine: ${formatNumber(loadBefore, 1)} before the run, ${formatNumber(loadAfter, 1)} after it, on ${cpus().length} cores (autocannon takes one of them); above the number of cores, other work lowers every figure, the ratios to the bare server less than the rates.`,
    '',
    table(
      ['server', 'requests/s', 'p50 latency', 'p99 latency', 'vs bare', 'CPU per request', 'event loop per request'],
      rows.map(({ name, result, cost }) => [
        name,
        formatNumber(result.requests.average),
        `${formatNumber(result.latency.p50, 1)} ms`,
        `${formatNumber(result.latency.p99, 1)} ms`,
        `${formatNumber((result.requests.average / bare) * 100)} %`,
        cost ? `${formatNumber(cost.cpu)} µs` : '–',
        cost ? `${formatNumber(cost.loop)} µs` : '–',
      ]),
    ),
    '',
    'CPU per request: the CPU time of the server process (all its threads: the store’s writer thread too) over the requests it took in during the timed run; event loop per request: the time its event loop was busy over the same requests (it counts time the thread was ready but waited for a core, so it grows with the load average). Both say what a request costs whatever else the machine runs, which the rates cannot.',
    '',
    `The full handler serves **${formatNumber(share)} %** of the bare server's throughput (goal: at least 50 %).`,
    '',
    'Where one webhook’s time goes (mean per request, measured in one process over 4,000 requests of the same kind):',
    '',
    table(
      ['stage', 'µs per webhook'],
      breakdown.map(([stage, micros]) => [stage, formatNumber(micros)]),
    ),
  ].join('\n');
}
