import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import '@trackline/elements/delay-banner';
import '@trackline/elements/order-tracker';
import '@trackline/elements/tracking-progress';
import '@trackline/elements/tracking-timeline';
import { sampleShipment } from '../stories/shipments.js';
import { pickLocale } from './intl-locale.js';

describe('pickLocale', () => {
  const element = document.createElement('div');

  it('keeps a regional tag of a language the elements speak', () => {
    expect(pickLocale(element, 'en-GB')).to.deep.equal({ language: 'en', tag: 'en-GB' });
    expect(pickLocale(element, 'fr_CA')).to.deep.equal({ language: 'fr', tag: 'fr-CA' });
  });

  it('formats in English when the page’s language has no copy, so dates match the English words around them', () => {
    for (const wanted of ['he', 'it-IT', 'ja', 'pt-BR']) {
      expect(pickLocale(element, wanted), wanted).to.deep.equal({ language: 'en', tag: 'en' });
    }
  });
});

it('a timeline on a page in Italian writes its day headings in English, like its labels', async () => {
  const page = await fixture<HTMLElement>(
    html`<div lang="it"><tracking-timeline .shipment=${sampleShipment('delivered')}></tracking-timeline></div>`,
  );
  const timeline = page.querySelector('tracking-timeline')!;
  await timeline.updateComplete;
  const text = timeline.shadowRoot!.textContent!;
  expect(text).to.include('May');
  expect(text).not.to.match(/maggio|mag\b/);
});

describe('the language of the elements’ text (WCAG 3.1.2, language of parts)', () => {
  const tags = ['order-tracker', 'tracking-progress', 'tracking-timeline', 'delay-banner'] as const;
  const langOf = (el: Element) => el.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('lang');

  it('is marked on each element: Spanish copy on an English page, English copy on a Hebrew one', async () => {
    const parcel = sampleShipment('in_transit', 'weather');
    for (const [page, locale, lang] of [
      ['en', 'es-MX', 'es-MX'],
      ['he', undefined, 'en'],
      ['en-GB', undefined, 'en-GB'],
    ] as const) {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang=${page}>
          <order-tracker .shipment=${parcel} locale=${locale ?? nothing}></order-tracker>
          <tracking-progress .shipment=${parcel} locale=${locale ?? nothing}></tracking-progress>
          <tracking-timeline .shipment=${parcel} locale=${locale ?? nothing}></tracking-timeline>
          <delay-banner .shipment=${parcel} locale=${locale ?? nothing}></delay-banner>
        </div>`,
      );
      for (const tag of tags) {
        const el = wrapper.querySelector(tag)!;
        await waitUntil(() => langOf(el) === lang, `${tag} on a page in ${page}: lang ${langOf(el)}, not ${lang}`);
      }
    }
  });
});
