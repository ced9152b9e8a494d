// sqliteStore writes the webhook updates of a database file in a worker thread of its own
// (sqlite-writer-thread.ts). These check what that thread must never change for the application.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { sqliteStore } from '@trackline/node';
import { event, update } from './store-suite.js';

const scan = event('2024-04-22T18:00:00-07:00', 'in_transit', 'OR', 'Picked up');

/** Runs `code` (an ES module that may import `sqliteStore` and `update`) in a Node process of its own. */
function runScript(code: string): Promise<{ code: number | null; out: string }> {
  const imports = [
    `import { sqliteStore } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'sqlite-store.ts')).href)};`,
    `import { event, update } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'store-suite.ts')).href)};`,
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', `${imports}\n${code}`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve({ code: exitCode, out }));
  });
}

describe('sqliteStore’s writer thread', () => {
  it('lets a process end that stored updates and never closed its store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-thread-'));
    try {
      const path = join(dir, 'store.db');
      // Were the thread to keep the process alive, this child would never exit and the test would time out.
      const { code, out } = await runScript(`
        const store = await sqliteStore({ path: ${JSON.stringify(path)} });
        const scan = event('2024-04-22T18:00:00-07:00', 'in_transit', 'OR', 'Picked up');
        const result = await store.applyUpdate(update([scan], { webhookId: 'left-open' }));
        console.log('stored', result.duplicate);
      `);
      assert.equal(code, 0);
      assert.match(out, /stored false/);
      const store = await sqliteStore({ path });
      try {
        const again = await store.applyUpdate(update([scan], { webhookId: 'left-open' }));
        assert.equal(again.duplicate, true, 'the update answered before the process ended is in the file');
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores an update the thread cannot be sent (JSON cannot write a BigInt) on the calling thread, as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-thread-'));
    try {
      const store = await sqliteStore({ path: join(dir, 'store.db') });
      try {
        const odd = update([scan], { webhookId: 'odd' });
        // Something of the application's own beside the update, which the store ignores.
        (odd as unknown as { trace: bigint }).trace = 1n;
        assert.equal((await store.applyUpdate(odd)).duplicate, false);
        // The thread, writing the same file, sees it: the redelivery is a duplicate.
        const again = await store.applyUpdate(update([scan], { webhookId: 'odd' }));
        assert.equal(again.duplicate, true);
        assert.equal((await store.getShipment(odd.shipment.trackingNumber))?.events.length, 1);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers as a store that writes on the calling thread does: before, after, change, order, duplicates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-thread-'));
    const steps = [
      update([scan], { webhookId: 'a' }),
      update([scan, event('2024-04-23T09:00:00-07:00', 'out_for_delivery', 'OD', 'Out for delivery')], {
        webhookId: 'b',
      }),
      // A redelivery, and a delivery id seen before but of a parcel never stored: both change nothing.
      update([scan], { webhookId: 'a' }),
      update([scan], { webhookId: 'b' }, { trackingNumber: '1Z999AA10000000001' }),
    ];
    /** The answers of `store` to `steps`, for an order of the parcel's with a customer. */
    async function answers(path: string) {
      const store = await sqliteStore({ path, now: () => new Date('2024-04-26T09:00:00Z') });
      try {
        await store.saveOrder({
          orderNumber: 'A100',
          placedAt: '2024-04-21T10:00:00Z',
          customer: { email: 'sam@example.com' },
          shipments: [{ carrier: 'ups', trackingNumber: steps[0]!.shipment.trackingNumber }],
        });
        const results = [];
        for (const step of steps) results.push(await store.applyUpdate(step));
        return results;
      } finally {
        await store.close();
      }
    }
    try {
      const here = await answers(':memory:');
      const fromThread = await answers(join(dir, 'store.db'));
      assert.deepEqual(fromThread, here);
      assert.ok(fromThread[1]!.change?.customer, 'the change names the customer of the order');
      // One object wherever the same shipment appears, as in an answer made on the calling thread.
      assert.equal(fromThread[1]!.change!.after, fromThread[1]!.after);
      assert.equal(fromThread[1]!.change!.before, fromThread[1]!.before);
      assert.equal(fromThread[2]!.before, fromThread[2]!.after);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers updates stored from two stores on one file in one process, each once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackline-sqlite-thread-'));
    try {
      const path = join(dir, 'store.db');
      const [one, two] = [await sqliteStore({ path }), await sqliteStore({ path })];
      try {
        // Two writer threads, one file: the same delivery through both is stored once.
        const answers = await Promise.all(
          [one, two, one, two].map((store) => store.applyUpdate(update([scan], { webhookId: 'both' }))),
        );
        assert.deepEqual(answers.map((answer) => answer.duplicate).sort(), [false, true, true, true]);
        assert.equal((await two.getShipment(answers[0]!.after.trackingNumber))?.events.length, 1);
      } finally {
        await Promise.all([one.close(), two.close()]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
