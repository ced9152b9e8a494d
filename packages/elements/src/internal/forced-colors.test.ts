import { expect, fixture, html } from '@open-wc/testing';
import type { Shipment } from '@trackline/core';
import '@trackline/elements/delay-banner';
import '@trackline/elements/order-tracker';
import type { DelayBanner, OrderTracker, TrackingProgress, TrackingTimeline } from '@trackline/elements';
import { cssColor } from './test-colors.js';
import { emulateForcedColors, press } from './test-commands.js';

// Windows high contrast replaces every author colour with a few system colours and drops box shadows, so
// whatever tells states apart must be a shape, an outline, a system colour or words.

const problem = { reason: 'customs', actionRequired: true, since: '2024-05-06T09:00:00-07:00' } as const;
const parcel: Shipment = {
  carrier: 'ups',
  trackingNumber: '1Z999AA10123456784',
  status: 'in_transit',
  problem,
  events: [
    {
      at: '2024-05-06T09:00:00-07:00',
      timeSource: 'carrier',
      status: 'in_transit',
      problem,
      code: 'X',
      description: 'Held in customs',
      location: { city: 'Fresno', region: 'CA', country: 'US' },
    },
    {
      at: '2024-05-05T08:10:00-07:00',
      timeSource: 'carrier',
      status: 'in_transit',
      code: 'AR',
      description: 'Arrived at facility',
      location: { city: 'Fresno', region: 'CA', country: 'US' },
    },
  ],
  updatedAt: '2024-05-06T16:10:00Z',
};

const shadow = (el: Element) => el.shadowRoot!;

/** A visible ring: an outline at least 2 px wide in a system colour the page does not paint text with. */
function expectRing(element: Element, color: string): void {
  const style = getComputedStyle(element);
  expect(style.outlineStyle, 'outline style').not.to.equal('none');
  expect(parseFloat(style.outlineWidth), 'outline width').to.be.at.least(2);
  expect(style.outlineColor, 'outline colour').to.equal(color);
}

describe('forced colors (Windows high contrast)', () => {
  before(() => emulateForcedColors('active'));
  after(() => emulateForcedColors('none'));

  it('is really on while these tests run', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('rings the current progress step and spells out its problem', async () => {
    const el = await fixture<TrackingProgress>(html`<tracking-progress .shipment=${parcel}></tracking-progress>`);
    const current = shadow(el).querySelector('[aria-current="step"]')!;
    const done = shadow(el).querySelector('li.done')!;
    expectRing(current.querySelector('.dot')!, cssColor('Highlight'));
    expect(getComputedStyle(done.querySelector('.dot')!).outlineStyle).to.equal('none');
    const note = current.querySelector<HTMLElement>('[part="step__note"]')!;
    expect(note.textContent).to.equal('Held in customs · Needs your action');
    expect(getComputedStyle(note).color).to.equal(cssColor('CanvasText'));
  });

  it('keeps the delay banner’s border and its words', async () => {
    const el = await fixture<DelayBanner>(html`<delay-banner .shipment=${parcel}></delay-banner>`);
    const base = shadow(el).querySelector('[part="base"]')!;
    const style = getComputedStyle(base);
    expect(parseFloat(style.borderInlineStartWidth)).to.be.at.least(4);
    expect(style.borderInlineStartStyle).to.equal('solid');
    expect(style.borderInlineStartColor).to.equal(cssColor('CanvasText'));
    expect(shadow(el).querySelector('[part="badge"]')!.textContent!.trim()).to.equal('Action needed');
  });

  it('spells out a problem on the timeline and rings the focused button', async () => {
    const el = await fixture<TrackingTimeline>(html`<tracking-timeline .shipment=${parcel}></tracking-timeline>`);
    const problemText = shadow(el).querySelector<HTMLElement>('[part="event__problem"]')!;
    expect(problemText.textContent!.trim()).to.equal('Held in customs · Needs your action');
    expect(getComputedStyle(problemText).color).to.equal(cssColor('CanvasText'));
    // Focus moved by the keyboard, so :focus-visible applies as it does for a person.
    const [first, second] = shadow(el).querySelectorAll<HTMLElement>('[part="event__details"]');
    first!.focus();
    await press('Tab');
    expect(shadow(el).activeElement).to.equal(second);
    expectRing(second!, cssColor('Highlight'));
  });

  it('rings the focused button and field of <order-tracker>', async () => {
    const el = await fixture<OrderTracker>(html`<order-tracker endpoint="/api/track"></order-tracker>`);
    // Focus moved by the keyboard, so :focus-visible applies as it does for a person.
    shadow(el).querySelector<HTMLInputElement>('#field-orderNumber')!.focus();
    await press('Tab');
    expect(shadow(el).activeElement!.id).to.equal('field-contact');
    expectRing(shadow(el).activeElement!, cssColor('Highlight'));
    await press('Tab');
    const submit = shadow(el).activeElement!;
    expect(submit.getAttribute('part')).to.equal('form__submit');
    expectRing(submit, cssColor('Highlight'));
  });
});
