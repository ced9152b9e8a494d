// bench/insights: how long `summarize` takes over a million realistic synthetic shipments.
// Imported from the source until the core's index re-exports insights.
import { summarize, type Summary } from '@trackline/core';
import { formatNumber, table } from '../harness.js';
import { generate } from './generate.js';

const count = 1_000_000;
const runs = 5;

const days = (value: number | null) => (value === null ? '–' : formatNumber(value, 2));
const percent = (value: number | null) => (value === null ? '–' : `${formatNumber(100 * value, 1)} %`);

export async function run(): Promise<string> {
  const started = performance.now();
  const { shipments, now } = generate(count);
  const generatedIn = performance.now() - started;

  const cases = [
    { name: "by: ['carrier']", by: ['carrier'] as const },
    { name: "by: ['carrier', 'service', 'destination']", by: ['carrier', 'service', 'destination'] as const },
  ];
  const rows: string[][] = [];
  let last: Summary | undefined;
  for (const { name, by } of cases) {
    // One warm-up run (it also flattens the generated strings, as JSON.parse would have left them), then timed runs.
    summarize(shipments, { by, now });
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const result = summarize(shipments, { by, now });
      times.push(performance.now() - t);
      last = result;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    rows.push([
      name,
      String(last?.groups.length ?? 0),
      `${formatNumber(median)} ms`,
      `${formatNumber(times[0]!)}–${formatNumber(times[times.length - 1]!)} ms`,
      formatNumber(count / (median / 1000)),
    ]);
  }
  const summary = last!;
  const worst = summary.worsening[0];

  return [
    '## Shipping insights',
    '',
    `\`summarize\` over ${formatNumber(count)} synthetic shipments (seeded, generated in ${formatNumber(generatedIn / 1000, 1)} s): ` +
      'nine carrier services, two US warehouses, seventeen destination areas in five countries, lognormal handling ' +
      'and transit times by service and distance, about 6 % with a problem, 0.4 % lost, 0.8 % returned, a promise on ' +
      'every order, 5 % without `placedAt` and 30 % without `shippedAt` (taken from the first moving scan). ' +
      `One untimed warm-up run, then the median of ${runs} runs (performance.now).`,
    '',
    table(['grouping', 'groups', 'median time', 'range', 'shipments/s'], rows),
    '',
    `Overall: on time ${percent(summary.overall.onTime.rate)}, transit median ${days(summary.overall.transitDays.median)} d ` +
      `(p90 ${days(summary.overall.transitDays.p90)} d), handling median ${days(summary.overall.handlingDays.median)} d, ` +
      `lost ${percent(summary.overall.lost.rate)}. ` +
      (worst
        ? `Worst-worsening lane: ${worst.label}, ${percent(worst.previous.onTime.rate)} → ${percent(worst.current.onTime.rate)} on time.`
        : 'No lane got worse.'),
  ].join('\n');
}
