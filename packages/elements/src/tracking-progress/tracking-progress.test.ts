import { expect, fixture, html } from '@open-wc/testing';
import type { Problem, Shipment, Status, TrackingEvent } from '@trackline/core';
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

const labels = (el: TrackingProgress) =>
  [...el.shadowRoot!.querySelectorAll('[part="step__label"]')].map((label) => label.textContent);

const noteOf = (el: TrackingProgress) => el.shadowRoot!.querySelector('[part="step__note"]')?.textContent;

/** A scan at `status`, as the carrier's history holds it. */
function scanned(status: Status, at: string): TrackingEvent {
  return { at, timeSource: 'carrier', status, code: 'X', description: '' };
}

/** Picked up, then on its way back to the sender. */
const sentBack: TrackingEvent[] = [
  scanned('info_received', '2024-05-01T09:00:00-07:00'),
  scanned('in_transit', '2024-05-02T09:00:00-07:00'),
  scanned('returning', '2024-05-04T09:00:00-07:00'),
];

const since = '2024-05-01T00:00:00Z';
const problemOf = (reason: Problem['reason'], actionRequired = false): Problem => ({ reason, actionRequired, since });
const inTransitWith = (problem: Problem): Progressable => ({ status: 'in_transit', events: [], problem });

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
    expect(current.querySelector('[part="step__note"]')!.textContent).to.equal('Held in customs · Needs your action');
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

  it('shows a return as its own last step instead of the steps it will not reach, in the shopper’s language', async () => {
    const el = await render({ status: 'returning', events: sentBack }, 'es-MX');
    expect(el.shadowRoot!.querySelector('ol')!.getAttribute('aria-label')).to.equal('Progreso de la entrega');
    expect(labels(el)).to.deep.equal(['Pedido', 'Preparado', 'Enviado', 'Volviendo al remitente']);
    expect(steps(el).map((li) => li.className)).to.deep.equal(['done', 'done', 'done', 'current']);
    const current = el.shadowRoot!.querySelectorAll('[aria-current="step"]');
    expect(current).to.have.length(1);
    expect(current[0]!.getAttribute('part')).to.equal('step step--current step--return');
    expect(noteOf(el)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('ends the steps with "Returned" or "Cancelled" in every language, never with "Delivered" still to come', async () => {
    const cases = [
      { status: 'returned', events: sentBack, locale: 'en', last: 'Returned to sender', path: 'return' },
      { status: 'returned', events: sentBack, locale: 'fr', last: "Renvoyé à l'expéditeur", path: 'return' },
      { status: 'returning', events: sentBack, locale: 'de', last: 'Rücksendung an Absender', path: 'return' },
      { status: 'cancelled', events: [], locale: 'en', last: 'Cancelled', path: 'cancelled' },
      { status: 'cancelled', events: [], locale: 'es', last: 'Cancelado', path: 'cancelled' },
      { status: 'cancelled', events: [], locale: 'fr', last: 'Annulé', path: 'cancelled' },
      { status: 'cancelled', events: [], locale: 'de', last: 'Storniert', path: 'cancelled' },
    ] as const;
    for (const { status, events, locale, last, path } of cases) {
      const el = await render({ status, events: [...events] }, locale);
      const shown = labels(el);
      expect(shown.at(-1), `${status} in ${locale}`).to.equal(last);
      expect(shown, `${status} in ${locale}`).to.have.length(status === 'cancelled' ? 2 : 4);
      expect(el.shadowRoot!.querySelector('[aria-current="step"]')!.textContent).to.contain(last);
      expect(el.shadowRoot!.querySelector(`[part~="step--${path}"]`), `${status} in ${locale}`).not.to.equal(null);
      expect(el.shadowRoot!.querySelector('.upcoming'), `${status} in ${locale}`).to.equal(null);
    }
  });

  it('names the problem on a return’s own step', async () => {
    const el = await render({ status: 'returning', events: sentBack, problem: problemOf('refused') });
    const current = el.shadowRoot!.querySelector('[aria-current="step"]')!;
    expect(current.querySelector('[part="step__label"]')!.textContent).to.equal('Returning to sender');
    expect(current.querySelector('[part="step__note"]')!.textContent).to.equal('Delivery refused');
    await expect(el).to.be.accessible();
  });

  it('says what went wrong, not "Delayed", for a lost, damaged or refused parcel', async () => {
    const notes: Record<string, string> = {};
    for (const reason of ['lost', 'damaged', 'refused', 'weather', 'delayed', 'stalled'] as const) {
      notes[reason] = noteOf(await render(inTransitWith(problemOf(reason))))!;
    }
    expect(notes).to.deep.equal({
      lost: 'Lost',
      damaged: 'Damaged',
      refused: 'Delivery refused',
      weather: 'Delayed by weather',
      delayed: 'Delayed',
      stalled: 'No recent updates',
    });
    const customs = await render(inTransitWith(problemOf('customs', true)));
    expect(noteOf(customs)).to.equal('Held in customs · Needs your action');
  });

  it('names the problem in each language', async () => {
    const lost = inTransitWith(problemOf('lost'));
    const payment = inTransitWith(problemOf('payment_due', true));
    expect(noteOf(await render(lost, 'es'))).to.equal('Perdido');
    expect(noteOf(await render(lost, 'fr'))).to.equal('Perdu');
    expect(noteOf(await render(lost, 'de'))).to.equal('Verloren gegangen');
    expect(noteOf(await render(payment, 'de'))).to.equal('Zahlung erforderlich · Handlung erforderlich');
    expect(noteOf(await render(payment, 'es'))).to.equal('Pago pendiente · Requiere tu acción');
  });

  it('drops a delay on a delivered parcel, but not an action the carrier still asks for', async () => {
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
    expect(noteOf(address)).to.equal('Problem with the address · Needs your action');
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
