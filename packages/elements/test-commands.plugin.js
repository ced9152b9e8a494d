// A @web/test-runner command for the browser tests: emulate `forced-colors` (Windows high contrast) in Chromium.
// The runner's own `emulate-media` command goes through puppeteer's `emulateMediaFeatures`, which accepts only
// prefers-color-scheme, prefers-reduced-motion and color-gamut, so this one speaks the DevTools protocol
// itself. The emulation lasts as long as its protocol session, so one session is kept per page.
const sessions = new WeakMap();

/** `emulate-forced-colors` with `{ forcedColors: 'active' | 'none' }`, for `src/internal/test-commands.ts`. */
export function forcedColorsPlugin() {
  return {
    name: 'trackline-emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const value = payload?.forcedColors;
      if (value !== 'active' && value !== 'none') {
        throw new Error(
          `emulate-forced-colors takes { forcedColors: 'active' | 'none' }, not ${JSON.stringify(payload)}.`,
        );
      }
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`emulate-forced-colors needs Chromium through puppeteer, not ${session.browser.type}.`);
      }
      const page = session.browser.getPage(session.id);
      let client = sessions.get(page);
      if (!client) {
        client = await page.createCDPSession();
        sessions.set(page, client);
      }
      await client.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value }] });
      return true;
    },
  };
}
