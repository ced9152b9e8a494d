// The insights page: `summarize()` from @trackline/core over a year of generated history, drawn as
// inline-SVG charts, each with its numbers in a table. Rendered on the server; the page needs no script.
import { carrierName, summarize } from '@trackline/core';
import { fitTransitModel } from '@trackline/core/fit';
import { html } from '../pages/html.js';
import { page } from '../pages/layout.js';
import { barChart, dumbbell, heatmap, lineChart, rangeChart, rateColour } from './charts.js';
import { generateHistory } from './history.js';

const day = 86_400_000;

const percent = (rate) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);
const days = (value) => (value === null || value === undefined ? '—' : value.toFixed(1));
const area = (key) => (key ? [key.country, key.region].filter(Boolean).join('-') || 'unknown' : 'unknown');
const carrierLabel = (id) => carrierName(id);
const laneLabel = (key) => `${carrierLabel(key.carrier)} → ${area(key.destination)}`;
const problemWords = {
  delayed: 'Carrier delay',
  weather: 'Weather',
  failed_attempt: 'Failed delivery attempt',
  address: 'Address problem',
  customs: 'Held in customs',
  payment_due: 'Duties to pay',
  damaged: 'Damaged',
  lost: 'Lost',
  held: 'Held',
  refused: 'Refused',
  stalled: 'Stalled',
  other: 'Other',
};

/** Everything the page shows, computed once: the history and `summarize` over it, several ways. */
export function computeInsights({ now }) {
  const end = now.getTime();
  const history = generateHistory({ end });
  const options = { now: end, period: 30 };
  const byCarrier = summarize(history, { ...options, by: ['carrier'] });
  const byRegion = summarize(history, { ...options, by: ['destination'] });
  const byLane = summarize(history, { ...options, by: ['carrier', 'destination'], limit: 5 });

  // Month by month (by the month each parcel left), for the trend of the worst lane against the rest.
  const months = [];
  for (let m = 11; m >= 0; m--) {
    const monthEnd = end - m * 30 * day;
    const slice = history.filter((s) => {
      const at = Date.parse(s.shippedAt ?? s.placedAt);
      return at > monthEnd - 30 * day && at <= monthEnd;
    });
    const lanes = summarize(slice, { now: end, by: ['carrier', 'destination'] });
    months.push({
      label: new Date(monthEnd).toLocaleDateString('en', { month: 'short', timeZone: 'UTC' }),
      overall: lanes.overall.onTime.rate,
      lanes: new Map(lanes.groups.map((g) => [laneLabel(g.key), g.onTime.rate])),
    });
  }
  // What to promise at checkout, per lane: the estimate model fitted on the same history.
  const origin = { country: 'US', region: 'NJ' };
  const area = (place) => ({ country: place.country, ...(place.region ? { region: place.region } : {}) });
  const model = fitTransitModel(
    history.map((s) => ({
      carrier: s.carrier,
      service: s.service,
      origin,
      destination: area(s.destination),
      placedAt: s.placedAt,
      ...(s.shippedAt ? { shippedAt: s.shippedAt } : {}),
      ...(s.deliveredAt ? { deliveredAt: s.deliveredAt } : {}),
    })),
    { now: new Date(end) },
  );
  const today = Date.parse(new Date(end).toISOString().slice(0, 10));
  const daysFromToday = (date) => Math.round((Date.parse(date) - today) / day);
  const promises = byLane.groups
    .map((g) => {
      const lane = {
        carrier: g.key.carrier,
        service: history.find((s) => s.carrier === g.key.carrier)?.service,
        origin,
        destination: {
          country: g.key.destination.country,
          ...(g.key.destination.region ? { region: g.key.destination.region } : {}),
        },
      };
      const promise = model.promise({ ...lane, now: new Date(end), confidence: 0.8 });
      return { key: g.key, likely: daysFromToday(promise.likely), latest: daysFromToday(promise.latest), promise };
    })
    .sort((a, b) => a.latest - b.latest || a.likely - b.likely);
  return { history, byCarrier, byRegion, byLane, months, promises };
}

function numbers(caption, head, rows) {
  return html`<details class="numbers">
    <summary>The numbers: ${caption}</summary>
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">
          ${caption}
        </caption>
        <thead>
          <tr>
            ${head.map((h, i) => html`<th scope="col" class="${i ? 'num' : ''}">${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                ${r.map((v, i) => (i ? html`<td class="num">${v}</td>` : html`<th scope="row">${v}</th>`))}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}

function figure(heading, chart, table, note = '') {
  return html`<section class="card figure">
    <h3>${heading}</h3>
    ${note ? html`<p class="small">${note}</p>` : ''}
    <div class="chart-wrap">${chart}</div>
    ${table}
  </section>`;
}

export function renderInsights({ history, byCarrier, byRegion, byLane, months, promises }) {
  const overall = byCarrier.overall;
  const periods = byCarrier.periods;
  const first = history.reduce((min, s) => (s.placedAt < min ? s.placedAt : min), history[0].placedAt);
  const carriers = byCarrier.groups.map((g) => ({ id: g.key.carrier, label: carrierLabel(g.key.carrier), g }));
  const regions = byRegion.groups.map((g) => ({ id: area(g.key.destination), label: area(g.key.destination), g }));
  const laneOf = new Map(byLane.groups.map((g) => [`${g.key.carrier}|${area(g.key.destination)}`, g]));

  const onTimeRow = (label, g) => ({ label, value: g.onTime.rate, text: percent(g.onTime.rate) });
  const onTimeTable = (rows) =>
    rows.map(({ label, g }) => [label, g.volume, `${g.onTime.count} of ${g.onTime.of}`, percent(g.onTime.rate)]);
  const transitTable = (rows) =>
    rows.map(({ label, g }) => [
      label,
      g.transitDays.count,
      days(g.transitDays.median),
      days(g.transitDays.p90),
      days(g.handlingDays.median),
    ]);

  const reasons = Object.entries(overall.problems)
    .map(([reason, rate]) => ({ reason, rate }))
    .sort((a, b) => b.rate.rate - a.rate.rate);
  const worst = byLane.worsening[0];
  const worstLabel = worst ? laneLabel(worst.key) : undefined;

  const body = html`
    <h1>Shipping insights</h1>
    <p class="note" role="note">
      <strong>Generated demo data.</strong> These ${history.length.toLocaleString('en')} shipments
      (${first.slice(0, 10)} to ${byCarrier.now?.slice(0, 10)}) are made up by a seeded random generator
      (<code>examples/demo/insights/history.js</code>) — plausible per carrier and destination, with a busy December,
      winter weather, and one lane made to get worse in the last 30 days. No real shipment is in them. The figures are
      what <code>summarize()</code> from <code>@trackline/core</code> makes of them.
    </p>

    <section aria-labelledby="overview">
      <h2 id="overview">The year at a glance</h2>
      <dl class="kpis">
        <div class="card">
          <dt>Shipments</dt>
          <dd>${overall.volume.toLocaleString('en')}</dd>
        </div>
        <div class="card">
          <dt>On time</dt>
          <dd>${percent(overall.onTime.rate)}</dd>
        </div>
        <div class="card">
          <dt>Median transit</dt>
          <dd>${days(overall.transitDays.median)} days</dd>
        </div>
        <div class="card">
          <dt>90% arrive within</dt>
          <dd>${days(overall.transitDays.p90)} days</dd>
        </div>
        <div class="card">
          <dt>Median handling</dt>
          <dd>${days(overall.handlingDays.median)} days</dd>
        </div>
        <div class="card">
          <dt>Lost</dt>
          <dd>${percent(overall.lost.rate)}</dd>
        </div>
      </dl>
    </section>

    <section aria-labelledby="worse">
      <h2 id="worse">Lanes that got worse</h2>
      <p class="lead">
        On-time rate of each carrier and destination in the last 30 days (${periods?.current.from.slice(0, 10)} to
        ${periods?.current.to.slice(0, 10)}) against the 30 days before, biggest drop first; lanes with fewer than 20
        known outcomes in either period are left out.
      </p>
      <div class="grid">
        ${figure(
          'On time: previous 30 days ○ → last 30 days ●',
          dumbbell({
            title: 'Lanes whose on-time rate fell',
            desc: byLane.worsening
              .map(
                (w) => `${laneLabel(w.key)}: ${percent(w.previous.onTime.rate)} to ${percent(w.current.onTime.rate)}`,
              )
              .join('; '),
            rows: byLane.worsening.map((w) => ({
              label: laneLabel(w.key),
              before: w.previous.onTime.rate,
              after: w.current.onTime.rate,
            })),
          }),
          numbers(
            'lanes that got worse',
            ['Lane', 'Before', 'Last 30 days', 'Change', 'Shipments (last 30 days)'],
            byLane.worsening.map((w) => [
              laneLabel(w.key),
              percent(w.previous.onTime.rate),
              percent(w.current.onTime.rate),
              `${(w.change * 100).toFixed(1)} points`,
              w.current.volume,
            ]),
          ),
        )}
        ${
          worst
            ? figure(
                `On time, month by month: ${worstLabel} against all shipments`,
                lineChart({
                  title: `Monthly on-time rate of ${worstLabel} and of all shipments`,
                  desc: months
                    .map((m) => `${m.label}: ${percent(m.lanes.get(worstLabel))} and ${percent(m.overall)}`)
                    .join('; '),
                  labels: months.map((m) => m.label),
                  series: [
                    { name: 'All shipments', colour: 'currentColor', dash: true, points: months.map((m) => m.overall) },
                    {
                      name: worstLabel,
                      colour: '#c53030',
                      points: months.map((m) => m.lanes.get(worstLabel) ?? null),
                    },
                  ],
                }),
                numbers(
                  `monthly on-time rate of ${worstLabel}`,
                  ['30 days to', worstLabel, 'All shipments'],
                  months.map((m) => [m.label, percent(m.lanes.get(worstLabel)), percent(m.overall)]),
                ),
                html`<span class="legend"><span class="swatch worst"></span>${worstLabel}</span>
                  <span class="legend"><span class="swatch all"></span>All shipments</span>`,
              )
            : ''
        }
      </div>
    </section>

    <section aria-labelledby="on-time">
      <h2 id="on-time">On-time rate</h2>
      <p class="lead">Delivered on or before the day promised at checkout, of the parcels whose outcome is known.</p>
      <div class="grid">
        ${figure(
          'By carrier',
          barChart({
            title: 'On-time rate by carrier',
            desc: carriers.map((c) => `${c.label} ${percent(c.g.onTime.rate)}`).join(', '),
            rows: carriers.map((c) => onTimeRow(c.label, c.g)),
            max: 1,
            fill: (r) => rateColour(r.value),
          }),
          numbers('on-time rate by carrier', ['Carrier', 'Shipments', 'On time', 'Rate'], onTimeTable(carriers)),
        )}
        ${figure(
          'By destination',
          barChart({
            title: 'On-time rate by destination',
            desc: regions.map((r) => `${r.label} ${percent(r.g.onTime.rate)}`).join(', '),
            rows: regions.map((r) => onTimeRow(r.label, r.g)),
            max: 1,
            fill: (r) => rateColour(r.value),
            labelWidth: 70,
          }),
          numbers('on-time rate by destination', ['Destination', 'Shipments', 'On time', 'Rate'], onTimeTable(regions)),
        )}
        ${figure(
          'By carrier and destination',
          heatmap({
            title: 'On-time rate by destination and carrier',
            desc: regions
              .flatMap((r) =>
                carriers.map((c) => {
                  const g = laneOf.get(`${c.id}|${r.id}`);
                  return g ? `${c.label} to ${r.label} ${percent(g.onTime.rate)}` : '';
                }),
              )
              .filter(Boolean)
              .join(', '),
            rows: regions,
            columns: carriers,
            cell: (r, c) => {
              const g = laneOf.get(`${c.id}|${r.id}`);
              return g ? { value: g.onTime.rate, text: percent(g.onTime.rate) } : undefined;
            },
            colour: (rate) => rateColour(rate),
          }),
          numbers(
            'on-time rate by carrier and destination',
            ['Destination', ...carriers.map((c) => c.label)],
            regions.map((r) => [r.label, ...carriers.map((c) => percent(laneOf.get(`${c.id}|${r.id}`)?.onTime.rate))]),
          ),
          '— : the carrier does not serve that destination for this shop.',
        )}
      </div>
    </section>

    <section aria-labelledby="transit">
      <h2 id="transit">Transit time</h2>
      <p class="lead">
        Days from the parcel leaving to its delivery: the bar is the median, the whisker reaches the 90th percentile.
      </p>
      <div class="grid">
        ${figure(
          'By carrier (days)',
          rangeChart({
            title: 'Transit days by carrier, median and 90th percentile',
            desc: carriers
              .map((c) => `${c.label} median ${days(c.g.transitDays.median)}, 90% within ${days(c.g.transitDays.p90)}`)
              .join('; '),
            rows: carriers.map((c) => ({ label: c.label, median: c.g.transitDays.median, p90: c.g.transitDays.p90 })),
          }),
          numbers(
            'transit days by carrier',
            ['Carrier', 'Delivered', 'Median', '90th percentile', 'Median handling'],
            transitTable(carriers),
          ),
        )}
        ${figure(
          'By destination (days)',
          rangeChart({
            title: 'Transit days by destination, median and 90th percentile',
            desc: regions
              .map((r) => `${r.label} median ${days(r.g.transitDays.median)}, 90% within ${days(r.g.transitDays.p90)}`)
              .join('; '),
            rows: regions.map((r) => ({ label: r.label, median: r.g.transitDays.median, p90: r.g.transitDays.p90 })),
            labelWidth: 70,
          }),
          numbers(
            'transit days by destination',
            ['Destination', 'Delivered', 'Median', '90th percentile', 'Median handling'],
            transitTable(regions),
          ),
        )}
      </div>
    </section>

    <section aria-labelledby="promises">
      <h2 id="promises">What to promise at checkout</h2>
      <p class="lead">
        <code>fitTransitModel</code> (from <code>@trackline/core/fit</code>) learned each lane's handling and transit
        time from this history, recent weeks weighing more, and <code>model.promise()</code> gives, for an order placed
        on ${byCarrier.now?.slice(0, 10)}, the likely day and the day by which 80% arrive. In calendar days from that
        day, so weekends and US public holidays are counted in.
      </p>
      <div class="grid">
        ${figure(
          'Days from order to delivery: likely (bar) and 80% by (whisker)',
          rangeChart({
            title: 'Checkout promise per carrier and destination, in days from the order',
            desc: promises
              .map((p) => `${laneLabel(p.key)}: likely in ${p.likely} days, 80% within ${p.latest}`)
              .join('; '),
            rows: promises.map((p) => ({ label: laneLabel(p.key), median: p.likely, p90: p.latest })),
            labelWidth: 150,
            format: (value) => String(value),
          }),
          numbers(
            'checkout promise per lane',
            ['Lane', 'Likely day', 'Days', '80% by', 'Days', 'Weighted deliveries'],
            promises.map((p) => [
              laneLabel(p.key),
              p.promise.likely,
              p.likely,
              p.promise.latest,
              p.latest,
              Math.round(p.promise.sampleSize ?? 0),
            ]),
          ),
        )}
      </div>
    </section>

    <section aria-labelledby="problems">
      <h2 id="problems">Problems</h2>
      <p class="lead">Share of shipments that had each problem at least once.</p>
      <div class="grid">
        ${figure(
          'All carriers',
          barChart({
            title: 'Problem rates, all shipments',
            desc: reasons
              .map(({ reason, rate }) => `${problemWords[reason] ?? reason} ${percent(rate.rate)}`)
              .join(', '),
            rows: reasons.map(({ reason, rate }) => ({
              label: problemWords[reason] ?? reason,
              value: rate.rate,
              text: percent(rate.rate),
            })),
            max: Math.max(...reasons.map(({ rate }) => rate.rate ?? 0)) * 1.1,
            fill: '#b7791f',
            labelWidth: 170,
          }),
          numbers(
            'problem rates by carrier',
            ['Problem', 'All', ...carriers.map((c) => c.label)],
            reasons.map(({ reason, rate }) => [
              problemWords[reason] ?? reason,
              percent(rate.rate),
              ...carriers.map((c) => percent(c.g.problems[reason]?.rate ?? 0)),
            ]),
          ),
        )}
      </div>
    </section>
  `;

  return page({
    title: 'Shipping insights',
    path: '/insights',
    body,
    head: html`<style>
      .grid {
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr));
        margin-bottom: 2rem;
      }
      .figure h3 {
        font-size: 1rem;
        margin: 0 0 0.5rem;
      }
      .chart-wrap {
        overflow: hidden;
      }
      svg.chart {
        display: block;
        max-width: 100%;
        height: auto;
      }
      .small {
        font-size: 0.875rem;
        color: var(--muted);
        margin: 0 0 0.5rem;
      }
      .kpis {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
        gap: 0.75rem;
        margin: 0 0 2rem;
      }
      .kpis div {
        padding: 0.75rem 1rem;
      }
      .kpis dt {
        font-size: 0.875rem;
        color: var(--muted);
      }
      .kpis dd {
        margin: 0;
        font-size: 1.5rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .legend {
        display: inline-flex;
        align-items: center;
        gap: 0.375rem;
        margin-inline-end: 1rem;
        font-size: 0.875rem;
      }
      .swatch {
        display: inline-block;
        width: 1.5rem;
        height: 0;
        border-top: 3px solid #c53030;
      }
      .swatch.all {
        border-top: 3px dashed currentColor;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    </style>`,
  });
}
