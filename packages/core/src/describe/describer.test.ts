import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createDescriber,
  createDescriberFrom,
  describeMessages,
  describeShipment,
  enProblems,
  enStatus,
  loadDescribeMessages,
  type Messages,
} from '@trackline/core/describe';
import { en } from '@trackline/core/locales/en';
import { es } from '@trackline/core/locales/es';
import type { Shipment } from '@trackline/core/model';

const NOW = '2024-04-26T12:00:00-04:00';

const parcel: Shipment = {
  carrier: 'ups',
  trackingNumber: '1Z999AA10123456784',
  status: 'in_transit',
  events: [
    {
      at: '2024-04-25T07:50:00-07:00',
      timeSource: 'carrier',
      status: 'in_transit',
      code: 'AR',
      description: 'Arrived',
      location: { city: 'Fresno', region: 'CA', country: 'US' },
    },
  ],
  estimate: { earliest: '2024-04-29', latest: '2024-04-30', likely: '2024-04-29', confidence: 0.8, basis: 'carrier' },
  destination: { city: 'Brooklyn', region: 'NY', country: 'US', timeZone: 'America/New_York' },
  updatedAt: '2024-04-26T14:55:00Z',
};

describe('createDescriber', () => {
  it('describes in English, dates too, while the shopper’s language is not loaded', () => {
    const describeLean = createDescriber();
    const d = describeLean(parcel, { locale: 'es-MX', now: NOW });
    assert.deepEqual(d, describeShipment(parcel, { locale: 'en', now: NOW }));
    assert.match(d.whatNext, /Mon, Apr 29/);
  });

  it('speaks a language once its copy is added, as describeShipment does', async () => {
    const languages: { es?: Messages } = {};
    const describeLean = createDescriber(languages);
    languages.es = await loadDescribeMessages('es-MX');
    assert.deepEqual(
      describeLean(parcel, { locale: 'es-MX', now: NOW }),
      describeShipment(parcel, { locale: 'es-MX', now: NOW }),
    );
    assert.equal(describeLean(parcel, { locale: 'es', now: NOW }).headline, 'En camino');
  });

  it('lays the store’s own words over the chosen language', () => {
    const d = createDescriber({ es })(parcel, {
      locale: 'es',
      now: NOW,
      messages: { 'status.in_transit.headline': () => 'Va de camino' },
    });
    assert.equal(d.headline, 'Va de camino');
    assert.equal(d.whatHappened.startsWith('Tu paquete va en camino con UPS.'), true, d.whatHappened);
  });
});

describe('createDescriberFrom', () => {
  const delayed: Shipment = {
    ...parcel,
    problem: { reason: 'customs', actionRequired: true, since: '2024-04-25T07:50:00-07:00' },
  };

  it('describes like describeShipment once the English copy is whole', () => {
    const english: Partial<Messages> = { ...enStatus };
    const describeLean = createDescriberFrom({ en: english });
    assert.deepEqual(describeLean(parcel, { now: NOW }), describeShipment(parcel, { now: NOW }));
    Object.assign(english, enProblems);
    assert.deepEqual(describeLean(delayed, { now: NOW }), describeShipment(delayed, { now: NOW }));
  });

  it('describes a parcel collected from a pickup point with the status copy alone', () => {
    const pickup = { ...parcel.events[0]!, at: '2024-04-25T11:00:00-04:00', status: 'available_for_pickup' as const };
    const collected: Shipment = {
      ...parcel,
      status: 'delivered',
      events: [...parcel.events, pickup, { ...pickup, at: '2024-04-25T18:00:00-04:00', status: 'delivered' }],
    };
    const d = createDescriberFrom({ en: { ...enStatus } })(collected, { now: NOW });
    assert.deepEqual(d, describeShipment(collected, { now: NOW }));
    assert.equal(d.headline, 'Collected');
  });

  it('falls back to the generic copy for a message it was not given, and never throws', () => {
    const d = createDescriberFrom({ en: { ...enStatus } })(delayed, { now: NOW });
    const unknown = { carrier: '', place: '', time: null, eta: null, due: null, promised: null, action: false };
    assert.equal(d.headline, enStatus['generic.headline'](unknown));
    assert.ok(d.whatHappened.length > 0);
    assert.equal(createDescriberFrom({})(parcel, { now: NOW }).headline, '');
  });

  it('splits the English copy in two without losing or repeating a message', () => {
    const statusKeys = Object.keys(enStatus);
    const problemKeys = Object.keys(enProblems);
    assert.ok(problemKeys.every((key) => key.startsWith('problem.')));
    assert.ok(statusKeys.every((key) => !key.startsWith('problem.')));
    assert.deepEqual([...statusKeys, ...problemKeys].sort(), Object.keys(en).sort());
  });
});

describe('loadDescribeMessages', () => {
  it('loads the copy of each language describeShipment speaks', async () => {
    for (const [tag, language] of [
      ['en-GB', 'en'],
      ['es-419', 'es'],
      ['fr-CA', 'fr'],
      ['de-AT', 'de'],
    ] as const) {
      assert.equal(await loadDescribeMessages(tag), describeMessages[language], tag);
    }
  });

  it('answers English for a language it does not speak, and for no locale', async () => {
    assert.equal(await loadDescribeMessages('pt-BR'), describeMessages.en);
    assert.equal(await loadDescribeMessages(), describeMessages.en);
  });
});
