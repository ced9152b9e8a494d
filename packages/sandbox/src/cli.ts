// trackline-sandbox --port 4010 [--speed 600]: every carrier API the sandbox speaks, on 127.0.0.1.
import { parseArgs } from 'node:util';
import { carrierSandboxes } from './carriers/index.js';
import { parcels } from './scenarios/parcels.js';
import { createSandbox } from './server/server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    speed: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    'Usage: trackline-sandbox [--port 4010] [--speed 1]\n\nServes /ups, /fedex, /usps, /dhl, /easypost, /shippo and /aftership on 127.0.0.1.',
  );
  process.exit(0);
}
const port = Number(values.port);
const speed = Number(values.speed);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a whole number from 0 to 65535, got "${values.port}".`);
  process.exit(2);
}
if (!(speed > 0)) {
  console.error(`--speed must be a positive number (scenario hours per real hour), got "${values.speed}".`);
  process.exit(2);
}

const sandbox = createSandbox({ carriers: carrierSandboxes, speed });
const url = await sandbox.listen(port);
console.log(`Trackline sandbox on ${url} (speed ${speed}×)`);
for (const carrier of carrierSandboxes) console.log(`  ${carrier.id.padEnd(10)} ${url}/${carrier.id}`);
console.log(`  ${parcels.length} parcels: GET ${url}/_sandbox/parcels`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
