import { expect, fixture, html } from '@open-wc/testing';
import type { Shipment } from '@trackline/core';
import '@trackline/elements/tracking-progress';
import type { TrackingProgress } from '@trackline/elements';

type Progressable = Pick<Shipment, 'status' | 'events' | 'problem'>;

async function render(shipment: Progressable, locale?: string): Promise<TrackingProgress> {
  return fixture<TrackingProgress>(
    html`<tracking-progress .shipment=${shipment} locale=${locale ?? 'en'}></tracking-progress>`,
  );
}

function steps(el: TrackingProgress): HTMLLIElement[] {
  return [...el.shadowRoot!.querySelectorAll('li')];
}

describe('<tracking-progress>', () => {
  it('marks "Shipped" as the current step while the parcel is in transit', async () => {
    const el = await render({ status: 'in_transit', events: [] });
    const current = steps(el).filter((li) => li.getAttribute('aria-current') === 'step');
    expect(current).to.have.length(1);
    expect(current[0]!.textContent).to.contain('Shipped');
    expect(steps(el).map((li) => li.className)).to.deep.equal(['done', 'done', 'current', 'upcoming', 'upcoming']);
    await expect(el).to.be.accessible();
  });

  it('says the shopper must act on the step where the problem happened', async () => {
    const el = await render({
      status: 'in_transit',
      events: [],
      problem: { reason: 'customs', actionRequired: true, since: '2024-05-01T00:00:00Z' },
    });
    const current = el.shadowRoot!.querySelector('[aria-current="step"]')!;
    expect(current.textContent).to.contain('Needs your action');
    await expect(el).to.be.accessible();
  });

  it('shows English while the shopper’s language loads, then switches to it', async () => {
    const el = document.createElement('tracking-progress');
    el.locale = 'de-CH';
    el.shipment = { status: 'in_transit', events: [] };
    document.body.append(el);
    // The first render comes before German can have arrived: it has to be loaded over the network.
    while (!el.hasUpdated) await Promise.resolve();
    expect(el.shadowRoot!.querySelector('ol')!.getAttribute('aria-label')).to.equal('Delivery progress');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('ol')!.getAttribute('aria-label')).to.equal('Lieferfortschritt');
    expect(el.shadowRoot!.querySelector('[aria-current="step"]')!.textContent).to.contain('Versandt');
    el.remove();
  });

  it('shows a return as its own note, in the shopper’s language', async () => {
    const el = await render({ status: 'returning', events: [] }, 'es-MX');
    expect(el.shadowRoot!.querySelector('ol')!.getAttribute('aria-label')).to.equal('Progreso de la entrega');
    expect(el.shadowRoot!.querySelector('[part="step__note"]')!.textContent).to.equal('Volviendo al remitente');
    await expect(el).to.be.accessible();
  });

  it('drops a delay on a delivered parcel, but not an action the carrier still asks for', async () => {
    const since = '2024-05-01T00:00:00Z';
    const delayed = await render({
      status: 'delivered',
      events: [],
      problem: { reason: 'delayed', actionRequired: true, since },
    });
    expect(delayed.shadowRoot!.querySelector('[part="step__note"]')).to.equal(null);
    expect(delayed.shadowRoot!.querySelector('.problem')).to.equal(null);
    const address = await render({
      status: 'delivered',
      events: [],
      problem: { reason: 'address', actionRequired: true, since },
    });
    expect(address.shadowRoot!.querySelector('[part="step__note"]')!.textContent).to.equal('Needs your action');
  });

  it('marks every step done once delivered', async () => {
    const el = await render({ status: 'delivered', events: [] });
    expect(steps(el).map((li) => li.className)).to.deep.equal(['done', 'done', 'done', 'done', 'current']);
  });

  it('sizes its labels and notes by the font-size properties', async () => {
    const el = await fixture<TrackingProgress>(
      html`<tracking-progress
        style="--trackline-font-size: 20px; --trackline-font-size-small: 18px"
        .shipment=${{
          status: 'in_transit',
          events: [],
          problem: { reason: 'customs', actionRequired: true, since: '2024-05-01T00:00:00Z' },
        }}
        locale="en"
      ></tracking-progress>`,
    );
    const note = el.shadowRoot!.querySelector('[part="step__note"]')!;
    expect(getComputedStyle(el).fontSize).to.equal('20px');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="step__label"]')!).fontSize).to.equal('18px');
    expect(getComputedStyle(note).fontSize).to.equal('18px');
  });
});
