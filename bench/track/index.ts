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
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
  /**
   * Per round: mean time and mean CPU time (ms) of a call, so each round can be set against its neighbours, and
   * the mean CPU time (ms) of the part of a call the task timed itself (see `timedPart`).
   */
  rounds: { time: number; cpu: number; part: number }[];
}

/** CPU time (µs) of the synchronous part of the calls that a task times itself, over the current round. */
let partCpu = 0;

/** Runs `work` (synchronous) and adds its CPU time to the current round's part. */
function timedPart<T>(work: () => T): T {
  const start = process.cpuUsage();
  const result = work();
  const { user, system } = process.cpuUsage(start);
  partCpu += user + system;
  return result;
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

/** How much more CPU time (ms) a call of `task` took than one of `base`: the median of the rounds' differences. */
function addedOf(task: Samples, base: Samples): number {
  return median(task.rounds.map((round, index) => round.cpu - base.rounds[index]!.cpu));
}

/** Calls `task` one call at a time for `ms` milliseconds, adding to `into` what the calls took. */
async function sample(task: () => Promise<unknown>, ms: number, into?: Samples): Promise<void> {
  const cpu = process.cpuUsage();
  const end = performance.now() + ms;
  const times: number[] = [];
  partCpu = 0;
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
    into.rounds.push({ time: mean(times), cpu: used / times.length, part: partCpu / 1000 / times.length });
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

// Bytes allocated per call: read from the young generation's size around a few calls that no collection
// interrupted. Unlike a time, the figure does not depend on what else the machine is doing. A full collection
// first empties the young generation; `gc` is exposed for this process only, at run time.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
// Collections counted while this benchmark runs (see `run`).
let collections = 0;
const collectionCounter = new PerformanceObserver((list) => {
  collections += list.getEntries().length;
});
// Collections are reported a moment after they happen: waiting this long lets the count catch up.
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const youngBytes = () =>
  getHeapSpaceStatistics()
    .filter((space) => space.space_name === 'new_space' || space.space_name === 'new_large_object_space')
    .reduce((sum, space) => sum + space.space_used_size, 0);

/** Bytes one call of `task` allocates: the fewest of a few tries that ran without a collection (NaN if none did). */
async function allocatedPerCall(task: () => unknown, calls = 4, tries = 6): Promise<number> {
  const sizes: number[] = [];
  for (let attempt = 0; attempt < tries; attempt++) {
    collectGarbage();
    await settle();
    const seen = collections;
    const before = youngBytes();
    for (let call = 0; call < calls; call++) await task();
    const after = youngBytes();
    await settle();
    if (collections === seen && after >= before) sizes.push((after - before) / calls);
  }
  return sizes.length > 0 ? Math.min(...sizes) : Number.NaN;
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
  trackCpu: number;
  /** Client CPU (ms) per call, medians of the rounds' differences (see `addedOf`): track() over raw fetch, … */
  trackAdded: number;
  /** … ky request over raw fetch, … */
  kyAdded: number;
  /** … parse inside the request cycle, timed on its own, … */
  parseInCycle: number;
  /** (the same in the round it was fastest, to set against the fastest run of the tight loop) … */
  parseInCycleFastest: number;
  /** … and what remains of track() over ky request: the adapter's own code, and the garbage parse leaves. */
  restAdded: number;
  /** Bytes allocated per call (NaN where not measured). */
  rawBytes: number;
  kyBytes: number;
  trackBytes: number;
  parseBytes: number;
}

async function measure(subject: Subject, sandbox: RunningSandbox, detailed: boolean): Promise<Measured> {
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
    // The same request, then the adapter's parse of its answer, timed on its own: what parse costs inside a
    // request cycle, where the network code that ran in between has left it neither its code nor its data in
    // the CPU caches, and each answer is newly decoded.
    kyParse: async () => {
      const body = await client(path, init).json();
      return timedPart(() => timed.parse(body));
    },
    track: () => timed.track(parcel.trackingNumber, { carrier: parcel.carrier }),
  };
  const samples: Record<keyof typeof tasks, Samples> = {
    raw: { times: [], cpu: 0, rounds: [] },
    ky: { times: [], cpu: 0, rounds: [] },
    kyParse: { times: [], cpu: 0, rounds: [] },
    track: { times: [], cpu: 0, rounds: [] },
  };
  const names = Object.keys(tasks) as (keyof typeof tasks)[];
  for (const name of names) await sample(tasks[name], warmup);
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 ? [...names].reverse() : names) await sample(tasks[name], perRound, samples[name]);
  }
  const cpuPerCall = (task: Samples) => task.cpu / task.times.length;
  const bytes = (task: () => unknown) => (detailed ? allocatedPerCall(task) : Promise.resolve(Number.NaN));
  return {
    events: shipment.events.length,
    parse: detailed ? timeSync(() => adapter.parse(raw), parseRuns, parseRunTime) : Number.NaN,
    raw: mean(samples.raw.times),
    ky: mean(samples.ky.times),
    track: mean(samples.track.times),
    rawCpu: cpuPerCall(samples.raw),
    trackCpu: cpuPerCall(samples.track),
    overhead: overheadOf(samples.track, samples.raw, 'time'),
    cpuOverhead: overheadOf(samples.track, samples.raw, 'cpu'),
    trackAdded: addedOf(samples.track, samples.raw),
    kyAdded: addedOf(samples.ky, samples.raw),
    parseInCycle: median(samples.kyParse.rounds.map((round) => round.part)),
    parseInCycleFastest: Math.min(...samples.kyParse.rounds.map((round) => round.part)),
    // Per round, track() over ky request less the parse timed in the ky + parse task of the same round.
    restAdded: median(
      samples.track.rounds.map(
        (round, index) => round.cpu - samples.ky.rounds[index]!.cpu - samples.kyParse.rounds[index]!.part,
      ),
    ),
    rawBytes: await bytes(tasks.raw),
    kyBytes: await bytes(tasks.ky),
    trackBytes: await bytes(tasks.track),
    parseBytes: await bytes(() => adapter.parse(raw)),
  };
}

const percent = (ratio: number) => `${formatNumber(ratio * 100, 1)} %`;
const micro = (ms: number) => formatNumber(ms * 1000);

export async function run(): Promise<string> {
  const loadBefore = loadavg()[0]!;
  const apart: Measured[] = [];
  const here: Measured[] = [];
  // Parse alone and the bytes allocated are measured once, with the sandbox in its own process.
  const sandboxes: [() => Promise<RunningSandbox>, Measured[], boolean][] = [
    [sandboxApart, apart, true],
    [sandboxHere, here, false],
  ];
  collectionCounter.observe({ entryTypes: ['gc'] });
  try {
    for (const [start, into, detailed] of sandboxes) {
      const sandbox = await start();
      try {
        for (const subject of subjects) into.push(await measure(subject, sandbox, detailed));
      } finally {
        await sandbox.close();
      }
    }
  } finally {
    collectionCounter.disconnect();
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
  const kilobytes = (bytes: number) => (Number.isNaN(bytes) ? '–' : formatNumber(bytes / 1024, 1));
  const splitRows = subjects.map((subject, index) => {
    const m = apart[index]!;
    return [
      subject.name,
      micro(m.trackAdded),
      micro(m.kyAdded),
      micro(m.parseInCycle),
      micro(m.parse),
      micro(m.restAdded),
      kilobytes(m.rawBytes),
      kilobytes(m.kyBytes),
      kilobytes(m.trackBytes),
      kilobytes(m.parseBytes),
    ];
  });
  const medianOf = (pick: (m: Measured) => number) => median(apart.map(pick));
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
      'adds for the caller. The tasks (with the fourth below) take turns in ' +
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
      `${percent(median(hereCpuOverheads))} CPU. Load average of the machine: ${formatNumber(loadBefore, 1)} ` +
      `before the run, ${formatNumber(loadAfter, 1)} after it, on ${cpus().length} cores; above the number of ` +
      'cores, other work stretches every elapsed time.',
    '',
    '### Where the client CPU that `track()` adds goes',
    '',
    'A fourth task, **ky + parse**, takes its turn in the same rounds: it sends the ky request, then times ' +
      "`adapter.parse` on the answer on its own (this process's CPU time around the call). The CPU time track() " +
      'adds over a raw fetch (the median over the rounds of the difference between the two, in the same round) ' +
      'splits in three: **ky** (ky request over raw fetch, the same way), **parse in the request cycle** (the ' +
      'median over the rounds of that timed parse) and **the rest of track()** (the median over the rounds of ' +
      'track() over ky request less that parse: the adapter’s own code, and the collection of the garbage parse ' +
      'leaves). **parse alone, tight loop** repeats the parse figure above. **Allocated** is what one call ' +
      'allocates, read from the size of the young generation around a few calls that no garbage collection ' +
      'interrupted: unlike a time, it does not depend on the load of the machine, and every byte of it is ' +
      'collected later on the caller’s CPU time.',
    '',
    table(
      [
        'API',
        'track() over raw fetch, client CPU (µs)',
        'ky (µs)',
        'parse in the request cycle (µs)',
        'parse alone, tight loop (µs)',
        'rest of track() (µs)',
        'allocated: raw fetch (KB)',
        'allocated: ky request (KB)',
        'allocated: track() (KB)',
        'allocated: parse (KB)',
      ],
      splitRows,
    ),
    '',
    `Of the ${micro(medianOf((m) => m.trackAdded))} µs of client CPU that track() adds for the median API, ` +
      `${micro(medianOf((m) => m.kyAdded))} µs go to ky, ${micro(medianOf((m) => m.parseInCycle))} µs to ` +
      `\`parse\` inside the request cycle (${micro(medianOf((m) => m.parseInCycleFastest))} µs in its least ` +
      `disturbed round, against ${micro(medianOf((m) => m.parse))} µs for the same parse in the fastest run of a ` +
      'tight loop on one decoded response: between two parses the network code runs, which leaves parse’s code ' +
      'and data out of the CPU caches, and each answer is newly decoded) and ' +
      `${micro(medianOf((m) => m.restAdded))} µs to the rest of \`track()\` (what remains once the larger parts ` +
      'are taken away, so other work on the machine moves it most: on a busy machine it can come out below zero). ' +
      `Per call, a raw fetch allocates ${kilobytes(medianOf((m) => m.rawBytes))} KB, the ky request ` +
      `${kilobytes(medianOf((m) => m.kyBytes))} KB and track() ${kilobytes(medianOf((m) => m.trackBytes))} KB, ` +
      `of which parse ${kilobytes(medianOf((m) => m.parseBytes))} KB.`,
  ].join('\n');
}
