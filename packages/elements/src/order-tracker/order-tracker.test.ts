import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { describeShipment, statuses, type Order, type Shipment, type Status } from '@trackline/core';
import '@trackline/elements/order-tracker';
import type {
  OrderTracker,
  TracklineErrorEvent,
  TracklineLoadedEvent,
  TracklineStatusChangeEvent,
} from '@trackline/elements';
import { press, setViewport, type } from '../internal/test-commands.js';
import { lookupLoader } from './lookup-loader.js';
import { trackerMessages } from '@trackline/elements';
import { trackerCopy } from './messages.js';

const ENDPOINT = '/api/track';

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
    estimate: {
      earliest: '2024-05-07',
      latest: '2024-05-09',
      likely: '2024-05-08',
      confidence: 0.8,
      basis: 'history',
      sampleSize: 1240,
    },
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    updatedAt: '2024-05-06T15:10:00Z',
    ...extra,
  };
}

/** The carrier's own date for the fixture's parcel: May 8, 2024. */
const carrierSaysMay8 = {
  earliest: '2024-05-08',
  latest: '2024-05-08',
  likely: '2024-05-08',
  confidence: 0.9,
  basis: 'carrier',
} as const;

/** A moment the fixture's parcel is on its way, its estimate (May 7–9, 2024) still ahead. */
const onItsWay = new Date('2024-05-06T18:00:00-07:00');

function order(...shipments: Shipment[]): Order {
  return { orderNumber: '1001', placedAt: '2024-05-01T10:00:00-07:00', shipments };
}

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ');
const liveRegion = (el: Element) => $(el, '[role="status"]')!.textContent!.trim();

/** Every text the live region shows from now on, in order (a screen reader reads each new one). */
function liveTexts(el: Element): string[] {
  const seen: string[] = [];
  const region = $(el, '[role="status"]')!;
  new MutationObserver(() => seen.push(region.textContent!.trim())).observe(region, {
    childList: true,
    characterData: true,
    subtree: true,
  });
  return seen;
}

// ---- a fake look-up endpoint: window.fetch answers from a queue, and every request is recorded ----
type Answer = () => Response | Promise<Response>;
const realFetch = window.fetch;
let answers: Answer[] = [];
let requests: URL[] = [];

const json =
  (body: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const offline = () => () => Promise.reject(new TypeError('Failed to fetch'));

function serve(...queue: Answer[]) {
  answers = queue;
}

beforeEach(() => {
  answers = [];
  requests = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) return Promise.reject(new DOMException('The request was aborted.', 'AbortError'));
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    requests.push(url);
    const answer = answers.shift();
    if (!answer) return Promise.reject(new Error(`unexpected request ${url.href}`));
    return Promise.resolve(answer());
  };
});

afterEach(() => {
  window.fetch = realFetch;
});

/** Resolves once `condition` holds, checking after each task (no time limit of its own: the test's applies). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Every element in `el`'s shadow tree, through nested shadow roots. */
function deepElements(el: Element): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const child of node.querySelectorAll('*')) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  walk(root(el));
  return out;
}

describe('<order-tracker> with data', () => {
  for (const status of statuses) {
    it(`shows the plain-language headline and progress of a ${status} parcel`, async () => {
      const s = shipment(status);
      const el = await fixture<OrderTracker>(html`<order-tracker locale="en" .shipment=${s}></order-tracker>`);
      const headline = $(el, 'h2 [part="shipment__headline"]')!;
      expect(headline.textContent).to.equal(describeShipment(s, { locale: 'en' }).headline);
      const progress = $(el, 'tracking-progress') as HTMLElement & { shipment: Shipment };
      expect(progress.shipment).to.equal(s);
      expect($(el, 'tracking-timeline')).not.to.equal(null);
      expect(text(el)).to.contain('UPS · UPS Ground');
      await expect(el).to.be.accessible();
    });
  }

  it('says how sure the estimate is and that it rests on 1,240 recent deliveries', async () => {
    const el = await fixture<OrderTracker>(
      html`<order-tracker locale="en" .shipment=${shipment('in_transit')} .now=${onItsWay}></order-tracker>`,
    );
    expect($(el, '[part="estimate__date"]')!.textContent).to.match(/May 7.*9/);
    expect($(el, '[part="estimate__basis"]')!.textContent).to.equal(
      '80% chance it arrives in this window · Based on 1,240 recent deliveries',
    );
  });

  it('never invents a number of deliveries when the estimate carries none', async () => {
    const s = shipment('in_transit', {
      estimate: {
        earliest: '2024-05-08',
        latest: '2024-05-08',
        likely: '2024-05-08',
        confidence: 0.6,
        basis: 'history',
      },
    });
    const el = await fixture<OrderTracker>(
      html`<order-tracker locale="en" .shipment=${s} .now=${onItsWay}></order-tracker>`,
    );
    const basis = $(el, '[part="estimate__basis"]')!.textContent!;
    expect(basis).to.equal('60% chance it arrives that day · Based on recent deliveries');
    expect(basis).not.to.match(/\d+ recent/);
  });

  it('names the carrier as the source of a carrier estimate, and shows no estimate once delivered', async () => {
    const carrierEstimate = shipment('in_transit', {
      estimate: carrierSaysMay8,
    });
    const el = await fixture<OrderTracker>(
      html`<order-tracker .shipment=${carrierEstimate} .now=${onItsWay}></order-tracker>`,
    );
    expect($(el, '[part="estimate__basis"]')!.textContent).to.contain('Estimate from UPS');
    el.shipment = shipment('delivered');
    await el.updateComplete;
    expect($(el, '[part="estimate"]')).to.equal(null);
  });

  it('hands a parcel with a problem to <delay-banner>', async () => {
    const s = shipment('in_transit', {
      problem: { reason: 'weather', actionRequired: false, since: '2024-05-06T09:00:00-07:00' },
    });
    const el = await fixture<OrderTracker>(
      html`<order-tracker .shipment=${s} contact-href="https://shop.example/help"></order-tracker>`,
    );
    const banner = $(el, 'delay-banner') as HTMLElement & { shipment: Shipment; contactHref?: string };
    expect(banner.shipment).to.equal(s);
    expect(banner.contactHref).to.equal('https://shop.example/help');
    expect($(el, '[part="shipment__headline"]')!.textContent).to.equal('Delayed by weather');
    await expect(el).to.be.accessible();
  });

  it('tells a delivered parcel’s story itself when its old delay no longer matters', async () => {
    const s = shipment('delivered', {
      problem: { reason: 'weather', actionRequired: false, since: '2024-05-06T09:00:00-07:00' },
    });
    const el = await fixture<OrderTracker>(html`<order-tracker .shipment=${s}></order-tracker>`);
    expect($(el, 'delay-banner')).to.equal(null);
    expect($(el, '[part="shipment__summary"]')!.textContent).to.contain(describeShipment(s).whatHappened);
  });

  it('hands a delivered parcel to <delay-banner> when the carrier still asks the shopper to act', async () => {
    const s = shipment('delivered', {
      problem: { reason: 'address', actionRequired: true, since: '2024-05-06T09:00:00-07:00' },
    });
    const el = await fixture<OrderTracker>(html`<order-tracker .shipment=${s}></order-tracker>`);
    const banner = $(el, 'delay-banner') as HTMLElement & { updateComplete: Promise<unknown> };
    await banner.updateComplete;
    expect(banner.shadowRoot!.textContent).to.contain(describeShipment(s).whatToDo!);
    expect($(el, '[part="shipment__summary"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows each parcel of an order with several', async () => {
    const second = shipment('delivered', { carrier: 'fedex', trackingNumber: '776094337676', service: undefined });
    const el = await fixture<OrderTracker>(
      html`<order-tracker .order=${order(shipment('out_for_delivery'), second)}></order-tracker>`,
    );
    expect($(el, 'h2')!.textContent).to.equal('Order 1001');
    const sections = root(el).querySelectorAll('article[part="shipment"]');
    expect(sections).to.have.length(2);
    expect(sections[0]!.textContent).to.contain('Parcel 1 of 2');
    expect(sections[1]!.textContent).to.contain('Parcel 2 of 2');
    expect(sections[1]!.querySelector('h3')!.textContent!.trim()).to.equal('Delivered');
    expect(sections[1]!.textContent).to.contain('FedEx');
    await expect(el).to.be.accessible();
  });

  it('says an order has not shipped when it has no parcels yet', async () => {
    const el = await fixture<OrderTracker>(html`<order-tracker .order=${order()}></order-tracker>`);
    expect(text(el)).to.contain("Your order hasn't shipped yet.");
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish and takes the store’s own words', async () => {
    const el = await fixture<OrderTracker>(
      html`<order-tracker
        locale="es-MX"
        .messages=${{ carrier: 'Paquetería' }}
        .order=${order(shipment('in_transit'))}
        .now=${onItsWay}
      ></order-tracker>`,
    );
    expect($(el, 'h2')!.textContent).to.equal('Pedido 1001');
    expect(text(el)).to.contain('Paquetería');
    expect(text(el)).to.contain('Según 1240 entregas recientes'.replace('1240', (1240).toLocaleString('es-MX')));
    expect($(el, 'tracking-progress')!.getAttribute('locale')).to.equal('es-MX');
  });

  it('passes a dark theme to the embedded components and stays accessible right to left', async () => {
    const wrapper = await fixture(
      html`<div dir="rtl" lang="de">
        <order-tracker theme="dark" .shipment=${shipment('in_transit')}></order-tracker>
      </div>`,
    );
    const el = wrapper.querySelector('order-tracker')!;
    await el.updateComplete;
    expect($(el, 'tracking-timeline')!.getAttribute('theme')).to.equal('dark');
    expect($(el, '[part="details"] dt')!.textContent).to.equal('Versanddienst');
    await expect(el).to.be.accessible();
  });

  it('copies the tracking number from the keyboard and says so', async () => {
    const copied: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (value: string) => (copied.push(value), Promise.resolve()) },
    });
    try {
      const el = await fixture<OrderTracker>(html`<order-tracker .shipment=${shipment('in_transit')}></order-tracker>`);
      const button = $(el, '[part="copy-button"]') as HTMLButtonElement;
      expect(button.getAttribute('aria-label')).to.equal('Copy tracking number 1Z999AA10123456784');
      button.focus();
      await press('Enter');
      await el.updateComplete;
      expect(copied).to.deep.equal(['1Z999AA10123456784']);
      expect(button.textContent).to.contain('Copied');
      expect(liveRegion(el)).to.equal('Copied');
      await expect(el).to.be.accessible();
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('tells the shopper how to copy by hand when the clipboard is refused', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    try {
      const el = await fixture<OrderTracker>(html`<order-tracker .shipment=${shipment('in_transit')}></order-tracker>`);
      ($(el, '[part="copy-button"]') as HTMLButtonElement).click();
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(text(el)).to.contain("Couldn't copy. Select the number and copy it.");
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
    }
  });

  it('renders hostile carrier text as inert text', async () => {
    const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const s = shipment('in_transit', {
      service: attack,
      trackingNumber: `1Z${attack}`,
      trackingUrl: 'javascript:window.__pwned=1' as string,
      events: [
        {
          at: '2024-05-06T08:10:00-07:00',
          timeSource: 'carrier',
          status: 'in_transit',
          code: attack,
          description: attack,
          location: { label: attack },
        },
      ],
    });
    const el = await fixture<OrderTracker>(
      html`<order-tracker .order=${{ ...order(s), orderNumber: attack }}></order-tracker>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const tags = deepElements(el).map((node) => node.localName);
    expect(tags).not.to.include('img');
    expect(tags).not.to.include('script');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect($(el, '[part="carrier-link"]')).to.equal(null);
    expect($(el, '[part="tracking-number"]')!.textContent).to.contain('<img src=x');
    expect($(el, 'h2')!.textContent).to.contain('<script>');
  });

  it('announces "Copied" again when a second parcel is copied', async () => {
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.resolve() },
    });
    try {
      const second = shipment('in_transit', { trackingNumber: '9400111899223100000000' });
      const el = await fixture<OrderTracker>(
        html`<order-tracker .order=${order(shipment('in_transit'), second)}></order-tracker>`,
      );
      const seen = liveTexts(el);
      const [first, next] = root(el).querySelectorAll<HTMLButtonElement>('[part="copy-button"]');
      const copied = trackerCopy.get('en').copied;
      first!.click();
      await until(() => liveRegion(el) === copied);
      next!.click();
      await until(() => seen.filter((said) => said === copied).length === 2);
      expect(liveRegion(el)).to.equal(copied);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('fires no event when code sets the data, but announces a status change politely', async () => {
    const el = await fixture<OrderTracker>(html`<order-tracker .shipment=${shipment('in_transit')}></order-tracker>`);
    let events = 0;
    el.addEventListener('trackline-status-change', () => events++);
    el.shipment = shipment('out_for_delivery');
    await el.updateComplete;
    expect(events).to.equal(0);
    expect(liveRegion(el)).to.equal('1Z999AA10123456784: Out for delivery');
    expect($(el, '[role="status"]')!.getAttribute('aria-live')).to.equal('polite');
  });
});

describe('<order-tracker> look-up', () => {
  it('shows a labelled look-up form when there is nothing to look up yet', async () => {
    const el = await fixture<OrderTracker>(html`<order-tracker endpoint=${ENDPOINT}></order-tracker>`);
    expect($(el, 'form')).not.to.equal(null);
    expect($(el, 'label[for="field-orderNumber"]')!.textContent).to.equal('Order number');
    expect($(el, 'label[for="field-contact"]')!.textContent).to.equal('Email or postal code');
    expect(requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('explains each missing field, tied to its input, when Enter submits an empty form', async () => {
    const el = await fixture<OrderTracker>(html`<order-tracker endpoint=${ENDPOINT}></order-tracker>`);
    $(el, '#field-orderNumber')!.focus();
    await press('Enter');
    await el.updateComplete;
    const number = $<HTMLInputElement>(el, '#field-orderNumber')!;
    const contact = $<HTMLInputElement>(el, '#field-contact')!;
    expect(number.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${number.getAttribute('aria-describedby')}`)!.textContent).to.contain('Enter your order number.');
    expect(contact.getAttribute('aria-describedby')).to.equal('field-contact-hint field-contact-error');
    expect($(el, '#field-contact-error')!.textContent).to.contain('Enter the email or postal code');
    expect(root(el).activeElement).to.equal(number);
    expect(requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('rejects a malformed email and a too-short tracking number', async () => {
    const el = await fixture<OrderTracker>(html`<order-tracker endpoint=${ENDPOINT}></order-tracker>`);
    $(el, '#field-orderNumber')!.focus();
    await type('1001');
    $(el, '#field-contact')!.focus();
    await type('jane@example');
    await press('Enter');
    await el.updateComplete;
    expect($(el, '#field-contact-error')!.textContent).to.contain('Enter an email address like name@example.com.');
    expect($(el, '#field-orderNumber-error')).to.equal(null);

    const trackingChoice = root(el).querySelector<HTMLInputElement>('input[value="tracking"]')!;
    trackingChoice.focus();
    await press('Space');
    await el.updateComplete;
    $(el, '#field-trackingNumber')!.focus();
    await type('12A');
    await press('Enter');
    await el.updateComplete;
    expect($(el, '#field-trackingNumber-error')!.textContent).to.contain('6 to 40 letters and digits');
    expect(requests).to.have.length(0);
  });

  it('looks up an order typed with the keyboard and moves focus to the result', async () => {
    serve(json({ order: order(shipment('out_for_delivery')) }));
    const el = await fixture<OrderTracker>(html`<order-tracker endpoint=${ENDPOINT}></order-tracker>`);
    $(el, '#field-orderNumber')!.focus();
    await type('1001');
    await press('Tab');
    await type('jane@example.com');
    const loaded = oneEvent(el, 'trackline-loaded') as Promise<TracklineLoadedEvent>;
    await press('Enter');
    const event = await loaded;
    await el.updateComplete;
    expect(requests).to.have.length(1);
    expect(requests[0]!.pathname).to.equal(ENDPOINT);
    expect(Object.fromEntries(requests[0]!.searchParams)).to.deep.equal({
      orderNumber: '1001',
      email: 'jane@example.com',
    });
    expect(event.detail.order!.orderNumber).to.equal('1001');
    expect(event.detail.shipments).to.have.length(1);
    expect(event.bubbles && event.composed).to.equal(true);
    expect($(el, 'form')).to.equal(null);
    expect(root(el).activeElement).to.equal($(el, 'h2'));
    expect(text(el)).to.contain('Last updated');
    await expect(el).to.be.accessible();

    ($(el, '[part="track-another"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, 'form')).not.to.equal(null);
    expect(root(el).activeElement).to.equal($(el, '#field-orderNumber'));
  });

  it('sends a postal code when the shopper typed one, and a tracking number on its own', async () => {
    serve(json({ order: order(shipment('in_transit')) }), json({ shipment: shipment('in_transit') }));
    const el = await fixture<OrderTracker>(
      html`<order-tracker endpoint="${ENDPOINT}?shop=7" order-number="1001" postal-code="SW1A 1AA"></order-tracker>`,
    );
    await oneEvent(el, 'trackline-loaded');
    expect(Object.fromEntries(requests[0]!.searchParams)).to.deep.equal({
      shop: '7',
      orderNumber: '1001',
      postalCode: 'SW1A 1AA',
    });
    el.orderNumber = el.postalCode = undefined;
    el.trackingNumber = '1Z999AA10123456784';
    const loaded = (await oneEvent(el, 'trackline-loaded')) as TracklineLoadedEvent;
    expect(Object.fromEntries(requests[1]!.searchParams)).to.deep.equal({
      shop: '7',
      trackingNumber: '1Z999AA10123456784',
    });
    expect(loaded.detail.order).to.equal(undefined);
    await el.updateComplete;
    expect($(el, '[part="order"]')).to.equal(null);
    expect($(el, 'h2 [part="shipment__headline"]')!.textContent).to.equal('On its way');
  });

  it('shows a skeleton while the first look-up loads', async () => {
    let release!: (response: Response) => void;
    serve(() => new Promise<Response>((resolve) => (release = resolve)));
    const el = await fixture<OrderTracker>(
      html`<order-tracker endpoint=${ENDPOINT} tracking-number="1Z999AA10123456784"></order-tracker>`,
    );
    await el.updateComplete;
    expect($(el, '[part="skeleton"]')).not.to.equal(null);
    expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(el)).to.contain('Loading tracking information…');
    await expect(el).to.be.accessible();
    const loaded = oneEvent(el, 'trackline-loaded');
    await until(() => requests.length === 1);
    release(json({ shipment: shipment('in_transit') })());
    await loaded;
    await el.updateComplete;
    expect($(el, '[part="skeleton"]')).to.equal(null);
    expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('says nothing was found and offers the form again on a 404', async () => {
    serve(json({ message: 'no such order' }, 404));
    const el = await fixture<OrderTracker>(
      html`<order-tracker endpoint=${ENDPOINT} order-number="9999" email="jane@example.com"></order-tracker>`,
    );
    const error = (await oneEvent(el, 'trackline-error')) as TracklineErrorEvent;
    await el.updateComplete;
    expect(error.detail.code, error.detail.message).to.equal('not_found');
    expect($(el, '[part="notice"]')!.textContent).to.contain("We couldn't find an order with these details.");
    expect($(el, 'form')).not.to.equal(null);
    expect($(el, '[part="retry"]')).to.equal(null);
    expect(liveRegion(el)).to.contain("We couldn't find an order");
    await expect(el).to.be.accessible();
  });

  it('treats a response that is not an order as an error, not a crash', async () => {
    serve(json({ order: { orderNumber: '1001', shipments: [{ status: 'exception' }] } }));
    const el = await fixture<OrderTracker>(
      html`<order-tracker endpoint=${ENDPOINT} order-number="1001" email="jane@example.com"></order-tracker>`,
    );
    const error = (await oneEvent(el, 'trackline-error')) as TracklineErrorEvent;
    await el.updateComplete;
    expect(error.detail.code).to.equal('invalid_response');
    expect(error.detail.message).to.match(/placedAt/);
    expect(text(el)).to.contain("We couldn't read the tracking information the store sent.");
    expect($(el, '[part="retry"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps the last data with its time when a refresh fails, and retries from the keyboard', async () => {
    serve(json({ shipment: shipment('in_transit') }), offline(), json({ shipment: shipment('out_for_delivery') }));
    const el = await fixture<OrderTracker>(
      html`<order-tracker endpoint=${ENDPOINT} tracking-number="1Z999AA10123456784"></order-tracker>`,
    );
    await oneEvent(el, 'trackline-loaded');
    const changes: TracklineStatusChangeEvent[] = [];
    el.addEventListener('trackline-status-change', (event) => changes.push(event));

    const failed = oneEvent(el, 'trackline-error') as Promise<TracklineErrorEvent>;
    void el.refresh();
    expect((await failed).detail.code).to.equal('network');
    await el.updateComplete;
    expect($(el, '[part="shipment__headline"]')!.textContent).to.equal('On its way');
    expect($(el, '[part="notice"]')!.textContent).to.contain("We couldn't load the latest tracking information.");
    expect($(el, '[part="updated"]')!.textContent).to.match(/^Last updated .*\d/);
    await expect(el).to.be.accessible();

    const retry = $(el, '[part="retry"]') as HTMLButtonElement;
    retry.focus();
    const loaded = oneEvent(el, 'trackline-loaded');
    await press('Enter');
    await loaded;
    await el.updateComplete;
    expect(requests).to.have.length(3);
    expect($(el, '[part="notice"]')).to.equal(null);
    expect(root(el).activeElement, 'focus moves from the vanished retry button to the answer').to.equal($(el, 'h2'));
    expect($(el, '[part="shipment__headline"]')!.textContent).to.equal('Out for delivery');
    expect(changes.map((event) => event.detail)).to.deep.equal([
      { trackingNumber: '1Z999AA10123456784', previous: 'in_transit', status: 'out_for_delivery' },
    ]);
    expect(liveRegion(el)).to.equal('1Z999AA10123456784: Out for delivery');
  });

  it('announces a failure again after a refresh that succeeded, and clears the old message on success', async () => {
    serve(json({ shipment: shipment('in_transit') }), offline(), json({ shipment: shipment('in_transit') }), offline());
    const el = await fixture<OrderTracker>(
      html`<order-tracker endpoint=${ENDPOINT} tracking-number="1Z999AA10123456784"></order-tracker>`,
    );
    await oneEvent(el, 'trackline-loaded');
    await el.updateComplete;
    const network = trackerCopy.get('en').network;
    const seen = liveTexts(el);
    await el.refresh();
    await el.updateComplete;
    expect(liveRegion(el)).to.equal(network);
    await el.refresh();
    await el.updateComplete;
    expect(liveRegion(el), 'a look-up that changed nothing leaves no stale failure behind').to.equal('');
    await el.refresh();
    await el.updateComplete;
    expect(liveRegion(el)).to.equal(network);
    expect(seen.filter((said) => said === network)).to.have.length(2);
  });

  it('fires trackline-loaded and trackline-status-change once the new data is on screen', async () => {
    serve(json({ shipment: shipment('in_transit') }), json({ shipment: shipment('out_for_delivery') }));
    const el = document.createElement('order-tracker') as OrderTracker;
    el.setAttribute('endpoint', ENDPOINT);
    el.setAttribute('tracking-number', '1Z999AA10123456784');
    const headline = () => $(el, '[part="shipment__headline"]')?.textContent ?? null;
    const shown: Array<[string, string | null]> = [];
    el.addEventListener('trackline-loaded', () => shown.push(['loaded', headline()]));
    el.addEventListener('trackline-status-change', () => shown.push(['status-change', headline()]));
    const first = oneEvent(el, 'trackline-loaded');
    document.body.append(el);
    try {
      await first;
      await el.refresh();
      await until(() => shown.length === 3);
      expect(shown).to.deep.equal([
        ['loaded', 'On its way'],
        ['loaded', 'Out for delivery'],
        ['status-change', 'Out for delivery'],
      ]);
    } finally {
      el.remove();
    }
  });

  it('fires no status change when a new look-up brings the same status', async () => {
    serve(json({ shipment: shipment('in_transit') }), json({ shipment: shipment('in_transit') }));
    const el = await fixture<OrderTracker>(
      html`<order-tracker endpoint=${ENDPOINT} tracking-number="1Z999AA10123456784"></order-tracker>`,
    );
    await oneEvent(el, 'trackline-loaded');
    let changes = 0;
    el.addEventListener('trackline-status-change', () => changes++);
    const loaded = oneEvent(el, 'trackline-loaded');
    await el.refresh();
    await loaded;
    expect(requests).to.have.length(2);
    expect(changes).to.equal(0);
  });

  it('looks up again on its refresh interval and reports the new status', async () => {
    // The interval's callback is captured and called by hand: no waiting on real time.
    const realSetInterval = window.setInterval;
    const realClearInterval = window.clearInterval;
    const timers: Array<{ callback: () => void; ms: number | undefined }> = [];
    window.setInterval = ((callback: () => void, ms?: number) =>
      timers.push({ callback, ms }) - 1 + 100_000) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined && id >= 100_000) timers[id - 100_000] = { callback: () => {}, ms: undefined };
    }) as typeof window.clearInterval;
    try {
      serve(json({ shipment: shipment('in_transit') }), json({ shipment: shipment('delivered') }));
      const el = await fixture<OrderTracker>(
        html`<order-tracker
          endpoint=${ENDPOINT}
          tracking-number="1Z999AA10123456784"
          refresh-interval="60"
        ></order-tracker>`,
      );
      await oneEvent(el, 'trackline-loaded');
      const live = timers.filter((timer) => timer.ms !== undefined);
      expect(live.map((timer) => timer.ms)).to.deep.equal([60_000]);
      const changed = oneEvent(el, 'trackline-status-change') as Promise<TracklineStatusChangeEvent>;
      live[0]!.callback();
      expect((await changed).detail.status).to.equal('delivered');
      expect(requests).to.have.length(2);
      el.remove();
      expect(timers.filter((timer) => timer.ms !== undefined)).to.have.length(0);
    } finally {
      window.setInterval = realSetInterval;
      window.clearInterval = realClearInterval;
    }
  });

  it('shows a network failure with a retry button when nothing was loaded yet', async () => {
    serve(json({ error: 'oops' }, 500), json({ shipment: shipment('delivered') }));
    const el = await fixture<OrderTracker>(
      html`<order-tracker endpoint=${ENDPOINT} tracking-number="1Z999AA10123456784"></order-tracker>`,
    );
    const error = (await oneEvent(el, 'trackline-error')) as TracklineErrorEvent;
    expect(error.detail.message).to.contain('500');
    await el.updateComplete;
    expect($(el, '[part="retry"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
    const loaded = oneEvent(el, 'trackline-loaded');
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await loaded;
    await el.updateComplete;
    expect($(el, '[part="shipment__headline"]')!.textContent).to.equal('Delivered');
  });

  it('says so, with a retry, when its look-up module cannot be loaded, and looks up once it loads', async () => {
    const load = lookupLoader.load;
    let loads = 0;
    lookupLoader.load = () => {
      loads++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module: lookup.js'));
    };
    try {
      serve(json({ shipment: shipment('delivered') }));
      const el = document.createElement('order-tracker') as OrderTracker;
      el.setAttribute('endpoint', ENDPOINT);
      el.setAttribute('tracking-number', '1Z999AA10123456784');
      const failed = oneEvent(el, 'trackline-error');
      document.body.append(el);
      const error = (await failed) as TracklineErrorEvent;
      expect(error.detail.code).to.equal('network');
      expect(error.detail.message).to.contain('lookup.js');
      await el.updateComplete;
      expect($(el, '[part="notice"]')!.textContent).to.contain(trackerCopy.get('en').network);
      await expect(el).to.be.accessible();
      // Failing loads are not retried on their own, update after update.
      el.requestUpdate();
      await el.updateComplete;
      expect(loads).to.equal(1);
      lookupLoader.load = load;
      const loaded = oneEvent(el, 'trackline-loaded');
      ($(el, '[part="retry"]') as HTMLButtonElement).click();
      await loaded;
      await el.updateComplete;
      expect($(el, '[part="shipment__headline"]')!.textContent).to.equal('Delivered');
      el.remove();
    } finally {
      lookupLoader.load = load;
    }
  });
});

describe('<order-tracker> styles', () => {
  it('keeps buttons and inputs at least 44 px tall on a 320 px screen', async () => {
    const wrapper = await fixture(
      html`<div style="width: 320px"><order-tracker endpoint=${ENDPOINT}></order-tracker></div>`,
    );
    const el = wrapper.querySelector('order-tracker')!;
    await el.updateComplete;
    for (const control of root(el).querySelectorAll<HTMLElement>('button, input[type="text"], .choice')) {
      expect(control.getBoundingClientRect().height, control.outerHTML).to.be.at.least(44);
    }
    expect(el.getBoundingClientRect().width).to.equal(320);
    expect(root(el).querySelector('.base')!.scrollWidth).to.be.at.most(320);
  });

  it('fits a parcel with a problem into 320 px without scrolling sideways', async () => {
    const s = shipment('in_transit', {
      problem: { reason: 'customs', actionRequired: true, since: '2024-05-06T09:00:00-07:00' },
    });
    const wrapper = await fixture(html`<div style="width: 320px"><order-tracker .shipment=${s}></order-tracker></div>`);
    const el = wrapper.querySelector('order-tracker')!;
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(root(el).querySelector('.base')!.scrollWidth).to.be.at.most(320);
    expect($(el, '[part="copy-button"]')!.getBoundingClientRect().height).to.be.at.least(44);
    expect($(el, '[part="carrier-link"]')!.getBoundingClientRect().height).to.be.at.least(44);
  });
  it('keeps a long unbroken place name from making a 320 px page scroll sideways', async () => {
    const before = { width: window.innerWidth, height: window.innerHeight };
    const city = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';
    const s = shipment('in_transit');
    const events = s.events.map((event) => ({ ...event, location: { city, region: 'Gwynedd', country: 'GB' } }));
    await setViewport(320, 800);
    try {
      const el = await fixture<OrderTracker>(html`<order-tracker .shipment=${{ ...s, events }}></order-tracker>`);
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(text(el)).to.contain(city);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport(before.width, before.height);
    }
  });
});

describe('<order-tracker> now', () => {
  const destination = { city: 'Brooklyn', region: 'NY', country: 'US', timeZone: 'America/New_York' };
  const sameDay = new Date('2024-05-06T20:00:00-04:00');
  const nextDay = new Date('2024-05-07T09:00:00-04:00');
  const said = (s: Shipment, now: Date) => describeShipment(s, { locale: 'en', now }).whatHappened;
  const bannerText = (el: Element) => $(el, 'delay-banner')!.shadowRoot!.textContent!.replace(/\s+/g, ' ');

  it('words dates against the moment it is given', async () => {
    const s = shipment('in_transit', { destination });
    expect(said(s, sameDay)).to.not.equal(said(s, nextDay));
    const el = await fixture<OrderTracker>(
      html`<order-tracker locale="en" .shipment=${s} .now=${sameDay}></order-tracker>`,
    );
    expect(text(el)).to.contain(said(s, sameDay));
    el.now = nextDay;
    await el.updateComplete;
    expect(text(el)).to.contain(said(s, nextDay));
  });

  it('passes it to the delay banner', async () => {
    const s = shipment('in_transit', {
      destination,
      problem: { reason: 'weather', actionRequired: false, since: '2024-05-06T08:10:00-07:00' },
    });
    const el = await fixture<OrderTracker>(
      html`<order-tracker locale="en" .shipment=${s} .now=${sameDay}></order-tracker>`,
    );
    const banner = $<HTMLElement & { updateComplete: Promise<unknown> }>(el, 'delay-banner')!;
    await banner.updateComplete;
    expect(bannerText(el)).to.contain(said(s, sameDay));
    el.now = nextDay;
    await el.updateComplete;
    await banner.updateComplete;
    expect(bannerText(el)).to.contain(said(s, nextDay));
  });
});

/** What the live region says of a parcel whose shown status or problem changed: its headline, then what to do. */
const said = (shipment: Shipment) => {
  const { headline, whatToDo } = describeShipment(shipment, { locale: 'en' });
  return [`${shipment.trackingNumber}: ${headline}`, whatToDo].filter(Boolean).join(' ');
};

describe('<order-tracker> after review', () => {
  // Failures compare names and text, not elements: an element in a failed assertion does not survive the report.
  const focused = (el: Element) => {
    const active = root(el).activeElement;
    return active ? (active.getAttribute('part') ?? active.getAttribute('name') ?? active.tagName) : null;
  };
  const estimateText = (el: Element) => $(el, '[part="estimate"]')?.textContent ?? null;

  const customsHold = (s: Shipment): Shipment => ({
    ...s,
    problem: { reason: 'customs', actionRequired: true, since: '2024-05-06T09:00:00-07:00' },
  });

  it('moves focus to the notice when the shopper’s own look-up finds nothing, then on to the form', async () => {
    serve(json({ message: 'no such order' }, 404));
    const el = await fixture<OrderTracker>(html`<order-tracker endpoint=${ENDPOINT}></order-tracker>`);
    $(el, '#field-orderNumber')!.focus();
    await type('9999');
    await press('Tab');
    await type('jane@example.com');
    const failed = oneEvent(el, 'trackline-error');
    await press('Enter');
    await failed;
    await el.updateComplete;
    expect($(el, 'form')).not.to.equal(null);
    expect(focused(el), 'focus is not dropped to <body>').to.equal('notice');
    await press('Tab');
    expect(focused(el)).to.equal('mode');
    await expect(el).to.be.accessible();
  });

  it('moves focus to the notice when the shopper’s own look-up fails, with "Try again" next', async () => {
    serve(json({ error: 'oops' }, 500), json({ unexpected: true }));
    const el = await fixture<OrderTracker>(html`<order-tracker endpoint=${ENDPOINT}></order-tracker>`);
    root(el).querySelector<HTMLInputElement>('input[value="tracking"]')!.focus();
    await press('Space');
    await el.updateComplete;
    $(el, '#field-trackingNumber')!.focus();
    await type('1Z999AA10123456784');
    let failed = oneEvent(el, 'trackline-error') as Promise<TracklineErrorEvent>;
    await press('Enter');
    expect((await failed).detail.code).to.equal('network');
    await el.updateComplete;
    expect(focused(el)).to.equal('notice');
    await press('Tab');
    expect(focused(el)).to.equal('retry');
    failed = oneEvent(el, 'trackline-error') as Promise<TracklineErrorEvent>;
    await press('Enter');
    expect((await failed).detail.code).to.equal('invalid_response');
    await el.updateComplete;
    expect(focused(el), 'the retry button went with the skeleton').to.equal('notice');
  });

  it('shows no estimate once its last day has passed, and says when it was due instead', async () => {
    const s = shipment('in_transit');
    const el = await fixture<OrderTracker>(
      html`<order-tracker locale="en" .shipment=${s} .now=${onItsWay}></order-tracker>`,
    );
    expect(estimateText(el)).to.match(/May 7.*9/);
    const later = new Date('2024-05-20T12:00:00-07:00');
    el.now = later;
    await el.updateComplete;
    expect(estimateText(el)).to.equal(null);
    expect(text(el)).not.to.contain('chance it arrives');
    expect($(el, '[part="shipment__summary"]')!.textContent).to.contain(
      describeShipment(s, { locale: 'en', now: later }).whatNext,
    );
  });

  it('judges the last day in the parcel’s zone, as the summary does, not in the shopper’s', async () => {
    // 03:00 UTC on May 10 is still the evening of May 9 in Fresno, where the parcel is (and the last scan was):
    // the window still holds there, whatever zone the shopper's browser is in.
    const evening = new Date('2024-05-10T03:00:00Z');
    const s = shipment('in_transit');
    const el = await fixture<OrderTracker>(
      html`<order-tracker locale="en" .shipment=${s} .now=${evening}></order-tracker>`,
    );
    expect(estimateText(el)).to.match(/May 7.*9/);
    expect(describeShipment(s, { locale: 'en', now: evening }).whatNext).not.to.contain('It was expected');
  });

  it('lets a store colour a parcel’s card through ::part(shipment), behind the embedded elements too', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <style>
          order-tracker::part(shipment) {
            background: rgb(246, 248, 250);
          }
        </style>
        <order-tracker locale="en" .shipment=${shipment('in_transit')} .now=${onItsWay}></order-tracker>
      </div>`,
    );
    const el = page.querySelector('order-tracker')!;
    await el.updateComplete;
    for (const tag of ['tracking-progress', 'tracking-timeline']) {
      const inner = root(el).querySelector(tag)!;
      expect(getComputedStyle(inner).backgroundColor, tag).to.equal('rgba(0, 0, 0, 0)');
    }
  });

  it('shows no estimate for a parcel waiting at a pickup point', async () => {
    const el = await fixture<OrderTracker>(
      html`<order-tracker locale="en" .shipment=${shipment('available_for_pickup')} .now=${onItsWay}></order-tracker>`,
    );
    expect(estimateText(el)).to.equal(null);
  });

  it('says a failure its refresh interval keeps meeting once, and a shopper’s own retry every time', async () => {
    // The interval's callback is captured and called by hand: no waiting on real time.
    const realSetInterval = window.setInterval;
    const realClearInterval = window.clearInterval;
    const polls: Array<() => void> = [];
    window.setInterval = ((callback: () => void) => polls.push(callback) + 100_000) as typeof window.setInterval;
    window.clearInterval = (() => {}) as typeof window.clearInterval;
    try {
      const notAnOrder = json({ unexpected: true });
      serve(json({ shipment: shipment('in_transit') }), offline(), offline(), offline(), notAnOrder, notAnOrder);
      const el = await fixture<OrderTracker>(
        html`<order-tracker
          locale="en"
          endpoint=${ENDPOINT}
          tracking-number="1Z999AA10123456784"
          refresh-interval="10"
        ></order-tracker>`,
      );
      await oneEvent(el, 'trackline-loaded');
      const seen = liveTexts(el);
      let errors = 0;
      el.addEventListener('trackline-error', () => errors++);
      const poll = async () => {
        const failed = oneEvent(el, 'trackline-error');
        polls.at(-1)!();
        await failed;
        await el.updateComplete;
      };
      const { network, invalidResponse } = trackerMessages.en;
      await poll();
      await poll();
      await poll();
      expect(errors, 'every failure is still an event').to.equal(3);
      expect(seen.filter((said) => said === network)).to.have.length(1);
      await poll();
      expect(
        seen.filter((said) => said === invalidResponse),
        'a different failure is news',
      ).to.have.length(1);
      const failed = oneEvent(el, 'trackline-error');
      ($(el, '[part="retry"]') as HTMLButtonElement).click();
      await failed;
      await el.updateComplete;
      expect(
        seen.filter((said) => said === invalidResponse),
        'the shopper asked: always answered',
      ).to.have.length(2);
    } finally {
      window.setInterval = realSetInterval;
      window.clearInterval = realClearInterval;
    }
  });

  it('announces and reports a new problem on a parcel whose status stays the same', async () => {
    const held = customsHold(shipment('in_transit'));
    serve(json({ shipment: shipment('in_transit') }), json({ shipment: held }));
    const el = await fixture<OrderTracker>(
      html`<order-tracker locale="en" endpoint=${ENDPOINT} tracking-number="1Z999AA10123456784"></order-tracker>`,
    );
    await oneEvent(el, 'trackline-loaded');
    const changes: TracklineStatusChangeEvent[] = [];
    el.addEventListener('trackline-status-change', (event) => changes.push(event));
    // The change events follow the loaded event at once, in the same task.
    const loaded = oneEvent(el, 'trackline-loaded');
    await el.refresh();
    await loaded;
    await el.updateComplete;
    expect(changes.map((event) => event.detail)).to.deep.equal([
      {
        trackingNumber: '1Z999AA10123456784',
        previous: 'in_transit',
        status: 'in_transit',
        problem: { reason: 'customs', actionRequired: true },
      },
    ]);
    expect(liveRegion(el)).to.equal(said(held));
  });

  it('announces a problem that appears on data the page sets', async () => {
    const el = await fixture<OrderTracker>(
      html`<order-tracker locale="en" .shipment=${shipment('in_transit')}></order-tracker>`,
    );
    const held = customsHold(shipment('in_transit'));
    el.shipment = held;
    await el.updateComplete;
    expect(liveRegion(el)).to.equal(said(held));
  });

  it('says what changed when a problem stops needing the shopper under the same headline', async () => {
    const el = await fixture<OrderTracker>(
      html`<order-tracker locale="en" .shipment=${shipment('in_transit')}></order-tracker>`,
    );
    const held = customsHold(shipment('in_transit'));
    el.shipment = held;
    await el.updateComplete;
    const first = liveRegion(el);
    const cleared = { ...held, problem: { ...held.problem!, actionRequired: false } };
    el.shipment = cleared;
    await el.updateComplete;
    expect(describeShipment(cleared, { locale: 'en' }).headline).to.equal(
      describeShipment(held, { locale: 'en' }).headline,
    );
    expect(first).to.equal(said(held));
    expect(liveRegion(el)).to.equal(said(cleared)).and.not.equal(first);
  });

  it('replaces one estimate basis message and keeps the others', async () => {
    const carrierEstimate = shipment('in_transit', {
      estimate: carrierSaysMay8,
    });
    const el = await fixture<OrderTracker>(
      html`<order-tracker
        locale="en"
        .shipment=${carrierEstimate}
        .now=${onItsWay}
        .messages=${{ basis: { history: (_carrier: string, n: string | null) => `From ${n} of our deliveries` } }}
      ></order-tracker>`,
    );
    expect($(el, '[part="estimate__basis"]')!.textContent).to.contain('Estimate from UPS');
    el.shipment = shipment('in_transit');
    await el.updateComplete;
    expect($(el, '[part="estimate__basis"]')!.textContent).to.contain('From 1,240 of our deliveries');
  });

  it('names no carrier it does not know, in any language', async () => {
    const unknown = shipment('in_transit', {
      carrier: 'other',
      service: undefined,
      estimate: carrierSaysMay8,
    });
    const el = await fixture<OrderTracker>(
      html`<order-tracker locale="es" .shipment=${unknown} .now=${onItsWay}></order-tracker>`,
    );
    const es = trackerMessages.es;
    const labels = [...root(el).querySelectorAll('[part="details"] dt')].map((dt) => dt.textContent);
    expect(labels, 'no carrier row without a name or service').not.to.include(es.carrier);
    expect($(el, '[part="carrier-link"]')!.textContent).to.contain(es.unknownCarrierLink);
    expect($(el, '[part="estimate__basis"]')!.textContent).to.contain(es.unknownCarrierEstimate);
    for (const part of ['details', 'carrier-link', 'estimate__basis']) {
      expect($(el, `[part="${part}"]`)!.textContent).not.to.contain('Carrier');
    }
    el.shipment = { ...unknown, service: 'Express 24' };
    await el.updateComplete;
    expect($(el, '[part="details"] dd')!.textContent).to.equal('Express 24');
    // An unnamed postal service has only an English stand-in name too.
    el.shipment = { ...unknown, carrier: 'postal' };
    await el.updateComplete;
    expect($(el, '[part="carrier-link"]')!.textContent).to.contain(es.unknownCarrierLink);
    expect(root(el).textContent).not.to.contain('Postal service');
  });

  it('speaks to German shoppers as "Sie", as the rest of the German copy does', () => {
    const informal = /\b(du|dich|dir|dein\w*|gib|prüfe|versuche|markiere|kopiere)\b/i;
    const texts = Object.values(trackerMessages.de).flatMap((value: unknown) => {
      if (typeof value === 'string') return [value];
      if (typeof value === 'function') return [(value as (...args: string[]) => string)('DHL', '2')];
      return Object.values(value as Record<string, (...args: string[]) => string>).map((say) => say('DHL', '2'));
    });
    expect(texts.filter((said) => informal.test(said))).to.deep.equal([]);
    expect(trackerMessages.de.formIntro).to.contain('Sie');
  });

  it('shows its validation messages in the language it switches to', async () => {
    const el = await fixture<OrderTracker>(html`<order-tracker locale="en" endpoint=${ENDPOINT}></order-tracker>`);
    $(el, '#field-orderNumber')!.focus();
    await press('Enter');
    await el.updateComplete;
    expect($(el, '#field-orderNumber-error')!.textContent).to.contain(trackerMessages.en.orderNumberMissing);
    el.locale = 'de';
    await el.updateComplete;
    expect($(el, '#field-orderNumber-error')!.textContent).to.contain(trackerMessages.de.orderNumberMissing);
    expect($(el, '#field-contact-error')!.textContent).to.contain(trackerMessages.de.contactMissing);
  });

  it('lets a page style every part of the elements it embeds, as documented', async () => {
    // The parts each element documents (custom-elements.json, generated from their JSDoc by the build).
    const response = await realFetch('/packages/elements/custom-elements.json');
    if (!response.ok) {
      throw new Error(
        'packages/elements/custom-elements.json is missing: run `pnpm --filter @trackline/elements build`.',
      );
    }
    type Declaration = { tagName?: string; cssParts?: { name: string; description?: string }[] };
    const manifest = (await response.json()) as { modules: { declarations?: Declaration[] }[] };
    const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
    const partsOf = (tag: string) => declarations.find((declaration) => declaration.tagName === tag)?.cssParts ?? [];

    const s = shipment('in_transit', {
      problem: { reason: 'weather', actionRequired: false, since: '2024-05-06T08:10:00-07:00' },
    });
    const el = await fixture<OrderTracker>(html`<order-tracker locale="en" .shipment=${s}></order-tracker>`);
    const outer: string[] = [];
    for (const tag of ['tracking-progress', 'delay-banner', 'tracking-timeline']) {
      const inner = $(el, tag)!;
      const exports = new Map(
        inner
          .getAttribute('exportparts')!
          .split(',')
          .map((pair) => pair.trim().split(':') as [string, string]),
      );
      // A part's modifiers (`event--latest`) are documented in its words.
      const documented = partsOf(tag).flatMap((part) => [
        part.name,
        ...[...(part.description ?? '').matchAll(/`([\w-]+--[\w-]+)`/g)].map((match) => match[1]!),
      ]);
      expect(documented, `${tag} documents its parts`).to.include('base');
      for (const part of documented) expect(exports.has(part), `${tag}'s part ${part} is exported`).to.equal(true);
      // And what it renders, should a part be missing from its documentation.
      const rendered = [...inner.shadowRoot!.querySelectorAll('[part]')].flatMap((node) => [...node.part]);
      for (const part of rendered) expect(exports.has(part), `${tag}'s part ${part} is exported`).to.equal(true);
      outer.push(...exports.values());
    }
    expect(new Set(outer).size, 'no two inner parts share a name').to.equal(outer.length);

    // <order-tracker> documents the parts it passes through in the words of the embedded elements' `base`.
    const own = partsOf('order-tracker').flatMap((part) => [
      part.name,
      ...[...(part.description ?? '').matchAll(/`([\w-]+)`/g)].map((match) => match[1]!),
    ]);
    const docs = await (await realFetch('/docs/elements.md')).text();
    const section = docs.slice(docs.indexOf('## `<order-tracker>`'));
    const partsTable = section.slice(section.indexOf('### Parts'), section.indexOf('### Custom properties'));
    for (const name of outer) {
      expect(own, `<order-tracker>'s JSDoc names ${name}`).to.include(name);
      expect(partsTable, `docs/elements.md lists ${name}`).to.contain(`\`${name}\``);
    }
  });
});

describe('<order-tracker> after the shopper review', () => {
  const estimateDate = (el: Element) => $(el, '[part="estimate__date"]')?.textContent?.trim() ?? null;
  /** The banner's "New delivery date", if a shopper can see it. */
  const bannerDate = async (el: Element) => {
    const banner = $<HTMLElement & { updateComplete: Promise<unknown> }>(el, 'delay-banner')!;
    await banner.updateComplete;
    const date = banner.shadowRoot!.querySelector<HTMLElement>('[part="new-date"]');
    return date && date.checkVisibility() ? date.textContent!.replace(/\s+/g, ' ').trim() : null;
  };
  const since = '2024-05-06T09:00:00-07:00';
  const withProblem = (
    reason: NonNullable<Shipment['problem']>['reason'],
    actionRequired: boolean,
    status: Status = 'in_transit',
  ) => shipment(status, { problem: { reason, actionRequired, since } });

  describe('a link with part of the details (a shipping SMS: the order number alone)', () => {
    beforeEach(() => (document.activeElement as HTMLElement | null)?.blur());

    it('opens on a form holding the order number, and leaves focus alone', async () => {
      const el = await fixture<OrderTracker>(
        html`<order-tracker endpoint=${ENDPOINT} order-number="TL-1003"></order-tracker>`,
      );
      expect(requests).to.have.length(0);
      expect($<HTMLInputElement>(el, '#field-orderNumber')!.value).to.equal('TL-1003');
      expect($<HTMLInputElement>(el, '#field-contact')!.value).to.equal('');
      expect(document.activeElement, 'no focus moved on page load').to.equal(document.body);
      await expect(el).to.be.accessible();
    });

    it('with autofocus, focuses the first empty field once, unless something else has focus', async () => {
      const el = await fixture<OrderTracker>(
        html`<order-tracker endpoint=${ENDPOINT} order-number="TL-1003" autofocus></order-tracker>`,
      );
      expect(root(el).activeElement?.id).to.equal('field-contact');
      await type('sms@example.com');
      serve(json({ order: order(shipment('in_transit')) }));
      const loaded = oneEvent(el, 'trackline-loaded');
      await press('Enter');
      await loaded;
      expect(Object.fromEntries(requests[0]!.searchParams)).to.deep.equal({
        orderNumber: 'TL-1003',
        email: 'sms@example.com',
      });

      // The shopper (or the page) focused something before the form showed: it keeps focus.
      const wrapper = await fixture(html`<div><button>Elsewhere</button></div>`);
      wrapper.querySelector('button')!.focus();
      const other = document.createElement('order-tracker') as OrderTracker;
      other.setAttribute('endpoint', ENDPOINT);
      other.setAttribute('order-number', 'TL-1003');
      other.setAttribute('autofocus', '');
      wrapper.append(other);
      await other.updateComplete;
      expect($(other, 'form')).not.to.equal(null);
      expect(document.activeElement, 'focus the page gave is not taken').to.equal(wrapper.querySelector('button'));
    });

    it('leaves what the shopper typed alone when the page changes the endpoint or the refresh interval', async () => {
      const el = await fixture<OrderTracker>(
        html`<order-tracker endpoint=${ENDPOINT} order-number="TL-1003" autofocus></order-tracker>`,
      );
      expect(root(el).activeElement?.id).to.equal('field-contact');
      await type('typed@example.com');
      // The shopper corrects the order number the link gave.
      $<HTMLInputElement>(el, '#field-orderNumber')!.select();
      await type('TL-1004');
      el.refreshInterval = 30;
      el.endpoint = `${ENDPOINT}?v=2`;
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#field-contact')!.value).to.equal('typed@example.com');
      expect($<HTMLInputElement>(el, '#field-orderNumber')!.value).to.equal('TL-1004');
    });

    it('fills the form with details that found nothing, in the mode they were given in', async () => {
      serve(json({ message: 'no such parcel' }, 404), json({ message: 'no such order' }, 404));
      const el = await fixture<OrderTracker>(
        html`<order-tracker endpoint=${ENDPOINT} tracking-number="1Z999AA10123456784"></order-tracker>`,
      );
      await until(() => $(el, 'form') !== null);
      expect($<HTMLInputElement>(el, '#field-trackingNumber')!.value).to.equal('1Z999AA10123456784');
      el.trackingNumber = undefined;
      el.orderNumber = '1001';
      el.postalCode = 'SW1A 1AA';
      await until(() => requests.length === 2 && $(el, '#field-orderNumber') !== null);
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#field-orderNumber')!.value).to.equal('1001');
      expect($<HTMLInputElement>(el, '#field-contact')!.value).to.equal('SW1A 1AA');
    });
  });

  describe('an estimate that agrees with the parcel', () => {
    it('gives no date for a lost, damaged or refused parcel', async () => {
      for (const reason of ['lost', 'damaged', 'refused'] as const) {
        for (const action of [false, true]) {
          const el = await fixture<OrderTracker>(
            html`<order-tracker locale="en" .shipment=${withProblem(reason, action)} .now=${onItsWay}></order-tracker>`,
          );
          expect(estimateDate(el), `${reason}, action ${action}`).to.equal(null);
          expect(await bannerDate(el), `${reason}, action ${action}`).to.equal(null);
        }
      }
    });

    it('gives no date while delivery waits on the shopper, and keeps it while the carrier is on it, as the summary does', async () => {
      const reasons = [
        'address',
        'customs',
        'payment_due',
        'held',
        'failed_attempt',
        'other',
        'delayed',
        'weather',
        'stalled',
      ] as const;
      for (const reason of reasons) {
        const paused = await fixture<OrderTracker>(
          html`<order-tracker locale="en" .shipment=${withProblem(reason, true)} .now=${onItsWay}></order-tracker>`,
        );
        expect(estimateDate(paused), `${reason} needing the shopper`).to.equal(null);
        expect(await bannerDate(paused), `${reason} needing the shopper`).to.equal(null);
        const going = await fixture<OrderTracker>(
          html`<order-tracker locale="en" .shipment=${withProblem(reason, false)} .now=${onItsWay}></order-tracker>`,
        );
        expect(estimateDate(going), `${reason} in the carrier's hands`).to.match(/May 7.*9/);
      }
    });

    it('shows the date once on a weather delay, not again as the banner’s new date', async () => {
      const el = await fixture<OrderTracker>(
        html`<order-tracker locale="en" .shipment=${withProblem('weather', false)} .now=${onItsWay}></order-tracker>`,
      );
      expect(estimateDate(el)).to.match(/May 7.*9/);
      expect(await bannerDate(el)).to.equal(null);
    });

    it('says "Today" for a parcel out for delivery today, in each language', async () => {
      for (const [locale, today] of [
        ['en', 'Today'],
        ['es', 'Hoy'],
        ['fr', 'Aujourd’hui'],
        ['de', 'Heute'],
      ] as const) {
        const el = await fixture<OrderTracker>(
          html`<order-tracker
            locale=${locale}
            .shipment=${shipment('out_for_delivery')}
            .now=${onItsWay}
          ></order-tracker>`,
        );
        expect(estimateDate(el), locale).to.equal(today);
        expect($(el, '[part="estimate__basis"]'), 'no odds of a window').to.equal(null);
      }
      // Its out-for-delivery scan is from yesterday: the core says "soon", not "today", and the window stays.
      const nextDay = new Date('2024-05-07T12:00:00-07:00');
      const el = await fixture<OrderTracker>(
        html`<order-tracker locale="en" .shipment=${shipment('out_for_delivery')} .now=${nextDay}></order-tracker>`,
      );
      expect(estimateDate(el)).to.match(/May 7.*9/);
    });

    it('says "Today" once for a parcel out for delivery today with no window to show', async () => {
      const { estimate: _estimate, ...withoutEstimate } = shipment('out_for_delivery');
      const el = await fixture<OrderTracker>(
        html`<order-tracker locale="en" .shipment=${withoutEstimate} .now=${onItsWay}></order-tracker>`,
      );
      expect(estimateDate(el)).to.equal('Today');
      expect(root(el).textContent).not.to.contain('later today');
    });
  });

  describe('after a failed refresh', () => {
    it('says when the data shown is from in the failure notice, on the element’s clock', async () => {
      const clock = new Date('2024-05-06T18:00:00-07:00');
      serve(json({ shipment: shipment('in_transit') }), offline());
      const el = await fixture<OrderTracker>(
        html`<order-tracker
          locale="en"
          endpoint=${ENDPOINT}
          tracking-number="1Z999AA10123456784"
          .now=${clock}
        ></order-tracker>`,
      );
      await oneEvent(el, 'trackline-loaded');
      await el.updateComplete;
      const expected = `Last updated ${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(clock)}`;
      expect($(el, '[part="updated"]')!.textContent!.trim()).to.equal(expected);
      const failed = oneEvent(el, 'trackline-error');
      void el.refresh();
      await failed;
      await el.updateComplete;
      const updated = root(el).querySelectorAll('[part="updated"]');
      expect(updated).to.have.length(1);
      expect(updated[0]!.closest('[part="notice"]'), 'in the notice at the top').not.to.equal(null);
      expect(updated[0]!.textContent!.trim()).to.equal(expected);
      await expect(el).to.be.accessible();
    });
  });

  describe('narrow screens and small text', () => {
    it('adds no padding of its own around the cards at 320 px, and some on a wide screen', async () => {
      const s = withProblem('weather', false);
      const narrow = await fixture(
        html`<div style="width: 320px"><order-tracker .shipment=${s}></order-tracker></div>`,
      );
      const el = narrow.querySelector('order-tracker')!;
      await el.updateComplete;
      const base = getComputedStyle($(el, '.base')!);
      expect([base.paddingInlineStart, base.paddingTop]).to.deep.equal(['0px', '0px']);
      expect(getComputedStyle($(el, '.card')!).paddingInlineStart).to.equal('12px');
      const banner = $(el, 'delay-banner')!;
      await (banner as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const details = banner.shadowRoot!.querySelector('[part="details"]')!;
      expect(details.getBoundingClientRect().width, 'room for the banner’s text').to.be.at.least(180);

      const wide = await fixture(html`<div style="width: 800px"><order-tracker .shipment=${s}></order-tracker></div>`);
      const wideEl = wide.querySelector('order-tracker')!;
      await wideEl.updateComplete;
      expect(getComputedStyle($(wideEl, '.base')!).paddingInlineStart).to.equal('16px');
      expect(getComputedStyle($(wideEl, '.card')!).paddingInlineStart).to.equal('16px');
    });

    it('sizes its small text with --trackline-font-size-small', async () => {
      serve(
        json({ order: order(shipment('in_transit'), shipment('delivered', { trackingNumber: '1Z999AA10123456785' })) }),
      );
      const el = await fixture<OrderTracker>(
        html`<order-tracker
          style="--trackline-font-size-small: 20px"
          endpoint=${ENDPOINT}
          order-number="1001"
          email="jane@example.com"
          .now=${onItsWay}
        ></order-tracker>`,
      );
      await oneEvent(el, 'trackline-loaded');
      await el.updateComplete;
      for (const selector of ['[part="shipment__label"]', '.estimate .label', '.details dt', '[part="updated"]']) {
        expect(getComputedStyle($(el, selector)!).fontSize, selector).to.equal('20px');
      }
      const form = await fixture<OrderTracker>(
        html`<order-tracker style="--trackline-font-size-small: 20px" endpoint=${ENDPOINT}></order-tracker>`,
      );
      $(form, '#field-orderNumber')!.focus();
      await press('Enter');
      await form.updateComplete;
      for (const selector of ['.hint', '.field-error']) {
        expect(getComputedStyle($(form, selector)!).fontSize, selector).to.equal('20px');
      }
    });
  });
});
