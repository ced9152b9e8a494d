// bench/track: how fast each adapter turns a realistic carrier response into a Shipment, and what
// `track()` adds over a raw `fetch` + `response.json()` of the very same sandbox request, with the sandbox
// in its own process (as a carrier's server is) and, for comparison with earlier figures, in this one.
import {
  aftership,
  createHttpClient,
  dhl,
  easypost,
  fedex,
  shippo,
  ups,
  usps,
  type AdapterOptions,
  type CarrierAdapter,
  type CarrierId,
} from '@trackline/core';
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { carrierSandboxes, createSandbox, parcelFor } from '@trackline/sandbox';
import { formatNumber, table } from '../harness.js';

interface Subject {
  name: string;
  api: string;
  carrier: CarrierId;
  make(options: AdapterOptions & { baseUrl: string }): CarrierAdapter;
}

const secret = 'bench-secret';
const subjects: Subject[] = [
  { name: 'UPS', api: 'ups', carrier: 'ups', make: (o) => ups({ clientId: 'bench', clientSecret: secret, ...o }) },
  {
    name: 'FedEx',
    api: 'fedex',
    carrier: 'fedex',
    make: (o) => fedex({ clientId: 'bench', clientSecret: secret, ...o }),
  },
  { name: 'USPS', api: 'usps', carrier: 'usps', make: (o) => usps({ clientId: 'bench', clientSecret: secret, ...o }) },
  { name: 'DHL', api: 'dhl', carrier: 'dhl', make: (o) => dhl({ apiKey: secret, ...o }) },
  { name: 'EasyPost', api: 'easypost', carrier: 'ups', make: (o) => easypost({ apiKey: secret, ...o }) },
  { name: 'Shippo', api: 'shippo', carrier: 'fedex', make: (o) => shippo({ apiKey: secret, ...o }) },
  { name: 'AfterShip', api: 'aftership', carrier: 'usps', make: (o) => aftership({ apiKey: secret, ...o }) },
];

/** The adapter's tracking request as plain values, so every timed call can send it again from scratch. */
interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A fetch that remembers the last non-token request and its response body. */
function recording() {
  const seen: { request?: SentRequest; body?: string } = {};
  const recorder: typeof fetch = async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    const copy = request.clone();
    const response = await fetch(request);
    if (!/token/.test(new URL(request.url).pathname)) {
      const body = await copy.text();
      seen.request = {
        url: copy.url,
        method: copy.method,
        headers: Object.fromEntries(copy.headers),
        ...(body ? { body } : {}),
      };
      seen.body = await response.clone().text();
    }
    return response;
  };
  return { recorder, seen };
}

// Warm-up and measured time per task, in milliseconds. The tasks take turns in short rounds (in alternating
// order), so a burst of load on a shared machine lands on all of them instead of on whichever ran then.
const warmup = 200;
const rounds = 10;
const perRound = 150;
const parseRuns = 5;
const parseRunTime = 100;

/** What the calls of one task took: each call's time (ms), and the process's CPU time (ms) over all of them. */
interface Samples {
  times: number[];
  cpu: number;
  /** Per round: mean time and mean CPU time (ms) of a call, so each round can be set against its neighbours. */
  rounds: { time: number; cpu: number }[];
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * How much more `task` took than `base`, as a ratio: the median over the rounds of each round's mean against
 * the same round's mean of `base`. Both ran moments apart, so a burst of load on a shared machine lands on
 * both, and one disturbed round cannot move the median the way it moves a mean over all calls.
 */
function overheadOf(task: Samples, base: Samples, of: 'time' | 'cpu'): number {
  return median(task.rounds.map((round, index) => round[of] / base.rounds[index]![of] - 1));
}

/** Calls `task` one call at a time for `ms` milliseconds, adding to `into` what the calls took. */
async function sample(task: () => Promise<unknown>, ms: number, into?: Samples): Promise<void> {
  const cpu = process.cpuUsage();
  const end = performance.now() + ms;
  const times: number[] = [];
  while (performance.now() < end) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  if (into) {
    const { user, system } = process.cpuUsage(cpu);
    const used = (user + system) / 1000;
    into.times.push(...times);
    into.cpu += used;
    into.rounds.push({ time: mean(times), cpu: used / times.length });
  }
}

/**
 * CPU time (ms) of one synchronous call: the fastest of `runs` runs of `ms` milliseconds, each timed in batches
 * so the clock's own cost does not count. Other work on the machine stretches a parse's elapsed time far more
 * than its CPU time, and the fastest run is the one it disturbed least.
 */
function timeSync(task: () => unknown, runs: number, ms: number): number {
  for (const end = performance.now() + warmup; performance.now() < end;) task();
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    let calls = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    while (performance.now() - start < ms) {
      for (let i = 0; i < 20; i++) task();
      calls += 20;
    }
    const used = process.cpuUsage(cpu);
    fastest = Math.min(fastest, (used.user + used.system) / 1000 / calls);
  }
  return fastest;
}

/** A running sandbox: where each API lives, and how to stop it. */
interface RunningSandbox {
  baseUrl(api: string): string;
  close(): Promise<void>;
}

// Every scenario has finished: the parcels have their whole history, as a delivered parcel's response does.
const historyHours = 400;

/** The sandbox in this process: its CPU time is counted with the client's, and both share one event loop. */
async function sandboxHere(): Promise<RunningSandbox> {
  const sandbox = createSandbox({
    carriers: carrierSandboxes,
    start: new Date(Date.now() - historyHours * 3_600_000),
  });
  await sandbox.listen(0);
  return sandbox;
}

/** The sandbox in a child process, as a carrier's server is: this process's CPU time is the client's alone. */
async function sandboxApart(): Promise<RunningSandbox> {
  const child = fork(new URL('./sandbox-child.ts', import.meta.url), [String(historyHours)], {
    execArgv: process.execArgv,
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The sandbox process ended early (exit code ${code}).`)));
  });
  return {
    baseUrl: (api) => `${url}/${api}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Open keep-alive connections can hold its server's close; it gets two seconds, then is stopped.
        const stop = setTimeout(() => child.kill(), 2_000);
        child.once('exit', () => {
          clearTimeout(stop);
          resolve();
        });
        child.disconnect();
      }),
  };
}

/** One API's figures: times (ms) per call, and CPU time (ms) of this process per call. */
interface Measured {
  events: number;
  parse: number;
  raw: number;
  ky: number;
  track: number;
  rawCpu: number;
  /** track() over raw fetch, elapsed and CPU time: medians of the rounds' ratios (see `overheadOf`). */
  overhead: number;
  cpuOverhead: number;
  kyCpu: number;
  trackCpu: number;
}

async function measure(subject: Subject, sandbox: RunningSandbox, withParse: boolean): Promise<Measured> {
  const parcel = parcelFor(subject.carrier as 'ups', 'failed-attempt');
  const baseUrl = sandbox.baseUrl(subject.api);
  const { recorder, seen } = recording();
  const adapter = subject.make({ baseUrl, fetch: recorder, retries: 0 });
  const shipment = await adapter.track(parcel.trackingNumber, { carrier: parcel.carrier });
  const raw = JSON.parse(seen.body!) as unknown;
  const sent = seen.request!;
  const init: RequestInit = { method: sent.method, headers: sent.headers, body: sent.body ?? null };
  // The adapters' own HTTP client (ky, with their timeout and retry settings) sending the same request:
  // what the transport costs before any parsing.
  const client = createHttpClient({ baseUrl, retries: 0 });
  const path = sent.url.slice(baseUrl.replace(/\/+$/, '').length + 1);
  // The timed adapter uses the plain global fetch, as in production; its token is fetched once here.
  const timed = subject.make({ baseUrl, retries: 0 });
  await timed.track(parcel.trackingNumber, { carrier: parcel.carrier });

  const tasks = {
    raw: async () => (await fetch(sent.url, init)).json(),
    ky: () => client(path, init).json(),
    track: () => timed.track(parcel.trackingNumber, { carrier: parcel.carrier }),
  };
  const samples: Record<keyof typeof tasks, Samples> = {
    raw: { times: [], cpu: 0, rounds: [] },
    ky: { times: [], cpu: 0, rounds: [] },
    track: { times: [], cpu: 0, rounds: [] },
  };
  const names = Object.keys(tasks) as (keyof typeof tasks)[];
  for (const name of names) await sample(tasks[name], warmup);
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 ? [...names].reverse() : names) await sample(tasks[name], perRound, samples[name]);
  }
  const cpuPerCall = (task: Samples) => task.cpu / task.times.length;
  return {
    events: shipment.events.length,
    parse: withParse ? timeSync(() => adapter.parse(raw), parseRuns, parseRunTime) : Number.NaN,
    raw: mean(samples.raw.times),
    ky: mean(samples.ky.times),
    track: mean(samples.track.times),
    rawCpu: cpuPerCall(samples.raw),
    kyCpu: cpuPerCall(samples.ky),
    trackCpu: cpuPerCall(samples.track),
    overhead: overheadOf(samples.track, samples.raw, 'time'),
    cpuOverhead: overheadOf(samples.track, samples.raw, 'cpu'),
  };
}

const percent = (ratio: number) => `${formatNumber(ratio * 100, 1)} %`;
const micro = (ms: number) => formatNumber(ms * 1000);

export async function run(): Promise<string> {
  const loadBefore = loadavg()[0]!;
  const apart: Measured[] = [];
  const here: Measured[] = [];
  const sandboxes: [() => Promise<RunningSandbox>, Measured[], boolean][] = [
    [sandboxApart, apart, true],
    [sandboxHere, here, false],
  ];
  for (const [start, into, withParse] of sandboxes) {
    const sandbox = await start();
    try {
      for (const subject of subjects) into.push(await measure(subject, sandbox, withParse));
    } finally {
      await sandbox.close();
    }
  }
  const loadAfter = loadavg()[0]!;

  const rows = subjects.map((subject, index) => {
    const m = apart[index]!;
    const h = here[index]!;
    return [
      subject.name,
      m.events,
      formatNumber(1000 / m.parse),
      micro(m.parse),
      micro(m.raw),
      micro(m.ky),
      micro(m.track),
      micro(m.track - m.raw),
      percent(m.overhead),
      micro(m.rawCpu),
      micro(m.trackCpu),
      percent(m.cpuOverhead),
      percent(h.overhead),
      percent(h.cpuOverhead),
    ];
  });
  const overheads = apart.map((m) => m.overhead);
  const cpuOverheads = apart.map((m) => m.cpuOverhead);
  const hereOverheads = here.map((m) => m.overhead);
  const hereCpuOverheads = here.map((m) => m.cpuOverhead);
  const kyShares = apart.map((m) => m.kyCpu - m.rawCpu);
  const restShares = apart.map((m) => m.trackCpu - m.kyCpu);
  return [
    '## Adapters: parsing and `track()` overhead',
    '',
    'Each adapter against the offline sandbox over loopback HTTP, on the "failed attempt, then delivered" ' +
      "parcel with its whole history. The sandbox runs **in its own process**, as a carrier's server does, so the " +
      "CPU time counted is the client's alone. **parse**: `adapter.parse(raw)` on the carrier response, decoded " +
      `once: CPU time per call, the fastest of ${parseRuns} runs of ${parseRunTime} ms. ` +
      '**raw fetch**: what a developer would write by hand — `fetch(url, { method, headers, body })` ' +
      'of the exact request the adapter sent (same URL, headers and token, same body), then `response.json()`. ' +
      '**ky request**: the same request through the adapters’ HTTP client (`createHttpClient`: ky with the ' +
      'timeout and retry settings) and `.json()`, nothing parsed. **track()**: the whole adapter call — request, ' +
      'status check, schema check, normalization and the shipment — with a cached token. **added** and ' +
      '**overhead**: track() over raw fetch, in elapsed time. **client CPU**: CPU time of this process per call; ' +
      'other work on a shared machine disturbs it far less than elapsed time, and it is the work `track()` ' +
      'adds for the caller. The three tasks take turns in ' +
      `${rounds} rounds of ${perRound} ms each (after ${warmup} ms of warm-up), so load on the machine falls on ` +
      'all of them alike. Times are means of every call; the overheads are the median over the rounds of each ' +
      "round's track() against the same round's raw fetch (before 2026-11-27: the ratio of the means, which one " +
      'disturbed round could move).',
    '',
    'The last two columns repeat the comparison with the sandbox **in the same process** as the client, the ' +
      'method of the figures before 2026-11-27 (comparable with them): there the "raw fetch" includes the ' +
      "sandbox's own CPU time on the same thread, so the same added time is a smaller share of it, and the CPU " +
      "overhead counts the sandbox's work as if it were the client's. In its own process, a raw fetch's " +
      "elapsed time still includes the sandbox's work (the client waits for it) plus the wake-up of a second " +
      'process; the client-CPU comparison has neither, which makes it the strictest reading of the goal. The ' +
      'last figures by the earlier method, before the change to the transport and on a quieter machine (load ' +
      '2.8), were a median of 57.8 % elapsed and 65.7 % CPU.',
    '',
    table(
      [
        'API',
        'events',
        'parse/s',
        'parse (µs)',
        'raw fetch (µs)',
        'ky request (µs)',
        'track() (µs)',
        'added (µs)',
        'overhead',
        'raw fetch, client CPU (µs)',
        'track(), client CPU (µs)',
        'client-CPU overhead',
        'overhead, sandbox in-process',
        'CPU overhead, sandbox in-process',
      ],
      rows,
    ),
    '',
    `Median overhead of \`track()\` over a raw fetch, sandbox in its own process: **${percent(median(overheads))}** ` +
      `in elapsed time, **${percent(median(cpuOverheads))}** in the client's CPU time (goal: under 10 %). ` +
      `Sandbox in the same process (the earlier method): ${percent(median(hereOverheads))} elapsed, ` +
      `${percent(median(hereCpuOverheads))} CPU. Of the client CPU added, the median API spends ` +
      `${micro(median(kyShares))} µs in ky (ky request over raw fetch) and ${micro(median(restShares))} µs in the ` +
      `rest of \`track()\` (parse alone, timed in a tight loop on one decoded response: ` +
      `${micro(median(apart.map((m) => m.parse)))} µs; between requests its code and data are out of the CPU ` +
      'caches, and each decoded response is new garbage). Load average of the ' +
      `machine: ${formatNumber(loadBefore, 1)} before the run, ${formatNumber(loadAfter, 1)} after it, on ` +
      `${cpus().length} cores; above the number of cores, other work stretches every elapsed time.`,
  ].join('\n');
}
