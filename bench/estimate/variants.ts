// Tries fit options on the same walk-forward as the bench, without writing anything:
// `node --conditions=source --import tsx bench/estimate/variants.ts '{"pace":false}' '{"pace":{"days":14}}'`
// prints, for each set of options (JSON, laid over the bench's own), the figures the bench reports at
// purchase and at hand-over. How the variants of docs/estimation.md were measured.
import { fitTransitModel } from '@trackline/core/fit';
import type { FitOptions, TransitModel } from '@trackline/core';
import { fitOptions, marketplace, modelForecast, score, type Figures, type Scored } from './index.js';
import { loadOlist } from './olist.js';
import { eventsOf, walkForward } from './walk-forward.js';

const from = '2017-10-01';
const to = '2017-12-31';

const orders = loadOlist();
const history = orders.filter((o) => o.status !== 'canceled' && o.status !== 'unavailable');
const targets = orders.filter(
  (o) => o.status === 'delivered' && o.deliveredDay && o.promisedDay && o.placedDay >= from && o.placedDay <= to,
);
const events = eventsOf(targets, ['placed', 'shipped']);

const f1 = (v: number) => v.toFixed(1).padStart(5);
const line = (name: string, f: Figures) =>
  `${name.padEnd(9)} promise ${f1(f.promiseLength)} @${f.confidence?.toFixed(3)} on time ${(f.onTime * 100).toFixed(1)}%  MAE ${f1(f.likelyMae)}  bias ${f1(f.likelyBias)}  cover80 ${((f.coverage ?? 0) * 100).toFixed(1)}%  width ${f1(f.width ?? 0)}`;

for (const arg of process.argv.length > 2 ? process.argv.slice(2) : ['{}']) {
  const options: FitOptions = { ...fitOptions, ...(JSON.parse(arg) as FitOptions) };
  const rows = walkForward({
    items: history,
    events,
    fit: (records, now): TransitModel => fitTransitModel(records, { ...options, now }),
    predict: (model, event): Scored => ({
      order: event.item,
      moment: event.moment,
      day: event.at.slice(0, 10),
      forecast: modelForecast(model, event),
    }),
  }).map((r) => r.prediction);
  console.log(arg);
  for (const moment of ['placed', 'shipped']) {
    const at = rows.filter((r) => r.moment === moment);
    console.log(line(moment, score(at, marketplace(at).onTime)));
  }
}
