// bench/track: how fast each adapter turns a realistic carrier response into a Shipment, and what
// `track()` adds over a raw `fetch` + `response.json()` of the very same sandbox request.
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
}

/** Calls `task` one call at a time for `ms` milliseconds, adding to `into` what the calls took. */
async function sample(task: () => Promise<unknown>, ms: number, into?: Samples): Promise<void> {
  const cpu = process.cpuUsage();
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const start = performance.now();
    await task();
    into?.times.push(performance.now() - start);
  }
  if (into) {
    const used = process.cpuUsage(cpu);
    into.cpu += (used.user + used.system) / 1000;
  }
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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

export async function run(): Promise<string> {
  const loadBefore = loadavg()[0]!;
  // Every scenario has finished: the parcels have their whole history, as a delivered parcel's response does.
  const now = new Date();
  const sandbox = createSandbox({ carriers: carrierSandboxes, start: new Date(now.getTime() - 400 * 3_600_000) });
  await sandbox.listen(0);
  const rows: (string | number)[][] = [];
  const overheads: number[] = [];
  const cpuOverheads: number[] = [];
  const transportShares: number[] = [];
  const parseShares: number[] = [];
  try {
    for (const subject of subjects) {
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
        raw: { times: [], cpu: 0 },
        ky: { times: [], cpu: 0 },
        track: { times: [], cpu: 0 },
      };
      const names = Object.keys(tasks) as (keyof typeof tasks)[];
      for (const name of names) await sample(tasks[name], warmup);
      for (let round = 0; round < rounds; round++) {
        for (const name of round % 2 ? [...names].reverse() : names) await sample(tasks[name], perRound, samples[name]);
      }
      const parse = timeSync(() => adapter.parse(raw), parseRuns, parseRunTime);

      const rawFetch = mean(samples.raw.times);
      const kyRequest = mean(samples.ky.times);
      const track = mean(samples.track.times);
      const added = track - rawFetch;
      const cpuPerCall = (task: Samples) => task.cpu / task.times.length;
      overheads.push(added / rawFetch);
      cpuOverheads.push(cpuPerCall(samples.track) / cpuPerCall(samples.raw) - 1);
      transportShares.push(kyRequest - rawFetch);
      parseShares.push(parse);
      rows.push([
        subject.name,
        shipment.events.length,
        formatNumber(1000 / parse),
        formatNumber(parse * 1000),
        formatNumber(rawFetch * 1000),
        formatNumber(kyRequest * 1000),
        formatNumber(track * 1000),
        formatNumber(added * 1000),
        `${formatNumber((added / rawFetch) * 100, 1)} %`,
        `${formatNumber((cpuPerCall(samples.track) / cpuPerCall(samples.raw) - 1) * 100, 1)} %`,
      ]);
    }
  } finally {
    await sandbox.close();
  }
  const loadAfter = loadavg()[0]!;
  return [
    '## Adapters: parsing and `track()` overhead',
    '',
    'Each adapter against the offline sandbox (in the same process, over loopback HTTP), on the "failed attempt, ' +
      'then delivered" parcel with its whole history. **parse**: `adapter.parse(raw)` on the carrier response, ' +
      'decoded once: CPU time per call, the fastest of ' +
      `${parseRuns} runs of ${parseRunTime} ms. ` +
      '**raw fetch**: what a developer would write by hand — `fetch(url, { method, headers, body })` ' +
      'of the exact request the adapter sent (same URL, headers and token, same body), then `response.json()`. ' +
      '**ky request**: the same request through the adapters’ HTTP client (`createHttpClient`: ky with the ' +
      'timeout and retry settings) and `.json()`, nothing parsed. **track()**: the whole adapter call — request, ' +
      'status check, schema check, normalization and the shipment — with a cached token. **added** and ' +
      '**overhead**: track() over raw fetch. (Before 2026-11-27 the raw side cloned a recorded `Request` on every ' +
      'call, work no caller does, which slowed it and made the overhead look smaller.) Times are means of every ' +
      'call; the three tasks take turns in ' +
      `${rounds} rounds of ${perRound} ms each (after ${warmup} ms of warm-up), so load on the machine falls on ` +
      'all of them alike. **CPU overhead**: the same comparison in CPU time of the process per call (client and ' +
      'sandbox together, as in the times), which other work on a shared machine disturbs far less than it does ' +
      'elapsed time.',
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
        'CPU overhead',
      ],
      rows,
    ),
    '',
    `Median overhead of \`track()\` over a raw fetch: **${formatNumber(median(overheads) * 100, 1)} %** in ` +
      `elapsed time, ${formatNumber(median(cpuOverheads) * 100, 1)} % in CPU time (goal: under 10 %). Of the time ` +
      `added, the median API spends ${formatNumber(median(transportShares) * 1000)} µs in ky (ky request over raw ` +
      `fetch) and ${formatNumber(median(parseShares) * 1000)} µs parsing. Load average of the machine: ` +
      `${formatNumber(loadBefore, 1)} before the run, ${formatNumber(loadAfter, 1)} after it, on ${cpus().length} ` +
      'cores; above the number of cores, other work stretches every elapsed time.',
  ].join('\n');
}
