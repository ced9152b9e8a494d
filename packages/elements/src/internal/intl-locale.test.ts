import { expect, fixture, html } from '@open-wc/testing';
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
