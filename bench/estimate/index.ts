// bench/estimate: the transit model on real marketplace orders (Olist, Brazil, 2017), walked forward
// day by day so every prediction uses only what was known at its moment, beside the marketplace's own
// promise and a per-state median baseline. The data stays in ../shared/data/olist beside the repo.
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { FitOptions, TransitModel } from '@trackline/core';
import { fitTransitModel } from '@trackline/core/fit';
import { formatNumber, table } from '../harness.js';
import { baselineForecast, fitBaseline } from './baseline.js';
import { delayFigures, type DelayFigures } from './delay.js';
import { hindsight } from './hindsight.js';
import { loadOlist, missingFiles, olistDir, type OlistOrder } from './olist.js';
import { addDays, daysBetween, localDay } from './time.js';
import { eventsOf, walkForward, type Moment, type WalkEvent } from './walk-forward.js';

const title = '## Delivery estimates on real orders (Olist, Brazil)';
const from = '2017-10-01';
const to = '2017-12-31';
const windowConfidence = 0.8;
// Sites = the seller's whole zip prefix (nearly one seller each); postal areas = the first two digits
// of the customer's CEP (a sub-region: the capital apart from the interior). Three digits measured
// slightly worse: too few orders per area in a quarter. `pace`: the last 21 days' orders, finished or
// not, say how much slower (or faster) handling and transit go now than before.
export const fitOptions: FitOptions = { postalCodes: { origin: 5, destination: 2 }, pace: true };

/** What one predictor said about one order at one moment. */
export interface Forecast {
  likely: string;
  earliest: string;
  latest: string;
  /** The promised day (`latest` of a promise) at `confidence`. */
  promise(confidence: number): string;
}

export interface Scored {
  order: OlistOrder;
  moment: Moment;
  /** Local day of the prediction (purchase or hand-over). */
  day: string;
  forecast: Forecast;
  /**
   * At purchase: the likely delivery day the same fit gives once told the real hand-over time, which
   * splits the likely day's error into handling (the rest) and transit (this one's).
   */
  transitLikely?: string;
}

export interface Figures {
  n: number;
  onTime: number;
  /** Mean days from the prediction's day to the promised day. */
  promiseLength: number;
  /** The confidence the promise was asked for (undefined for the marketplace). */
  confidence?: number;
  likelyMae: number;
  /** Mean of likely − actual in days: negative when the likely day comes too early. */
  likelyBias: number;
  coverage?: number;
  width?: number;
}

export function modelForecast(model: TransitModel, event: WalkEvent<OlistOrder>): Forecast {
  const { carrier, origin, destination, placedAt, shippedAt } = event.item.record;
  const input = {
    carrier,
    origin,
    destination,
    placedAt,
    ...(event.moment === 'shipped' && shippedAt ? { shippedAt } : {}),
    now: event.at,
  };
  const estimate = model.estimate({ ...input, confidence: windowConfidence });
  const promises = new Map<number, string>();
  return {
    likely: estimate.likely,
    earliest: estimate.earliest,
    latest: estimate.latest,
    promise(confidence) {
      let day = promises.get(confidence);
      if (day === undefined) promises.set(confidence, (day = model.promise(input, confidence).latest));
      return day;
    },
  };
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const actual = (s: Scored) => s.order.deliveredDay!;
const onTimeAt = (scored: readonly Scored[], confidence: number) =>
  mean(scored.map((s) => (actual(s) <= s.forecast.promise(confidence) ? 1 : 0)));

/** The smallest confidence in 0.5–0.99 whose promises are met at least `target` of the time (bisection). */
export function confidenceFor(onTime: (confidence: number) => number, target: number): number {
  let lo = 0.5;
  let hi = 0.99;
  if (onTime(lo) >= target) return lo;
  if (onTime(hi) < target) return hi;
  for (let i = 0; i < 16; i++) {
    const mid = (lo + hi) / 2;
    if (onTime(mid) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function score(scored: readonly Scored[], target: number): Figures {
  const confidence = confidenceFor((c) => onTimeAt(scored, c), target);
  return {
    n: scored.length,
    onTime: onTimeAt(scored, confidence),
    promiseLength: mean(scored.map((s) => daysBetween(s.day, s.forecast.promise(confidence)))),
    confidence,
    likelyMae: mean(scored.map((s) => Math.abs(daysBetween(actual(s), s.forecast.likely)))),
    likelyBias: mean(scored.map((s) => daysBetween(actual(s), s.forecast.likely))),
    coverage: mean(scored.map((s) => (s.forecast.earliest <= actual(s) && actual(s) <= s.forecast.latest ? 1 : 0))),
    width: mean(scored.map((s) => daysBetween(s.forecast.earliest, s.forecast.latest) + 1)),
  };
}

/** The marketplace's own promise, made at purchase, judged on the same orders. */
export function marketplace(scored: readonly Scored[]): Figures {
  return {
    n: scored.length,
    onTime: mean(scored.map((s) => (actual(s) <= s.order.promisedDay! ? 1 : 0))),
    promiseLength: mean(scored.map((s) => daysBetween(s.day, s.order.promisedDay!))),
    likelyMae: mean(scored.map((s) => Math.abs(daysBetween(actual(s), s.order.promisedDay!)))),
    likelyBias: mean(scored.map((s) => daysBetween(actual(s), s.order.promisedDay!))),
  };
}

function delaySection(f: DelayFigures, checks: number, ms: number): string {
  const share = (part: number, whole: number) =>
    `${formatNumber(part)} of ${formatNumber(whole)} (${pct(part / whole)})`;
  return [
    `### Delay detection on the same quarter\n\n\`detectDelay\` on every parcel on its way (handed over, not yet delivered), every day of the quarter at noon, with the model fitted that morning and the marketplace's date as the promise: ${formatNumber(checks)} checks of ${formatNumber(f.inFlight)} parcels (${formatNumber(ms / 1000, 1)} s, fits included). Olist has no carrier scans, so a parcel's only news is its hand-over and \`stalled\` and \`lost\` are judged against the lane's whole transit times (\`basis: 'transit'\`). Each flag is scored against what happened afterwards.`,
    table(
      ['Flag', 'What it caught', 'False alarms'],
      [
        [
          '`later`: the estimate moved past the promise',
          `${share(f.later.lateWarned, f.later.late)} late deliveries, on average ${days(f.later.meanWarningDays)} days before the promised day`,
          `${share(f.later.onTimeFlagged, f.later.onTime)} on-time deliveries`,
        ],
        [
          "`stalled`: no news for longer than 95% of the lane's transits",
          `${share(f.stalled.lateWarned, f.stalled.late)} late deliveries before the promised day (${days(f.stalled.meanWarningDays)} days ahead)`,
          `${share(f.stalled.flagged, f.stalled.delivered)} delivered parcels were flagged at some point`,
        ],
        [
          '`lost`: no news for twice the 99.5th-percentile transit (one that ended in a delivery)',
          `${share(f.lost.neverDelivered, f.neverDelivered)} parcels never delivered, flagged within the quarter`,
          `${formatNumber(f.lost.deliveredLater)} of ${formatNumber(f.lost.flagged)} flagged arrived after all${f.lost.deliveredLater ? ` (median ${days(f.lost.medianDaysToDelivery)} days after the flag)` : ''}`,
        ],
      ],
    ),
  ].join('\n\n');
}

/** At purchase, month by month: how long deliveries took, and how each predictor did. */
function byMonth(
  ours: readonly Scored[],
  base: readonly Scored[],
  ourConfidence: number,
  baseConfidence: number,
): string {
  const baseById = new Map(base.map((s) => [s.order.id, s]));
  const groups = new Map<string, Scored[]>();
  for (const s of ours) {
    const month = s.day.slice(0, 7);
    groups.set(month, [...(groups.get(month) ?? []), s]);
  }
  const rows = [...groups].sort(([a], [b]) => a.localeCompare(b));
  return table(
    [
      'Month',
      'Orders',
      'Delivery, mean days',
      'On time: ours / marketplace / baseline',
      'Likely day MAE: ours / baseline',
      'Likely − actual: ours / baseline',
    ],
    rows.map(([month, list]) => {
      const theirs = list.map((s) => baseById.get(s.order.id)!);
      const mae = (l: readonly Scored[]) => mean(l.map((s) => Math.abs(daysBetween(actual(s), s.forecast.likely))));
      const bias = (l: readonly Scored[]) => mean(l.map((s) => daysBetween(actual(s), s.forecast.likely)));
      return [
        month,
        formatNumber(list.length),
        days(mean(list.map((s) => daysBetween(s.day, actual(s))))),
        `${pct(onTimeAt(list, ourConfidence))} / ${pct(marketplace(list).onTime)} / ${pct(onTimeAt(theirs, baseConfidence))}`,
        `${days(mae(list))} / ${days(mae(theirs))}`,
        `${days(bias(list))} / ${days(bias(theirs))}`,
      ];
    }),
  );
}

/** At purchase, week by week (Monday first): how long handling and transit took, what the pace read, and where the error is. */
function byWeek(
  placed: readonly Scored[],
  shipped: readonly Scored[],
  paces: ReadonlyMap<string, { handling?: number | undefined; transit?: number | undefined }>,
): string {
  const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
  const atHandOver = new Map(shipped.map((s) => [s.order.id, s]));
  const groups = new Map<string, Scored[]>();
  for (const s of placed) {
    if (s.transitLikely === undefined) continue;
    const week = mondayOf(s.day);
    groups.set(week, [...(groups.get(week) ?? []), s]);
  }
  const paceOf = (week: string) => {
    for (let d = 0; d < 7; d++) {
      const pace = paces.get(addDays(week, d));
      if (pace) return `${pace.handling?.toFixed(2) ?? '–'} / ${pace.transit?.toFixed(2) ?? '–'}`;
    }
    return '–';
  };
  return table(
    [
      'Week of',
      'Orders',
      'Handling, mean days',
      'Transit, mean days',
      'Pace read: handling / transit',
      'Likely − actual: all / handling / transit',
      'Transit part, predicted at hand-over',
    ],
    [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, list]) => {
        const all = mean(list.map((s) => daysBetween(actual(s), s.forecast.likely)));
        const transit = mean(list.map((s) => daysBetween(actual(s), s.transitLikely!)));
        const later = list.map((s) => atHandOver.get(s.order.id)).filter((s) => s !== undefined);
        return [
          week,
          formatNumber(list.length),
          days(mean(list.map((s) => daysBetween(s.order.placedDay, s.order.shippedDay!)))),
          days(mean(list.map((s) => daysBetween(s.order.shippedDay!, actual(s))))),
          paceOf(week),
          `${days(all)} / ${days(all - transit)} / ${days(transit)}`,
          days(mean(later.map((s) => daysBetween(actual(s), s.forecast.likely)))),
        ];
      }),
  );
}

const pct = (v: number | undefined) => (v === undefined ? '–' : `${formatNumber(v * 100, 1)}%`);
const days = (v: number | undefined) => (v === undefined ? '–' : formatNumber(v, 1));

function figuresTable(rows: [string, Figures][]): string {
  return table(
    [
      'Predictor',
      'Orders',
      'On time (by the promised day)',
      'Promise length, mean days',
      'Confidence asked',
      'Likely day MAE, days',
      'Likely − actual, mean days',
      '80% window coverage',
      '80% window width, days',
    ],
    rows.map(([name, f]) => [
      name,
      formatNumber(f.n),
      pct(f.onTime),
      days(f.promiseLength),
      f.confidence === undefined ? '–' : formatNumber(f.confidence, 3),
      days(f.likelyMae),
      days(f.likelyBias),
      pct(f.coverage),
      days(f.width),
    ]),
  );
}

export async function run(): Promise<string> {
  const missing = missingFiles();
  if (missing.length) {
    return `${title}\n\nNot run: the Olist data was not found in \`${decodeURIComponent(olistDir.pathname)}\` (missing ${missing.map((m) => `\`${m}\``).join(', ')}). It lives in \`../shared/data/olist/\` beside the repository and is never copied into it.`;
  }
  const loadStart = performance.now();
  const orders = loadOlist();
  const loadMs = performance.now() - loadStart;
  // History: every order the store saw go out or still expects to (canceled and unavailable ones never ship).
  const history = orders.filter((o) => o.status !== 'canceled' && o.status !== 'unavailable');
  const targets = orders.filter(
    (o) =>
      o.status === 'delivered' &&
      o.deliveredDay !== undefined &&
      o.promisedDay !== undefined &&
      o.placedDay >= from &&
      o.placedDay <= to,
  );
  const events = eventsOf(targets, ['placed', 'shipped']);
  const dayOf = (e: WalkEvent<OlistOrder>) => e.at.slice(0, 10);

  let fits = 0;
  /** The pace each day's fit read, by local day. */
  const paces = new Map<string, { handling?: number | undefined; transit?: number | undefined }>();
  let lastModel: TransitModel | undefined;
  const walkStart = performance.now();
  const ours = walkForward({
    items: history,
    events,
    fit: (records, now) => {
      fits++;
      lastModel = fitTransitModel(records, { now, ...fitOptions });
      const carrier = lastModel.toJSON().groups['olist||*|*'];
      paces.set(localDay(now.getTime()), { handling: carrier?.handling?.pace, transit: carrier?.transit?.pace });
      return lastModel;
    },
    predict: (model, event): Scored => {
      const { carrier, origin, destination, shippedAt } = event.item.record;
      const handedOver = event.moment === 'placed' && shippedAt !== undefined && event.item.shippedDay !== undefined;
      return {
        order: event.item,
        moment: event.moment,
        day: dayOf(event),
        forecast: modelForecast(model, event),
        ...(handedOver
          ? { transitLikely: model.estimate({ carrier, origin, destination, shippedAt, now: shippedAt }).likely }
          : {}),
      };
    },
  }).map((r) => r.prediction);
  const walkMs = performance.now() - walkStart;
  const json = JSON.stringify(lastModel);
  const groups = Object.values(lastModel!.toJSON().groups);
  const sites = groups.filter((g) => g.handlingMean).length;
  const areas = groups.filter((g) => g.transitMean).length;
  const base = walkForward({
    items: history,
    events,
    fit: (records) => fitBaseline(records),
    predict: (model, event): Scored => ({
      order: event.item,
      moment: event.moment,
      day: dayOf(event),
      forecast: baselineForecast(model, event.moment, event.item.record.destination.region, dayOf(event)),
    }),
  }).map((r) => r.prediction);

  const at = (list: Scored[], moment: Moment) => list.filter((s) => s.moment === moment);
  const results = (['placed', 'shipped'] as const).map((moment) => {
    const theirs = marketplace(at(ours, moment));
    const scoreStart = performance.now();
    const ourFigures = score(at(ours, moment), theirs.onTime);
    const scoreMs = performance.now() - scoreStart;
    return { moment, theirs, ours: ourFigures, base: score(at(base, moment), theirs.onTime), scoreMs };
  });
  const [placed, shipped] = results as [(typeof results)[0], (typeof results)[0]];
  const known = at(ours, 'placed').map((s) => ({ s, days: daysBetween(s.day, actual(s)) }));
  const { origin, destination } = {
    origin: (s: Scored) => s.order.record.origin.region,
    destination: (s: Scored) => s.order.record.destination.region,
  };
  const references = (
    [
      ['destination state', (s: Scored) => `${destination(s)}`],
      ['destination state and month', (s: Scored) => `${destination(s)} ${s.day.slice(0, 7)}`],
      ['lane (seller state → customer state)', (s: Scored) => `${origin(s)} ${destination(s)}`],
    ] as const
  ).map(
    ([name, group]) =>
      [
        name,
        hindsight(
          known.map(({ s, days }) => ({ group: group(s), days })),
          placed.theirs.onTime,
        ),
      ] as const,
  );
  const delayStart = performance.now();
  const delay = delayFigures(history, history, from, to);
  const delayMs = performance.now() - delayStart;
  const weeks = byWeek(at(ours, 'placed'), at(ours, 'shipped'), paces);
  const months = byMonth(at(ours, 'placed'), at(base, 'placed'), placed.ours.confidence!, placed.base.confidence!);

  const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
  const goals = table(
    ['Goal (at purchase)', 'Reached', 'Measured'],
    [
      [
        'Same on-time rate as the marketplace with a promise ≥ 3 days shorter on average',
        yes(
          placed.ours.onTime >= placed.theirs.onTime - 0.002 &&
            placed.theirs.promiseLength - placed.ours.promiseLength >= 3,
        ),
        `${pct(placed.ours.onTime)} on time vs ${pct(placed.theirs.onTime)}; promise ${days(Math.abs(placed.theirs.promiseLength - placed.ours.promiseLength))} days ${placed.ours.promiseLength <= placed.theirs.promiseLength ? 'shorter' : 'longer'} (${days(placed.ours.promiseLength)} vs ${days(placed.theirs.promiseLength)})`,
      ],
      [
        '80% window covers 78–84% of deliveries',
        yes(placed.ours.coverage! >= 0.78 && placed.ours.coverage! <= 0.84),
        pct(placed.ours.coverage),
      ],
      ['Likely day within 5.5 days MAE', yes(placed.ours.likelyMae <= 5.5), `${days(placed.ours.likelyMae)} days`],
    ],
  );

  return [
    title,
    `Real orders of a Brazilian marketplace ([Olist](https://www.kaggle.com/datasets/olistbr/brazilian-ecommerce), CC BY-NC-SA 4.0, read from \`../shared/data/olist/subset10k_2017\` at bench time, never stored in the repo). Every delivered order placed ${from} … ${to} (${formatNumber(targets.length)} orders) is predicted **walk-forward**: at its purchase time, using only the orders placed before it, with hand-overs and deliveries that had not happened yet hidden. Lanes: origin = the state of the seller of the order's first item, destination = the customer's state, carrier \`olist\`; the fit also learns each seller's handling (\`postalCodes.origin: 5\`, the seller's zip prefix) and the transit into each 2-digit CEP area (\`postalCodes.destination: 2\`). With \`pace: true\`, each fit also reads how the last 21 days' orders are doing, finished or not, against the orders before them, and stretches handling and transit by that factor, so part of the Black Friday slowdown shows before those orders arrive. Times are Brazil's local time (America/Sao_Paulo, DST from 2017-10-15). The model is refitted once a day, at the start of the day (${formatNumber(fits)} fits, ${formatNumber(walkMs / 1000, 1)} s for the whole walk, ${formatNumber(walkMs / fits)} ms per fit and its day's predictions; loading the CSVs took ${formatNumber(loadMs / 1000, 1)} s). The last fit's JSON is ${formatNumber(json.length / 1024, 1)} kB (${formatNumber(gzipSync(json).length / 1024, 1)} kB gzipped), ${formatNumber(sites)} sites and ${formatNumber(areas)} postal lanes included.`,
    `Our promise is asked at the confidence whose on-time rate matches the marketplace's on the same orders (bisection over 0.5–0.99); the baseline's promise is the same quantile search over its per-state past delivery times. Days are calendar days between local dates; the promise length counts from the day of the prediction; the window width counts both ends (earliest = latest is 1 day).`,
    '### At purchase',
    figuresTable([
      ['Trackline model', placed.ours],
      ["Marketplace's own promise", placed.theirs],
      ['Baseline: per-state median', placed.base],
    ]),
    `### At hand-over to the carrier\n\nThe same orders that have a hand-over time between purchase and delivery, predicted at that moment (the marketplace's promise is still the one it made at purchase; its length counts from the hand-over day).`,
    figuresTable([
      ['Trackline model', shipped.ours],
      ["Marketplace's own promise", shipped.theirs],
      ['Baseline: per-state median', shipped.base],
    ]),
    '### Goals',
    goals,
    `### By month of purchase\n\nWhere the error comes from: two thirds of the orders were placed in November and December, around Black Friday (2017-11-24), when deliveries slowed down. At purchase, only the past is known, and the past was fast; the parcels on their way show the slowdown only as they fail to arrive, two to three weeks after it begins (the pace by week, below). Each predictor keeps the confidence it was asked for above.`,
    months,
    `### By week of purchase: where the early likely day comes from\n\nThe likely day's error split in two: told the real hand-over time, the same fit's likely day is off by the transit part; the rest is handling. Most of the error is transit, and predicting at the hand-over barely helps: the slowdown is in parcels that have not left yet. The pace is what the first fit of the week read from the last 21 days' orders (1 = as the orders before them).`,
    weeks,
    delaySection(delay.figures, delay.checks, delayMs),
    `### Hindsight: how far the past alone can go\n\nReferences, not predictors: each knows how these very orders turned out, per group, and takes the group's own median as the likely day and its own quantile as the promise (one quantile level for all, the one that reaches the marketplace's ${pct(placed.theirs.onTime)} on time). Even knowing the quarter's outcome, a per-order promise at the same on-time rate is not 3 days shorter than the marketplace's, and the 5.5-day goal for the likely day is about what knowing each lane's whole quarter in advance gives.`,
    table(
      ['Knows the outcome per', 'Likely day MAE, days', 'Promise length at the same on-time rate, mean days'],
      references.map(([name, h]) => [name, days(h.mae), `${days(h.promiseLength)} (${pct(h.onTime)} on time)`]),
    ),
  ].join('\n\n');
}
