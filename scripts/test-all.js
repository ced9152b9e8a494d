// Runs the Node tests, then the browser tests, streaming their output, and ends with one line that
// adds both up: "tests: N passed, N failed". Exits non-zero when either run fails.
import { spawn } from 'node:child_process';

function run(command, args) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const count = (output, pattern) => Number(pattern.exec(output)?.[1] ?? 0);

const node = await run(process.execPath, ['scripts/test-node.js', ...process.argv.slice(2)]);
const browser = await run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js']);

// node:test ends with "ℹ pass N" / "ℹ fail N"; web-test-runner's last progress line says "N passed, N failed".
const browserCounts = [...browser.output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
const passed = count(node.output, /ℹ pass (\d+)/) + Number(browserCounts?.[1] ?? 0);
const failed = count(node.output, /ℹ fail (\d+)/) + Number(browserCounts?.[2] ?? 0);
const ok = node.code === 0 && browser.code === 0;
console.log(`\ntests: ${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed`);
process.exit(ok ? 0 : 1);
