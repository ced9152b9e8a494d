import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Shipment } from '@trackline/core';
import { sqliteStore, type Customer, type Store } from '../store/index.js';
import { createNotifier } from './index.js';
import { endOfQuietHours } from './quiet-hours.js';
import { change, parcel, scan, scans, shopper } from './test-fixtures.js';

const night = { start: '21:00', end: '08:00' };
const iso = (ms: number) => new Date(ms).toISOString();
const at = (value: string) => Date.parse(value);

describe('quiet hours in the shopper’s time zone', () => {
  it('holds a text sent at 22:30 in Los Angeles until 08:00 there', () => {
    assert.equal(
      iso(endOfQuietHours(at('2024-05-06T22:30:00-07:00'), 'America/Los_Angeles', night)),
      '2024-05-07T15:00:00.000Z',
    );
  });

  it('holds a text sent at 06:00 until 08:00 the same morning', () => {
    assert.equal(
      iso(endOfQuietHours(at('2024-05-07T06:00:00+02:00'), 'Europe/Berlin', night)),
      '2024-05-07T06:00:00.000Z',
    );
  });

  it('sends at once during the day', () => {
    const noon = at('2024-05-07T12:00:00+09:00');
    assert.equal(endOfQuietHours(noon, 'Asia/Tokyo', night), noon);
  });

  it('reads the same instant as night in one zone and day in another', () => {
    const instant = at('2024-05-07T05:00:00Z'); // 22:00 in Los Angeles, 14:00 in Tokyo
    assert.equal(iso(endOfQuietHours(instant, 'America/Los_Angeles', night)), '2024-05-07T15:00:00.000Z');
    assert.equal(endOfQuietHours(instant, 'Asia/Tokyo', night), instant);
  });

  it('ends at 08:00 summer time on the night the clocks spring forward (New York)', () => {
    // 23:00 EST on 9 March 2024; at 02:00 the clocks jump to 03:00 EDT (UTC−4).
    assert.equal(
      iso(endOfQuietHours(at('2024-03-09T23:00:00-05:00'), 'America/New_York', night)),
      '2024-03-10T12:00:00.000Z',
    );
  });

  it('ends after the gap when the quiet hours end at a time the clocks skip (New York)', () => {
    // Quiet until 02:30, a wall time that 10 March 2024 never shows: 02:00 EST jumps to 03:00 EDT.
    // Not 01:30 EST (still quiet), but 03:30 EDT, as far past the gap as 02:30 is past its start.
    assert.equal(
      iso(endOfQuietHours(at('2024-03-09T23:00:00-05:00'), 'America/New_York', { start: '22:00', end: '02:30' })),
      '2024-03-10T07:30:00.000Z',
    );
  });

  it('ends at 08:00 winter time on the night the clocks fall back (Berlin)', () => {
    // 23:30 CEST on 26 October 2024; at 03:00 the clocks go back to 02:00 CET (UTC+1).
    assert.equal(
      iso(endOfQuietHours(at('2024-10-26T23:30:00+02:00'), 'Europe/Berlin', night)),
      '2024-10-27T07:00:00.000Z',
    );
  });

  it('handles a window that does not cross midnight', () => {
    const lunch = { start: '12:00', end: '13:30' };
    assert.equal(iso(endOfQuietHours(at('2024-05-07T12:15:00Z'), 'UTC', lunch)), '2024-05-07T13:30:00.000Z');
    assert.equal(endOfQuietHours(at('2024-05-07T14:00:00Z'), 'UTC', lunch), at('2024-05-07T14:00:00Z'));
  });
});

describe('quiet hours in planned messages', () => {
  let store: Store;
  before(async () => {
    store = await sqliteStore({ path: ':memory:' });
  });
  after(() => store.close());

  const hub = parcel('in_transit', [scans.label, scans.pickup, scans.hub]);
  const lateDelivery = scan('2024-05-06T21:40:00-07:00', 'delivered');
  const delivered = parcel('delivered', [...hub.events, lateDelivery], { deliveredAt: lateDelivery.at });

  function plan(now: string, customer = shopper, quietHours?: false) {
    const notifier = createNotifier({
      store,
      send: { email: async () => undefined, sms: async () => undefined },
      brand: { name: 'Acme' },
      now: () => new Date(now),
      preferences: { delivered: { channels: ['sms', 'email'] } },
      ...(quietHours === false ? { quietHours } : {}),
    });
    return notifier.plan(change(hub, delivered, customer));
  }

  it('holds the text until morning but sends the email at once', () => {
    const messages = plan('2024-05-06T21:45:00-07:00');
    assert.equal(messages.find((m) => m.channel === 'sms')?.notBefore, '2024-05-07T15:00:00.000Z');
    assert.equal(messages.find((m) => m.channel === 'email')?.notBefore, '2024-05-07T04:45:00.000Z');
  });

  it('writes the held text for the morning it is sent: "yesterday", not "today"', () => {
    const sms = plan('2024-05-06T21:45:00-07:00').find((m) => m.channel === 'sms');
    assert.match(sms?.content.text ?? '', /delivered your parcel yesterday at 9:40 PM/);
  });

  it('uses the shopper’s own zone over the destination’s', () => {
    // 21:45 in Los Angeles is 06:45 in Paris the next morning: held until 08:00 Paris time.
    const sms = plan('2024-05-06T21:45:00-07:00', { ...shopper, timeZone: 'Europe/Paris' }).find(
      (m) => m.channel === 'sms',
    );
    assert.equal(sms?.notBefore, '2024-05-07T06:00:00.000Z');
  });

  it('falls back to the destination’s zone when the shopper’s is unknown', () => {
    const sms = plan('2024-05-06T21:45:00-07:00', { ...shopper, timeZone: undefined }).find((m) => m.channel === 'sms');
    assert.equal(sms?.notBefore, '2024-05-07T15:00:00.000Z');
  });

  it('sends at once when quiet hours are turned off', () => {
    const sms = plan('2024-05-06T21:45:00-07:00', shopper, false).find((m) => m.channel === 'sms');
    assert.equal(sms?.notBefore, '2024-05-07T04:45:00.000Z');
  });

  it('refuses quiet hours it cannot read', () => {
    assert.throws(() => createNotifier({ store, send: {}, quietHours: { start: '9pm', end: '08:00' } }), /HH:MM/);
  });
});

describe('quiet hours when the shopper’s zone is not on file', () => {
  let store: Store;
  before(async () => {
    store = await sqliteStore({ path: ':memory:' });
  });
  after(() => store.close());

  // As EasyPost's trackers parse: no destination place. Delivered at 19:00 in New York.
  const outForDelivery = scan('2024-11-20T08:00:00-05:00', 'out_for_delivery');
  const drop = scan('2024-11-20T19:00:00-05:00', 'delivered');
  const before_ = parcel('out_for_delivery', [outForDelivery], { destination: undefined });
  const delivered = parcel('delivered', [outForDelivery, drop], { destination: undefined, deliveredAt: drop.at });
  const brooklyn: Customer = { phone: '+17185550123', email: 'ana@example.com', postalCode: '11201', name: 'Ana' };

  function plan(now: string, customer: Customer, extra: Partial<Shipment> = {}) {
    const notes: string[] = [];
    const notifier = createNotifier({
      store,
      send: { email: async () => undefined, sms: async () => undefined },
      now: () => new Date(now),
      onError: (error) => notes.push(error instanceof Error ? error.message : String(error)),
    });
    const messages = notifier.plan(change(before_, { ...delivered, ...extra }, customer));
    return { messages, sms: messages.find((m) => m.channel === 'sms'), notes };
  }

  it('texts a Brooklyn shopper at 7 PM New York time, not at 3 AM (from the postal code and the +1 number)', () => {
    const { sms, notes } = plan('2024-11-20T19:05:00-05:00', brooklyn);
    assert.equal(sms?.notBefore, '2024-11-21T00:05:00.000Z');
    assert.equal(notes.length, 1);
    assert.match(notes[0]!, /Order A1001: .*guessed: America\/New_York, from postal code 11201 in US/);
    assert.match(notes[0]!, /customer\.timeZone|timeZone with the order/);
  });

  it('texts by the zone of the postal code: Los Angeles, not New York', () => {
    const angeleno = { ...brooklyn, phone: '+13105550123', postalCode: '90012' };
    // 18:30 in Los Angeles (21:30 in New York): day there, so at once.
    assert.equal(plan('2024-11-21T02:30:00Z', angeleno).sms?.notBefore, '2024-11-21T02:30:00.000Z');
    // 22:00 in Los Angeles: held until 08:00 there.
    assert.equal(plan('2024-11-21T06:00:00Z', angeleno).sms?.notBefore, '2024-11-21T16:00:00.000Z');
  });

  it('uses the destination’s country with the postal code, and says nothing when that settles it', () => {
    const { sms, notes } = plan(
      '2024-11-21T12:00:00Z',
      { ...brooklyn, phone: '+14035550123', postalCode: 'T2P 1J9' },
      { destination: { country: 'CA' } },
    );
    assert.equal(sms?.notBefore, '2024-11-21T15:00:00.000Z'); // 08:00 in Calgary, not in Toronto
    assert.deepEqual(notes, []);
  });

  it('keeps quiet hours in the one zone of the phone number’s country', () => {
    const { sms, notes } = plan('2024-11-20T23:30:00Z', { phone: '+447700900123', name: 'Ann' });
    assert.equal(sms?.notBefore, '2024-11-21T08:00:00.000Z'); // London
    assert.match(notes[0]!, /Europe\/London, from the phone number's country/);
  });

  it('waits for daytime in every US and Canadian zone when a +1 number is all there is', () => {
    // 07:00 in New York, 02:00 in Honolulu: the first hour that is day from St. John's to Honolulu is 08:00 in Honolulu.
    const { sms, notes } = plan('2024-11-20T12:00:00Z', { phone: '+17185550123', name: 'Ann' });
    assert.equal(sms?.notBefore, '2024-11-20T18:00:00.000Z');
    assert.match(notes[0]!, /daytime in every zone of US or CA/);
    // Not a night anywhere: 18:00Z is 14:30 in St. John's and 08:00 in Honolulu.
    const late = plan('2024-11-21T00:00:00Z', { phone: '+17185550123', name: 'Ann' });
    assert.equal(late.sms?.notBefore, '2024-11-21T00:00:00.000Z', '20:30 in St. John’s, 14:00 in Honolulu');
    const later = plan('2024-11-21T01:00:00Z', { phone: '+17185550123', name: 'Ann' });
    assert.equal(later.sms?.notBefore, '2024-11-21T18:00:00.000Z', '21:30 in St. John’s: wait for the next day');
  });

  it('keeps a Guam number’s own quiet hours, not those of the US mainland', () => {
    // 18:00Z is 04:00 in Guam (UTC+10): held until 08:00 there, 22:00Z.
    const { sms, notes } = plan('2024-11-20T18:00:00Z', { phone: '+16715550123', name: 'Ann' });
    assert.equal(sms?.notBefore, '2024-11-20T22:00:00.000Z');
    assert.match(notes[0]!, /Pacific\/Guam, from the phone number's area code/);
  });

  it('reads the destination’s postal code when the shopper gave none', () => {
    // 22:00 in Los Angeles: held until 08:00 there.
    const { sms } = plan(
      '2024-11-21T06:00:00Z',
      { phone: '+13105550123', name: 'Ann' },
      {
        destination: { country: 'US', postalCode: '90012' },
      },
    );
    assert.equal(sms?.notBefore, '2024-11-21T16:00:00.000Z');
  });

  it('falls back to the parcel’s origin country when it has one zone', () => {
    const { sms, notes } = plan(
      '2024-11-20T23:30:00Z',
      { phone: '+38640123456', name: 'Ann' },
      { origin: { city: 'Leeds', country: 'GB' } },
    );
    assert.equal(sms?.notBefore, '2024-11-21T08:00:00.000Z');
    assert.match(notes[0]!, /Europe\/London, from the parcel's origin country/);
  });

  it('sends an email instead when not even the country is known', () => {
    const { messages, notes } = plan('2024-11-21T08:05:00Z', {
      phone: '+38640123456',
      email: 'ann@example.com',
    });
    assert.deepEqual(
      messages.map((m) => [m.channel, m.notBefore]),
      [['email', '2024-11-21T08:05:00.000Z']],
    );
    assert.match(notes[0]!, /no country is known, so it goes as an email instead/);
  });

  it('keeps quiet hours by defaultTimeZone when not even the country is known and there is no email', () => {
    const { messages, notes } = plan('2024-11-21T03:00:00Z', { phone: '+38640123456' });
    assert.deepEqual(
      messages.map((m) => [m.channel, m.notBefore]),
      [['sms', '2024-11-21T08:00:00.000Z']],
    );
    assert.match(notes[0]!, /keeps them by defaultTimeZone \(UTC\)/);
  });

  it('says nothing when the shopper’s zone is on file', () => {
    const { sms, notes } = plan('2024-11-21T03:00:00Z', { ...brooklyn, timeZone: 'America/Chicago' });
    assert.equal(sms?.notBefore, '2024-11-21T14:00:00.000Z');
    assert.deepEqual(notes, []);
  });
});
