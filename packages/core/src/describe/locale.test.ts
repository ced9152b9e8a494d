import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeShipment } from '@trackline/core/describe';
import type { Shipment } from '@trackline/core/model';
import { formattingLocale } from './locale.js';

describe('formattingLocale', () => {
  it('keeps a regional tag of the copy’s own language', () => {
    assert.equal(formattingLocale('en-GB', 'en'), 'en-GB');
    assert.equal(formattingLocale('fr_CA', 'fr'), 'fr-CA');
    assert.equal(formattingLocale('de-AT', 'de'), 'de-AT');
  });

  it('formats in the copy’s language when the page’s language has no copy, so dates match the sentences', () => {
    for (const page of ['it', 'it-IT', 'he', 'ja-JP', 'pt-BR', 'zz'])
      assert.equal(formattingLocale(page, 'en'), 'en', page);
  });
});

describe('describeShipment on a page in a language it does not speak', () => {
  const shipment: Shipment = {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    status: 'in_transit',
    events: [
      {
        at: '2024-04-26T07:50:00-07:00',
        timeSource: 'carrier',
        status: 'in_transit',
        code: 'AR',
        description: 'ARRIVED AT FACILITY',
        location: { city: 'FRESNO', region: 'CA', country: 'US' },
      },
    ],
    estimate: { earliest: '2024-05-07', latest: '2024-05-09', likely: '2024-05-08', confidence: 0.8, basis: 'history' },
    updatedAt: '2024-04-26T14:55:00Z',
  };

  it('writes its English sentences with English days and dates', () => {
    for (const locale of ['it', 'ja']) {
      const { whatHappened, whatNext } = describeShipment(shipment, { locale, now: '2024-04-26T12:00:00-04:00' });
      assert.match(whatHappened, /\btoday at 7:50 AM\b/, locale);
      assert.match(whatNext, /\bTue, May 7\b/, locale);
    }
  });
});
