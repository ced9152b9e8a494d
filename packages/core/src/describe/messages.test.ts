import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeMessages, resolveLocale, type MessageContext, type MessageKey } from '@trackline/core/describe';
import { problemReasons } from '@trackline/core/model';

const day = { text: 'Tue, May 7', relative: false };
const later = { text: 'Thu, May 9', relative: false };
const contexts: MessageContext[] = [
  { carrier: '', place: '', time: null, eta: null, due: null, promised: null, action: false },
  {
    carrier: 'UPS',
    place: 'Fresno, CA',
    time: { text: 'today', relative: true, time: '10:50', today: true },
    eta: { from: day, to: later, likely: day, range: 'Tue, May 7 – Thu, May 9', window: true },
    due: day,
    promised: { from: day, to: day, likely: null, range: 'Tue, May 7', window: false },
    action: true,
  },
  {
    carrier: 'DHL',
    place: '',
    time: { ...day, time: '', today: false },
    eta: { from: day, to: day, likely: null, range: 'Tue, May 7', window: false },
    due: null,
    promised: null,
    action: false,
  },
];
const { en, ...others } = describeMessages;
const keys = Object.keys(en).sort() as MessageKey[];

describe('describeMessages', () => {
  it('has every message in every language, and nothing the English copy lacks', () => {
    for (const [locale, messages] of Object.entries(others)) {
      assert.deepEqual(Object.keys(messages).sort(), keys, locale);
      for (const key of keys) assert.equal(typeof messages[key], 'function', `${locale} ${key}`);
    }
  });

  it('translates every message rather than repeating the English one', () => {
    for (const [locale, messages] of Object.entries(others)) {
      for (const key of keys) {
        for (const c of contexts) {
          const english = en[key](c);
          const translated = messages[key](c);
          if (english === '') assert.equal(translated, '', `${locale} ${key} says something English leaves out`);
          else assert.notEqual(translated, english, `${locale} ${key} is the English text`);
        }
      }
    }
  });

  it('has copy of its own for every problem in every language', () => {
    for (const [locale, messages] of Object.entries(describeMessages)) {
      for (const c of contexts) {
        for (const part of ['headline', 'happened'] as const) {
          const texts = problemReasons.map((reason) => messages[`problem.${reason}.${part}`](c));
          assert.ok(texts.every(Boolean), `${locale} ${part}: empty`);
          assert.equal(new Set(texts).size, problemReasons.length, `${locale} ${part}: ${texts.join(' | ')}`);
        }
        for (const reason of problemReasons) assert.ok(messages[`problem.${reason}.todo`](c), `${locale} ${reason}`);
      }
    }
  });

  it('fills every blank in every message', () => {
    for (const [locale, messages] of Object.entries(describeMessages)) {
      for (const key of keys) {
        for (const c of contexts) {
          assert.doesNotMatch(messages[key](c), /undefined|null|NaN|\[object|\$\{|\s[.,]|\s{2}/, `${locale} ${key}`);
        }
      }
    }
  });
});

describe('resolveLocale', () => {
  it('picks the language of a regional tag', () => {
    assert.equal(resolveLocale('es-MX'), 'es');
    assert.equal(resolveLocale('fr-CA'), 'fr');
    assert.equal(resolveLocale('de-AT'), 'de');
    assert.equal(resolveLocale('DE_ch'), 'de');
    assert.equal(resolveLocale(' es-419 '), 'es');
  });

  it('falls back to English for other languages and for garbage', () => {
    for (const tag of ['pt-BR', 'en-GB', 'zh-Hant-TW', 'x-klingon', '', '---', '\u0000', undefined]) {
      assert.equal(resolveLocale(tag), 'en', String(tag));
    }
    assert.equal(resolveLocale(42 as unknown as string), 'en');
  });
});
