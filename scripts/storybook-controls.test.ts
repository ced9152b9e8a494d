// The built Storybook (`pnpm build-storybook`, which `pnpm test` runs before the tests) gives every custom property
// that custom-elements.json documents for a component a control in that component's stories: a colour picker when
// its default is a colour, a text field otherwise. The browser test of customPropertyControls checks the function;
// this checks that .storybook/preview.ts finds the manifest and wires it in.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumFlags, chromiumPath } from './chromium.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const built = join(root, 'storybook-static');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

interface Manifest {
  modules: { declarations?: { tagName?: string; cssProperties?: { name: string; default?: string }[] }[] }[];
}
const manifest = JSON.parse(readFileSync(join(root, 'packages/elements/custom-elements.json'), 'utf8')) as Manifest;
const components = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
const colour = /^(?:#[\da-f]{3,8}|(?:rgb|hsl)a?\(.*\))$/i;

describe('the built Storybook', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let stories: Record<string, { id: string; type: string; title: string }>;

  before(async () => {
    assert.ok(existsSync(join(built, 'index.json')), 'storybook-static is missing: run `pnpm build-storybook` first');
    stories = (JSON.parse(await readFile(join(built, 'index.json'), 'utf8')) as { entries: typeof stories }).entries;
    server = createServer((request, response) => {
      const path = join(built, normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname)));
      readFile(path).then(
        (body) =>
          response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body),
        () => response.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumFlags] });
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/iframe.html`);
    await page.waitForFunction(
      () => 'storyStoreValue' in (((globalThis as Record<string, unknown>)['__STORYBOOK_PREVIEW__'] ?? {}) as object),
    );
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  for (const { tagName, cssProperties = [] } of components) {
    it(`gives each documented custom property of <${tagName}> a control in its stories`, async () => {
      const story = Object.values(stories).find(
        (entry) => entry.type === 'story' && entry.title === `Elements/${tagName}`,
      );
      assert.ok(story, `Storybook has a story of <${tagName}>`);
      const controls = await page.evaluate(async (storyId: string) => {
        type Loaded = { argTypes: Record<string, { control?: { type?: string } }> };
        const preview = (globalThis as Record<string, unknown>)['__STORYBOOK_PREVIEW__'] as {
          storyStoreValue: { loadStory(options: { storyId: string }): Promise<Loaded> };
        };
        const { argTypes } = await preview.storyStoreValue.loadStory({ storyId });
        return Object.fromEntries(Object.entries(argTypes).map(([name, argType]) => [name, argType.control?.type]));
      }, story.id);
      assert.ok(cssProperties.length > 0, `custom-elements.json documents custom properties of <${tagName}>`);
      for (const { name, default: fallback = '' } of cssProperties) {
        assert.equal(controls[name], colour.test(fallback.trim()) ? 'color' : 'text', name);
      }
    });
  }
});
