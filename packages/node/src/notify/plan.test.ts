import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Shipment } from '@trackline/core';
import { sqliteStore, type Store } from '../store/index.js';
import type { NewMessage } from '../store/types.js';
import { createNotifier, type NotifierOptions } from './index.js';
import { change, parcel, problem, scan, scans, shopper, TRACKING, fresno, memphis } from './test-fixtures.js';

// What the notifier decides to tell for each kind of change. `plan` is pure, so these tests read its
// answer directly; the store is only there because a notifier needs one.

let store: Store;
before(async () => {
  store = await sqliteStore({ path: ':memory:' });
});
after(() => store.close());

const ignore = async () => undefined;

function notifierAt(now: string, options: Partial<NotifierOptions> = {}) {
  return createNotifier({
    store,
    send: { email: ignore, sms: ignore },
    brand: { name: 'Acme', color: '#0a7', supportEmail: 'help@acme.example' },
    trackingPageUrl: 'https://acme.example/track?order={orderNumber}&parcel={trackingNumber}',
    now: () => new Date(now),
    ...options,
  });
}

const kinds = (messages: NewMessage[]) => messages.map((m) => `${m.kind}:${m.channel}`).sort();

const inTransit = parcel('in_transit', [scans.label, scans.pickup]);
const atHub = parcel('in_transit', [scans.label, scans.pickup, scans.hub]);
const outForDelivery = parcel('out_for_delivery', [scans.label, scans.pickup, scans.hub, scans.outForDelivery]);
const delivered = parcel('delivered', [...outForDelivery.events, scans.delivered], {
  deliveredAt: scans.delivered.at,
});

describe('which message each change calls for', () => {
  it('tells by email that the order shipped, with a link to the tracking page', () => {
    const labelOnly = parcel('info_received', [scans.label]);
    const messages = notifierAt('2024-05-03T19:00:00-07:00').plan(change(labelOnly, inTransit));
    assert.deepEqual(kinds(messages), ['shipped:email']);
    const [email] = messages;
    assert.equal(email?.to, 'ana@example.com');
    assert.equal(email?.key, `A1001:${TRACKING}:shipped:email`);
    assert.match(email?.content.subject ?? '', /^Order A1001: On its way$/);
    const link = `https://acme.example/track?order=A1001&amp;parcel=${TRACKING}`;
    assert.ok(email?.content.html?.includes(`href="${link}"`));
    assert.ok(email?.content.text?.includes(link.replace('&amp;', '&')));
  });

  it('links to the carrier page when the store has no tracking page', () => {
    const notifier = notifierAt('2024-05-03T19:00:00-07:00', { trackingPageUrl: undefined });
    const [email] = notifier.plan(change(parcel('info_received', [scans.label]), inTransit));
    assert.ok(email?.content.text?.includes(`https://www.ups.com/track?tracknum=${TRACKING}`));
  });

  it('texts that the parcel is out for delivery, and says it arrives later today', () => {
    const messages = notifierAt('2024-05-06T08:00:00-07:00').plan(change(atHub, outForDelivery));
    assert.deepEqual(kinds(messages), ['out_for_delivery:sms']);
    assert.match(messages[0]?.content.text ?? '', /^Acme: Out for delivery\. .*later today/);
    assert.equal(messages[0]?.notBefore, '2024-05-06T15:00:00.000Z');
  });

  it('emails "out for delivery" instead when the shopper has no phone number', () => {
    const noPhone = { ...shopper, phone: undefined };
    const messages = notifierAt('2024-05-06T08:00:00-07:00').plan(change(atHub, outForDelivery, noPhone));
    assert.deepEqual(kinds(messages), ['out_for_delivery:email']);
  });

  it('texts that the parcel was delivered', () => {
    const messages = notifierAt('2024-05-06T14:20:00-07:00').plan(change(outForDelivery, delivered));
    assert.deepEqual(kinds(messages), ['delivered:sms']);
    assert.match(messages[0]?.content.text ?? '', /^Acme: Delivered\. UPS delivered your parcel today at 2:10 PM\./);
  });

  it('texts and emails that the parcel waits at a pickup point, with what to do', () => {
    const pickup = parcel('available_for_pickup', [
      ...atHub.events,
      scan('2024-05-06T11:00:00-07:00', 'available_for_pickup', { location: fresno }),
    ]);
    const messages = notifierAt('2024-05-06T11:05:00-07:00').plan(change(atHub, pickup));
    assert.deepEqual(kinds(messages), ['available_for_pickup:email', 'available_for_pickup:sms']);
    const email = messages.find((m) => m.channel === 'email');
    assert.match(email?.content.text ?? '', /What you need to do: Collect your parcel/);
  });

  it('tells the shopper by text and email when they must act after a missed delivery', () => {
    const missed = scan('2024-05-06T12:00:00-07:00', 'in_transit', {
      location: fresno,
      problem: { reason: 'failed_attempt', actionRequired: true },
    });
    const after = parcel('in_transit', [...outForDelivery.events, missed], {
      problem: problem('failed_attempt', true, missed.at),
    });
    const messages = notifierAt('2024-05-06T12:05:00-07:00').plan(change(outForDelivery, after));
    assert.deepEqual(kinds(messages), ['action_required:email', 'action_required:sms']);
    const email = messages.find((m) => m.channel === 'email');
    assert.equal(email?.key, `A1001:${TRACKING}:action_required@failed_attempt-${missed.at}:email`);
    assert.match(messages.find((m) => m.channel === 'sms')?.content.text ?? '', /Arrange a new delivery/);
  });

  it('tells again when a problem now needs the shopper, and not when an older scan of it arrives late', () => {
    const held = scan('2024-05-05T09:00:00-07:00', 'in_transit', {
      problem: { reason: 'customs', actionRequired: false },
    });
    const told = parcel('in_transit', [...atHub.events, held], { problem: problem('customs', false, held.at) });
    const needsShopper = parcel('in_transit', told.events, { problem: problem('customs', true, held.at) });
    const at = notifierAt('2024-05-05T10:00:00-07:00');
    assert.deepEqual(kinds(at.plan(change(told, needsShopper))), ['action_required:email', 'action_required:sms']);
    // The same run of a problem, its start moved earlier by an older scan arriving late: nothing new to tell.
    const earlier = parcel('in_transit', told.events, {
      problem: problem('customs', false, '2024-05-05T08:00:00-07:00'),
    });
    assert.deepEqual(at.plan(change(told, earlier)), []);
  });

  it('emails a problem the shopper need not act on', () => {
    const held = scan('2024-05-05T09:00:00-07:00', 'in_transit', {
      problem: { reason: 'customs', actionRequired: false },
    });
    const after = parcel('in_transit', [...atHub.events, held], { problem: problem('customs', false, held.at) });
    const messages = notifierAt('2024-05-05T09:30:00-07:00').plan(change(atHub, after));
    assert.deepEqual(kinds(messages), ['exception:email']);
    assert.match(messages[0]?.content.subject ?? '', /Held in customs/);
  });

  it('tells of a delay with the new date, once per new date', () => {
    const late = scan('2024-05-05T09:00:00-07:00', 'in_transit', {
      problem: { reason: 'weather', actionRequired: false },
    });
    const estimate = {
      earliest: '2024-05-09',
      latest: '2024-05-09',
      likely: '2024-05-09',
      confidence: 0.8,
      basis: 'carrier',
    } as const;
    const onTime = {
      ...atHub,
      estimate: { ...estimate, earliest: '2024-05-07', latest: '2024-05-07', likely: '2024-05-07' },
    };
    const delayed = parcel('in_transit', [...atHub.events, late], {
      problem: problem('weather', false, late.at),
      estimate,
    });
    const notifier = notifierAt('2024-05-05T09:30:00-07:00');
    const messages = notifier.plan(change(onTime, delayed));
    assert.deepEqual(kinds(messages), ['delay:email']);
    assert.equal(messages[0]?.key, `A1001:${TRACKING}:delay@2024-05-09:email`);
    assert.match(messages[0]?.content.text ?? '', /Thu, May 9/);

    // The date moves again: a new message with its own key.
    const later = {
      ...delayed,
      estimate: { ...estimate, earliest: '2024-05-10', latest: '2024-05-10', likely: '2024-05-10' },
    };
    const again = notifier.plan(change(delayed, later));
    assert.equal(again[0]?.key, `A1001:${TRACKING}:delay@2024-05-10:email`);
    assert.equal(again[0]?.content.subject, 'Order A1001: Delayed by weather');
  });

  it('says nothing when the estimate moves later but stays inside the promised window', () => {
    const promised = { earliest: '2024-05-07', latest: '2024-05-09' };
    const est = (day: string) => ({
      earliest: day,
      latest: day,
      likely: day,
      confidence: 0.8,
      basis: 'carrier' as const,
    });
    const beforeShipment = { ...atHub, promised, estimate: est('2024-05-07') };
    const afterShipment = { ...atHub, promised, estimate: est('2024-05-08') };
    assert.deepEqual(notifierAt('2024-05-05T09:30:00-07:00').plan(change(beforeShipment, afterShipment)), []);
    const slipped = { ...atHub, promised, estimate: est('2024-05-11') };
    const messages = notifierAt('2024-05-05T09:30:00-07:00').plan(change(beforeShipment, slipped));
    assert.deepEqual(kinds(messages), ['delay:email']);
    assert.equal(messages[0]?.content.subject, 'Order A1001: New delivery date');
  });

  it('tells once when the parcel reaches the shopper’s region, and not for every scan there', () => {
    const notifier = notifierAt('2024-05-05T05:00:00-07:00');
    const messages = notifier.plan(change(inTransit, atHub));
    assert.deepEqual(kinds(messages), ['arriving:email']);
    assert.match(messages[0]?.content.text ?? '', /Your parcel has reached Fresno, CA\./);
    const nextScan = parcel('in_transit', [
      ...atHub.events,
      scan('2024-05-05T06:00:00-07:00', 'in_transit', { location: fresno }),
    ]);
    assert.deepEqual(notifier.plan(change(atHub, nextScan)), []);
  });

  it('says nothing about an ordinary scan on the way', () => {
    const another = parcel('in_transit', [
      ...inTransit.events,
      scan('2024-05-04T03:00:00-07:00', 'in_transit', { location: memphis }),
    ]);
    assert.deepEqual(notifierAt('2024-05-04T04:00:00-07:00').plan(change(inTransit, another)), []);
  });

  it('tells that the parcel is going back to the store', () => {
    const returning = parcel('returning', [...atHub.events, scan('2024-05-06T09:00:00-07:00', 'returning')]);
    assert.deepEqual(kinds(notifierAt('2024-05-06T10:00:00-07:00').plan(change(atHub, returning))), ['returned:email']);
  });

  it('writes in the shopper’s language', () => {
    const spanish = { ...shopper, locale: 'es-MX', phone: undefined };
    const [email] = notifierAt('2024-05-06T08:00:00-07:00').plan(change(atHub, outForDelivery, spanish));
    assert.equal(email?.content.subject, 'Pedido A1001: En reparto');
    assert.match(email?.content.text ?? '', /^Hola, Ana:/);
  });
});

describe('what the notifier keeps quiet about', () => {
  it('says nothing when a delivered parcel gets a later in-transit scan', () => {
    const late = parcel('in_transit', [...delivered.events, scan('2024-05-06T15:00:00-07:00', 'in_transit')]);
    assert.deepEqual(notifierAt('2024-05-06T15:05:00-07:00').plan(change(delivered, late)), []);
  });

  it('says nothing when the stage moves back without a new problem', () => {
    const back = parcel('in_transit', [...outForDelivery.events, scan('2024-05-06T09:00:00-07:00', 'in_transit')]);
    assert.deepEqual(notifierAt('2024-05-06T09:05:00-07:00').plan(change(outForDelivery, back)), []);
  });

  it('says nothing about a change older than what the shopper was told', () => {
    // Told "out for delivery" at 07:50; a change whose newest scan is from the day before arrives late.
    assert.deepEqual(
      notifierAt('2024-05-06T09:00:00-07:00').plan(
        change(outForDelivery, { ...delivered, events: [scans.label, scans.pickup] }),
      ),
      [],
    );
  });

  it('does not text "out for delivery" once that news is half a day old', () => {
    assert.deepEqual(notifierAt('2024-05-06T20:00:00-07:00').plan(change(atHub, outForDelivery)), []);
  });

  it('does not tell old news when a shipment is imported days later', () => {
    assert.deepEqual(notifierAt('2024-05-20T09:00:00-07:00').plan(change(outForDelivery, delivered)), []);
  });

  it('respects a shopper who declined texts, falling back to email', () => {
    const noTexts = { ...shopper, channels: { sms: false } };
    assert.deepEqual(kinds(notifierAt('2024-05-06T14:20:00-07:00').plan(change(outForDelivery, delivered, noTexts))), [
      'delivered:email',
    ]);
  });

  it('sends nothing to a shopper who declined both channels', () => {
    const none = { ...shopper, channels: { sms: false, email: false } };
    assert.deepEqual(notifierAt('2024-05-06T14:20:00-07:00').plan(change(outForDelivery, delivered, none)), []);
  });

  it('does not fall back to texts for email-only news', () => {
    const noEmail = { ...shopper, channels: { email: false } };
    assert.deepEqual(
      notifierAt('2024-05-03T19:00:00-07:00').plan(change(parcel('info_received', [scans.label]), inTransit, noEmail)),
      [],
    );
  });

  it('follows the store’s preferences: a kind turned off, another sent on both channels', () => {
    const notifier = notifierAt('2024-05-06T14:20:00-07:00', {
      preferences: { delivered: { channels: ['email', 'sms'] }, out_for_delivery: false },
    });
    assert.deepEqual(kinds(notifier.plan(change(outForDelivery, delivered))), ['delivered:email', 'delivered:sms']);
    assert.deepEqual(notifier.plan(change(atHub, outForDelivery)), []);
  });

  it('plans no text when the store has no SMS sender', () => {
    const notifier = notifierAt('2024-05-06T14:20:00-07:00', { send: { email: ignore } });
    assert.deepEqual(kinds(notifier.plan(change(outForDelivery, delivered))), ['delivered:email']);
  });

  it('gives the same key and Message-ID when the same news is planned twice', () => {
    const notifier = notifierAt('2024-05-06T08:00:00-07:00', { send: { email: ignore } });
    const first = notifier.plan(change(atHub, outForDelivery));
    const second = notifier.plan(change(atHub, outForDelivery));
    assert.equal(first[0]?.key, second[0]?.key);
    assert.match(first[0]?.content.messageId ?? '', /^<[0-9a-f]{32}@acme\.example>$/);
    assert.equal(first[0]?.content.messageId, second[0]?.content.messageId);
  });

  it('keeps message keys written by earlier versions: a dashed number keeps its dashes in the key', () => {
    // Migration 4 keys parcels without dashes; the outbox ids must not follow, or a message sent before
    // the upgrade could be planned again after it.
    const dashed = (shipment: Shipment): Shipment => ({ ...shipment, trackingNumber: '1z 999-aa1-01234567-84' });
    const notifier = notifierAt('2024-05-06T08:00:00-07:00', { send: { email: ignore } });
    const [message] = notifier.plan(change(dashed(atHub), dashed(outForDelivery)));
    assert.equal(message?.key.split(':')[1], '1Z999-AA1-01234567-84');
  });
});
