// The storefront's frame: one header with the shop's name and the demo's pages, shared styles, and a footer
// that says what this is. The shop ("Fernhill Supply") is made up for the demo.
import { html, raw, toString } from './html.js';

const pages = [
  ['/', 'My orders'],
  ['/outbox', 'Outbox'],
  ['/insights', 'Insights'],
];

export const styles = `
:root {
  color-scheme: light dark;
  font-family: system-ui, -apple-system, 'Segoe UI', sans-serif;
  --brand: #0b6e4f;
  --brand-ink: #ffffff;
  --muted: color-mix(in srgb, currentColor 65%, transparent);
  --line: color-mix(in srgb, currentColor 18%, transparent);
  --panel: color-mix(in srgb, currentColor 4%, transparent);
  --trackline-color-accent: var(--brand);
}
* { box-sizing: border-box; }
body { margin: 0; line-height: 1.5; }
a { color: inherit; }
.bar { background: var(--brand); color: var(--brand-ink); }
.bar nav { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; max-width: 72rem; margin: 0 auto; padding: 0.5rem 1rem; }
.bar .shop { font-weight: 700; font-size: 1.125rem; margin-inline-end: auto; text-decoration: none; display: flex; align-items: center; gap: 0.5rem; min-height: 44px; }
.bar .shop svg { flex: none; }
.bar nav a:not(.shop) { text-decoration: none; padding: 0.5rem 0.25rem; min-height: 44px; display: inline-flex; align-items: center; border-bottom: 2px solid transparent; }
.bar nav a[aria-current='page'] { border-bottom-color: currentColor; font-weight: 600; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0.5rem 0 0.5rem; }
h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
.lead { color: var(--muted); margin-top: 0; max-width: 48rem; }
.note { border-inline-start: 4px solid #b7791f; background: color-mix(in srgb, #b7791f 12%, transparent); padding: 0.5rem 0.75rem; border-radius: 0.25rem; max-width: 48rem; }
.card { border: 1px solid var(--line); border-radius: 0.75rem; padding: 1rem; background: var(--panel); }
table { border-collapse: collapse; font-size: 0.875rem; width: 100%; }
th, td { text-align: start; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
.table-scroll { overflow-x: auto; }
code { font-size: 0.9em; }
footer { max-width: 72rem; margin: 2rem auto 1rem; padding: 0 1rem; color: var(--muted); font-size: 0.875rem; }
details > summary { cursor: pointer; padding-block: 0.625rem; }
`;

const logo = html`<svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
  <rect x="3" y="8" width="22" height="16" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
  <path d="M3 12h22M11 8l3-4 3 4" fill="none" stroke="currentColor" stroke-width="2" />
</svg>`;

/** A whole page. `body` is raw HTML from `html`; `head` adds to the head (styles, scripts). */
export function page({ title, path, body, head = '' }) {
  return `<!doctype html>${toString(
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Fernhill Supply (Trackline demo)</title>
        <style>
          ${raw(styles)}
        </style>
        ${head}
      </head>
      <body>
        <header class="bar">
          <nav aria-label="Demo store">
            <a class="shop" href="/">${logo}Fernhill Supply</a>
            ${pages.map(
              ([href, label]) => html`<a href="${href}" ${href === path ? html`aria-current="page"` : ''}>${label}</a>`,
            )}
          </nav>
        </header>
        <main id="main">${body}</main>
        <footer>
          A made-up shop for the Trackline demo. Parcels come from the offline carrier sandbox, where time runs fast;
          nothing here talks to a real carrier or sends a real message.
        </footer>
      </body>
    </html>`,
  )}`;
}
