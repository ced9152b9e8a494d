import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { statuses, type Order, type Status } from '@trackline/core';
import '../define/order-tracker.js';
import { customProperties, frame, frameArgs, frameArgTypes, themeAttribute, type FrameArgs } from '../stories/frame.js';
import { problemOptions, type ProblemChoice } from '../stories/problems.js';
import { hourAfterNewestScan, longHistory, sampleShipment } from '../stories/shipments.js';

// One order shipped in two parcels, the second by FedEx.
const twoParcels: Order = {
  orderNumber: '1001',
  placedAt: '2024-05-01T10:00:00-07:00',
  shipments: [
    sampleShipment('out_for_delivery'),
    {
      ...sampleShipment('delivered'),
      carrier: 'fedex',
      trackingNumber: '776094337676',
      service: 'FedEx Home Delivery',
    },
  ],
};

// A demo look-up endpoint for the look-up stories: requests to `/__trackline-demo__/*` are answered here, in the
// page, so the stories work offline; every other request goes to the real `fetch`.
const DEMO = '/__trackline-demo__/';
const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
  if (!url.pathname.startsWith(DEMO)) return realFetch(input, init);
  const answer = (body: unknown, status = 200) =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  switch (url.pathname.slice(DEMO.length)) {
    case 'loading':
      return new Promise<Response>(() => {});
    case 'not-found':
      return answer({ message: 'No order matches these details.' }, 404);
    case 'failing':
      return answer({ message: 'The carrier is not answering.' }, 503);
    default:
      // `refresh-fails/<n>`: the order the first time, then the failure, for each tracker its own `n`.
      if (url.pathname.includes('/refresh-fails/')) {
        const first = !answered.has(url.pathname);
        answered.add(url.pathname);
        if (!first) return answer({ message: 'The carrier is not answering.' }, 503);
      }
      return answer({ order: twoParcels });
  }
};
const answered = new Set<string>();
let trackers = 0;

/** Resolves once `ready()` is true, checking every frame; fails after two seconds. */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (const start = performance.now(); !ready();) {
    if (performance.now() - start > 2000) throw new Error(`The story waited two seconds for ${what}.`);
    await new Promise(requestAnimationFrame);
  }
}
const shadowOf = (canvas: HTMLElement) => () => canvas.querySelector('order-tracker')?.shadowRoot;

type Args = {
  status: Status;
  problem: ProblemChoice;
  locale: string;
  data: 'shipment' | 'order' | 'endpoint';
  long: boolean;
  endpoint: string;
} & FrameArgs;

const meta: Meta<Args> = {
  title: 'Elements/order-tracker',
  component: 'order-tracker',
  argTypes: {
    status: { control: 'select', options: statuses },
    problem: { control: 'select', options: problemOptions },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'de'] },
    data: { control: 'inline-radio', options: ['shipment', 'order', 'endpoint'] },
    long: { control: 'boolean' },
    endpoint: { control: 'text' },
    ...frameArgTypes,
  },
  args: {
    status: 'in_transit',
    problem: 'none',
    locale: 'en',
    data: 'shipment',
    long: false,
    endpoint: `${DEMO}track`,
    ...frameArgs,
  },
  render: (args) => {
    const sample = sampleShipment(args.status, args.problem);
    const shipment = args.data !== 'shipment' ? undefined : args.long ? { ...sample, events: longHistory } : sample;
    const order = args.data === 'order' ? twoParcels : undefined;
    const shown = shipment ? [shipment] : (order?.shipments ?? []);
    return frame(
      args,
      html`<order-tracker
        style=${styleMap(customProperties(args))}
        locale=${args.locale}
        theme=${themeAttribute(args.theme)}
        contact-href="https://shop.example/help"
        endpoint=${args.data === 'endpoint' ? args.endpoint : nothing}
        .shipment=${shipment}
        .order=${order}
        .now=${shown.length > 0 ? hourAfterNewestScan(...shown) : undefined}
      ></order-tracker>`,
    );
  },
};
export default meta;

type Story = StoryObj<Args>;

const problem = (reason: ProblemChoice): Story => ({ args: { problem: reason } });

/**
 * A tracker that looks a parcel up at the demo endpoint `path` as soon as it renders, by a tracking number or
 * by an order number and email; or, given the order number alone (a link in a shipping SMS), shows its form.
 */
const lookUp = (path: string, by: 'tracking number' | 'order' | 'order number alone'): Story => ({
  args: { data: 'endpoint', endpoint: `${DEMO}${path}` },
  render: (args) =>
    frame(
      args,
      html`<order-tracker
        style=${styleMap(customProperties(args))}
        locale=${args.locale}
        theme=${themeAttribute(args.theme)}
        endpoint=${args.endpoint.endsWith('refresh-fails') ? `${args.endpoint}/${++trackers}` : args.endpoint}
        tracking-number=${by === 'tracking number' ? '1Z999AA10123456784' : nothing}
        order-number=${by === 'order' ? '9999' : by === 'order number alone' ? '1001' : nothing}
        email=${by === 'order' ? 'jane@example.com' : nothing}
      ></order-tracker>`,
    ),
});

export const Pending: Story = { args: { status: 'pending' } };
export const ReadyToShip: Story = { args: { status: 'info_received' } };
export const InTransit: Story = {};
export const OutForDelivery: Story = { args: { status: 'out_for_delivery' } };
export const ReadyForPickup: Story = { args: { status: 'available_for_pickup' } };
export const Delivered: Story = { args: { status: 'delivered' } };
export const Returning: Story = { args: { status: 'returning' } };
export const Returned: Story = { args: { status: 'returned' } };
export const Cancelled: Story = { args: { status: 'cancelled' } };
export const Delayed = problem('delayed');
export const DelayedByWeather = problem('weather');
export const FailedAttempt = problem('failed_attempt');
export const AddressProblem = problem('address');
export const CustomsNeedsAction = problem('customs');
export const PaymentDue = problem('payment_due');
export const Damaged = problem('damaged');
export const Lost = problem('lost');
export const Held = problem('held');
export const Refused = problem('refused');
export const Stalled = problem('stalled');
export const OtherProblem = problem('other');
export const SeveralParcels: Story = { args: { data: 'order' } };
export const LongHistory: Story = { args: { long: true } };
export const LookUpForm: Story = { args: { data: 'endpoint' } };
/** The form sent empty: each field says what it needs. */
export const LookUpFormErrors: Story = {
  args: { data: 'endpoint' },
  play: async ({ canvasElement }) => {
    const shadow = shadowOf(canvasElement);
    await until(() => !!shadow()?.querySelector('form'), 'the form');
    shadow()!.querySelector('form')!.requestSubmit();
    await until(() => !!shadow()!.querySelector('[part~="form__error"]'), 'the validation messages');
  },
};
export const Loading = lookUp('loading', 'tracking number');
/** A link from a shipping SMS carries the order number alone: the form opens holding it. */
export const FromAnSmsLink = lookUp('track', 'order number alone');
export const NotFound = lookUp('not-found', 'order');
export const NetworkFailure = lookUp('failing', 'tracking number');
/** A refresh that failed after a look-up that worked: the parcels stay, with when they were last updated. */
export const RefreshFailed: Story = {
  ...lookUp('refresh-fails', 'order'),
  play: async ({ canvasElement }) => {
    const shadow = shadowOf(canvasElement);
    await until(() => !!shadow()?.querySelector('[part~="shipment"]'), 'the order');
    await canvasElement.querySelector('order-tracker')!.refresh();
    await until(() => !!shadow()!.querySelector('[part~="updated"]'), '"Last updated"');
  },
};
export const Dark: Story = { args: { theme: 'dark', status: 'out_for_delivery' } };
export const DarkLookUpError: Story = { ...NotFound, args: { ...NotFound.args, theme: 'dark' } };
export const SystemTheme: Story = { args: { theme: 'system', data: 'order' } };
export const RightToLeft: Story = { args: { dir: 'rtl', status: 'in_transit', problem: 'weather' } };
export const Spanish: Story = { args: { locale: 'es', data: 'order' } };
export const BrandTheme: Story = {
  args: {
    status: 'out_for_delivery',
    problem: 'weather',
    '--trackline-color-accent': '#6b2fb3',
    '--trackline-color-on-accent': '#ffffff',
    '--trackline-color-text': '#24123d',
    '--trackline-color-muted': '#5e4b75',
    '--trackline-color-surface': '#fbf8ff',
    '--trackline-color-border': '#d9c9ef',
    '--trackline-radius': '1rem',
    '--trackline-font-family': 'Georgia, serif',
    '--trackline-max-width': '36rem',
  },
};
