import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { sqliteStore } from '../store/index.js';
import { createNotifier, smtpSender } from './index.js';
import { parcel, scans, shopper, TRACKING } from './test-fixtures.js';

// The SMTP sender against a real SMTP server on loopback (smtp-server), and the notifier writing to it.

interface Received {
  from: string;
  to: string[];
  raw: string;
}

const received: Received[] = [];
let port = 0;
/** While true, the sending account `quota@…` is refused at MAIL FROM, as a provider's daily quota does. */
let quotaExceeded = false;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onAuth(auth, _session, callback) {
    if (auth.username === 'wrong') {
      callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
      return;
    }
    callback(null, { user: auth.username });
  },
  onMailFrom(address, _session, callback) {
    // A provider that stops a sending account for the day answers the sender, not the recipient.
    if (address.address.startsWith('paused@') || (address.address.startsWith('quota@') && quotaExceeded)) {
      callback(Object.assign(new Error('Sending paused: daily quota exceeded'), { responseCode: 554 }));
      return;
    }
    callback();
  },
  onRcptTo(address, _session, callback) {
    const refusals: Record<string, string | undefined> = {
      nobody: 'No such mailbox',
      gone: '5.1.1 The email account that you tried to reach does not exist',
      elsewhere: '5.7.1 Relaying denied',
    };
    const refusal = refusals[address.address.split('@')[0] ?? ''];
    if (refusal) {
      callback(Object.assign(new Error(refusal), { responseCode: refusal.startsWith('5.1.1') ? 554 : 550 }));
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (session.envelope.rcptTo.some((r) => r.address.startsWith('spam@'))) {
        callback(Object.assign(new Error('Message rejected by content policy'), { responseCode: 554 }));
        return;
      }
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      callback();
    });
  },
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** One header's value, unfolded. */
function header(raw: string, name: string): string | undefined {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1];
}

/** The decoded body of the part with this content type (quoted-printable or base64, as nodemailer chose). */
function part(raw: string, type: string): string | undefined {
  const start = raw.search(new RegExp(`Content-Type: ${type}`, 'i'));
  if (start === -1) return undefined;
  const section = raw.slice(start);
  const headEnd = section.indexOf('\r\n\r\n');
  const head = section.slice(0, headEnd);
  const body = section.slice(headEnd + 4, section.search(/\r\n--/));
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

const transport = { ignoreTLS: true };

describe('smtpSender', () => {
  it('delivers To, Subject, the text and HTML parts and the given Message-ID', async () => {
    const send = smtpSender({ host: '127.0.0.1', port, from: 'Acme <orders@acme.example>', transport });
    try {
      await send({
        to: 'ana@example.com',
        subject: 'Order A1001: Delivered',
        text: 'UPS delivered your parcel today at 2:10 PM. Café ✓',
        html: '<p>UPS delivered your parcel <b>today</b>. Café ✓</p>',
        headers: { 'Message-ID': '<abc123@acme.example>', 'X-Trackline-Key': 'A1001:1Z:delivered:email' },
      });
    } finally {
      await send.close();
    }
    const mail = received.at(-1);
    assert.ok(mail);
    assert.deepEqual(mail.to, ['ana@example.com']);
    assert.equal(mail.from, 'orders@acme.example');
    assert.equal(header(mail.raw, 'To'), 'ana@example.com');
    assert.equal(header(mail.raw, 'Subject'), 'Order A1001: Delivered');
    assert.equal(header(mail.raw, 'Message-ID'), '<abc123@acme.example>');
    assert.equal(header(mail.raw, 'X-Trackline-Key'), 'A1001:1Z:delivered:email');
    assert.equal(part(mail.raw, 'text/plain')?.trim(), 'UPS delivered your parcel today at 2:10 PM. Café ✓');
    assert.equal(part(mail.raw, 'text/html')?.trim(), '<p>UPS delivered your parcel <b>today</b>. Café ✓</p>');
  });

  it('marks a refused mailbox as a permanent failure', async () => {
    const send = smtpSender({ host: '127.0.0.1', port, from: 'orders@acme.example', transport });
    try {
      await assert.rejects(
        send({ to: 'nobody@example.com', subject: 's', text: 't', html: '<p>t</p>', headers: {} }),
        (error: { responseCode?: number; permanent?: boolean }) =>
          error.responseCode === 550 && error.permanent === true,
      );
    } finally {
      await send.close();
    }
  });

  it('marks a mailbox refused with an enhanced status 5.1.1 as a permanent failure, whatever the reply code', async () => {
    const send = smtpSender({ host: '127.0.0.1', port, from: 'orders@acme.example', transport });
    try {
      await assert.rejects(
        send({ to: 'gone@example.com', subject: 's', text: 't', html: '<p>t</p>', headers: {} }),
        (error: { responseCode?: number; permanent?: boolean }) =>
          error.responseCode === 554 && error.permanent === true,
      );
    } finally {
      await send.close();
    }
  });

  // Refusals of the store's own account or setup: the same for every message, over once fixed.
  for (const [what, from, to, auth, code] of [
    ['a refused login (535)', 'orders@acme.example', 'ana@example.com', { user: 'wrong', pass: 'p' }, 535],
    ['a sender refused at MAIL FROM (554 quota)', 'paused@acme.example', 'ana@example.com', undefined, 554],
    [
      'a recipient refused by policy (550 5.7.1 relaying denied)',
      'orders@acme.example',
      'elsewhere@example.com',
      undefined,
      550,
    ],
    ['a message refused at DATA (554)', 'orders@acme.example', 'spam@example.com', undefined, 554],
  ] as const) {
    it(`fails, to be retried, on ${what}`, async () => {
      const send = smtpSender({ host: '127.0.0.1', port, from, auth, transport });
      try {
        await assert.rejects(
          send({ to, subject: 's', text: 't', html: '<p>t</p>', headers: {} }),
          (error: { responseCode?: number; permanent?: boolean }) =>
            error.responseCode === code && error.permanent === false,
        );
      } finally {
        await send.close();
      }
    });
  }

  it('fails, to be retried, when no server answers', async () => {
    const closed = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const send = smtpSender({ host: '127.0.0.1', port: deadPort, from: 'orders@acme.example', transport });
    try {
      await assert.rejects(
        send({ to: 'ana@example.com', subject: 's', text: 't', html: '<p>t</p>', headers: {} }),
        (error: { permanent?: boolean }) => error.permanent !== true,
      );
    } finally {
      await send.close();
    }
  });
});

describe('the notifier writing to an SMTP server', () => {
  it('keeps a message through a day the sending account is paused and sends it once the quota resets', async () => {
    let at = new Date('2024-05-03T18:30:00-07:00').getTime();
    const now = () => new Date(at);
    const store = await sqliteStore({ path: ':memory:', now });
    const email = smtpSender({ host: '127.0.0.1', port, from: 'quota@acme.example', transport });
    try {
      await store.saveOrder({
        orderNumber: 'A1001',
        placedAt: '2024-05-03T09:00:00-07:00',
        customer: { ...shopper, email: 'quota-reset@example.com' },
        shipments: [{ carrier: 'ups', trackingNumber: TRACKING }],
      });
      await store.applyUpdate({
        shipment: parcel('in_transit', [scans.label, scans.pickup]),
        source: 'easypost',
        receivedAt: now().toISOString(),
      });
      const notifier = createNotifier({ store, send: { email }, now, onError: () => {} });
      quotaExceeded = true;
      const refused = await notifier.run();
      assert.deepEqual([refused.failed, refused.retrying], [0, 1]);
      // The quota resets at midnight; the next try after that gets through.
      quotaExceeded = false;
      at += 6 * 3_600_000;
      const before = received.length;
      assert.equal((await notifier.run()).sent, 1);
      assert.deepEqual(
        received.slice(before).map((mail) => mail.to),
        [['quota-reset@example.com']],
      );
      const [message] = await store.listMessages();
      assert.equal(message?.state, 'sent');
    } finally {
      quotaExceeded = false;
      await email.close();
      await store.close();
    }
  });

  it('turns a stored change into one email the server receives', async () => {
    const now = () => new Date('2024-05-03T18:30:00-07:00');
    const store = await sqliteStore({ path: ':memory:', now });
    const email = smtpSender({ host: '127.0.0.1', port, from: 'Acme <orders@acme.example>', transport });
    try {
      await store.saveOrder({
        orderNumber: 'A1001',
        placedAt: '2024-05-03T09:00:00-07:00',
        customer: { ...shopper, email: 'loop@example.com' },
        shipments: [{ carrier: 'ups', trackingNumber: TRACKING }],
      });
      await store.applyUpdate({
        shipment: parcel('in_transit', [scans.label, scans.pickup]),
        source: 'easypost',
        receivedAt: now().toISOString(),
      });
      const notifier = createNotifier({
        store,
        send: { email },
        brand: { name: 'Acme' },
        now,
        messageIdDomain: 'acme.example',
      });
      const before = received.length;
      assert.equal((await notifier.run()).sent, 1);
      assert.equal((await notifier.run()).sent, 0);
      const mails = received.slice(before);
      assert.equal(mails.length, 1);
      const [message] = await store.listMessages();
      assert.deepEqual(mails[0]?.to, ['loop@example.com']);
      assert.equal(header(mails[0]!.raw, 'Subject'), 'Order A1001: On its way');
      assert.equal(header(mails[0]!.raw, 'Message-ID'), message?.content.messageId);
      assert.match(part(mails[0]!.raw, 'text/plain') ?? '', /Your parcel is on its way with UPS\./);
      assert.match(part(mails[0]!.raw, 'text/html') ?? '', /<h1[^>]*>On its way<\/h1>/);
    } finally {
      await email.close();
      await store.close();
    }
  });
});
