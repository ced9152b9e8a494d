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
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.startsWith('nobody@')) {
      callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
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
