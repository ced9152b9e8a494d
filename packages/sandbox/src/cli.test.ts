import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

const cli = new URL('./cli.ts', import.meta.url).pathname;
const node = [process.execPath, '--conditions=source', '--import', 'tsx', cli] as const;

describe('trackline-sandbox', () => {
  it('serves every carrier API on the port it prints, and stops on SIGTERM', async () => {
    const child = spawn(node[0], [...node.slice(1), '--port', '0', '--speed', '600'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk;
        const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    const parcels = (await (await fetch(`${url}/_sandbox/parcels`)).json()) as unknown[];
    assert.equal(parcels.length, 36);
    const clock = (await (await fetch(`${url}/_sandbox/clock`)).json()) as { speed: number };
    assert.equal(clock.speed, 600);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });

  it('explains a port it cannot use', () => {
    const result = spawnSync(node[0], [...node.slice(1), '--port', 'abc'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--port must be a whole number from 0 to 65535, got "abc"/);
  });
});
