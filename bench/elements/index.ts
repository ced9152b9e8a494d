// @trackline/elements: what the components cost to download and to render.
// - Sizes (gzip level 9 and brotli quality 11) of the CDN bundle, of each component's own ESM code, and of
//   what a page downloads before the first paint of each tag (the define file and every static import,
//   Lit and the core included), bundled with rollup + esbuild minify as a store's build would.
// - The time to first render <order-tracker> with a 200-event history in headless Chromium, against the
//   same DOM (shadow roots as declarative templates, styles inlined) written with setHTMLUnsafe — the
//   innerHTML that also parses declarative shadow roots. One run, alternating, medians.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { rollup, type OutputChunk } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import type { Shipment, TrackingEvent } from '@trackline/core';
import { resolvePackages } from '../../packages/elements/rollup.cdn.js';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.js';
import { formatNumber, table } from '../harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const elements = join(root, 'packages/elements');
const dist = join(elements, 'dist');
const cdnFile = join(dist, 'trackline.min.js');
const tags = ['tracking-progress', 'tracking-timeline', 'delay-banner', 'order-tracker'] as const;

const gzip = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;
const brotli = (code: string | Buffer) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (bytes: number) => `${formatNumber(bytes / 1000, 1)} KB`;

/** Bundles one define file as a store's build would: minified, chunks split where the code uses `import()`. */
async function bundle(input: string, external?: (id: string, importer: string | undefined) => boolean) {
  const build = await rollup({
    input,
    external: (id, importer) => (external ? external(id, importer) : false),
    plugins: [
      resolvePackages(),
      esbuild({ target: 'es2022', minify: true, define: { 'process.env.NODE_ENV': '"production"' } }),
    ],
    treeshake: { moduleSideEffects: (id) => !/[\\/]packages[\\/]core[\\/]/.test(id) },
    onwarn: () => {},
  });
  const { output } = await build.generate({ format: 'es' });
  await build.close();
  return output.filter((item): item is OutputChunk => item.type === 'chunk');
}

interface Sizes {
  gzip: number;
  brotli: number;
}

const sizeOf = (codes: readonly string[]): Sizes => ({
  gzip: codes.reduce((sum, code) => sum + gzip(code), 0),
  brotli: codes.reduce((sum, code) => sum + brotli(code), 0),
});

/** The language of a copy module: `messages-es.js` is Spanish; `messages.js` holds the built-in English. */
function language(file: string): string {
  const code = /^messages-(en|es|fr|de)\./.exec(file)?.[1] ?? (file.startsWith('messages-all') ? 'all' : 'en');
  return { en: 'English', es: 'Spanish', fr: 'French', de: 'German', all: 'every language' }[code]!;
}

/** What a lazy chunk is, for the "later" column. */
function lazyGroupOf(chunk: OutputChunk): string {
  const modules = Object.keys(chunk.modules);
  if (modules.some((id) => id.includes('floating-ui'))) return '@floating-ui/dom';
  if (modules.some((id) => id.includes('/ky/'))) return 'ky + the core’s schemas (zod/mini)';
  if (modules.some((id) => /[\\/]delay-banner[\\/]delay-banner\.[jt]s$/.test(id))) {
    return '`<delay-banner>` (a parcel with a problem)';
  }
  if (modules.some((id) => /[\\/]describe[\\/]messages-en-problems\.[jt]s$/.test(id))) {
    return 'describeShipment’s English problem copy (a parcel with a problem)';
  }
  if (modules.some((id) => /[\\/]order-tracker[\\/]lookup\.[jt]s$/.test(id))) {
    return 'the look-up form, skeleton, notices and their controller';
  }
  const copy = modules.map((id) => /[\\/]messages-(es|fr|de)\.[jt]s$/.exec(id)?.[1]).find(Boolean);
  return copy ? `copy in ${language(`messages-${copy}.js`)}` : chunk.name;
}

/** The chunks an entry loads before it runs: itself and its static imports, transitively. */
function eagerChunks(chunks: readonly OutputChunk[]): Set<string> {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const eager = new Set<string>();
  const visit = (name: string) => {
    const chunk = byName.get(name);
    if (!chunk || eager.has(name)) return; // an external import is not a chunk of ours
    eager.add(name);
    for (const next of chunk.imports) visit(next);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  return eager;
}

/** What a module is, for the breakdown: Lit, a part of the core, or an element. */
function groupOf(id: string): string {
  if (/[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id)) return 'Lit';
  const core = /packages[\\/]core[\\/]src[\\/]([^\\/]+)[\\/]([^\\/]+)$/.exec(id);
  if (core) {
    if (core[1] === 'describe' && /^messages-/.test(core[2]!))
      return `core: describeShipment copy (${language(core[2]!)})`;
    return `core: ${core[1]}/`;
  }
  const element = /packages[\\/]elements[\\/]dist[\\/]([^\\/]+)[\\/]([^\\/]+)$/.exec(id);
  if (element) {
    const [, folder, file] = element;
    const kind = file!.includes('.styles.')
      ? 'styles'
      : file!.startsWith('messages')
        ? `copy (${language(file!)})`
        : 'code';
    return folder === 'define' || folder === 'internal'
      ? 'elements: define files and shared helpers'
      : `\`<${folder}>\` ${kind}`;
  }
  return id
    .split(/[\\/]node_modules[\\/]/)
    .pop()!
    .split(/[\\/]/)[0]!;
}

async function pageCost(
  tag: string,
): Promise<{ firstPaint: Sizes; lazy: Map<string, number>; groups: Map<string, number> }> {
  const chunks = await bundle(join(dist, `define/${tag}.js`));
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const eager = eagerChunks(chunks);
  // What loads later, by what it is (one language's copy is several small chunks, one per element and the core).
  const lazy = new Map<string, number>();
  for (const chunk of chunks.filter((chunk) => !eager.has(chunk.fileName))) {
    const group = lazyGroupOf(chunk);
    lazy.set(group, (lazy.get(group) ?? 0) + gzip(chunk.code));
  }
  // Where the first paint's bytes go: each module minified on its own, grouped by what it is.
  const groups = new Map<string, number>();
  for (const name of eager) {
    for (const [id, module] of Object.entries(byName.get(name)!.modules)) {
      if (!module.code) continue;
      const minified = (await transform(module.code, { minify: true, format: 'esm' })).code.length;
      const group = groupOf(id);
      groups.set(group, (groups.get(group) ?? 0) + minified);
    }
  }
  return {
    groups,
    firstPaint: sizeOf([...eager].map((name) => byName.get(name)!.code)),
    lazy,
  };
}

/**
 * A component's own code: its define file and its folder, without Lit, the core or the other components,
 * and without the copy in other languages that it loads only when a page asks for one.
 */
async function ownCode(tag: string): Promise<Sizes> {
  const entry = join(dist, `define/${tag}.js`);
  const chunks = await bundle(entry, (id, importer) => {
    if (!importer) return false;
    if (!id.startsWith('.') && !id.startsWith('/')) return true;
    const path = id.startsWith('/') ? id : join(dirname(importer), id);
    return path !== entry && path.startsWith(join(dist, 'define'));
  });
  const eager = eagerChunks(chunks);
  return sizeOf(chunks.filter((chunk) => eager.has(chunk.fileName)).map((chunk) => chunk.code));
}

/** A parcel with `count` scans over two weeks, oldest first, with places and carrier text. */
function longShipment(count: number): Shipment {
  const cities = ['Fresno, CA', 'Los Angeles, CA', 'Phoenix, AZ', 'Albuquerque, NM', 'Dallas, TX', 'Memphis, TN'];
  const start = Date.parse('2024-05-01T08:00:00Z');
  const events: TrackingEvent[] = Array.from({ length: count }, (_, i) => {
    const at = new Date(start + i * 97 * 60_000);
    const [city, region] = cities[i % cities.length]!.split(', ');
    return {
      at: `${at.toISOString().slice(0, 19)}-07:00`,
      timeSource: 'carrier',
      status: 'in_transit',
      code: i % 2 ? 'AR' : 'DP',
      description: i % 2 ? 'Arrived at facility' : 'Departed from facility',
      location: { city, region, country: 'US' },
    };
  });
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    service: 'UPS Ground',
    status: 'in_transit',
    events,
    estimate: {
      earliest: '2024-05-15',
      latest: '2024-05-17',
      likely: '2024-05-16',
      confidence: 0.8,
      basis: 'history',
      sampleSize: 1240,
    },
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    updatedAt: '2024-05-14T12:00:00Z',
  };
}

// In the page: render with the element, or write the same DOM as one HTML string.
const pageScript = String.raw`
import '/trackline.min.js';
const shipment = await (await fetch('/data.json')).json();
const VOID = new Set(['area','base','br','col','embed','hr','img','input','link','meta','source','track','wbr']);
const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
// Custom element names are renamed so the copy stays static: no element upgrades it.
function serialize(node) {
  if (node.nodeType === Node.TEXT_NODE) return escapeText(node.data);
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const tag = node.localName.includes('-') ? 'static-' + node.localName : node.localName;
  const attrs = [...node.attributes].map((a) => ' ' + a.name + '="' + escapeAttr(a.value) + '"').join('');
  if (VOID.has(tag)) return '<' + tag + attrs + '>';
  let inner = '';
  if (node.shadowRoot) {
    const css = node.shadowRoot.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((r) => r.cssText).join('\n')).join('\n');
    inner += '<template shadowrootmode="open"><style>' + css + '</style>' + [...node.shadowRoot.childNodes].map(serialize).join('') + '</template>';
  }
  inner += [...node.childNodes].map(serialize).join('');
  return '<' + tag + attrs + '>' + inner + '</' + tag + '>';
}
async function settle(root) {
  for (const el of root.querySelectorAll('*')) {
    if (el.updateComplete) await el.updateComplete;
    if (el.shadowRoot) await settle(el.shadowRoot);
  }
}
function tracker() {
  const el = document.createElement('order-tracker');
  el.setAttribute('locale', 'en');
  el.setAttribute('theme', 'light');
  el.shipment = shipment;
  return el;
}
const first = tracker();
document.body.append(first);
await first.updateComplete;
await settle(first.shadowRoot);
const markup = serialize(first);
first.remove();
window.bench = {
  events: shipment.events.length,
  markupBytes: markup.length,
  async lit() {
    const host = document.createElement('div');
    document.body.append(host);
    const t0 = performance.now();
    const el = tracker();
    host.append(el);
    await el.updateComplete;
    await settle(el.shadowRoot);
    void host.offsetHeight;
    const ms = performance.now() - t0;
    host.remove();
    return ms;
  },
  async html() {
    const host = document.createElement('div');
    document.body.append(host);
    const t0 = performance.now();
    host.setHTMLUnsafe(markup);
    void host.offsetHeight;
    const ms = performance.now() - t0;
    host.remove();
    return ms;
  },
};
window.benchReady = true;
`;

function serve(shipment: Shipment): Promise<Server> {
  const files: Record<string, [string, string | Buffer]> = {
    '/': ['text/html', `<!doctype html><meta charset="utf-8"><body><script type="module" src="/page.js"></script>`],
    '/page.js': ['text/javascript', pageScript],
    '/trackline.min.js': ['text/javascript', readFileSync(cdnFile)],
    '/data.json': ['application/json', JSON.stringify(shipment)],
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The little of puppeteer-core this uses (its types are not resolvable from here). */
interface Puppeteer {
  launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<{
    newPage(): Promise<{
      setViewport(viewport: { width: number; height: number }): Promise<void>;
      goto(url: string): Promise<unknown>;
      waitForFunction(expression: string): Promise<unknown>;
      evaluate<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R>;
    }>;
    close(): Promise<void>;
  }>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface RenderResult {
  lit: number;
  html: number;
  litFastest: number;
  htmlFastest: number;
  runs: number;
  events: number;
  markup: number;
}

async function renderRatio(): Promise<RenderResult> {
  // puppeteer-core comes with @web/test-runner-chrome (the browser tests' launcher); no download of its own.
  const launcher = realpathSync(join(root, 'node_modules/@web/test-runner-chrome/package.json'));
  const puppeteer = createRequire(launcher)('puppeteer-core') as Puppeteer;
  const server = await serve(longShipment(200));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumFlags],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 375, height: 800 });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction('window.benchReady === true');
    const runs = 200;
    const result = await page.evaluate(async (n: number) => {
      const b = (
        window as unknown as {
          bench: { lit(): Promise<number>; html(): Promise<number>; events: number; markupBytes: number };
        }
      ).bench;
      for (let i = 0; i < 10; i++) {
        await b.lit();
        await b.html();
      }
      const lit: number[] = [];
      const html: number[] = [];
      for (let i = 0; i < n; i++) {
        // Alternate the order so neither side always runs on a warmer engine.
        if (i % 2) {
          lit.push(await b.lit());
          html.push(await b.html());
        } else {
          html.push(await b.html());
          lit.push(await b.lit());
        }
      }
      return { lit, html, events: b.events, markup: b.markupBytes };
    }, runs);
    return {
      lit: median(result.lit),
      html: median(result.html),
      litFastest: Math.min(...result.lit),
      htmlFastest: Math.min(...result.html),
      runs,
      events: result.events,
      markup: result.markup,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * The size tables and the breakdown of `<order-tracker>`'s first paint, without the render timing (seconds, not
 * minutes): `node --conditions=source --import tsx bench/elements/sizes.ts` prints them after a build.
 */
export async function sizes(): Promise<string> {
  if (!existsSync(cdnFile) || !existsSync(join(dist, 'define/order-tracker.js'))) {
    execFileSync('pnpm', ['--filter', '@trackline/elements', 'build'], { cwd: root, stdio: 'inherit' });
  }
  const cdn = readFileSync(cdnFile);
  const rows: Array<Array<string>> = [
    [
      'CDN bundle `dist/trackline.min.js` (Lit, core and all four tags)',
      kb(gzip(cdn)),
      kb(brotli(cdn)),
      '≤ 20 KB gzip',
    ],
  ];
  const costs: Array<Array<string>> = [];
  for (const tag of tags) {
    const own = await ownCode(tag);
    rows.push([`\`<${tag}>\` own ESM code`, kb(own.gzip), kb(own.brotli), '']);
    const cost = await pageCost(tag);
    costs.push([
      `\`<${tag}>\``,
      kb(cost.firstPaint.gzip),
      kb(cost.firstPaint.brotli),
      cost.lazy.size ? [...cost.lazy].map(([name, bytes]) => `${name}: ${kb(bytes)}`).join('; ') : '—',
      tag === 'order-tracker' ? '≤ 12 KB gzip' : '',
    ]);
  }
  const tracker = await pageCost('order-tracker');
  const total = [...tracker.groups.values()].reduce((a, b) => a + b, 0);
  const breakdown = [...tracker.groups]
    .sort((a, b) => b[1] - a[1])
    .map(([group, bytes]) => [group, kb(bytes), `${formatNumber((100 * bytes) / total, 0)} %`]);
  return [
    '## Web components: size and render time',
    '',
    'Sizes are gzip (level 9) and brotli (quality 11) of minified code. "Own ESM code" is a component\'s define file and its own modules (Lit, the core and the other components left out). "First paint" is what a page downloads before a tag can render its data: the define file and every static import (Lit and the core included), bundled with rollup and esbuild minify as a store\'s build would, each chunk compressed on its own; English is built in. The templates’ CSS and markup are minified when the package is built (packages/elements/minify-templates.js). "Later" is what loads with `import()` only when needed, gzip: an endpoint look-up (first the form and the controller, then ky and the schemas with the first request), a parcel with a problem (`<delay-banner>` and the English problem copy, which `<order-tracker>` loads before it paints that parcel), a tooltip, or the copy of a language a page asks for (Spanish, French or German; a page loads one of them, not all three). The CDN bundle is one file with every language inside.',
    '',
    table(['file', 'gzip', 'brotli', 'goal'], rows),
    '',
    table(['tag', 'first paint, gzip', 'first paint, brotli', 'later, on demand (gzip)', 'goal'], costs),
    '',
    `Where \`<order-tracker>\`'s first paint goes (each module minified on its own, before compression; ${kb(total)} in all):`,
    '',
    table(['what', 'minified', 'share'], breakdown),
  ].join('\n');
}

export async function run(): Promise<string> {
  const sizeTables = await sizes();
  const ratio = await renderRatio();
  return [
    sizeTables,
    '',
    `Render: \`<order-tracker>\` given a ${ratio.events}-event shipment (the CDN bundle, theme and locale set), from creating the element to layout done, against the same DOM (${formatNumber(ratio.markup / 1000, 1)} KB of HTML, shadow roots as declarative templates with their styles inline) written with \`setHTMLUnsafe\`, in headless Chromium at 375 px; ${ratio.runs} alternating runs after 10 warm-ups; the machine is shared, so the fastest runs are shown beside the medians.`,
    '',
    table(
      ['', '`<order-tracker>`', '`setHTMLUnsafe` baseline', 'ratio', 'goal'],
      [
        [
          'median',
          `${formatNumber(ratio.lit, 2)} ms`,
          `${formatNumber(ratio.html, 2)} ms`,
          `${formatNumber(ratio.lit / ratio.html, 2)}×`,
          '≤ 1.5×',
        ],
        [
          'fastest run',
          `${formatNumber(ratio.litFastest, 2)} ms`,
          `${formatNumber(ratio.htmlFastest, 2)} ms`,
          `${formatNumber(ratio.litFastest / ratio.htmlFastest, 2)}×`,
          '',
        ],
      ],
    ),
  ].join('\n');
}
