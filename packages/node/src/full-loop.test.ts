// The whole loop, end to end: the sandbox fires a scenario's webhooks, signed as the aggregator signs them,
// into the webhook handler on loopback; the handler stores them in SQLite (a database file, as in
// production); the notifier turns what changed into emails and sends them with nodemailer to a real SMTP
// server on loopback. The clock is the test's own: the sandbox plays the scenario and signs by it, the
// handler checks signatures by it and the notifier dates its news by it, so two and a half days of a
// parcel's life play in about a second.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createNotifier,
  createWebhookHandler,
  smtpSender,
  sqliteStore,
  type OutboxMessage,
  type Store,
} from '@trackline/node';
import { carrierSandboxes, createSandbox, orders, stepMeaning, type Sandbox } from '@trackline/sandbox';
import { SMTPServer } from 'smtp-server';
import { listen } from './webhooks/testing.js';

const start = new Date('2026-05-04T13:00:00Z');
const hour = 3_600_000;
const provider = 'easypost';
const secret = 'whsec-full-loop-sécret';
const trackingPage = 'https://shop.example/track?order={orderNumber}&parcel={trackingNumber}';

// The sandbox's own order for its on-time delivery: one parcel, and the shopper's email and postal code.
const order = orders.find((o) => o.parcels.length === 1 && o.parcels[0]!.scenario.id === 'on-time')!;
const parcel = order.parcels[0]!;

interface Mail {
  to: string[];
  raw: string;
}

/** One header's value, unfolded. */
function header(raw: string, name: string): string | undefined {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1];
}

/** The decoded body of the MIME part with this content type, as nodemailer encoded it. */
function part(raw: string, type: string): string {
  const section = raw.slice(raw.search(new RegExp(`^Content-Type: ${type}`, 'im')));
  const headEnd = section.indexOf('\r\n\r\n');
  const head = section.slice(0, headEnd);
  const body = section.slice(headEnd + 4, section.search(/\r\n--/));
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  if (!/Content-Transfer-Encoding: quoted-printable/i.test(head)) return body;
  const bytes = body
    .replace(/=\r\n/g, '')
    .split(/(=[0-9A-F]{2})/i)
    .map((piece) => (/^=[0-9A-F]{2}$/i.test(piece) ? Buffer.from([parseInt(piece.slice(1), 16)]) : Buffer.from(piece)));
  return Buffer.concat(bytes).toString('utf8');
}

describe('the full loop: sandbox webhooks → handler → SQLite → notifier → SMTP', () => {
  let clock = start.getTime();
  const now = () => new Date(clock);
  const received: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  let folder: string;
  let sandbox: Sandbox;
  let store: Store;
  let webhooks: Awaited<ReturnType<typeof listen>>;
  let email: ReturnType<typeof smtpSender>;

  before(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    folder = await mkdtemp(join(tmpdir(), 'trackline-full-loop-'));
    store = await sqliteStore({ path: join(folder, 'trackline.db'), now });
    sandbox = createSandbox({ carriers: carrierSandboxes, start, now });
    await sandbox.listen(0, '127.0.0.1');
    webhooks = await listen(createWebhookHandler({ providers: { [provider]: { secret } }, store, now }));
    email = smtpSender({
      host: '127.0.0.1',
      port: smtpPort,
      from: 'Sandbox Shop <orders@shop.example>',
      transport: { ignoreTLS: true },
    });
  });

  after(async () => {
    await email?.close();
    await webhooks?.close();
    await sandbox?.close();
    await store?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('emails the shopper each milestone of an on-time delivery once, with the link to the tracking page', async () => {
    await store.saveOrder({
      orderNumber: order.orderNumber,
      placedAt: new Date(start.getTime() - 2 * hour).toISOString(),
      customer: { email: order.email, postalCode: order.postalCode },
      shipments: [{ carrier: parcel.carrier, trackingNumber: parcel.trackingNumber }],
    });
    const errors: unknown[] = [];
    const notifier = createNotifier({
      store,
      send: { email },
      brand: { name: 'Sandbox Shop' },
      trackingPageUrl: trackingPage,
      now,
      onError: (error) => void errors.push(error),
    });
    const url = `${webhooks.url}/webhooks/${provider}`;

    // A few minutes after each scan of the scenario, the aggregator's webhook arrives and the notifier runs,
    // as a notifier started with `start()` would.
    let sent = 0;
    for (const step of parcel.scenario.steps) {
      clock = start.getTime() + step.at * hour + 5 * 60_000;
      assert.equal(await sandbox.sendWebhook(provider, url, secret, parcel.trackingNumber), 200, `hour ${step.at}`);
      const stored = await store.getShipment(parcel.trackingNumber, parcel.carrier);
      assert.equal(stored?.status, stepMeaning[step.kind].status, `hour ${step.at}`);
      const run = await notifier.run();
      assert.deepEqual([run.failed, run.retrying, run.lost], [0, 0, 0], `hour ${step.at}`);
      sent += run.sent;
    }

    // The same state delivered again, and the notifier run again: nothing new to tell, nothing sent twice.
    assert.equal(await sandbox.sendWebhook(provider, url, secret, parcel.trackingNumber), 200);
    const again = await notifier.run();
    assert.deepEqual([again.planned, again.sent], [0, 0]);
    const once = await notifier.run();
    assert.deepEqual([once.planned, once.sent], [0, 0]);
    assert.deepEqual(errors, []);

    const messages: OutboxMessage[] = (await store.listMessages({ orderNumber: order.orderNumber })).sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
    // The scenario's milestones, in order: `arriving` is the first scan in the shopper's own state, which
    // moves neither the status nor the estimate and is still recorded for the notifier.
    assert.deepEqual(
      messages.map((message) => message.kind),
      ['shipped', 'arriving', 'out_for_delivery', 'delivered'],
    );
    assert.ok(messages.every((message) => message.state === 'sent' && message.channel === 'email'));
    assert.equal(sent, messages.length);

    // What reached the SMTP server: one mail per message, to the shopper, each with the tracking page's link.
    assert.equal(received.length, messages.length);
    const link = trackingPage
      .replace('{orderNumber}', encodeURIComponent(order.orderNumber))
      .replace('{trackingNumber}', encodeURIComponent(parcel.trackingNumber));
    for (const message of messages) {
      const mails = received.filter((mail) => header(mail.raw, 'Message-ID') === message.content.messageId);
      assert.equal(mails.length, 1, `one mail for ${message.kind}`);
      const [mail] = mails as [Mail];
      assert.deepEqual(mail.to, [order.email]);
      assert.equal(header(mail.raw, 'Subject'), message.content.subject);
      assert.match(header(mail.raw, 'Subject') ?? '', new RegExp(`^Order ${order.orderNumber}: `));
      assert.ok(part(mail.raw, 'text/plain').includes(link), `the text of ${message.kind} links to the page`);
      assert.ok(
        part(mail.raw, 'text/html').includes(`href="${link.replaceAll('&', '&amp;')}"`),
        `the HTML of ${message.kind} links to the page`,
      );
    }
  });
});
