import { expect, fixture, html } from '@open-wc/testing';
import { describeShipment, type Problem, type Shipment, type Status, type TrackingEvent } from '@trackline/core';
import '@trackline/elements/tracking-progress';
import type { TrackingProgress } from '@trackline/elements';
import { emulateForcedColors } from '../internal/test-commands.js';
import { contrast, cssColor } from '../internal/test-colors.js';

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

const dotOf = (li: Element) => li.querySelector<HTMLElement>('.dot')!;
/** The line drawn from a step's marker to the next one's, as a box on the page. */
function lineOf(li: HTMLElement) {
  const style = getComputedStyle(li, '::after');
  const box = li.getBoundingClientRect();
  const [left, top, width, height] = [style.left, style.top, style.width, style.height].map(parseFloat) as [
    number,
    number,
    number,
    number,
  ];
  return {
    content: style.content,
    color: style.backgroundColor,
    left: box.left + left,
    right: box.left + left + width,
    top: box.top + top,
    bottom: box.top + top + height,
  };
}

/** A progress bar `width` wide, in `dir`, in light mode. */
async function renderIn(shipment: Progressable, width: string, dir = 'ltr'): Promise<TrackingProgress> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div dir=${dir} style="inline-size: ${width}">
      <tracking-progress theme="light" locale="en" .shipment=${shipment}></tracking-progress>
    </div>`,
  );
  const el = wrapper.querySelector('tracking-progress')!;
  await el.updateComplete;
  return el;
}

/** Out for delivery, then left at a pickup point. */
const atPickup: TrackingEvent[] = [
  scanned('info_received', '2024-05-01T09:00:00-07:00'),
  scanned('in_transit', '2024-05-02T09:00:00-07:00'),
  scanned('out_for_delivery', '2024-05-03T08:00:00-07:00'),
  scanned('available_for_pickup', '2024-05-03T17:00:00-07:00'),
];

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
    expect(labels(el)).to.deep.equal(['Pedido', 'Preparado', 'Enviado', 'Volviendo a la tienda']);
    expect(steps(el).map((li) => li.className)).to.deep.equal(['done', 'done', 'done', 'current']);
    const current = el.shadowRoot!.querySelectorAll('[aria-current="step"]');
    expect(current).to.have.length(1);
    expect(current[0]!.getAttribute('part')).to.equal('step step--current step--return');
    expect(noteOf(el)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('ends the steps with "Returned" or "Cancelled" in every language, never with "Delivered" still to come', async () => {
    const cases = [
      // The core's headline words for a return, so the steps say what the tracker's headline says.
      { status: 'returned', events: sentBack, locale: 'en', last: 'Returned to the store', path: 'return' },
      { status: 'returning', events: sentBack, locale: 'en', last: 'Returning to the store', path: 'return' },
      { status: 'returned', events: sentBack, locale: 'es', last: 'Devuelto a la tienda', path: 'return' },
      { status: 'returned', events: sentBack, locale: 'fr', last: 'Retourné à la boutique', path: 'return' },
      { status: 'returning', events: sentBack, locale: 'fr', last: 'En retour vers la boutique', path: 'return' },
      { status: 'returned', events: sentBack, locale: 'de', last: 'Zurück beim Shop', path: 'return' },
      { status: 'returning', events: sentBack, locale: 'de', last: 'Auf dem Rückweg zum Shop', path: 'return' },
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
    expect(current.querySelector('[part="step__label"]')!.textContent).to.equal('Returning to the store');
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
    expect(steps(el).map((li) => li.className)).to.deep.equal(['done', 'done', 'done', 'done', 'current end']);
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
  it('colours the note of a problem the shopper must act on as the banner does, and says it in words', async () => {
    const light = async (problem: Problem, theme = 'light') =>
      fixture<TrackingProgress>(
        html`<tracking-progress theme=${theme} locale="en" .shipment=${inTransitWith(problem)}></tracking-progress>`,
      );
    const customs = await light(problemOf('customs', true));
    const note = customs.shadowRoot!.querySelector('[part="step__note"]')!;
    expect(note.textContent).to.equal('Held in customs · Needs your action');
    expect(getComputedStyle(note).color).to.equal(cssColor('#b42318'));
    expect(getComputedStyle(customs.shadowRoot!.querySelector('.current .dot')!).borderTopColor).to.equal(
      cssColor('#b42318'),
    );
    const dark = await light(problemOf('address', true), 'dark');
    expect(getComputedStyle(dark.shadowRoot!.querySelector('[part="step__note"]')!).color).to.equal(
      cssColor('#ff8a7a'),
    );
    // A problem that asks nothing of the shopper keeps the problem colour.
    const weather = await light(problemOf('weather'));
    expect(getComputedStyle(weather.shadowRoot!.querySelector('[part="step__note"]')!).color).to.equal(
      cssColor('#b35900'),
    );
  });

  it('fills the marker of a step where the path ends, and leaves a step under way a ring', async () => {
    const accent = cssColor('#1f5fbf');
    const cases: [Progressable, boolean][] = [
      [{ status: 'delivered', events: [] }, true],
      [{ status: 'returned', events: sentBack }, true],
      [{ status: 'cancelled', events: [] }, true],
      [{ status: 'returning', events: sentBack }, false],
      [{ status: 'out_for_delivery', events: [] }, false],
      [{ status: 'in_transit', events: [] }, false],
    ];
    for (const [shipment, filled] of cases) {
      const el = await fixture<TrackingProgress>(
        html`<tracking-progress theme="light" locale="en" .shipment=${shipment}></tracking-progress>`,
      );
      const current = el.shadowRoot!.querySelector('[aria-current="step"]')!;
      const background = getComputedStyle(dotOf(current)).backgroundColor;
      expect(background, shipment.status).to.equal(filled ? accent : 'rgba(0, 0, 0, 0)');
      // Every step before it is filled too.
      for (const done of el.shadowRoot!.querySelectorAll('li.done')) {
        expect(getComputedStyle(dotOf(done)).backgroundColor, shipment.status).to.equal(accent);
      }
    }
  });

  it('keeps every label at the top when the current step has a note, side by side', async () => {
    const el = await renderIn(inTransitWith(problemOf('customs', true)), '640px');
    const tops = [...el.shadowRoot!.querySelectorAll('[part="step__label"]')].map((label) =>
      Math.round(label.getBoundingClientRect().top),
    );
    expect(new Set(tops).size, `label tops ${tops.join(', ')}`).to.equal(1);
    const dots = steps(el).map((li) => Math.round(dotOf(li).getBoundingClientRect().top));
    expect(new Set(dots).size, `marker tops ${dots.join(', ')}`).to.equal(1);
  });

  for (const dir of ['ltr', 'rtl']) {
    it(`joins the markers side by side with a line, in the accent colour up to the current step (${dir})`, async () => {
      const el = await renderIn(inTransitWith(problemOf('customs', true)), '640px', dir);
      const [accent, track] = [cssColor('#1f5fbf'), cssColor('#818b98')];
      const all = steps(el);
      expect(getComputedStyle(all.at(-1)!, '::after').content).to.equal('none');
      for (const [index, li] of all.slice(0, -1).entries()) {
        const line = lineOf(li);
        const [from, to] = [dotOf(li).getBoundingClientRect(), dotOf(all[index + 1]!).getBoundingClientRect()];
        expect(line.content, `line after step ${index}`).not.to.equal('none');
        expect(line.color, `line after step ${index}`).to.equal(li.classList.contains('done') ? accent : track);
        // Between the two markers, not over them, and through their middles.
        const [near, far] = dir === 'ltr' ? [from.right, to.left] : [to.right, from.left];
        expect(line.left - near, `gap after marker ${index}`).to.be.within(0, 6);
        expect(far - line.right, `gap before marker ${index + 1}`).to.be.within(0, 6);
        expect(Math.abs((line.top + line.bottom) / 2 - (from.top + from.bottom) / 2)).to.be.below(1);
      }
    });
  }

  it('runs the line down beside the stacked steps, past a note', async () => {
    for (const dir of ['ltr', 'rtl']) {
      const el = await renderIn(inTransitWith(problemOf('customs', true)), '300px', dir);
      const all = steps(el);
      for (const [index, li] of all.slice(0, -1).entries()) {
        const line = lineOf(li);
        const [from, to] = [dotOf(li).getBoundingClientRect(), dotOf(all[index + 1]!).getBoundingClientRect()];
        expect(from.top, 'the steps stack').to.be.below(to.top);
        expect(Math.abs((line.left + line.right) / 2 - (from.left + from.right) / 2), `${dir} ${index}`).to.be.below(1);
        expect(line.top - from.bottom, `${dir}: gap below marker ${index}`).to.be.within(0, 6);
        expect(to.top - line.bottom, `${dir}: gap above marker ${index + 1}`).to.be.within(0, 6);
      }
    }
  });

  it('draws the line in system colours when forced colours are on', async () => {
    await emulateForcedColors('active');
    try {
      const el = await renderIn({ status: 'in_transit', events: [] }, '640px');
      const done = el.shadowRoot!.querySelector<HTMLElement>('li.done')!;
      const current = el.shadowRoot!.querySelector<HTMLElement>('li.current')!;
      expect(lineOf(done).color).to.equal(cssColor('CanvasText'));
      expect(lineOf(current).color).to.equal(cssColor('GrayText'));
    } finally {
      await emulateForcedColors('none');
    }
  });

  it('shows "Ready for pickup" for a parcel at a pickup point, and "Collected" once it is collected', async () => {
    const ready = await render({ status: 'available_for_pickup', events: atPickup });
    expect(labels(ready)).to.deep.equal(['Ordered', 'Packed', 'Shipped', 'Ready for pickup', 'Collected']);
    expect(ready.shadowRoot!.querySelector('[aria-current="step"]')!.textContent).to.contain('Ready for pickup');
    const words = { es: 'Listo para recoger', fr: 'Prêt à être retiré', de: 'Abholbereit' };
    for (const [locale, word] of Object.entries(words)) {
      const el = await render({ status: 'available_for_pickup', events: atPickup }, locale);
      expect(el.shadowRoot!.querySelector('[aria-current="step"]')!.textContent, locale).to.contain(word);
    }
    const collected = await render({
      status: 'delivered',
      events: [...atPickup, scanned('delivered', '2024-05-04T12:00:00-07:00')],
    });
    expect(labels(collected).slice(3)).to.deep.equal(['Ready for pickup', 'Collected']);
    const back = await render({
      status: 'returning',
      events: [...atPickup, scanned('returning', '2024-05-12T12:00:00-07:00')],
    });
    expect(labels(back).slice(3)).to.deep.equal(['Ready for pickup', 'Returning to the store']);
    // Out for delivery again after the pickup point (a redelivery): the door, not the pickup point.
    const redelivery = [...atPickup, scanned('out_for_delivery', '2024-05-05T08:00:00-07:00')];
    expect(labels(await render({ status: 'out_for_delivery', events: redelivery })).slice(3)).to.deep.equal([
      'Out for delivery',
      'Delivered',
    ]);
    // Back in transit after the pickup point, then delivered: delivered to the door, as the core's headline says.
    const moved = [...atPickup, scanned('in_transit', '2024-05-05T08:00:00-07:00')];
    expect(
      labels(
        await render({ status: 'delivered', events: [...moved, scanned('delivered', '2024-05-06T12:00:00-07:00')] }),
      ),
    ).to.deep.equal(['Ordered', 'Packed', 'Shipped', 'Out for delivery', 'Delivered']);
    const delivered = [...redelivery, scanned('delivered', '2024-05-05T12:00:00-07:00')];
    expect(labels(await render({ status: 'delivered', events: delivered })).slice(3)).to.deep.equal([
      'Out for delivery',
      'Delivered',
    ]);
  });

  it('draws the steps still ahead at 3:1 or more against its background, light and dark (WCAG 1.4.11)', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await fixture<TrackingProgress>(
        html`<tracking-progress
          theme=${theme}
          locale="en"
          .shipment=${{ status: 'in_transit', events: [] }}
        ></tracking-progress>`,
      );
      const surface = getComputedStyle(el).backgroundColor;
      const upcoming = el.shadowRoot!.querySelector('li.upcoming')!;
      const marker = getComputedStyle(dotOf(upcoming)).borderTopColor;
      expect(contrast(marker, surface), `${theme}: ${marker} on ${surface}`).to.be.at.least(3);
      const line = getComputedStyle(upcoming, '::after').backgroundColor;
      expect(contrast(line, surface), `${theme}: ${line} on ${surface}`).to.be.at.least(3);
    }
  });
});

describe('tracking-progress and the summary', () => {
  it('name a delivered parcel "Collected" exactly when describeShipment does', async () => {
    const pickup = scanned('available_for_pickup', '2024-05-04T09:00:00-07:00');
    const cases: Pick<Shipment, 'status' | 'events' | 'deliveredAt'>[] = [
      { status: 'delivered', events: [pickup, scanned('delivered', '2024-05-05T10:00:00-07:00')] },
      // A return started at the pickup point, then the shopper collected it after all: the summary says Delivered.
      {
        status: 'delivered',
        events: [
          pickup,
          scanned('returning', '2024-05-05T09:00:00-07:00'),
          scanned('delivered', '2024-05-06T10:00:00-07:00'),
        ],
      },
      // A pickup scan stamped after the delivery scan, or after deliveredAt.
      { status: 'delivered', events: [scanned('delivered', '2024-05-04T08:00:00-07:00'), pickup] },
      { status: 'delivered', events: [pickup], deliveredAt: '2024-05-04T08:00:00-07:00' },
    ];
    for (const shipment of cases) {
      const full: Shipment = {
        ...shipment,
        carrier: 'ups',
        trackingNumber: '1Z999AA10123456784',
        updatedAt: '2024-05-06T00:00:00Z',
      };
      const collected = describeShipment(full, { now: '2024-05-07T00:00:00Z' }).headline === 'Collected';
      const last = labels(await render(full)).at(-1);
      expect(last, JSON.stringify(shipment.events.map((e) => e.status))).to.equal(
        collected ? 'Collected' : 'Delivered',
      );
    }
  });
});
