import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Shipment } from '@trackline/core';
import { postgresStore, sqliteStore, type Store } from '../store/index.js';
import { createTestDatabase, postgresSkip } from '../store/testing.js';
import { createNotifier, type EmailMessage, type NotifierOptions, type SmsMessage } from './index.js';
import { parcel, scan, scans, shopper, TRACKING } from './test-fixtures.js';

// The notifier against a real SQLite store: planning from stored changes, sending through the
// outbox, retries, the order confirmation, and two notifiers sharing one database (SQLite and
// PostgreSQL).

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Opens a store on the test's database, with the test's clock. */
type OpenStore = (now: () => Date) => Promise<Store>;
const inMemory: OpenStore = (now) => sqliteStore({ path: ':memory:', now });

interface Setup {
  store: Store;
  notifier: ReturnType<typeof createNotifier>;
  emails: EmailMessage[];
  texts: SmsMessage[];
  /** The shared clock. */
  now(): Date;
  /** Moves the shared clock. */
  set(at: string): void;
  advance(ms: number): void;
  update(shipment: Shipment, webhookId?: string): ReturnType<Store['applyUpdate']>;
}

async function setup(start: string, options: Partial<NotifierOptions> = {}, open = inMemory): Promise<Setup> {
  let clock = Date.parse(start);
  const now = () => new Date(clock);
  const store = await open(now);
  await store.saveOrder({
    orderNumber: 'A1001',
    placedAt: '2024-05-03T09:00:00-07:00',
    customer: shopper,
    shipments: [{ carrier: 'ups', trackingNumber: TRACKING }],
  });
  const emails: EmailMessage[] = [];
  const texts: SmsMessage[] = [];
  const notifier = createNotifier({
    store,
    send: {
      email: async (message) => {
        emails.push(message);
      },
      sms: async (message) => {
        texts.push(message);
      },
    },
    brand: { name: 'Acme', supportEmail: 'help@acme.example' },
    now,
    onError: (error) => {
      throw error;
    },
    ...options,
  });
  return {
    store,
    notifier,
    emails,
    texts,
    now,
    set: (at) => {
      clock = Date.parse(at);
    },
    advance: (ms) => {
      clock += ms;
    },
    update: (shipment, webhookId) =>
      store.applyUpdate({ shipment, source: 'easypost', receivedAt: now().toISOString(), webhookId }),
  };
}

const shipped = parcel('in_transit', [scans.label, scans.pickup]);
const labelOnly = parcel('info_received', [scans.label]);

describe('sending through the outbox', () => {
  it('sends each message once, across runs and redelivered webhooks', async (t) => {
    const s = await setup('2024-05-03T18:30:00-07:00');
    t.after(() => s.store.close());
    await s.update(labelOnly, 'wh_1');
    await s.update(shipped, 'wh_2');
    assert.deepEqual(await s.notifier.run(), { planned: 2, sent: 1, failed: 0, skipped: 0, retrying: 0, lost: 0 });
    assert.equal(s.emails.length, 1);
    assert.equal(s.emails[0]?.to, 'ana@example.com');
    assert.equal(s.emails[0]?.subject, 'Order A1001: On its way');

    assert.equal((await s.update(shipped, 'wh_2')).duplicate, true);
    await s.update(shipped, 'wh_3'); // the same news under a new delivery id
    assert.deepEqual(await s.notifier.run(), { planned: 0, sent: 0, failed: 0, skipped: 0, retrying: 0, lost: 0 });
    assert.equal(s.emails.length, 1);
    const [message] = await s.store.listMessages();
    assert.equal(message?.state, 'sent');
    assert.equal(message?.attempts, 1);
  });

  it('retries a failing email provider with growing waits, then sends, with the same Message-ID each time', async (t) => {
    const tries: EmailMessage[] = [];
    const s = await setup('2024-05-03T18:30:00-07:00', {
      send: {
        email: async (message) => {
          tries.push(message);
          if (tries.length <= 2) throw new Error('421 Service not available');
        },
      },
    });
    t.after(() => s.store.close());
    await s.update(shipped);
    assert.deepEqual(await s.notifier.run(), { planned: 1, sent: 0, failed: 0, skipped: 0, retrying: 1, lost: 0 });
    let [message] = await s.store.listMessages();
    assert.equal(message?.state, 'pending');
    assert.equal(message?.lastError, '421 Service not available');

    assert.equal((await s.notifier.run()).retrying, 0, 'not due yet: nothing is tried');
    s.advance(70_000); // the first wait is one minute (plus up to 10%)
    assert.equal((await s.notifier.run()).retrying, 1);
    s.advance(70_000); // the second wait is two minutes
    assert.equal(tries.length, 2);
    assert.equal((await s.notifier.run()).sent, 0);
    s.advance(70_000);
    assert.equal((await s.notifier.run()).sent, 1);
    [message] = await s.store.listMessages();
    assert.equal(message?.state, 'sent');
    assert.equal(message?.attempts, 3);
    assert.equal(tries.length, 3);
    assert.equal(new Set(tries.map((m) => m.headers['Message-ID'])).size, 1);
  });

  it('gives up after the last attempt and marks the message failed', async (t) => {
    let calls = 0;
    const s = await setup('2024-05-03T18:30:00-07:00', {
      retry: { attempts: 3, baseMs: 1000, maxMs: 1000 },
      send: {
        email: async () => {
          calls++;
          throw new Error('connection refused');
        },
      },
    });
    t.after(() => s.store.close());
    await s.update(shipped);
    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push(await s.notifier.run());
      s.advance(2000);
    }
    assert.deepEqual(
      results.map((r) => [r.retrying, r.failed]),
      [
        [1, 0],
        [1, 0],
        [0, 1],
        [0, 0],
        [0, 0],
      ],
    );
    assert.equal(calls, 3);
    const [message] = await s.store.listMessages();
    assert.equal(message?.state, 'failed');
    assert.equal(message?.lastError, 'connection refused');
  });

  it('does not send news late once it has gone stale: "out for delivery" after half a day', async (t) => {
    let down = true;
    const s = await setup('2024-05-06T07:55:00-07:00', {
      send: {
        email: async () => {
          if (down) throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:587'), { code: 'ESOCKET' });
        },
        sms: async () => {
          if (down) throw Object.assign(new Error('the SMS gateway is down'), { code: 'ESOCKET' });
        },
      },
    });
    t.after(() => s.store.close());
    await s.update(parcel('out_for_delivery', [scans.label, scans.pickup, scans.hub, scans.outForDelivery]));
    while (s.now().getTime() < Date.parse('2024-05-06T20:30:00-07:00')) {
      await s.notifier.run();
      s.advance(5 * 60_000);
    }
    down = false;
    s.advance(3_600_000);
    await s.notifier.run();
    const messages = await s.store.listMessages();
    assert.ok(messages.length > 0);
    for (const message of messages) {
      assert.equal(message.kind, 'out_for_delivery');
      assert.equal(message.state, 'failed', `${message.channel} is not sent 13 hours late`);
      assert.match(message.lastError ?? '', /^stale: /);
    }
  });

  it('keeps retrying through a 23-hour email outage with the default policy, then sends once', async (t) => {
    let down = true;
    const tries: number[] = [];
    const s = await setup('2024-05-03T18:30:00-07:00', {
      send: {
        email: async () => {
          tries.push(s.now().getTime());
          if (down) throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:587'), { code: 'ESOCKET' });
        },
      },
    });
    t.after(() => s.store.close());
    await s.update(shipped);
    const start = s.now().getTime();
    // The notifier runs every five minutes; the provider is back after 23 hours.
    while (s.now().getTime() - start < 23 * 3_600_000) {
      assert.equal((await s.notifier.run()).failed, 0);
      s.advance(5 * 60_000);
    }
    down = false;
    s.advance(3_600_000);
    assert.equal((await s.notifier.run()).sent, 1);
    assert.equal((await s.notifier.run()).sent, 0);
    const [message] = await s.store.listMessages();
    assert.equal(message?.state, 'sent');
    // Waits of 1, 2, 4 … 32 minutes, then about an hour each (plus the spread, up to the next run):
    // a try an hour, not one every run. The last try came after the outage.
    const gaps = tries.slice(1, -1).map((at, i) => (at - tries[i]!) / 60_000);
    assert.ok(
      gaps.every((gap) => gap >= 1 && gap <= 70),
      `waits in minutes: ${gaps.join(', ')}`,
    );
    assert.ok(
      gaps.slice(-3).every((gap) => gap >= 60),
      'the waits stop growing at maxMs',
    );
  });

  it('gives up a day after the first try, and retryFailed puts the message back to be sent once', async (t) => {
    let down = true;
    let tries = 0;
    const s = await setup('2024-05-03T18:30:00-07:00', {
      send: {
        email: async () => {
          tries++;
          if (down) throw new Error('Invalid login: 535 Authentication credentials invalid');
        },
      },
    });
    t.after(() => s.store.close());
    await s.update(shipped);
    const start = s.now().getTime();
    let failedAt: number | undefined;
    while (failedAt === undefined && s.now().getTime() - start < 48 * 3_600_000) {
      if ((await s.notifier.run()).failed === 1) failedAt = s.now().getTime();
      s.advance(5 * 60_000);
    }
    assert.ok(failedAt, 'given up within two days');
    // 24 hours of waits; each is longer on the clock by its spread (up to 10%) and the time to the next run.
    const hours = (failedAt - start) / 3_600_000;
    assert.ok(hours >= 24 && hours < 28, `given up after ${hours} hours`);
    const [failed] = await s.store.listMessages();
    assert.equal(failed?.state, 'failed');

    // The store fixes its SMTP password and puts back what failed since the outage began.
    down = false;
    const triesBefore = tries;
    assert.equal(await s.store.retryFailed({ since: new Date(start).toISOString(), channel: 'email' }), 1);
    assert.equal((await s.notifier.run()).sent, 1);
    assert.equal(await s.store.retryFailed(), 0, 'sent: nothing to put back');
    assert.equal((await s.notifier.run()).sent, 0);
    assert.equal(tries, triesBefore + 1);
    assert.equal(s.emails.length, 0, 'the setup sender was replaced');
  });

  it('retries a failing text through the night only after its quiet hours end', async (t) => {
    const tries: string[] = [];
    const s = await setup('2024-05-06T20:30:00-07:00', {
      send: {
        sms: async () => {
          tries.push(s.now().toISOString());
          throw new Error('SMS provider unavailable (503)');
        },
      },
    });
    t.after(() => s.store.close());
    const lateDrop = scan('2024-05-06T20:25:00-07:00', 'delivered');
    const hub = parcel('in_transit', [scans.label, scans.pickup, scans.hub]);
    await s.update(hub);
    await s.notifier.run();
    await s.update(parcel('delivered', [...hub.events, lateDrop], { deliveredAt: lateDrop.at }));
    while (s.now() < new Date('2024-05-07T09:00:00-07:00')) {
      await s.notifier.run();
      s.advance(5 * 60_000);
    }
    const hours = tries.map((at) =>
      new Date(at).toLocaleString('en-US', { timeZone: shopper.timeZone, hour: 'numeric', hourCycle: 'h23' }),
    );
    assert.ok(tries.length >= 4, `tried ${tries.length} times`);
    assert.ok(
      hours.every((hour) => Number(hour) >= 8 && Number(hour) < 21),
      `tries at ${tries.join(', ')} (Los Angeles hours ${hours.join(', ')})`,
    );
    assert.ok(
      tries.some((at) => at.startsWith('2024-05-07T15:')),
      'tried again at 08:00 the next morning',
    );
  });

  it('ends retries at whichever of attempts and giveUpAfterMs comes first when both are set', async (t) => {
    let calls = 0;
    const s = await setup('2024-05-03T18:30:00-07:00', {
      retry: { attempts: 100, giveUpAfterMs: 5000, baseMs: 1000, maxMs: 1000 },
      send: {
        email: async () => {
          calls++;
          throw new Error('connection refused');
        },
      },
    });
    t.after(() => s.store.close());
    await s.update(shipped);
    for (let i = 0; i < 10; i++) {
      await s.notifier.run();
      s.advance(1100);
    }
    // Tries at 0, 1, 2, 3, 4 and 5 seconds of waiting: the sixth is the first at least 5 s after the first.
    assert.equal(calls, 6);
    assert.equal((await s.store.listMessages())[0]?.state, 'failed');
  });

  it('does not retry what the provider refused for good', async (t) => {
    const s = await setup('2024-05-03T18:30:00-07:00', {
      send: {
        email: async () => {
          throw Object.assign(new Error('550 No such mailbox'), { permanent: true });
        },
      },
    });
    t.after(() => s.store.close());
    await s.update(shipped);
    assert.equal((await s.notifier.run()).failed, 1);
    assert.equal((await s.store.listMessages())[0]?.state, 'failed');
  });

  it('drops an "out for delivery" text held by quiet hours once the parcel is delivered', async (t) => {
    const s = await setup('2024-05-06T07:00:00-07:00');
    t.after(() => s.store.close());
    const hub = parcel('in_transit', [scans.label, scans.pickup, scans.hub]);
    await s.update(hub);
    await s.notifier.run();
    const early = scan('2024-05-06T06:55:00-07:00', 'out_for_delivery');
    await s.update(parcel('out_for_delivery', [...hub.events, early]));
    assert.equal((await s.notifier.run()).sent, 0, 'held until 08:00');
    s.set('2024-05-06T07:45:00-07:00');
    const drop = scan('2024-05-06T07:40:00-07:00', 'delivered');
    await s.update(parcel('delivered', [...hub.events, early, drop], { deliveredAt: drop.at }));
    assert.equal((await s.notifier.run()).sent, 0);
    s.set('2024-05-06T08:00:00-07:00');
    assert.deepEqual(await s.notifier.run(), { planned: 0, sent: 1, failed: 0, skipped: 1, retrying: 0, lost: 0 });
    assert.equal(s.texts.length, 1);
    assert.match(s.texts[0]?.text ?? '', /^Acme: Delivered\./);
    const outForDelivery = (await s.store.listMessages()).find((m) => m.kind === 'out_for_delivery');
    assert.equal(outForDelivery?.state, 'failed');
    assert.match(outForDelivery?.lastError ?? '', /overtaken: the parcel is now delivered/);
  });

  it('runs in the background until stopped', async (t) => {
    const s = await setup('2024-05-03T18:30:00-07:00');
    t.after(() => s.store.close());
    await s.update(shipped);
    const sent = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (s.emails.length > 0) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    s.notifier.start(20);
    await sent;
    await s.notifier.stop();
    assert.equal(s.emails.length, 1);
  });
});

describe('the order confirmation', () => {
  it('is planned as an email with a link to the order', async (t) => {
    const s = await setup('2024-05-03T09:00:00-07:00', {
      trackingPageUrl: 'https://acme.example/orders/{orderNumber}',
    });
    t.after(() => s.store.close());
    const [email, ...rest] = s.notifier.planOrder({ orderNumber: 'A1001', customer: shopper });
    assert.equal(rest.length, 0);
    assert.equal(email?.key, 'A1001:order_confirmed:email');
    assert.equal(email?.content.subject, 'Order A1001: Order confirmed');
    assert.match(email?.content.text ?? '', /View your order: https:\/\/acme\.example\/orders\/A1001/);
  });

  it('is sent once when the order is placed, even when orderPlaced is called twice', async (t) => {
    const s = await setup('2024-05-03T09:00:00-07:00', {
      trackingPageUrl: 'https://acme.example/orders/{orderNumber}',
    });
    t.after(() => s.store.close());
    const order = {
      orderNumber: 'A1002',
      placedAt: '2024-05-03T09:00:00-07:00',
      customer: shopper,
      shipments: [{ carrier: 'ups' as const, trackingNumber: '1Z999AA10123456799' }],
    };
    assert.equal(await s.notifier.orderPlaced(order), 1);
    assert.equal(await s.notifier.orderPlaced(order), 0, 'a retry queues nothing new');
    assert.equal((await s.store.getOrder('A1002'))?.shipments.length, 1, 'the order is saved');

    assert.deepEqual(await s.notifier.run(), { planned: 0, sent: 1, failed: 0, skipped: 0, retrying: 0, lost: 0 });
    assert.equal(s.emails.length, 1);
    assert.equal(s.emails[0]?.to, 'ana@example.com');
    assert.equal(s.emails[0]?.subject, 'Order A1002: Order confirmed');
    assert.match(s.emails[0]?.text ?? '', /View your order: https:\/\/acme\.example\/orders\/A1002/);
    assert.equal(s.texts.length, 0, 'a confirmation is an email only');

    assert.equal(await s.notifier.orderPlaced(order), 0, 'placed again after it was sent');
    s.advance(60_000);
    assert.equal((await s.notifier.run()).sent, 0);
    assert.equal(s.emails.length, 1);
    const [message] = await s.store.listMessages({ orderNumber: 'A1002' });
    assert.equal(message?.kind, 'order_confirmed');
    assert.equal(message?.state, 'sent');
  });

  it('says plainly when the store cannot queue it', async (t) => {
    const s = await setup('2024-05-03T09:00:00-07:00');
    t.after(() => s.store.close());
    // A Store written before enqueueMessages joined the interface.
    const older: Partial<Store> = { ...s.store };
    delete older.enqueueMessages;
    const notifier = createNotifier({ store: older as Store, send: { email: async () => {} } });
    const order = { orderNumber: 'A1002', placedAt: '2024-05-03T09:00:00-07:00', customer: shopper };
    await assert.rejects(notifier.orderPlaced(order), /needs a store with enqueueMessages/);
    assert.equal(await s.store.getOrder('A1002'), undefined, 'nothing saved');
  });
});

describe('a claim that ran out', () => {
  // Notifier A takes so long that its lease lapses and notifier B (another process in real life)
  // claims the message and sends it. A's late word must not undo B's.
  async function twoNotifiers(sendA: (b: () => Promise<unknown>) => Promise<void>) {
    const errors: unknown[] = [];
    const emailsB: EmailMessage[] = [];
    const other: { b?: ReturnType<typeof createNotifier> } = {};
    const s = await setup('2024-05-03T18:30:00-07:00', {
      leaseMs: 60_000,
      onError: (error) => errors.push(error),
      send: {
        email: async () => {
          s.advance(61_000); // past A's lease
          await sendA(() => other.b!.run());
        },
      },
    });
    other.b = createNotifier({
      store: s.store,
      now: s.now,
      leaseMs: 60_000,
      send: {
        email: async (message) => {
          emailsB.push(message);
        },
      },
      onError: (error) => {
        throw error;
      },
    });
    return { s, errors, emailsB };
  }

  it('cannot put a message another claim sent back to pending', async (t) => {
    let resultB: unknown;
    const { s, errors, emailsB } = await twoNotifiers(async (runB) => {
      resultB = await runB();
      throw new Error('421 Service not available');
    });
    t.after(() => s.store.close());
    await s.update(shipped);
    assert.deepEqual(await s.notifier.run(), { planned: 1, sent: 0, failed: 0, skipped: 0, retrying: 0, lost: 1 });
    assert.deepEqual(resultB, { planned: 0, sent: 1, failed: 0, skipped: 0, retrying: 0, lost: 0 });
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /could not be marked failed \(421 Service not available\): its claim had run out/);
    const [message] = await s.store.listMessages();
    assert.equal(message?.state, 'sent');
    assert.equal(message?.lastError, undefined);

    s.advance(3_600_000);
    assert.equal((await s.notifier.run()).sent, 0, 'not sent again');
    assert.equal(emailsB.length, 1);
  });

  it('is counted as lost, and said, when its send finished after another claim sent it too', async (t) => {
    const { s, errors, emailsB } = await twoNotifiers(async (runB) => {
      await runB();
    });
    t.after(() => s.store.close());
    await s.update(shipped);
    const result = await s.notifier.run();
    assert.equal(result.sent, 0);
    assert.equal(result.lost, 1);
    assert.equal(emailsB.length, 1);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /was sent, but its claim had run out .* may get it twice/);
    const [message] = await s.store.listMessages();
    assert.equal(message?.state, 'sent');
    assert.equal(message?.attempts, 2);
  });
});

interface SharedDatabase {
  open: OpenStore;
  dispose(): Promise<void>;
}

const sharedDatabases: { name: string; skip?: string; create(): Promise<SharedDatabase> }[] = [
  {
    name: 'SQLite',
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'trackline-notify-'));
      dirs.push(dir);
      const path = join(dir, 'store.db');
      return { open: (now) => sqliteStore({ path, now }), dispose: async () => {} };
    },
  },
  {
    name: 'PostgreSQL',
    skip: postgresSkip(),
    async create() {
      const database = await createTestDatabase();
      // Each store is a pool of its own, as another process would have.
      return {
        open: (now) => postgresStore({ connectionString: database.url, max: 4, now }),
        dispose: () => database.drop(),
      };
    },
  },
];

for (const kind of sharedDatabases) {
  describe(`two notifiers on one ${kind.name} database`, { skip: kind.skip ?? false }, () => {
    it('send each message once', async () => {
      const database = await kind.create();
      const sent: string[] = [];
      const slowSend = async (message: { to: string; text: string }) => {
        await new Promise((resolve) => setImmediate(resolve));
        sent.push(`${message.to}|${message.text.slice(0, 40)}`);
      };
      const options: Partial<NotifierOptions> = {
        send: { email: (m) => slowSend(m), sms: (m) => slowSend(m) },
        batchSize: 3,
        quietHours: false,
      };
      const a = await setup('2024-05-06T14:20:00-07:00', options, database.open);
      const b = await setup('2024-05-06T14:20:00-07:00', options, database.open);
      try {
        const delivered = parcel('delivered', [scans.label, scans.pickup, scans.hub, scans.delivered], {
          deliveredAt: scans.delivered.at,
        });
        for (let i = 0; i < 12; i++) {
          const trackingNumber = `1Z999AA1012345${String(6700 + i)}`;
          await a.store.saveOrder({
            orderNumber: `B${i}`,
            placedAt: '2024-05-03T09:00:00-07:00',
            customer: { ...shopper, email: `shopper${i}@example.com`, phone: `+1415555${String(1000 + i)}` },
            shipments: [{ carrier: 'ups', trackingNumber }],
          });
          await (i % 2 ? a : b).update({ ...delivered, trackingNumber });
        }
        const results = await Promise.all([a.notifier.run(), b.notifier.run(), a.notifier.run(), b.notifier.run()]);
        assert.equal(
          results.reduce((n, r) => n + r.planned, 0),
          12,
          'each change planned once',
        );
        assert.equal(
          results.reduce((n, r) => n + r.sent, 0),
          12,
        );
        assert.equal(
          results.reduce((n, r) => n + r.lost, 0),
          0,
        );
        assert.equal(sent.length, 12);
        assert.equal(new Set(sent).size, 12, 'no message sent twice');
        assert.ok(
          results[0]!.sent + results[2]!.sent > 0 && results[1]!.sent + results[3]!.sent > 0,
          'both notifiers did part of the work',
        );
      } finally {
        await a.store.close();
        await b.store.close();
        await database.dispose();
      }
    });

    it('send the order confirmation once when both are told of the order', async () => {
      const database = await kind.create();
      const options: Partial<NotifierOptions> = { quietHours: false };
      const a = await setup('2024-05-06T14:20:00-07:00', options, database.open);
      const b = await setup('2024-05-06T14:20:00-07:00', options, database.open);
      try {
        const order = { orderNumber: 'D1', placedAt: '2024-05-06T14:19:00-07:00', customer: shopper };
        const queued = await Promise.all([a.notifier.orderPlaced(order), b.notifier.orderPlaced(order)]);
        assert.deepEqual([...queued].sort(), [0, 1]);
        await Promise.all([a.notifier.run(), b.notifier.run()]);
        const confirmations = [...a.emails, ...b.emails].filter((m) => m.subject === 'Order D1: Order confirmed');
        assert.equal(confirmations.length, 1);
        assert.equal(confirmations[0]?.to, 'ana@example.com');
      } finally {
        await a.store.close();
        await b.store.close();
        await database.dispose();
      }
    });
  });
}
