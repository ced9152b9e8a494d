import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Place, Shipment, TrackingEvent } from '@trackline/core';
import '@trackline/elements/tracking-timeline';
import type { TrackingTimeline } from '@trackline/elements';
import { describeShipment } from '@trackline/core';
import { press } from '../internal/test-commands.js';
import { contrast } from '../internal/test-colors.js';
import { timelineMessages } from './messages-all.js';

const LA: Place = { city: 'FRESNO', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' };

function scan(at: string, description: string, extra: Partial<TrackingEvent> = {}): TrackingEvent {
  return { at, timeSource: 'carrier', status: 'in_transit', code: 'AR', description, location: LA, ...extra };
}

function shipmentOf(events: TrackingEvent[]): Shipment {
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    status: 'in_transit',
    events,
    destination: { city: 'Oakland', region: 'CA', country: 'US' },
    updatedAt: '2024-05-08T12:00:00Z',
  };
}

/** Twelve scans, two a day from May 1 to May 6, given oldest first as the model stores them. */
const longHistory = Array.from({ length: 12 }, (_, i) =>
  scan(`2024-05-0${Math.floor(i / 2) + 1}T${i % 2 ? '15' : '08'}:00:00-07:00`, `Scan ${i + 1}`),
);

async function render(shipment: Shipment, attributes: { locale?: string; collapsed?: number } = {}) {
  return fixture<TrackingTimeline>(
    html`<tracking-timeline
      .shipment=${shipment}
      locale=${attributes.locale ?? 'en'}
      collapsed-count=${attributes.collapsed ?? 5}
    ></tracking-timeline>`,
  );
}

const $ = (el: TrackingTimeline, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: TrackingTimeline, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const texts = (elements: HTMLElement[]) => elements.map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('<tracking-timeline>', () => {
  it('lists events newest first under one heading per local day', async () => {
    const el = await render(
      shipmentOf([
        scan('2024-05-06T09:15:00-07:00', 'Departed from facility'),
        scan('2024-05-07T07:02:00-07:00', 'Out for delivery', { status: 'out_for_delivery', code: 'OT' }),
        scan('2024-05-06T18:40:00-07:00', 'Arrived at facility'),
        // 23:30 in Fresno is already May 8 in UTC: it belongs to May 7 on the parcel's own clock.
        scan('2024-05-07T23:30:00-07:00', 'Delivered', { status: 'delivered', code: 'D' }),
      ]),
    );
    const headings = texts($$(el, '[role="heading"]'));
    expect(headings).to.have.length(2);
    expect(headings[0]).to.contain('May 7');
    expect(headings[1]).to.contain('May 6');
    expect($$(el, '[role="heading"]')[0]!.getAttribute('aria-level')).to.equal('3');
    expect(texts($$(el, '[part~="event__description"]'))).to.deep.equal([
      'Delivered',
      'Out for delivery',
      'Arrived at facility',
      'Departed from facility',
    ]);
    expect($$(el, '[part~="event--latest"]')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('puts events from several time zones under one heading per local day, newest day first', async () => {
    const frankfurt: Place = { city: 'Frankfurt', country: 'DE', timeZone: 'Europe/Berlin' };
    const newYork: Place = { city: 'New York', region: 'NY', country: 'US', timeZone: 'America/New_York' };
    const el = await render(
      shipmentOf([
        scan('2024-05-07T09:00:00+02:00', 'Processed in Frankfurt', { location: frankfurt }),
        scan('2024-05-08T01:00:00+02:00', 'Departed Frankfurt', { location: frankfurt }),
        // The newest scan (01:00 UTC on May 8), but still the evening of May 7 in New York.
        scan('2024-05-07T21:00:00-04:00', 'Arrived in New York', { location: newYork }),
      ]),
    );
    const headings = texts($$(el, '[role="heading"]'));
    expect(headings).to.have.length(2);
    expect(headings[0]).to.contain('May 8');
    expect(headings[1]).to.contain('May 7');
    const days = $$(el, '[part="day"]').map((day) => texts([...day.querySelectorAll<HTMLElement>('.description')]));
    expect(days).to.deep.equal([['Departed Frankfurt'], ['Arrived in New York', 'Processed in Frankfurt']]);
    // The latest scan is still the one marked latest, wherever its day puts it.
    expect(texts($$(el, '[part~="event--latest"] .description'))).to.deep.equal(['Arrived in New York']);
    // Each time stays on its own clock, so each sits under its own date.
    const [departed, arrived, processed] = texts($$(el, 'time'));
    expect(departed).to.match(/^1:00\sAM GMT\+2$/);
    expect(arrived).to.match(/^9:00\sPM EDT$/);
    expect(processed).to.match(/^9:00\sAM GMT\+2$/);
    await expect(el).to.be.accessible();
  });

  it('shows each time on the clock where it happened, with its time zone, and the place', async () => {
    const el = await render(
      shipmentOf([
        scan('2024-05-06T10:50:00-07:00', 'Arrival scan'),
        scan('2024-05-07T16:05:00+02:00', 'Export scan', { location: { city: 'Leipzig', country: 'DE' } }),
        scan('2024-05-08T14:05:00Z', 'Processed', { timeSource: 'utc', location: { label: 'HUB 7' } }),
      ]),
    );
    const times = texts($$(el, 'time'));
    expect(times[0]).to.match(/^2:05\sPM UTC$/);
    expect(times[1]).to.match(/^4:05\sPM GMT\+2$/);
    expect(times[2]).to.match(/^10:50\sAM PDT$/);
    expect($$(el, 'time')[2]!.getAttribute('datetime')).to.equal('2024-05-06T10:50:00-07:00');
    expect(texts($$(el, '[part~="event__location"]'))).to.deep.equal(['HUB 7', 'Leipzig, Germany', 'Fresno, CA']);
  });

  it('collapses a long history to the latest five and expands it from the keyboard', async () => {
    const el = await render(shipmentOf(longHistory));
    expect($$(el, '[part~="event"]')).to.have.length(5);
    expect(texts($$(el, '[part~="event__description"]'))[0]).to.equal('Scan 12');
    const toggle = $(el, '[part="toggle"]')!;
    expect(toggle.textContent!.trim()).to.equal('Show all 12 updates');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal('history');
    await expect(el).to.be.accessible();

    toggle.focus();
    expect(el.shadowRoot!.activeElement).to.equal(toggle);
    await press('Enter');
    await el.updateComplete;
    expect($$(el, '[part~="event"]')).to.have.length(12);
    expect(texts($$(el, '[role="heading"]'))).to.have.length(6);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent!.trim()).to.equal('Show fewer updates');
    expect(el.shadowRoot!.activeElement).to.equal(toggle);
    await expect(el).to.be.accessible();

    await press('Space');
    await el.updateComplete;
    expect($$(el, '[part~="event"]')).to.have.length(5);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('shows as many latest events as collapsed-count says', async () => {
    const el = await render(shipmentOf(longHistory), { collapsed: 3 });
    expect($$(el, '[part~="event"]')).to.have.length(3);
    el.collapsedCount = 20;
    await el.updateComplete;
    expect($$(el, '[part~="event"]')).to.have.length(12);
    expect($(el, '[part="toggle"]')).to.equal(null);
  });

  it('opens a tooltip with the carrier’s code and text on keyboard focus, and closes it on Escape', async () => {
    const el = await render(shipmentOf([scan('2024-05-06T10:50:00-07:00', 'Arrived at Facility', { code: 'AR' })]));
    const button = $(el, '[part="event__details"]')!;
    const tooltip = $(el, '[role="tooltip"]')!;
    expect(button.getAttribute('aria-describedby')).to.equal(tooltip.id);
    expect(tooltip.hidden).to.equal(true);

    await press('Tab'); // the details button is the first thing on the page to take focus
    expect(el.shadowRoot!.activeElement).to.equal(button);
    await waitUntil(() => !tooltip.hidden && tooltip.style.left !== '', 'the tooltip did not open');
    expect(tooltip.textContent!.replace(/\s+/g, ' ')).to.contain('Carrier code: AR');
    expect(tooltip.textContent!.replace(/\s+/g, ' ')).to.contain('Carrier text: Arrived at Facility');
    expect(tooltip.textContent!.replace(/\s+/g, ' ')).to.contain('Status: In transit');
    // Above its trigger, or below when there is no room above (as here, at the top of the page); touching it
    // either way, so the pointer can move onto it.
    const [tip, trigger] = [tooltip.getBoundingClientRect(), button.getBoundingClientRect()];
    expect(tooltip.dataset.placement).to.equal('bottom');
    expect(Math.round(tip.top)).to.equal(Math.round(trigger.bottom));
    await expect(el).to.be.accessible();

    await press('Escape');
    await el.updateComplete;
    expect(tooltip.hidden).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(button); // Escape closes without moving focus
  });

  it('opens the tooltip on hover and keeps it open while the pointer moves onto it', async () => {
    const el = await render(shipmentOf([scan('2024-05-06T10:50:00-07:00', 'Arrived', { code: 'AR' })]));
    const button = $(el, '[part="event__details"]')!;
    const tooltip = $(el, '[role="tooltip"]')!;
    button.dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => !tooltip.hidden, 'hover did not open the tooltip');
    button.dispatchEvent(new PointerEvent('pointerleave', { relatedTarget: tooltip }));
    await el.updateComplete;
    expect(tooltip.hidden).to.equal(false);
    tooltip.dispatchEvent(new PointerEvent('pointerleave', { relatedTarget: document.body }));
    await el.updateComplete;
    expect(tooltip.hidden).to.equal(true);
  });

  it('stops positioning the tooltip once the timeline leaves the page', async () => {
    const el = await render(shipmentOf([scan('2024-05-06T10:50:00-07:00', 'Arrived', { code: 'AR' })]));
    const button = $(el, '[part="event__details"]')!;
    const tooltip = $(el, '[role="tooltip"]')!;
    button.focus();
    await waitUntil(() => tooltip.style.left !== '', 'the tooltip was never placed');
    await frame();
    const placed = { left: tooltip.style.left, top: tooltip.style.top };

    el.remove();
    // Were autoUpdate still running, the resize and the detached trigger's new (empty) box would move the tooltip.
    window.dispatchEvent(new Event('resize'));
    window.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    expect({ left: tooltip.style.left, top: tooltip.style.top }).to.deep.equal(placed);
    expect(tooltip.hidden).to.equal(true);
  });

  it('renders carrier text that looks like HTML as plain text', async () => {
    const attack = '<img src=x onerror="window.__timelineXss=1">';
    const el = await render(
      shipmentOf([
        scan('2024-05-06T10:50:00-07:00', attack, {
          code: '<script>window.__timelineXss=1</script>',
          location: { city: '<b onmouseover=alert(1)>Town</b>' },
        }),
      ]),
    );
    $(el, '[part="event__details"]')!.focus();
    const tooltip = $(el, '[role="tooltip"]')!;
    await waitUntil(() => !tooltip.hidden, 'the tooltip did not open');
    expect($(el, '[part~="event__description"]')!.textContent!.trim()).to.equal(attack);
    expect(tooltip.textContent).to.contain(attack);
    expect(tooltip.textContent).to.contain('<script>');
    expect($(el, '[part~="event__location"]')!.textContent).to.contain('<b onmouseover');
    expect(el.shadowRoot!.querySelectorAll('img, script, b')).to.have.length(0);
    expect((window as { __timelineXss?: number }).__timelineXss).to.equal(undefined);
  });

  it('says in words which event had a problem and when the shopper must act', async () => {
    const el = await render(
      shipmentOf([
        scan('2024-05-05T10:00:00-07:00', 'Weather delay', { problem: { reason: 'weather', actionRequired: false } }),
        scan('2024-05-06T10:00:00-07:00', 'Held for duties', {
          code: 'CH',
          problem: { reason: 'customs', actionRequired: true },
        }),
      ]),
    );
    expect(texts($$(el, '[part~="event__problem"]'))).to.deep.equal([
      'Held in customs · Needs your action',
      'Delayed by weather',
    ]);
    expect($$(el, '[part~="event--problem"]')).to.have.length(2);
    // Colour says it too: the must-act event's marker in the action colour, the delay's in the problem colour.
    const markers = $$(el, '[part~="event__marker"]').map((marker) => getComputedStyle(marker).borderTopColor);
    expect(markers).to.deep.equal(['rgb(180, 35, 24)', 'rgb(179, 89, 0)']);
    await expect(el).to.be.accessible();
  });

  it('speaks the shopper’s language, and switches when the locale changes', async () => {
    const el = await render(shipmentOf(longHistory), { locale: 'de-AT' });
    expect($(el, 'section')!.getAttribute('aria-label')).to.equal('Sendungsverlauf');
    expect($(el, '[part="toggle"]')!.textContent!.trim()).to.equal('Alle 12 Ereignisse anzeigen');
    expect(texts($$(el, '[role="heading"]'))[0]).to.contain('Mai');
    expect(texts($$(el, 'time'))[0]).to.match(/^15:00 /);

    el.locale = 'fr';
    await el.updateComplete;
    expect($(el, '[part="toggle"]')!.textContent!.trim()).to.equal('Afficher les 12 mises à jour');
    expect(texts($$(el, '[role="heading"]'))[0]).to.contain('mai');
    await expect(el).to.be.accessible();
  });

  it('uses the store’s own words where it replaces a message', async () => {
    const el = await render(shipmentOf(longHistory));
    el.messages = {
      showAll: (count) => `See the whole journey (${count})`,
      details: 'About this scan',
      statuses: { in_transit: 'Moving' },
    };
    await el.updateComplete;
    $(el, '[part="event__details"]')!.focus();
    await el.updateComplete;
    expect($(el, '[role="tooltip"]:not([hidden])')!.textContent).to.contain('Status: Moving');
    expect($(el, '[part="toggle"]')!.textContent!.trim()).to.equal('See the whole journey (12)');
    expect($(el, '[part="event__details"]')!.getAttribute('aria-label')).to.equal('About this scan');
  });

  it('says so when the carrier has sent nothing yet', async () => {
    const el = await render(shipmentOf([]));
    expect($(el, '[part="empty"]')!.textContent).to.equal('No tracking updates yet.');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px screen in dark mode, right to left, with 44 px buttons', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl" style="inline-size: 320px; background: #0d1117; padding: 0">
        <tracking-timeline theme="dark" locale="en" .shipment=${shipmentOf(longHistory)}></tracking-timeline>
      </div>`,
    );
    const el = wrapper.querySelector('tracking-timeline')!;
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    const [marker, description] = [$(el, '.marker')!, $(el, '.description')!];
    expect(marker.getBoundingClientRect().left).to.be.greaterThan(description.getBoundingClientRect().right);
    for (const button of $$(el, 'button')) {
      const box = button.getBoundingClientRect();
      expect(box.width, 'button width').to.be.at.least(44);
      expect(box.height, 'button height').to.be.at.least(44);
    }
    await expect(el).to.be.accessible();
    $(el, '[part="toggle"]')!.click();
    await el.updateComplete;
    $(el, '[part="event__details"]')!.focus();
    await waitUntil(() => $(el, '[role="tooltip"]:not([hidden])')?.style.left, 'the tooltip did not open');
    const tip = $(el, '[role="tooltip"]:not([hidden])')!.getBoundingClientRect();
    expect(tip.left).to.be.at.least(0);
    expect(tip.right).to.be.at.most(window.innerWidth);
    await expect(el).to.be.accessible();
  });
  it('draws its line and empty markers at 3:1 or more against its background, light and dark (WCAG 1.4.11)', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await fixture<TrackingTimeline>(
        html`<tracking-timeline theme=${theme} locale="en" .shipment=${shipmentOf(longHistory)}></tracking-timeline>`,
      );
      const surface = getComputedStyle(el).backgroundColor;
      const older = $$(el, '.event:not(.latest)')[0]!;
      const marker = getComputedStyle(older.querySelector('.marker')!).borderTopColor;
      expect(contrast(marker, surface), `${theme}: ${marker} on ${surface}`).to.be.at.least(3);
      const line = getComputedStyle($$(el, '.event')[0]!, '::before').backgroundColor;
      expect(contrast(line, surface), `${theme}: ${line} on ${surface}`).to.be.at.least(3);
    }
  });
});

describe('tracking-timeline status names', () => {
  it('name a return as the summary and the progress bar do, in every language', () => {
    for (const [locale, messages] of Object.entries(timelineMessages)) {
      for (const status of ['returning', 'returned'] as const) {
        const parcel = { ...shipmentOf([scan('2024-05-07T09:15:00-07:00', 'RETURN', { status })]), status };
        expect(messages.statuses[status], `${locale} ${status}`).to.equal(
          describeShipment(parcel, { locale }).headline,
        );
      }
    }
  });
});
