import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGsm7, smsLength, toGsm7 } from './gsm7.js';
import { composeSms } from './sms.js';
import { notifyCopy } from './copy.js';
import type { Words } from './words.js';

const link = 'https://acme.example/t/A1001';

function words(partial: Partial<Words>): Words {
  return { language: 'en', copy: notifyCopy.en, headline: 'Delivered', happened: '', next: '', todo: null, ...partial };
}

describe('GSM-7', () => {
  it('knows the alphabet: ASCII letters, é, ñ, ü and £ are in it; á, ê, ’ and emoji are not', () => {
    assert.equal(isGsm7('Hello, Ana! Café £5 ñ ü Ä é @ _'), true);
    for (const outside of ['á', 'ê', '’', '–', '📦', 'ç']) assert.equal(isGsm7(`a${outside}b`), false, outside);
  });

  it('counts extension characters twice and splits long texts into 153-character segments', () => {
    assert.deepEqual(smsLength('a'.repeat(160)), { encoding: 'gsm7', units: 160, segments: 1 });
    assert.deepEqual(smsLength('€'.repeat(80)), { encoding: 'gsm7', units: 160, segments: 1 });
    assert.deepEqual(smsLength('a'.repeat(159) + '€'), { encoding: 'gsm7', units: 161, segments: 2 });
    assert.deepEqual(smsLength('a'.repeat(307)), { encoding: 'gsm7', units: 307, segments: 3 });
  });

  it('falls to 70 characters per segment when one character is outside the alphabet', () => {
    assert.deepEqual(smsLength('á'.repeat(70)), { encoding: 'ucs2', units: 70, segments: 1 });
    assert.deepEqual(smsLength('a'.repeat(70) + '’'), { encoding: 'ucs2', units: 71, segments: 2 });
  });

  it('folds typography and accents the alphabet lacks, keeping those it has', () => {
    assert.equal(toGsm7('Llegará mañana – “hoy” à l’hôtel… ç'), 'Llegara mañana - "hoy" à l\'hotel... Ç');
    assert.equal(isGsm7(toGsm7('Livraison prévue aujourd’hui à 10 h 50')), true);
  });
});

describe('SMS text', () => {
  it('keeps the full text when it fits one segment', () => {
    const text = composeSms({
      words: words({ happened: 'UPS delivered your parcel today at 2:10 PM.', next: 'This delivery is complete.' }),
      brandName: 'Acme',
      link,
    });
    assert.equal(
      text,
      `Acme: Delivered. UPS delivered your parcel today at 2:10 PM. This delivery is complete. ${link}`,
    );
    assert.equal(smsLength(text).segments, 1);
  });

  it('drops to a shorter template rather than sending two segments', () => {
    const long = words({
      headline: 'Delivery attempt missed',
      happened: 'UPS tried to deliver your parcel but couldn’t. It was last scanned in Fresno, CA, today at 12:00 PM.',
      todo: 'Arrange a new delivery or a pickup with UPS.',
    });
    const text = composeSms({ words: long, brandName: 'Acme Outdoor Supply', link });
    assert.equal(
      text,
      `Acme Outdoor Supply: Delivery attempt missed. Arrange a new delivery or a pickup with UPS. ${link}`,
    );
    assert.equal(smsLength(text).segments, 1);
  });

  it('writes Spanish in GSM-7 so it keeps 160 characters', () => {
    const spanish = words({
      language: 'es',
      headline: 'En reparto',
      happened: 'UPS ha puesto tu paquete en un vehículo de reparto en Fresno, CA, hoy a las 7:50.',
      next: 'Debería llegar más tarde hoy.',
    });
    const text = composeSms({ words: spanish, brandName: 'Acme', link });
    assert.equal(isGsm7(text), true);
    assert.equal(smsLength(text).segments, 1);
    assert.match(text, /vehiculo de reparto en Fresno, CA, hoy a las 7:50\. Deberia llegar mas tarde hoy\./);
  });

  it('keeps a text it cannot shorten further, as few segments as possible', () => {
    const text = composeSms({
      words: words({ headline: 'Delivered' }),
      brandName: 'Acme',
      link: `${link}?${'x'.repeat(200)}`,
    });
    assert.match(text, /^Delivered\. https:/);
  });
});
