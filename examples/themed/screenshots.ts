// Takes the themed page's screenshots for the README and docs/elements.md: the Harbour & Pine page with the
// weather-delayed order, on a phone (375 px) and a desktop (1280 px), into docs/images/themed-{mobile,desktop}.png.
// Run after building the CDN bundle:
//   pnpm --filter @trackline/elements build && node --conditions=source --import tsx examples/themed/screenshots.ts
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.js';
import { bundlePath, startServer } from './serve.js';

const out = fileURLToPath(new URL('../../docs/images/', import.meta.url));

if (!existsSync(bundlePath)) {
  throw new Error(`No CDN bundle at ${bundlePath}: run pnpm --filter @trackline/elements build first.`);
}
await mkdir(out, { recursive: true });
const server = await startServer();
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [...chromiumFlags, '--font-render-hinting=none'],
});
try {
  for (const [device, width, height, deviceScaleFactor] of [
    ['mobile', 375, 812, 2],
    ['desktop', 1280, 900, 1],
  ] as const) {
    const page = await browser.newPage();
    await page.setViewport({ width, height, deviceScaleFactor });
    // The light variant of the theme, whatever the machine's setting (theme.css has a dark one too).
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle0' });
    // The order is looked up at once; wait until the tracker and the elements inside it have drawn it.
    await page.waitForSelector('order-tracker >>> [part~="shipment__headline"]', { timeout: 10_000 });
    await page.evaluate(async () => {
      const pending: Element[] = [document.querySelector('order-tracker')!];
      while (pending.length) {
        const element = pending.pop()!;
        await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
        pending.push(...(element.shadowRoot?.querySelectorAll('*') ?? []));
      }
      await document.fonts.ready;
    });
    const path = `${out}themed-${device}.png`;
    await page.screenshot({ path: path as `${string}.png` });
    console.log(`wrote ${path}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
