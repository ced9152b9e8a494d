import { expect, fixture, html } from '@open-wc/testing';
import { describeShipment, problemReasons, type ProblemReason, type Shipment } from '@trackline/core';
import '@trackline/elements/delay-banner';
import type { DelayBanner } from '@trackline/elements';

/** A calendar date `days` from today, as `YYYY-MM-DD` (estimates are calendar dates). */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function shipmentWith(reason: ProblemReason | null, extra: Partial<Shipment> = {}): Shipment {
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    status: 'in_transit',
    events: [
      {
        at: '2024-05-06T10:50:00-07:00',
        timeSource: 'carrier',
        status: 'in_transit',
        code: 'AR',
        description: 'Arrived at Facility',
        location: { city: 'Fresno', region: 'CA', country: 'US' },
      },
    ],
    ...(reason
      ? {
          problem: {
            reason,
            actionRequired: ['customs', 'payment_due', 'address'].includes(reason),
            since: '2024-05-06T10:50:00-07:00',
          },
        }
      : {}),
    updatedAt: '2024-05-06T18:00:00Z',
    ...extra,
  };
}

async function render(shipment: Shipment, locale = 'en') {
  return fixture<DelayBanner>(html`<delay-banner .shipment=${shipment} locale=${locale}></delay-banner>`);
}

const $ = (el: DelayBanner, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<delay-banner>', () => {
  it('stays hidden and empty while the shipment has no problem', async () => {
    const el = await render(shipmentWith(null));
    expect(el.hidden).to.equal(true);
    expect(el.shadowRoot!.querySelector('section')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('stays hidden for a delay that no longer matters once the parcel is delivered', async () => {
    const el = await render(shipmentWith('weather', { status: 'delivered' }));
    expect(el.hidden).to.equal(true);
  });

  it('explains a loss reported after the delivery scan, and what the carrier still asks of the shopper', async () => {
    const lost = await render(shipmentWith('lost', { status: 'delivered' }));
    expect(lost.hidden).to.equal(false);
    expect(text($(lost, '[part="what-happened"]'))).to.contain("UPS can't find your parcel.");
    expect(text($(lost, '[part="what-to-do"]'))).to.contain('Contact the store about a replacement or a refund.');
    const address = await render(shipmentWith('address', { status: 'delivered' }));
    expect(address.hidden).to.equal(false);
    expect(text($(address, '[part="badge"]'))).to.equal('Action needed');
    expect(text($(address, '[part="what-to-do"]'))).to.contain('correct your delivery address');
    await expect(address).to.be.accessible();
  });

  it('stays hidden for a problem a delivery settles when it asks nothing of the shopper', async () => {
    const el = await render(shipmentWith('failed_attempt', { status: 'delivered' }));
    expect(el.hidden).to.equal(true);
  });

  it('appears when a problem is reported and hides again when it clears', async () => {
    const el = await render(shipmentWith(null));
    el.shipment = shipmentWith('weather');
    await el.updateComplete;
    expect(el.hidden).to.equal(false);
    expect(text($(el, '[part="headline"]'))).to.equal('Delayed by weather');
    el.shipment = shipmentWith(null);
    await el.updateComplete;
    expect(el.hidden).to.equal(true);
  });

  for (const reason of problemReasons) {
    it(`explains a "${reason}" problem: what happened, what next and what to do`, async () => {
      const shipment = shipmentWith(reason);
      const el = await render(shipment);
      const expected = describeShipment(shipment, { locale: 'en' });
      expect(text($(el, '[part="headline"] > span:last-child'))).to.equal(expected.headline);
      expect(text($(el, '[part="what-happened"] dd'))).to.equal(expected.whatHappened);
      expect(text($(el, '[part="what-next"] dd'))).to.equal(expected.whatNext);
      expect(text($(el, '[part="what-to-do"] dd'))).to.equal(expected.whatToDo ?? '');
      expect($(el, 'section')!.getAttribute('aria-labelledby')).to.equal('headline');
      await expect(el).to.be.accessible();
    });
  }

  it('words the common problems plainly', async () => {
    const headline = async (reason: ProblemReason) =>
      text($(await render(shipmentWith(reason)), '[part="headline"] > span:last-child'));
    expect(await headline('weather')).to.equal('Delayed by weather');
    expect(await headline('customs')).to.equal('Held in customs');
    expect(await headline('failed_attempt')).to.equal('Delivery attempt missed');
    const lost = await render(shipmentWith('lost'));
    expect(text($(lost, '[part="what-to-do"] dd'))).to.equal('Contact the store about a replacement or a refund.');
  });

  it('marks a problem the shopper must act on in words, not only colour', async () => {
    const action = await render(shipmentWith('customs'));
    expect(text($(action, '[part="badge"]'))).to.equal('Action needed');
    expect(text($(action, '[role="heading"]'))).to.equal('Action needed Held in customs');
    expect($(action, 'section')!.classList.contains('action')).to.equal(true);

    const delay = await render(shipmentWith('weather'));
    expect($(delay, '[part="badge"]')).to.equal(null);
    expect($(delay, 'section')!.classList.contains('action')).to.equal(false);
  });

  it('shows the new delivery date when the carrier moves it', async () => {
    const [from, to] = [dayFromToday(2), dayFromToday(4)];
    const el = await render(
      shipmentWith('weather', {
        estimate: { earliest: from, latest: to, likely: dayFromToday(3), confidence: 0.8, basis: 'carrier' },
      }),
    );
    const date = $(el, '[part="new-date"]')!;
    expect(text(date.querySelector('dt'))).to.equal('New delivery date');
    const format = new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
    const expected = format.formatRange(Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`));
    expect(text(date.querySelector('dd'))).to.contain(expected.replace(/\s+/g, ' '));
    expect(text(date.querySelector('dd'))).to.contain('most likely');
    await expect(el).to.be.accessible();
  });

  it('leaves out a delivery date that has passed, or that a lost parcel makes meaningless', async () => {
    const past = {
      earliest: '2024-05-01',
      latest: '2024-05-02',
      likely: '2024-05-02',
      confidence: 0.8,
      basis: 'carrier' as const,
    };
    expect($(await render(shipmentWith('delayed', { estimate: past })), '[part="new-date"]')).to.equal(null);
    const future = { ...past, earliest: dayFromToday(3), latest: dayFromToday(3), likely: dayFromToday(3) };
    expect($(await render(shipmentWith('lost', { estimate: future })), '[part="new-date"]')).to.equal(null);
    expect($(await render(shipmentWith('delayed', { estimate: future })), '[part="new-date"]')).not.to.equal(null);
  });

  it('gives a new date exactly where the summary does: none while delivery waits on the shopper', async () => {
    const future = {
      earliest: dayFromToday(3),
      latest: dayFromToday(3),
      likely: dayFromToday(3),
      confidence: 0.8,
      basis: 'carrier' as const,
    };
    const withProblem = (reason: ProblemReason, actionRequired: boolean) => {
      const shipment = shipmentWith(reason, { estimate: future });
      return { ...shipment, problem: { ...shipment.problem!, actionRequired } };
    };
    for (const reason of problemReasons) {
      for (const action of [false, true]) {
        const shipment = withProblem(reason, action);
        const dated = $(await render(shipment), '[part="new-date"]') !== null;
        const summaryDated = /expects to deliver|should arrive/.test(describeShipment(shipment).whatNext);
        expect(dated, `${reason}, action ${action}`).to.equal(summaryDated);
      }
    }
    expect($(await render(withProblem('address', true)), '[part="new-date"]') === null, 'address to fix').to.equal(
      true,
    );
  });

  it('shows the store’s own contact words and its contact link', async () => {
    const el = await fixture<DelayBanner>(
      html`<delay-banner .shipment=${shipmentWith('damaged')} contact-href="mailto:help@example.com"
        ><span slot="contact">Our team answers within a day.</span></delay-banner
      >`,
    );
    const slot = $(el, 'slot[name="contact"]') as HTMLSlotElement;
    expect(slot.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Our team answers within a day.']);
    const link = $(el, '[part="contact-link"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('mailto:help@example.com');
    expect(text(link)).to.equal('Contact the store');
    expect($(el, '[part="contact"]')!.hidden).to.equal(false);
    expect(link.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('refuses a script URL as the contact link, and hides the empty contact area', async () => {
    const el = await fixture<DelayBanner>(
      html`<delay-banner .shipment=${shipmentWith('damaged')} contact-href="javascript:alert(1)"></delay-banner>`,
    );
    expect($(el, '[part="contact-link"]')).to.equal(null);
    expect($(el, '[part="contact"]')!.hidden).to.equal(true);
  });

  it('renders carrier text that looks like HTML as plain text', async () => {
    const attack = '<img src=x onerror="window.__bannerXss=1">';
    const shipment = shipmentWith('held');
    shipment.events[0]!.location = { city: attack };
    const el = await render(shipment);
    expect(text($(el, '[part="what-happened"] dd'))).to.contain('<img src=x');
    expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(0);
    expect((window as { __bannerXss?: number }).__bannerXss).to.equal(undefined);
  });

  it('speaks the shopper’s language, and switches when the locale changes', async () => {
    const el = await render(shipmentWith('customs'), 'es-MX');
    expect(text($(el, '[part="badge"]'))).to.equal('Requiere tu acción');
    expect(text($(el, '[part="what-happened"] dt'))).to.equal('Qué ha pasado');
    expect(text($(el, '[part="headline"] > span:last-child'))).to.equal('Retenido en aduana');
    el.locale = 'de';
    await el.updateComplete;
    expect(text($(el, '[part="what-to-do"] dt'))).to.equal('Was Sie tun können');
    expect(text($(el, '[part="headline"] > span:last-child'))).to.equal('Beim Zoll');
    await expect(el).to.be.accessible();
  });

  it('uses the store’s own words where it replaces a message', async () => {
    const el = await render(shipmentWith('weather'));
    el.messages = { whatNext: 'Next', describe: { 'problem.weather.headline': () => 'Storm delay' } };
    await el.updateComplete;
    expect(text($(el, '[part="what-next"] dt'))).to.equal('Next');
    expect(text($(el, '[part="headline"] > span:last-child'))).to.equal('Storm delay');
  });

  it('fits a 320 px screen in dark mode, right to left', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl" style="inline-size: 320px; background: #0d1117">
        <delay-banner
          theme="dark"
          locale="en"
          contact-href="/contact"
          .shipment=${shipmentWith('payment_due')}
        ></delay-banner>
      </div>`,
    );
    const el = wrapper.querySelector('delay-banner')!;
    await el.updateComplete;
    const base = $(el, '[part="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    expect(getComputedStyle(base).borderRightWidth).to.equal('4px'); // the thick edge is on the inline start
    expect($(el, '[part="icon"]')!.getBoundingClientRect().left).to.be.greaterThan(
      $(el, '[part="headline"]')!.getBoundingClientRect().right,
    );
    await expect(el).to.be.accessible();
  });
  it('links to the carrier’s tracking page when the shopper must act there, in the shopper’s language', async () => {
    const url = 'https://www.ups.com/track?tracknum=1Z999AA10123456784';
    const banner = (shipment: Shipment, locale = 'en', href = url) =>
      fixture<DelayBanner>(
        html`<delay-banner .shipment=${shipment} locale=${locale} carrier-href=${href}></delay-banner>`,
      );
    const el = await banner(shipmentWith('customs'));
    expect(text($(el, '[part="what-to-do"] dd'))).to.contain('Contact UPS');
    const link = $(el, '[part="carrier-link"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal(url);
    expect(text(link)).to.equal("Go to UPS's tracking page");
    expect($(el, '[part="contact"]')!.hidden).to.equal(false);
    expect(link.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
    const words = {
      es: 'Ir a la página de seguimiento de UPS',
      fr: 'Aller à la page de suivi de UPS',
      de: 'Zur Sendungsverfolgung von UPS',
    };
    for (const [locale, word] of Object.entries(words)) {
      expect(text($(await banner(shipmentWith('address'), locale), '[part="carrier-link"]')), locale).to.equal(word);
    }
    // A carrier a shopper would not know by name.
    const other = await banner(shipmentWith('payment_due', { carrier: 'other' }));
    expect(text($(other, '[part="carrier-link"]'))).to.equal("Go to the carrier's tracking page");
    // Nothing to do at the carrier's for a delay; and never a script URL.
    const weather = await banner(shipmentWith('weather'));
    expect($(weather, '[part="carrier-link"]')).to.equal(null);
    expect($(weather, '[part="contact"]')!.hidden).to.equal(true);
    expect($(await banner(shipmentWith('customs'), 'en', 'javascript:alert(1)'), '[part="carrier-link"]')).to.equal(
      null,
    );
  });
});
