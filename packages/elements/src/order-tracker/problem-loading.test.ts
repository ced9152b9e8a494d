import { expect, fixture, html } from '@open-wc/testing';
import { describeShipment, type Shipment, type Status } from '@trackline/core';
import '@trackline/elements/order-tracker';
import type { OrderTracker } from '@trackline/elements';
import { hasProblemCopy } from '../internal/describe.js';
import { problemLoader } from './problem-loader.js';

// <order-tracker> defines <delay-banner> and loads the English problem copy with import() the first time a parcel
// has a problem. A page defines an element once and for good, so these tests have a page of their own and run in
// order: the last one loads both.

function shipment(status: Status, extra: Partial<Shipment> = {}): Shipment {
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    service: 'UPS Ground',
    status,
    events: [
      {
        at: '2024-05-06T08:10:00-07:00',
        timeSource: 'carrier',
        status: 'in_transit',
        code: 'AR',
        description: 'Arrived at facility',
        location: { city: 'Fresno', region: 'CA', country: 'US' },
      },
    ],
    updatedAt: '2024-05-06T15:10:00Z',
    ...extra,
  };
}

const weather = { reason: 'weather', actionRequired: false, since: '2024-05-06T09:00:00-07:00' } as const;
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const realLoader = { ...problemLoader };

describe('<order-tracker> and what only a parcel with a problem needs', () => {
  afterEach(() => {
    Object.assign(problemLoader, realLoader);
  });

  it('never downloads the banner or the problem copy for parcels on time or delivered', async () => {
    let loads = 0;
    problemLoader.banner = () => {
      loads++;
      return realLoader.banner();
    };
    problemLoader.copy = () => {
      loads++;
      return realLoader.copy();
    };
    const el = await fixture<OrderTracker>(html`<order-tracker .shipment=${shipment('in_transit')}></order-tracker>`);
    el.shipment = shipment('delivered', { problem: weather }); // a delay on a delivered parcel no longer matters
    await el.updateComplete;
    expect(loads).to.equal(0);
    expect(customElements.get('delay-banner')).to.equal(undefined);
    expect(hasProblemCopy()).to.equal(false);
    expect($(el, '[part="shipment__headline"]')!.textContent).to.equal('Delivered');
  });

  it('falls back to the generic copy, in the summary, when neither can be loaded', async () => {
    const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    problemLoader.banner = offline;
    problemLoader.copy = offline;
    const s = shipment('in_transit', { problem: weather });
    const el = await fixture<OrderTracker>(html`<order-tracker .shipment=${s}></order-tracker>`);
    expect($(el, 'delay-banner')).to.equal(null);
    expect($(el, '[part="shipment__headline"]')!.textContent).to.equal('Tracking your parcel');
    expect($(el, '[part="shipment__summary"]')!.textContent).to.contain('It was last scanned in Fresno, CA');
    await expect(el).to.be.accessible();
  });

  it('tells the problem in the parcel’s summary when the banner cannot be loaded', async () => {
    problemLoader.banner = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const s = shipment('in_transit', { problem: { reason: 'customs', actionRequired: true, since: weather.since } });
    const el = await fixture<OrderTracker>(html`<order-tracker .shipment=${s}></order-tracker>`);
    const described = describeShipment(s);
    expect($(el, 'delay-banner')).to.equal(null);
    expect($(el, '[part="shipment__headline"]')!.textContent).to.equal(described.headline);
    expect($(el, '[part="shipment__summary"]')!.textContent).to.contain(described.whatHappened);
    expect($(el, '[part="shipment__summary"]')!.textContent).to.contain(described.whatToDo!);
    await expect(el).to.be.accessible();
  });

  it('paints a parcel with a problem together with its banner, never without it', async () => {
    let arrive!: () => void;
    const gate = new Promise<void>((resolve) => (arrive = resolve));
    problemLoader.banner = () => gate.then(realLoader.banner);
    const el = document.createElement('order-tracker') as OrderTracker;
    el.shipment = shipment('in_transit', { problem: weather });
    // Every state of the shadow root the shopper could see: a parcel on screen must have its banner.
    const parcelsWithoutBanner: number[] = [];
    const observer = new MutationObserver(() => {
      const parcel = $(el, '[part="shipment"]');
      if (parcel && !parcel.querySelector('delay-banner')) parcelsWithoutBanner.push(Date.now());
    });
    document.body.append(el);
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect($(el, '[part="shipment"]'), 'nothing painted while the banner loads').to.equal(null);

    arrive();
    await el.updateComplete;
    observer.disconnect();
    const banner = $(el, 'delay-banner') as HTMLElement & { updateComplete: Promise<unknown> };
    expect(customElements.get('delay-banner')).to.be.a('function');
    await banner.updateComplete;
    expect(banner.shadowRoot!.textContent).to.contain('Delayed by weather');
    expect($(el, '[part="shipment__summary"]')).to.equal(null);
    expect(parcelsWithoutBanner).to.deep.equal([]);
    el.remove();
  });
});
