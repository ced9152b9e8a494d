// Headless Chromium for the demo's browser test and its screenshots: Debian's /usr/bin/chromium (or
// CHROMIUM_PATH), driven with puppeteer-core. No browser is downloaded.
import puppeteer from 'puppeteer-core';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.js';

export { chromiumPath };

export function launchChromium() {
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumFlags, '--font-render-hinting=none'],
  });
}
