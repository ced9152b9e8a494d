// Browser tests for @trackline/elements, in Debian's Chromium (never a test tool's own download).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { forcedColorsPlugin } from './packages/elements/test-commands.plugin.js';
import { chromiumFlags, chromiumPath } from './scripts/chromium.js';

export default {
  files: ['packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)) }),
    forcedColorsPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        args: [...chromiumFlags],
      },
    }),
  ],
  hostname: '127.0.0.1',
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
};
