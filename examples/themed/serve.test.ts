import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer, themePath } from './serve.js';

/** Every `--trackline-*` token the elements read (`var(--trackline-…)` in their styles). */
function tokensTheElementsRead(): Set<string> {
  const src = fileURLToPath(new URL('src/', import.meta.resolve('@trackline/elements/package.json')));
  const tokens = new Set<string>();
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.styles.ts')) continue;
    for (const [, token] of readFileSync(join(src, file), 'utf8').matchAll(/var\((--trackline-[a-z0-9-]+)/g)) {
      tokens.add(token!);
    }
  }
  return tokens;
}

describe('the themed example', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const css = readFileSync(themePath, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

  it('restyles <order-tracker> with custom properties only', () => {
    const declarations = [...css.matchAll(/([\w-]+)\s*:\s*[^;{}]+;/g)].map(([, name]) => name!);
    assert.ok(declarations.length >= 10);
    assert.deepEqual(
      declarations.filter((name) => !name.startsWith('--trackline-')),
      [],
      'only --trackline-* declarations',
    );
    const selectors = [...css.matchAll(/([^{}]+)\{/g)].map(([, selector]) => selector!.trim());
    assert.deepEqual(
      selectors.filter((selector) => selector !== 'order-tracker' && !selector.startsWith('@media')),
      [],
      'only order-tracker is selected (no ::part(), nothing inside it)',
    );
  });

  it('sets only tokens the elements read (a misspelt one would do nothing)', () => {
    const known = tokensTheElementsRead();
    assert.ok(known.has('--trackline-color-accent'));
    const used = new Set([...css.matchAll(/(--trackline-[a-z0-9-]+)\s*:/g)].map(([, token]) => token!));
    assert.deepEqual(
      [...used].filter((token) => !known.has(token)),
      [],
    );
  });

  it('serves the page with the theme, the bundle and an order to look up at once', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    assert.match(html, /<script type="module" src="\/trackline\.min\.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="\/theme\.css" \/>/);
    const tracker = /<order-tracker([^>]*)>/.exec(html)?.[1] ?? '';
    const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(tracker)?.[1];
    assert.equal(attribute('endpoint'), '/api/track');
    // The page's own styles stay outside the tracker.
    const pageStyles = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    assert.match(pageStyles, /body\s*\{/);
    assert.doesNotMatch(pageStyles, /order-tracker|::part|--trackline-/);

    const theme = await fetch(`${server.url}/theme.css`);
    assert.match(theme.headers.get('content-type') ?? '', /text\/css/);
    assert.equal(await theme.text(), readFileSync(themePath, 'utf8'));

    const query = new URLSearchParams({ orderNumber: attribute('order-number')!, email: attribute('email')! });
    const lookUp = await fetch(`${server.url}/api/track?${query}`, { headers: { accept: 'application/json' } });
    assert.equal(lookUp.status, 200);
    const { order } = (await lookUp.json()) as { order: { shipments: { problem?: { reason: string } }[] } };
    // The weather-delayed order: the themed banner has something to show.
    assert.equal(order.shipments[0]!.problem?.reason, 'weather');
  });
});
