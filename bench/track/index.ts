// bench/track: how fast each adapter turns a realistic carrier response into a Shipment, and what
// `track()` adds over a raw `fetch` + `response.json()` of the very same sandbox request.
import { Bench } from 'tinybench';
import {
  aftership,
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

/** A fetch that remembers the last non-token request and its response body. */
function recording() {
  const seen: { request?: Request; body?: string } = {};
  const recorder: typeof fetch = async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    const response = await fetch(request.clone());
    if (!/token/.test(new URL(request.url).pathname)) {
      seen.request = request.clone();
      seen.body = await response.clone().text();
    }
    return response;
  };
  return { recorder, seen };
}

export async function run(): Promise<string> {
  // Every scenario has finished: the parcels have their whole history, as a delivered parcel's response does.
  const now = new Date();
  const sandbox = createSandbox({ carriers: carrierSandboxes, start: new Date(now.getTime() - 400 * 3_600_000) });
  await sandbox.listen(0);
  const rows: (string | number)[][] = [];
  const overheads: number[] = [];
  try {
    for (const subject of subjects) {
      const parcel = parcelFor(subject.carrier as 'ups', 'failed-attempt');
      const { recorder, seen } = recording();
      const adapter = subject.make({ baseUrl: sandbox.baseUrl(subject.api), fetch: recorder, retries: 0 });
      const shipment = await adapter.track(parcel.trackingNumber, { carrier: parcel.carrier });
      const raw = JSON.parse(seen.body!) as unknown;
      const request = seen.request!;
      // The timed adapter uses the plain global fetch, as in production; its token is fetched once here.
      const timed = subject.make({ baseUrl: sandbox.baseUrl(subject.api), retries: 0 });
      await timed.track(parcel.trackingNumber, { carrier: parcel.carrier });

      const bench = new Bench({ time: 600, warmupTime: 150 });
      bench
        .add('parse', () => {
          adapter.parse(raw);
        })
        .add('raw fetch', async () => {
          const response = await fetch(request.clone());
          await response.json();
        })
        .add('track', async () => {
          await timed.track(parcel.trackingNumber, { carrier: parcel.carrier });
        });
      await bench.run();
      const [parse, rawFetch, track] = bench.tasks.map((task) => {
        const result = task.result;
        if (result === undefined || !('latency' in result))
          throw new Error(`${subject.name} ${task.name}: did not run`);
        return result.latency.mean;
      }) as [number, number, number];
      const parseHz = 1000 / parse;
      const overhead = track / rawFetch - 1;
      overheads.push(overhead);
      rows.push([
        subject.name,
        shipment.events.length,
        formatNumber(parseHz),
        formatNumber(rawFetch * 1000),
        formatNumber(track * 1000),
        formatNumber((track - rawFetch) * 1000),
        `${formatNumber(overhead * 100, 1)} %`,
      ]);
    }
  } finally {
    await sandbox.close();
  }
  const median = [...overheads].sort((a, b) => a - b)[Math.floor(overheads.length / 2)]!;
  return [
    '## Adapters: parsing and `track()` overhead',
    '',
    'Each adapter against the offline sandbox, on the "failed attempt, then delivered" parcel with its whole history. ' +
      '**parse/s**: `adapter.parse(raw)` on the carrier response, decoded once. **raw fetch**: `fetch` of the exact ' +
      'request the adapter sent (headers and token included) plus `response.json()`. **track()**: the whole adapter ' +
      'call — request, status check, schema check, normalization and the shipment — with a cached token. Overhead is ' +
      'track() over raw fetch. tinybench, 0.6 s per task, loopback HTTP.',
    '',
    table(['API', 'events', 'parse/s', 'raw fetch (µs)', 'track() (µs)', 'added (µs)', 'overhead'], rows),
    '',
    `Median overhead of \`track()\` over a raw fetch: **${formatNumber(median * 100, 1)} %** (goal: under 10 %).`,
  ].join('\n');
}
