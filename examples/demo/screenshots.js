// Takes the README's screenshots of the demo: the tracking page and the insights page, on a phone (375 px)
// and a desktop (1280 px), into docs/images/. Run `node examples/demo/screenshots.js` after `pnpm build`.
// Usage: node screenshots.js [outDir] [--full] [--all]   (--full: whole pages; --all: also my orders and outbox)
import { mkdir } from 'node:fs/promises';
import { launchChromium } from './browser.js';
import { startDemo } from './server.js';

const args = process.argv.slice(2);
const out = new URL(args.find((a) => !a.startsWith('--')) ?? '../../docs/images/', import.meta.url);
const fullPage = args.includes('--full');
await mkdir(out, { recursive: true });

// Late enough on the demo clock that the parcels have a story to tell.
const demo = await startDemo({ port: 0, warmUpHours: Number(process.env.WARM_UP_HOURS ?? 30) });
const browser = await launchChromium();
try {
  const shots = [
    { name: 'demo-tracking', path: 'track?order=TL-1002&email=weather-delay%40example.com', wait: 'order-tracker' },
    { name: 'demo-insights', path: 'insights', scrollTo: { mobile: '#worse' } },
    ...(args.includes('--all')
      ? [
          { name: 'demo-orders', path: '' },
          { name: 'demo-outbox', path: 'outbox' },
        ]
      : []),
  ];
  for (const shot of shots) {
    for (const [device, width, height] of [
      ['mobile', 375, 812],
      ['desktop', 1280, 900],
    ]) {
      const page = await browser.newPage();
      await page.setViewport({ width, height, deviceScaleFactor: device === 'mobile' ? 2 : 1 });
      await page.goto(new URL(shot.path, demo.url).href, { waitUntil: 'networkidle0' });
      if (shot.wait) await new Promise((resolve) => setTimeout(resolve, 1500));
      const anchor = shot.scrollTo?.[device];
      if (anchor && !fullPage)
        await page.evaluate((selector) => document.querySelector(selector)?.scrollIntoView(), anchor);
      const file = new URL(`${shot.name}-${device}.png`, out);
      await page.screenshot({ path: file.pathname, fullPage });
      console.log(`wrote ${file.pathname}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await demo.close();
}
