// Carrier detection: Trackline's detectCarrier against ts-tracking-number (the JavaScript port of the same
// open dataset), on one labelled set — throughput and how often each names the right carrier.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Bench } from 'tinybench';
import { getTracking } from 'ts-tracking-number';
import { detectCarrier } from '@trackline/core';
import { datasetTestNumbers } from '../../packages/core/src/detect/test-numbers.js';
import type { CarrierId } from '@trackline/core';
import { formatNumber, table } from '../harness.js';
import { type Labelled, generated } from './generate.js';

/** The carrier of a UPU S10 number is the post of the country in its last two letters. */
function s10Carrier(number: string): CarrierId {
  const country = number.replace(/\s/g, '').slice(-2).toUpperCase();
  return country === 'US' ? 'usps' : country === 'GB' ? 'royal_mail' : country === 'CA' ? 'canada_post' : 'postal';
}

/**
 * The dataset's test numbers. Its "invalid" numbers are labelled "no carrier", except the two that another
 * format of the dataset accepts (twelve and fifteen zeros pass FedEx's check digits).
 */
function datasetSet(): Labelled[] {
  const valid = new Map<string, CarrierId>();
  for (const format of datasetTestNumbers) {
    for (const number of format.valid) valid.set(number, format.format === 's10' ? s10Carrier(number) : format.carrier);
  }
  const acceptedElsewhere = new Set(['000000000000', '000000000000000']);
  const invalid = new Set<string>();
  for (const format of datasetTestNumbers) {
    for (const number of format.invalid) {
      if (!valid.has(number) && !acceptedElsewhere.has(number)) invalid.add(number);
    }
  }
  return [
    ...[...valid].map(([input, carrier]) => ({ input, carrier, source: 'dataset' as const })),
    ...[...invalid].map((input) => ({ input, carrier: null, source: 'dataset' as const })),
  ];
}

/** ts-tracking-number's courier codes in Trackline's terms. */
function peerCarriers(input: string): CarrierId[] {
  let found: ReturnType<typeof getTracking>;
  try {
    found = getTracking(input);
  } catch {
    return [];
  }
  if (found === undefined) return [];
  switch (found.courier.code) {
    case 'dhl':
      return [found.name.includes('E-Commerce') ? 'dhl_ecommerce' : 'dhl'];
    case 's10':
      return [s10Carrier(found.trackingNumber)];
    default:
      return [found.courier.code as CarrierId];
  }
}

interface Score {
  top: number;
  any: number;
}

function score(set: readonly Labelled[], detect: (input: string) => readonly CarrierId[]): Score {
  let top = 0;
  let any = 0;
  for (const { input, carrier } of set) {
    const found = detect(input);
    if (carrier === null) {
      if (found.length === 0) {
        top++;
        any++;
      }
    } else {
      if (found[0] === carrier) top++;
      if (found.includes(carrier)) any++;
    }
  }
  return { top, any };
}

/** Calls per second over whole passes through the inputs (one tinybench iteration = one pass). */
async function throughput(
  name: string,
  inputs: readonly string[],
  call: (input: string) => unknown,
  time: number,
): Promise<number> {
  const bench = new Bench({ name, time, iterations: 5, warmupTime: 500 });
  let sink = 0;
  bench.add(name, () => {
    for (const input of inputs) sink += call(input) === undefined ? 0 : 1;
  });
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result === undefined || !('period' in result) || sink < 0) throw new Error(`${name}: the benchmark did not run`);
  return inputs.length / (result.period / 1000);
}

const percent = (part: number, whole: number) => `${formatNumber((100 * part) / whole, 1)} %`;

export async function run(): Promise<string> {
  const set = [...datasetSet(), ...generated()];
  const inputs = set.map((entry) => entry.input);
  const peerVersion = (
    JSON.parse(readFileSync(createRequire(import.meta.url).resolve('ts-tracking-number/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

  const ours = (input: string) => detectCarrier(input).map((match) => match.carrier);
  const oursRate = await throughput('trackline', inputs, detectCarrier, 3000);
  const peerRate = await throughput('ts-tracking-number', inputs, getTracking, 3000);
  // The easy case on its own: valid numbers as one string, upper case, no spaces.
  const plain = set.filter((e) => e.carrier !== null && /^[0-9A-Z]+$/.test(e.input)).map((e) => e.input);
  const oursPlainRate = await throughput('trackline (plain)', plain, detectCarrier, 2000);
  const peerPlainRate = await throughput('ts-tracking-number (plain)', plain, getTracking, 2000);

  const groups: Array<[string, Labelled[]]> = [
    [
      `dataset test numbers, valid (${datasetTestNumbers.length} formats)`,
      set.filter((e) => e.source === 'dataset' && e.carrier !== null),
    ],
    ['dataset test numbers, rejected by their format', set.filter((e) => e.source === 'dataset' && e.carrier === null)],
    ['generated, valid (UPS, FedEx, USPS, DHL)', set.filter((e) => e.source === 'generated' && e.carrier !== null)],
    ['generated, check digit broken', set.filter((e) => e.source === 'generated' && e.carrier === null)],
  ];
  const oursAll = score(set, ours);
  const peerAll = score(set, peerCarriers);

  const summary = table(
    ['library', 'calls/s', 'calls/s, plain valid numbers', 'top-ranked carrier correct', 'any candidate correct'],
    [
      [
        'Trackline `detectCarrier`',
        formatNumber(oursRate),
        formatNumber(oursPlainRate),
        percent(oursAll.top, set.length),
        percent(oursAll.any, set.length),
      ],
      [
        `ts-tracking-number ${peerVersion} \`getTracking\``,
        formatNumber(peerRate),
        formatNumber(peerPlainRate),
        percent(peerAll.top, set.length),
        percent(peerAll.any, set.length),
      ],
    ],
  );
  const byGroup = table(
    ['inputs', 'count', 'Trackline (top / any)', 'ts-tracking-number'],
    groups.map(([label, entries]) => {
      const a = score(entries, ours);
      const b = score(entries, peerCarriers);
      return [
        label,
        entries.length,
        `${percent(a.top, entries.length)} / ${percent(a.any, entries.length)}`,
        percent(b.top, entries.length),
      ];
    }),
  );

  return [
    '## Carrier detection',
    '',
    `\`detectCarrier\` against [ts-tracking-number](https://github.com/rjbrooksjr/ts-tracking-number) ${peerVersion}, ` +
      `both fed the same ${formatNumber(set.length)} inputs in the same order: every test number of the open dataset ` +
      'jkeen/tracking_number_data v2.0.0 (valid ones labelled with their carrier; the ones a format rejects labelled ' +
      '"no carrier"), and numbers generated with their real check digits for UPS 1Z, FedEx Express/Ground/96/34, ' +
      'USPS IMpb (with and without the 420 + ZIP prefix; former SmartPost `92 612…` numbers labelled USPS, as the ' +
      'dataset now does), USPS S10 and DHL Express — a quarter printed in groups of four, some in lower case — plus ' +
      'a copy of half of them with the check digit changed, labelled "no carrier". Throughput: tinybench, one ' +
      'iteration is one pass over all inputs, calls/s = inputs ÷ mean pass time; measured again on the valid numbers ' +
      `printed as one upper-case string (${formatNumber(plain.length)} of them), the easiest case for both. ` +
      'A number labelled with a carrier ' +
      'counts as correct when the first (or any) returned candidate is that carrier; a "no carrier" number only when ' +
      "nothing is returned. ts-tracking-number returns one match; its courier codes map to Trackline's ids " +
      '(`s10` by the country in the number, DHL "E-Commerce" formats to `dhl_ecommerce`).',
    '',
    summary,
    '',
    byGroup,
    '',
    `Trackline handles **${formatNumber(oursRate / peerRate, 1)}×** the calls per second of ts-tracking-number on ` +
      `these inputs (**${formatNumber(oursPlainRate / peerPlainRate, 1)}×** on the plain valid numbers).`,
  ].join('\n');
}
