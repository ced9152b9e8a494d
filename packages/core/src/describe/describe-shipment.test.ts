import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayHasPassed, describeShipment, type DescribeOptions } from '@trackline/core/describe';
import { problemReasons, statuses, type Shipment, type TrackingEvent } from '@trackline/core/model';

const NOW = '2024-04-26T12:00:00-04:00'; // noon in New York

function scan(overrides: Partial<TrackingEvent> = {}): TrackingEvent {
  return {
    at: '2024-04-26T07:50:00-07:00',
    timeSource: 'carrier',
    status: 'in_transit',
    code: 'AR',
    description: 'ARRIVED AT FACILITY',
    location: { city: 'FRESNO', region: 'CA', country: 'US' },
    ...overrides,
  };
}

function parcel(overrides: Partial<Shipment> = {}): Shipment {
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    status: 'in_transit',
    events: [scan()],
    destination: { city: 'Brooklyn', region: 'NY', country: 'US', timeZone: 'America/New_York' },
    updatedAt: '2024-04-26T14:55:00Z',
    ...overrides,
  };
}

const say = (shipment: Shipment, options: DescribeOptions = {}) => describeShipment(shipment, { now: NOW, ...options });
const text = (d: ReturnType<typeof describeShipment>) => [d.headline, d.whatHappened, d.whatNext, d.whatToDo].join(' ');

describe('describeShipment: what happened', () => {
  it('says the parcel is on its way, where it was last scanned and when', () => {
    const d = say(parcel());
    assert.equal(d.headline, 'On its way');
    assert.match(d.whatHappened, /on its way with UPS/);
    assert.match(d.whatHappened, /last scanned in Fresno, CA, today at 10:50\sAM EDT\./);
    assert.equal(d.whatToDo, null);
  });

  it('shows the scan time in the destination time zone', () => {
    const d = say(parcel());
    assert.match(d.whatHappened, /10:50/);
    assert.doesNotMatch(d.whatHappened, /7:50/);
  });

  it('shows the time the carrier recorded when the destination time zone is unknown, whatever the machine zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      const d = say(parcel({ destination: { city: 'Brooklyn' } }));
      assert.match(d.whatHappened, /today at 7:50\sAM/);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('shows only the day when the carrier gave a UTC time and the destination zone is unknown', () => {
    const d = say(
      parcel({ destination: undefined, events: [scan({ at: '2024-04-24T14:50:00Z', timeSource: 'utc' })] }),
    );
    assert.match(d.whatHappened, /last scanned in Fresno, CA, on Wed, Apr 24\./);
    assert.doesNotMatch(d.whatHappened, /2:50|14:50/);
  });

  it('tells the shopper when the parcel was delivered, in their time zone', () => {
    const d = say(parcel({ status: 'delivered', deliveredAt: '2024-04-25T13:05:00-07:00' }));
    assert.equal(d.headline, 'Delivered');
    assert.equal(d.whatHappened, 'UPS delivered your parcel yesterday at 4:05 PM EDT.');
    assert.equal(d.whatToDo, null);
  });

  it('takes the delivery time from the delivery scan when deliveredAt is missing', () => {
    const events = [scan(), scan({ at: '2024-04-22T09:15:00-04:00', status: 'delivered' })];
    const d = say(parcel({ status: 'delivered', events }));
    assert.match(d.whatHappened, /on Mon, Apr 22 at 9:15\sAM/);
  });

  it('finds the latest scan even when the carrier lists them out of order', () => {
    const events = [scan(), scan({ at: '2024-04-25T08:00:00-07:00', location: { city: 'Clovis', region: 'CA' } })];
    assert.match(say(parcel({ events })).whatHappened, /in Fresno, CA/);
  });

  it('says the parcel is on the delivery vehicle and should arrive later today', () => {
    const d = say(parcel({ status: 'out_for_delivery', events: [scan({ status: 'out_for_delivery' })] }));
    assert.equal(d.headline, 'Out for delivery');
    assert.match(d.whatHappened, /delivery vehicle in Fresno, CA, today at 10:50/);
    assert.equal(d.whatNext, 'It should arrive later today.');
  });

  it('does not promise "today" when the out-for-delivery scan is from an earlier day', () => {
    const d = say(parcel({ status: 'out_for_delivery' }), { now: '2024-04-29T12:00:00-04:00' });
    assert.equal(d.whatNext, 'It should arrive soon.');
  });

  it('keeps every status and problem apart from the carrier’s own words and codes', () => {
    const events = [scan({ description: '<img src=x onerror=alert(1)> EXCEPTION 48', code: 'X48' })];
    for (const problem of [undefined, { reason: 'other' as const, actionRequired: true, since: NOW }]) {
      const all = text(say(parcel({ events, problem })));
      assert.doesNotMatch(all, /onerror|EXCEPTION|X48/);
    }
  });

  it('shows a place name as plain text, without characters that could reorder the sentence', () => {
    const events = [scan({ location: { city: 'Spring\u202eville <b>', region: 'UT' } })];
    const d = say(parcel({ events }));
    assert.match(d.whatHappened, /in Spring ville <b>, UT,/);
  });

  it('says "the carrier" when the carrier has no name shoppers know', () => {
    const d = say(parcel({ carrier: 'other', status: 'delivered', deliveredAt: '2024-04-26T09:00:00-04:00' }));
    assert.match(d.whatHappened, /^The carrier delivered your parcel today at 9:00/);
  });
});

describe('describeShipment: what happens next', () => {
  const estimate = (earliest: string, latest: string, basis: 'carrier' | 'history' | 'promise' = 'carrier') => ({
    earliest,
    latest,
    likely: earliest,
    confidence: 0.8,
    basis,
  });

  it('gives a window when the estimate spans days', () => {
    const d = say(parcel({ estimate: { ...estimate('2024-05-07', '2024-05-09'), likely: '2024-05-08' } }));
    assert.equal(d.whatNext, 'UPS expects to deliver it Tue, May 7 – Thu, May 9, most likely on Wed, May 8.');
  });

  it('gives one day when the estimate is a single day', () => {
    const d = say(parcel({ estimate: estimate('2024-05-07', '2024-05-07') }));
    assert.equal(d.whatNext, 'UPS expects to deliver it on Tue, May 7.');
  });

  it('says "tomorrow" by the calendar of the destination, not of UTC', () => {
    // 10 pm in New York is already the 7th in UTC.
    const d = say(parcel({ estimate: estimate('2024-05-07', '2024-05-07') }), { now: '2024-05-06T22:00:00-04:00' });
    assert.equal(d.whatNext, 'UPS expects to deliver it tomorrow.');
  });

  it('formats calendar dates without shifting them, whatever the destination zone', () => {
    const destination = { timeZone: 'Pacific/Kiritimati' };
    const d = say(parcel({ destination, estimate: estimate('2024-05-07', '2024-05-07') }), {
      now: '2024-04-01T00:00:00Z',
    });
    assert.match(d.whatNext, /on Tue, May 7\./);
  });

  it('says where the estimate comes from', () => {
    const from = (basis: 'carrier' | 'history' | 'promise') =>
      say(parcel({ estimate: estimate('2024-05-07', '2024-05-07', basis) })).whatNext;
    assert.match(from('carrier'), /^UPS expects to deliver it/);
    assert.match(from('history'), /^Based on recent deliveries, it should arrive/);
    assert.match(from('promise'), /^The store expects it to arrive/);
  });

  it('uses the window the store promised when the carrier gives no estimate', () => {
    const d = say(parcel({ promised: { earliest: '2024-04-29', latest: '2024-04-30' } }));
    assert.equal(d.whatNext, 'The store expects it to arrive Mon, Apr 29 – Tue, Apr 30.');
  });

  it('says when the new estimate is later than the store promised', () => {
    const d = say(
      parcel({
        estimate: estimate('2024-05-07', '2024-05-07'),
        promised: { earliest: '2024-05-02', latest: '2024-05-03' },
      }),
    );
    assert.match(d.whatNext, /That's later than the store first said \(Thu, May 2 – Fri, May 3\)\./);
  });

  it('says the parcel was expected on a day that has passed instead of promising a date in the past', () => {
    const d = say(parcel({ estimate: estimate('2024-04-22', '2024-04-23') }));
    assert.equal(d.whatNext, "It was expected on Tue, Apr 23. We'll show a delivery date as soon as UPS shares one.");
  });

  it('tells the shopper updates will come when the carrier has nothing yet', () => {
    const d = say(parcel({ status: 'pending', events: [] }));
    assert.equal(d.headline, 'Waiting for the first update');
    assert.match(d.whatHappened, /UPS hasn't shared any updates yet/);
    assert.match(d.whatNext, /as soon as UPS scans your parcel/);
    assert.equal(d.whatToDo, null);
  });
});

describe('describeShipment: what to do', () => {
  const problem = (reason: (typeof problemReasons)[number], actionRequired: boolean) => ({
    reason,
    actionRequired,
    since: '2024-04-26T07:50:00-07:00',
  });

  it('tells the shopper to collect the parcel at the pickup point', () => {
    const d = say(parcel({ status: 'available_for_pickup' }));
    assert.equal(d.headline, 'Ready for pickup');
    assert.match(d.whatHappened, /waiting for you at a pickup point in Fresno, CA/);
    assert.match(d.whatToDo ?? '', /^Collect your parcel from the pickup point in Fresno, CA/);
  });

  it('still says to collect the parcel when it went to a pickup point after a missed delivery', () => {
    const d = say(parcel({ status: 'available_for_pickup', problem: problem('failed_attempt', true) }));
    assert.equal(d.headline, 'Ready for pickup');
    assert.match(d.whatHappened, /tried to deliver your parcel but couldn't/);
    assert.match(d.whatToDo ?? '', /^Collect your parcel/);
  });

  it('asks the shopper to pay the duties before collecting the parcel', () => {
    const d = say(parcel({ status: 'available_for_pickup', problem: problem('payment_due', true) }));
    assert.match(d.whatToDo ?? '', /^Pay the duties and taxes to UPS/);
  });

  it('tells the shopper to fix the address when the carrier needs it', () => {
    const d = say(parcel({ problem: problem('address', true) }));
    assert.equal(d.headline, 'Problem with the address');
    assert.equal(d.whatToDo, 'Contact UPS or the store to correct your delivery address.');
  });

  it('tells the shopper to pay the import duties', () => {
    const d = say(parcel({ problem: problem('payment_due', true) }));
    assert.equal(d.headline, 'Payment needed');
    assert.match(d.whatToDo ?? '', /^Pay the duties and taxes to UPS/);
  });

  it('tells the shopper to arrange a new delivery after a missed one they must act on', () => {
    const d = say(parcel({ problem: problem('failed_attempt', true) }));
    assert.equal(d.whatToDo, 'Arrange a new delivery or a pickup with UPS.');
  });

  it('asks nothing of the shopper when the carrier will simply try again', () => {
    const d = say(parcel({ problem: problem('failed_attempt', false) }));
    assert.equal(d.headline, 'Delivery attempt missed');
    assert.match(d.whatNext, /tries again the next business day/);
    assert.equal(d.whatToDo, null);
  });

  it('sends the shopper to the store when the parcel is lost or damaged, even if the carrier asks nothing', () => {
    for (const reason of ['lost', 'damaged'] as const) {
      assert.equal(
        say(parcel({ problem: problem(reason, false) })).whatToDo,
        'Contact the store about a replacement or a refund.',
      );
    }
  });

  it('says "Delayed by weather" while the parcel keeps moving, with its new date', () => {
    const estimate = {
      earliest: '2024-04-29',
      latest: '2024-04-29',
      likely: '2024-04-29',
      confidence: 0.6,
      basis: 'carrier' as const,
    };
    const d = say(parcel({ problem: problem('weather', false), estimate }));
    assert.equal(d.headline, 'Delayed by weather');
    assert.match(d.whatHappened, /^Bad weather is slowing your parcel down\. It was last scanned in Fresno, CA/);
    assert.equal(d.whatNext, 'UPS expects to deliver it on Mon, Apr 29.');
    assert.equal(d.whatToDo, null);
  });

  it('keeps "Delivered" but tells the shopper about damage found on arrival', () => {
    const d = say(parcel({ status: 'delivered', problem: problem('damaged', false) }));
    assert.equal(d.headline, 'Delivered');
    assert.match(d.whatHappened, /reported that your parcel was damaged/);
    assert.equal(d.whatToDo, 'Contact the store about a replacement or a refund.');
  });

  it('forgets a delay once the parcel is delivered', () => {
    const d = say(parcel({ status: 'delivered', problem: problem('delayed', true) }));
    assert.doesNotMatch(text(d), /late/);
    assert.equal(d.whatToDo, null);
  });

  it('still tells the shopper what to do when the carrier asks for action after the delivery scan', () => {
    const d = say(parcel({ status: 'delivered', problem: problem('address', true) }));
    assert.equal(d.headline, 'Delivered');
    assert.match(
      d.whatHappened,
      /^UPS delivered your parcel .*\. UPS can't deliver your parcel to the address it has\.$/,
    );
    assert.equal(d.whatToDo, 'Contact UPS or the store to correct your delivery address.');
    const duties = say(parcel({ status: 'delivered', problem: problem('payment_due', true) }));
    assert.equal(duties.whatToDo, 'Pay the duties and taxes to UPS so your parcel can be delivered.');
  });

  it('says a parcel reported lost or refused after the delivery scan is not simply delivered', () => {
    const lost = say(parcel({ status: 'delivered', problem: problem('lost', false) }));
    assert.equal(lost.headline, 'Delivered');
    assert.match(lost.whatHappened, /UPS can't find your parcel\./);
    assert.equal(lost.whatToDo, 'Contact the store about a replacement or a refund.');
    const refused = say(parcel({ status: 'delivered', problem: problem('refused', false) }));
    assert.match(refused.whatHappened, /Delivery of the parcel was refused\./);
    assert.equal(refused.whatNext, 'UPS will send it back to the store.');
    assert.equal(refused.whatToDo, null);
    const refusedAsk = say(parcel({ status: 'delivered', problem: problem('refused', true) }));
    assert.equal(refusedAsk.whatToDo, 'If you still want your order, contact the store.');
  });

  it('takes a delivery scan as settling a problem that asked nothing of the shopper', () => {
    const delivered = say(parcel({ status: 'delivered' }));
    for (const reason of ['address', 'failed_attempt', 'customs', 'held', 'payment_due', 'other'] as const) {
      const d = say(parcel({ status: 'delivered', problem: problem(reason, false) }));
      assert.deepEqual(d, delivered, reason);
    }
  });

  it('says why a parcel is going back and how to still get the order', () => {
    const d = say(parcel({ status: 'returning', problem: problem('refused', false) }));
    assert.equal(d.headline, 'Returning to the store');
    assert.match(d.whatHappened, /taking your parcel back to the store\. Delivery of the parcel was refused\./);
    assert.match(d.whatToDo ?? '', /If you still want your order, contact the store/);
  });

  it('tells the shopper to contact the store about an unexpected cancellation', () => {
    const d = say(parcel({ status: 'cancelled' }));
    assert.equal(d.headline, 'Shipment cancelled');
    assert.equal(d.whatToDo, "If you weren't expecting this, contact the store.");
  });

  it('suggests waiting a few days before contacting the store when tracking has gone quiet', () => {
    const d = say(parcel({ problem: problem('stalled', false) }));
    assert.equal(d.headline, 'No recent updates');
    assert.match(d.whatNext, /If nothing changes in a few days, contact the store\./);
    assert.equal(d.whatToDo, null);
  });
});

describe('describeShipment: every status and problem', () => {
  const locales = ['en', 'es', 'fr', 'de'];

  it('gives every status its own non-empty headline in every language', () => {
    for (const locale of locales) {
      const headlines = statuses.map((status) => say(parcel({ status }), { locale }).headline);
      for (const headline of headlines) assert.ok(headline.length > 0, `${locale}: empty headline`);
      assert.equal(new Set(headlines).size, statuses.length, `${locale}: ${headlines.join(' | ')}`);
    }
  });

  it('answers all three questions for every status in every language', () => {
    for (const locale of locales) {
      for (const status of statuses) {
        const d = say(parcel({ status }), { locale });
        assert.ok(d.whatHappened && d.whatNext, `${locale} ${status}`);
      }
    }
  });

  it('gives every problem its own headline and explanation in every language', () => {
    for (const locale of locales) {
      for (const action of [true, false]) {
        const described = problemReasons.map((reason) =>
          say(parcel({ problem: { reason, actionRequired: action, since: NOW } }), { locale }),
        );
        assert.equal(new Set(described.map((d) => d.headline)).size, problemReasons.length, `${locale} headlines`);
        assert.equal(new Set(described.map((d) => d.whatHappened)).size, problemReasons.length, `${locale} happened`);
        if (action)
          assert.ok(
            described.every((d) => d.whatToDo),
            `${locale}: a problem needing action gives no advice`,
          );
      }
    }
  });
});

describe('describeShipment: languages', () => {
  it('speaks Spanish, French and German for regional tags', () => {
    assert.equal(say(parcel(), { locale: 'es-MX' }).headline, 'En camino');
    assert.equal(say(parcel(), { locale: 'fr-CA' }).headline, 'En route');
    assert.equal(say(parcel(), { locale: 'de-AT' }).headline, 'Unterwegs');
  });

  it('falls back to English for a language it does not speak, or a tag that is not one', () => {
    for (const locale of ['pt-BR', 'zz', '', '!!!', '-', 'en-US-x-twain', undefined]) {
      assert.equal(say(parcel(), { locale }).headline, 'On its way', String(locale));
    }
  });

  it('formats dates the way the shopper’s region writes them', () => {
    const estimate = {
      earliest: '2024-05-07',
      latest: '2024-05-07',
      likely: '2024-05-07',
      confidence: 1,
      basis: 'carrier' as const,
    };
    assert.match(say(parcel({ estimate }), { locale: 'en-GB' }).whatNext, /on Tue 7 May\./);
    assert.match(say(parcel(), { locale: 'fr-CA' }).whatHappened, /aujourd’hui à 10 h 50 HAE\./);
  });

  it('says times and windows naturally in each language', () => {
    const estimate = {
      earliest: '2024-05-07',
      latest: '2024-05-09',
      likely: '2024-05-07',
      confidence: 1,
      basis: 'carrier' as const,
    };
    const shipment = parcel({ estimate });
    assert.match(say(shipment, { locale: 'es' }).whatHappened, /en Fresno, CA, hoy a las 10:50 GMT-4\./);
    assert.match(say(shipment, { locale: 'es' }).whatNext, /^UPS prevé entregarlo entre el mar, 7 may y el jue, 9 may/);
    assert.match(
      say(shipment, { locale: 'fr' }).whatNext,
      /^UPS prévoit de le livrer entre le mar\. 7 mai et le jeu\. 9 mai/,
    );
    assert.match(
      say(shipment, { locale: 'de' }).whatHappened,
      /zuletzt heute um 10:50 Uhr GMT-4 in Fresno, CA erfasst\./,
    );
    assert.match(
      say(shipment, { locale: 'de' }).whatNext,
      /^UPS stellt es voraussichtlich zwischen Di\., 7\. Mai und Do\., 9\. Mai zu\./,
    );
  });

  it('never ends a sentence with two dots after an abbreviated month', () => {
    const estimate = {
      earliest: '2024-04-21',
      latest: '2024-04-21',
      likely: '2024-04-21',
      confidence: 1,
      basis: 'carrier' as const,
    };
    assert.match(say(parcel({ estimate }), { locale: 'fr' }).whatNext, /^Il était attendu le dim\. 21 avr\. /);
  });

  it('lets the store replace a message, keeping the rest', () => {
    const d = say(parcel(), { messages: { 'status.in_transit.headline': (c) => `Coming with ${c.carrier}` } });
    assert.equal(d.headline, 'Coming with UPS');
    assert.match(d.whatHappened, /on its way with UPS/);
  });

  it('falls back to the built-in copy when a replacement message throws', () => {
    const messages = {
      'status.in_transit.headline': () => {
        throw new Error('oops');
      },
    };
    assert.equal(say(parcel(), { messages }).headline, 'On its way');
  });
});

describe('describeShipment: damaged data', () => {
  it('describes a shipment with an unknown status in general words', () => {
    const d = say({ ...parcel(), status: 'teleported' } as unknown as Shipment);
    assert.equal(d.headline, 'Tracking your parcel');
    assert.match(d.whatHappened, /^UPS is handling your parcel\. It was last scanned in Fresno, CA/);
  });

  it('ignores dates it cannot read', () => {
    const events = [
      scan({ at: 'yesterday-ish' }),
      scan({ at: '2024-02-30T10:00:00Z' }),
      scan({ at: '2024-04-26T10:00:00' }),
    ];
    const estimate = { earliest: '2024-13-01', latest: 'soon', likely: '', confidence: 2, basis: 'magic' };
    const d = say({ ...parcel(), events, estimate, deliveredAt: 'never' } as unknown as Shipment);
    assert.equal(d.whatHappened, 'Your parcel is on its way with UPS. It was last scanned in Fresno, CA.');
    assert.equal(d.whatNext, "We'll show a delivery date as soon as UPS shares one.");
  });

  it('answers in general words for nothing at all', () => {
    for (const input of [undefined, null, 42, 'ups', [], {}]) {
      const d = describeShipment(input as unknown as Shipment);
      assert.equal(d.headline, 'Tracking your parcel');
      assert.equal(d.whatToDo, null);
    }
  });

  it('survives a shipment whose every property throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    const d = describeShipment(hostile as Shipment, { locale: 'de', messages: hostile });
    assert.equal(d.headline, 'Ihre Sendung');
  });
});

describe('describeShipment: the destination’s day', () => {
  it('does not call a parcel late on the day it is due, when the last scan was in another zone', () => {
    const text = describeShipment(
      {
        carrier: 'ups',
        trackingNumber: '1Z999AA10123456784',
        status: 'in_transit',
        events: [
          {
            at: '2024-04-26T23:00:00+08:00',
            timeSource: 'carrier',
            status: 'in_transit',
            code: 'DP',
            description: 'x',
          },
        ],
        estimate: {
          earliest: '2024-04-27',
          latest: '2024-04-27',
          likely: '2024-04-27',
          confidence: 0.8,
          basis: 'carrier',
        },
        destination: { country: 'US', region: 'CA' },
        updatedAt: '2024-04-27T20:00:00Z',
      },
      { locale: 'en', now: '2024-04-27T20:00:00Z' },
    );
    assert.doesNotMatch(`${text.whatHappened} ${text.whatNext}`, /was expected/i);
    assert.match(`${text.whatHappened} ${text.whatNext}`, /deliver it today/i);
    // 23:00 in Shenzhen on the 26th is 8:00 on the 26th in California: "yesterday" there.
    assert.match(text.whatHappened, /yesterday at 8:00 AM/);
  });
});

describe('dayHasPassed', () => {
  const parcel = {
    status: 'in_transit',
    events: [
      {
        at: '2024-05-06T08:10:00-07:00',
        timeSource: 'carrier',
        status: 'in_transit',
        code: 'AR',
        description: 'Arrived',
      },
    ],
  };

  it('counts the day where the parcel is: the destination, else the latest scan, else everywhere', () => {
    // 03:00 UTC on May 10 is May 9 in Fresno (the scan's −07:00) and May 10 in Berlin.
    const now = Date.parse('2024-05-10T03:00:00Z');
    assert.equal(dayHasPassed(parcel, '2024-05-09', now), false);
    assert.equal(dayHasPassed(parcel, '2024-05-08', now), true);
    const toBerlin = { ...parcel, destination: { country: 'DE', timeZone: 'Europe/Berlin' } };
    assert.equal(dayHasPassed(toBerlin, '2024-05-09', now), true);
    // No zone at all: a day is over only once it is over everywhere (UTC−12 is last).
    assert.equal(dayHasPassed({ status: 'in_transit', events: [] }, '2024-05-09', now), false);
    assert.equal(dayHasPassed({}, '2024-05-09', Date.parse('2024-05-10T12:00:01Z')), true);
    assert.equal(dayHasPassed(parcel, 'soon', now), false);
  });

  it('agrees with the sentence describeShipment writes', () => {
    const s = {
      ...parcel,
      estimate: {
        earliest: '2024-05-07',
        latest: '2024-05-09',
        likely: '2024-05-08',
        confidence: 0.8,
        basis: 'history',
      },
    };
    for (const at of ['2024-05-10T03:00:00Z', '2024-05-10T07:30:00Z', '2024-05-10T06:59:00Z', '2024-05-10T07:00:00Z']) {
      const said = describeShipment(s as never, { locale: 'en', now: new Date(at) }).whatNext;
      assert.equal(dayHasPassed(s, '2024-05-09', Date.parse(at)), said.includes('It was expected'), at);
    }
  });
});

describe('describeShipment: a parcel collected from a pickup point', () => {
  const arrived = scan({
    at: '2024-04-24T15:00:00-04:00',
    location: { city: 'Brooklyn', region: 'NY', country: 'US' },
  });
  const atPickup = scan({
    at: '2024-04-24T18:00:00-04:00',
    status: 'available_for_pickup',
    location: { city: 'Brooklyn', region: 'NY', country: 'US' },
  });
  const handedOver = (at: string, location?: TrackingEvent['location']) => scan({ at, status: 'delivered', location });
  const collected = (events: TrackingEvent[]) => parcel({ carrier: 'dhl', status: 'delivered', events });

  it('says the shopper collected it, without sending them to look around their door', () => {
    const d = say(collected([arrived, atPickup, handedOver('2024-04-25T17:30:00-04:00', atPickup.location)]));
    assert.equal(d.headline, 'Collected');
    assert.equal(
      d.whatHappened,
      'Your parcel was collected from the pickup point in Brooklyn, NY, yesterday at 5:30 PM.',
    );
    assert.equal(d.whatNext, "This delivery is complete. If you didn't collect it yourself, ask at the pickup point.");
    assert.equal(d.whatToDo, null);
  });

  it('says so in every language, in words of its own', () => {
    const shipment = collected([arrived, atPickup, handedOver('2024-04-25T17:30:00-04:00')]);
    const delivered = parcel({
      carrier: 'dhl',
      status: 'delivered',
      events: [arrived, handedOver('2024-04-25T17:30:00-04:00')],
    });
    for (const locale of ['en', 'es', 'fr', 'de']) {
      const d = say(shipment, { locale });
      const door = say(delivered, { locale });
      assert.notEqual(d.headline, '', locale);
      assert.notEqual(d.whatHappened, door.whatHappened, locale);
      assert.notEqual(d.whatNext, door.whatNext, locale);
    }
    assert.equal(say(shipment, { locale: 'de' }).headline, 'Abgeholt');
    assert.match(say(shipment, { locale: 'de' }).whatHappened, /gestern um 17:30 Uhr an der Abholstelle in Brooklyn/);
  });

  it('names the pickup point’s place when the collection scan has none', () => {
    const d = say(collected([arrived, atPickup, handedOver('2024-04-25T17:30:00-04:00')]));
    assert.match(d.whatHappened, /from the pickup point in Brooklyn, NY, yesterday/);
  });

  it('reads the scans in time order, whatever order the carrier lists them in', () => {
    const d = say(collected([handedOver('2024-04-25T17:30:00-04:00'), atPickup, arrived]));
    assert.equal(d.headline, 'Collected');
    // Listed before the pickup scan but scanned after it: the parcel left the pickup point for the door.
    const later = scan({ at: '2024-04-25T09:00:00-04:00', status: 'out_for_delivery' });
    const door = say(collected([later, arrived, atPickup, handedOver('2024-04-25T17:30:00-04:00')]));
    assert.equal(door.headline, 'Delivered');
  });

  it('says delivered when the parcel left the pickup point again and came to the door', () => {
    const redelivery = scan({ at: '2024-04-25T09:00:00-04:00', status: 'out_for_delivery' });
    const d = say(collected([arrived, atPickup, redelivery, handedOver('2024-04-25T17:30:00-04:00')]));
    assert.equal(d.headline, 'Delivered');
    assert.match(d.whatNext, /Check around your door/);
    // A pickup point before a delivery attempt that failed, then the door: still a door delivery.
    const back = scan({ at: '2024-04-25T06:00:00-04:00', status: 'in_transit' });
    assert.equal(
      say(collected([arrived, atPickup, back, handedOver('2024-04-25T17:30:00-04:00')])).headline,
      'Delivered',
    );
    // Waiting at a pickup point after the delivery scan says nothing about how it was delivered.
    const after = { ...atPickup, at: '2024-04-25T18:00:00-04:00' };
    assert.equal(say(collected([arrived, handedOver('2024-04-25T17:30:00-04:00'), after])).headline, 'Delivered');
  });

  it('keeps a delivered-but-damaged report, and lets the store reword the collection', () => {
    const events = [arrived, atPickup, handedOver('2024-04-25T17:30:00-04:00')];
    const damaged = say({ ...collected(events), problem: { reason: 'damaged', actionRequired: false, since: NOW } });
    assert.equal(damaged.headline, 'Collected');
    assert.match(damaged.whatHappened, /^Your parcel was collected .*\. DHL reported that your parcel was damaged\.$/);
    const d = say(collected(events), { messages: { 'collected.headline': () => 'Picked up' } });
    assert.equal(d.headline, 'Picked up');
    assert.match(d.whatHappened, /^Your parcel was collected/);
  });
});

describe('describeShipment: whose clock a time is on', () => {
  const chicago = { city: 'Chicago', region: 'IL', country: 'US', postalCode: '60607' };
  const louisville = { city: 'LOUISVILLE', region: 'KY', country: 'US' };
  const now = { now: '2026-11-26T12:00:00-06:00' };

  it('names the zone when the scan’s own clock reads another time, as the timeline shows it', () => {
    // The timeline shows this scan as "8:00 PM GMT-5 Louisville, KY": the sentence must not just say "7:00 PM".
    const events = [scan({ at: '2026-11-25T20:00:00-05:00', timeSource: 'inferred', location: louisville })];
    const d = say(parcel({ destination: chicago, events }), now);
    assert.match(d.whatHappened, /last scanned in Louisville, KY, yesterday at 7:00 PM CST\./);
    assert.match(
      say(parcel({ destination: chicago, events }), { ...now, locale: 'de' }).whatHappened,
      /um 19:00 Uhr GMT-6 in/,
    );
  });

  it('writes the hour as it does without a zone name (German and French would pad it: 08:02)', () => {
    const events = [scan({ at: '2026-11-26T09:02:00-05:00', timeSource: 'inferred', location: louisville })];
    const shipment = parcel({ destination: chicago, events });
    assert.match(say(shipment, { ...now, locale: 'de' }).whatHappened, /um 8:02 Uhr GMT-6 in/);
    assert.match(say(shipment, { ...now, locale: 'fr' }).whatHappened, /à 8:02 UTC−6/);
    assert.match(say(shipment, { ...now, locale: 'es' }).whatHappened, /a las 8:02 GMT-6/);
  });

  it('says no zone when the scan was on the shopper’s own clock', () => {
    const events = [scan({ at: '2026-11-25T19:00:00-06:00', timeSource: 'inferred', location: chicago })];
    assert.match(say(parcel({ destination: chicago, events }), now).whatHappened, /yesterday at 7:00 PM\.$/);
    const named = [scan({ ...events[0], location: { ...chicago, timeZone: 'America/Chicago' } })];
    assert.match(say(parcel({ destination: chicago, events: named }), now).whatHappened, /yesterday at 7:00 PM\.$/);
  });

  it('names the zone when the carrier gave only UTC, which the timeline shows as UTC', () => {
    const utc = [scan({ at: '2026-11-26T01:00:00Z', timeSource: 'utc', location: chicago })];
    assert.match(say(parcel({ destination: chicago, events: utc }), now).whatHappened, /yesterday at 7:00 PM CST\.$/);
    // The timeline reads a UTC-only time as UTC whatever offset it is written with.
    const written = [{ ...utc[0]!, at: '2026-11-25T19:00:00-06:00' }];
    assert.match(say(parcel({ destination: chicago, events: written }), now).whatHappened, /7:00 PM CST\.$/);
    // A place whose zone disagrees with the scan's offset: the timeline shows the offset (7:00 PM GMT-6).
    const elsewhere = { ...chicago, timeZone: 'America/New_York' };
    const events = [scan({ at: '2026-11-25T19:00:00-06:00', timeSource: 'inferred', location: elsewhere })];
    assert.match(say(parcel({ destination: chicago, events }), now).whatHappened, /yesterday at 7:00 PM\.$/);
  });

  it('tells the delivery on its scan’s clock when deliveredAt is that moment, whatever offset it is written in', () => {
    const events = [scan({ at: '2024-04-26T07:50:00-07:00', status: 'delivered', location: louisville })];
    for (const deliveredAt of ['2024-04-26T10:50:00-04:00', '2024-04-26T20:20:00+05:30', '2024-04-26T14:50:00Z']) {
      const d = say(parcel({ destination: undefined, status: 'delivered', deliveredAt, events }));
      assert.equal(d.whatHappened, 'UPS delivered your parcel today at 7:50 AM.', deliveredAt);
    }
    const toChicago = say(
      parcel({ destination: chicago, status: 'delivered', deliveredAt: '2024-04-26T14:50:00Z', events }),
    );
    assert.equal(toChicago.whatHappened, 'UPS delivered your parcel today at 9:50 AM CDT.');
  });
});
