// The one headless Chromium every browser run here uses (the browser tests, the examples' tests, screenshots,
// benchmarks): Debian's /usr/bin/chromium unless CHROMIUM_PATH (or CHROME_PATH) names another — never one a
// tool downloads — with flags that let it run as root and keep it from calling home.
export const chromiumPath = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
