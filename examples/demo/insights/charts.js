// Small inline-SVG charts, drawn on the server. Each is `role="img"` with a <title> and a <desc> that states
// the figures in words; the page puts the same numbers in a table beside it. Sized in CSS pixels (the
// viewBox is the drawing's own size), so on a narrow screen a chart shrinks but never grows past it.
import { html, raw } from '../pages/html.js';

let ids = 0;
const nextId = (name) => `${name}-${++ids}`;

const font = raw('font-size="13" fill="currentColor"');

/** The <svg> wrapper with its accessible name and description. */
function frame({ width, height, title, desc }, content) {
  const id = nextId('chart');
  return html`<svg
    class="chart"
    role="img"
    viewBox="0 0 ${width} ${height}"
    width="${width}"
    height="${height}"
    aria-labelledby="${id}-title ${id}-desc"
  >
    <title id="${id}-title">${title}</title>
    <desc id="${id}-desc">${desc}</desc>
    ${content}
  </svg>`;
}

/** The colour of a rate between `low` (red) and 1 (green), for fills that carry a value. */
export function rateColour(rate, low = 0.8) {
  if (rate === null || rate === undefined) return '#999';
  const t = Math.max(0, Math.min(1, (rate - low) / (1 - low)));
  return `hsl(${Math.round(t * 130)} 60% 42%)`;
}

/**
 * Horizontal bars: one row per `{ label, value, text }`; `value` is drawn against `max`, `text` is written
 * at the bar's end. `fill` may be a function of the row.
 */
export function barChart({ title, desc, rows, max, fill = 'var(--brand)', labelWidth = 120, width = 480 }) {
  const row = 26;
  const height = rows.length * row + 8;
  const plot = width - labelWidth - 60;
  const bars = rows.map((r, i) => {
    const y = 4 + i * row;
    const w = r.value === null ? 0 : Math.max(1, (r.value / max) * plot);
    const colour = typeof fill === 'function' ? fill(r) : fill;
    return html`<g>
      <text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" ${font}>${r.label}</text>
      <rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}" rx="3" fill="${colour}" />
      <text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 17}" ${font}>${r.text}</text>
    </g>`;
  });
  return frame({ width, height, title, desc }, bars);
}

/** Median bars with a whisker out to the 90th percentile: one row per `{ label, median, p90 }`, in days. */
export function rangeChart({ title, desc, rows, labelWidth = 120, width = 480, format = (value) => value.toFixed(1) }) {
  const row = 26;
  const axis = 22;
  const height = rows.length * row + 8 + axis;
  const plot = width - labelWidth - 70;
  const max = Math.ceil(Math.max(1, ...rows.map((r) => r.p90 ?? 0)));
  const x = (days) => labelWidth + (days / max) * plot;
  const ticks = Array.from({ length: max + 1 }, (_, d) => d).filter((d) => max <= 8 || d % 2 === 0);
  const grid = ticks.map(
    (d) =>
      html`<line x1="${x(d)}" x2="${x(d)}" y1="4" y2="${height - axis}" stroke="currentColor" stroke-opacity="0.15" />
        <text x="${x(d)}" y="${height - 6}" text-anchor="middle" font-size="11" fill="currentColor">${d}</text>`,
  );
  const bars = rows.map((r, i) => {
    const y = 4 + i * row;
    const median = r.median ?? 0;
    const p90 = r.p90 ?? median;
    return html`<g>
      <text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" ${font}>${r.label}</text>
      <rect
        x="${labelWidth}"
        y="${y + 4}"
        width="${(x(median) - labelWidth).toFixed(1)}"
        height="${row - 8}"
        rx="3"
        fill="var(--brand)"
      />
      <line
        x1="${x(median).toFixed(1)}"
        x2="${x(p90).toFixed(1)}"
        y1="${y + 13}"
        y2="${y + 13}"
        stroke="currentColor"
        stroke-width="2"
      />
      <line
        x1="${x(p90).toFixed(1)}"
        x2="${x(p90).toFixed(1)}"
        y1="${y + 7}"
        y2="${y + 19}"
        stroke="currentColor"
        stroke-width="2"
      />
      <text x="${(x(p90) + 6).toFixed(1)}" y="${y + 17}" ${font}>${format(median)} / ${format(p90)}</text>
    </g>`;
  });
  return frame({ width, height, title, desc }, [grid, bars]);
}

/** A grid of coloured cells: `rows` × `columns`, `cell(row, column)` → `{ value, text }` or undefined. */
export function heatmap({ title, desc, rows, columns, cell, colour, labelWidth = 80, cellWidth = 92 }) {
  const cellHeight = 30;
  const head = 24;
  const width = labelWidth + columns.length * cellWidth + 4;
  const height = head + rows.length * cellHeight + 4;
  const headers = columns.map(
    (c, j) =>
      html`<text x="${labelWidth + j * cellWidth + cellWidth / 2}" y="16" text-anchor="middle" font-weight="600" ${font}
        >${c.label}</text
      >`,
  );
  const cells = rows.map((r, i) => {
    const y = head + i * cellHeight;
    return html`<g>
      <text x="${labelWidth - 8}" y="${y + 20}" text-anchor="end" ${font}>${r.label}</text>
      ${columns.map((c, j) => {
        const value = cell(r, c);
        const x = labelWidth + j * cellWidth;
        if (!value) {
          return html`<text
            x="${x + cellWidth / 2}"
            y="${y + 20}"
            text-anchor="middle"
            font-size="12"
            fill="currentColor"
            fill-opacity="0.5"
            >—</text
          >`;
        }
        return html`<rect
            x="${x + 2}"
            y="${y + 2}"
            width="${cellWidth - 4}"
            height="${cellHeight - 4}"
            rx="4"
            fill="${colour(value.value)}"
          />
          <text x="${x + cellWidth / 2}" y="${y + 20}" text-anchor="middle" font-size="13" font-weight="600" fill="#fff"
            >${value.text}</text
          >`;
      })}
    </g>`;
  });
  return frame({ width, height, title, desc }, [headers, cells]);
}

/** Before → after dots per row (`{ label, before, after }`, rates 0–1), on a scale from `min` to 1. */
export function dumbbell({ title, desc, rows, min = 0.6, labelWidth = 150, width = 480 }) {
  const row = 30;
  const axis = 22;
  const height = rows.length * row + 8 + axis;
  const plot = width - labelWidth - 24;
  const x = (rate) => labelWidth + ((Math.max(min, rate) - min) / (1 - min)) * plot;
  const ticks = [];
  for (let t = min; t <= 1.0001; t += 0.1) ticks.push(t);
  const grid = ticks.map(
    (t) =>
      html`<line x1="${x(t)}" x2="${x(t)}" y1="4" y2="${height - axis}" stroke="currentColor" stroke-opacity="0.15" />
        <text x="${x(t)}" y="${height - 6}" text-anchor="middle" font-size="11" fill="currentColor"
          >${Math.round(t * 100)}%</text
        >`,
  );
  const lines = rows.map((r, i) => {
    const y = 4 + i * row + 15;
    return html`<g>
      <text x="${labelWidth - 8}" y="${y + 4}" text-anchor="end" ${font}>${r.label}</text>
      <line
        x1="${x(r.before).toFixed(1)}"
        x2="${x(r.after).toFixed(1)}"
        y1="${y}"
        y2="${y}"
        stroke="#c53030"
        stroke-width="3"
      />
      <circle cx="${x(r.before).toFixed(1)}" cy="${y}" r="6" fill="none" stroke="currentColor" stroke-width="2" />
      <circle cx="${x(r.after).toFixed(1)}" cy="${y}" r="6" fill="#c53030" />
    </g>`;
  });
  return frame({ width, height, title, desc }, [grid, lines]);
}

/** Lines over time: `series` of `{ name, colour, dash?, points: [{ x: label, y: rate|null }] }`, rates 0–1. */
export function lineChart({ title, desc, labels, series, min = 0.6, width = 480, height = 220 }) {
  const left = 44;
  const bottom = 24;
  const top = 10;
  const plotW = width - left - 12;
  const plotH = height - top - bottom;
  const x = (i) => left + (labels.length === 1 ? plotW / 2 : (i / (labels.length - 1)) * plotW);
  const y = (rate) => top + (1 - (Math.max(min, rate) - min) / (1 - min)) * plotH;
  const ticks = [];
  for (let t = min; t <= 1.0001; t += 0.1) ticks.push(t);
  const grid = ticks.map(
    (t) =>
      html`<line
          x1="${left}"
          x2="${width - 12}"
          y1="${y(t)}"
          y2="${y(t)}"
          stroke="currentColor"
          stroke-opacity="0.15"
        />
        <text x="${left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11" fill="currentColor"
          >${Math.round(t * 100)}%</text
        >`,
  );
  const xLabels = labels.map((label, i) =>
    i % Math.ceil(labels.length / 6) === 0 || i === labels.length - 1
      ? html`<text x="${x(i)}" y="${height - 6}" text-anchor="middle" font-size="11" fill="currentColor"
          >${label}</text
        >`
      : '',
  );
  const paths = series.map((s) => {
    const d = s.points
      .map((p, i) => (p === null ? null : `${x(i).toFixed(1)},${y(p).toFixed(1)}`))
      .filter(Boolean)
      .join(' L');
    return html`<path
      d="M${d}"
      fill="none"
      stroke="${s.colour}"
      stroke-width="2.5"
      ${s.dash ? html`stroke-dasharray="6 4"` : ''}
    />`;
  });
  return frame({ width, height, title, desc }, [grid, xLabels, paths]);
}
