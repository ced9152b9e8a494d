import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Order, Place, ProblemReason, Shipment, Status, TrackingEvent } from '@trackline/core';
import '../define/order-tracker.js';

// Sample data in the shape the core's UPS adapter produces (UPS's documented test number), and a demo
// look-up endpoint for the look-up stories: requests to `/__trackline-demo__/*` are answered here, in the
// page, so the stories work offline; every other request goes to the real `fetch`.

const louisville: Place = { city: 'LOUISVILLE', region: 'KY', country: 'US', timeZone: 'America/Kentucky/Louisville' };
const fresno: Place = { city: 'FRESNO', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' };

const scan = (at: string, status: Status, code: string, description: string, location?: Place): TrackingEvent => ({
  at,
  timeSource: 'carrier',
  status,
  code,
  description,
  ...(location ? { location } : {}),
});

const history: TrackingEvent[] = [
  scan(
    '2024-05-02T16:12:00-04:00',
    'info_received',
    'MP',
    'Shipper created a label, UPS has not received the package yet.',
  ),
  scan('2024-05-03T19:40:00-04:00', 'in_transit', 'OR', 'Pickup Scan', louisville),
  scan('2024-05-04T03:05:00-04:00', 'in_transit', 'DP', 'Departed from Facility', louisville),
  scan('2024-05-06T10:50:00-07:00', 'in_transit', 'AR', 'Arrived at Facility', fresno),
];

const lastScan: Partial<Record<Status, TrackingEvent>> = {
  out_for_delivery: scan('2024-05-07T07:02:00-07:00', 'out_for_delivery', 'OT', 'Out For Delivery Today', fresno),
  available_for_pickup: scan(
    '2024-05-07T13:20:00-07:00',
    'available_for_pickup',
    'KB',
    'Delivered to UPS Access Point™',
    fresno,
  ),
  delivered: scan('2024-05-07T14:48:00-07:00', 'delivered', 'KB', 'DELIVERED', fresno),
  returning: scan('2024-05-08T09:00:00-07:00', 'returning', 'RS', 'Returned to shipper', fresno),
  returned: scan('2024-05-10T11:00:00-04:00', 'returned', 'RD', 'Delivered to shipper', louisville),
  cancelled: scan('2024-05-02T18:00:00-04:00', 'cancelled', 'VD', 'Shipment voided'),
};

function sampleShipment(status: Status, problem?: ProblemReason): Shipment {
  const events =
    status === 'pending' ? [] : status === 'info_received' || status === 'cancelled' ? history.slice(0, 1) : history;
  const last = lastScan[status];
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    service: 'UPS Ground',
    status,
    events: last ? [...events, last] : events,
    ...(problem
      ? {
          problem: {
            reason: problem,
            actionRequired: ['address', 'customs', 'payment_due', 'failed_attempt'].includes(problem),
            since: '2024-05-06T12:00:00-07:00',
          },
        }
      : {}),
    estimate: {
      earliest: '2024-05-07',
      latest: '2024-05-09',
      likely: '2024-05-08',
      confidence: 0.8,
      basis: 'history',
      sampleSize: 1240,
    },
    ...(status === 'delivered' ? { deliveredAt: '2024-05-07T14:48:00-07:00' } : {}),
    destination: { city: 'Fresno', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' },
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    updatedAt: '2024-05-07T15:00:00Z',
  };
}

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
      return answer({ order: twoParcels });
  }
};

type Args = {
  status: Status;
  problem?: ProblemReason;
  locale: string;
  theme?: 'light' | 'dark';
  dir: 'ltr' | 'rtl';
  data: 'shipment' | 'order' | 'endpoint';
  endpoint: string;
  '--trackline-color-accent'?: string;
  '--trackline-color-text'?: string;
  '--trackline-color-surface'?: string;
  '--trackline-color-border'?: string;
  '--trackline-radius'?: string;
  '--trackline-font-family'?: string;
  '--trackline-space'?: string;
};

const tokens = [
  '--trackline-color-accent',
  '--trackline-color-text',
  '--trackline-color-surface',
  '--trackline-color-border',
  '--trackline-radius',
  '--trackline-font-family',
  '--trackline-space',
] as const;

const meta: Meta<Args> = {
  title: 'Elements/order-tracker',
  component: 'order-tracker',
  argTypes: {
    status: {
      control: 'select',
      options: [
        'pending',
        'info_received',
        'in_transit',
        'out_for_delivery',
        'available_for_pickup',
        'delivered',
        'returning',
        'returned',
        'cancelled',
      ],
    },
    problem: {
      control: 'select',
      options: [undefined, 'delayed', 'weather', 'failed_attempt', 'address', 'customs', 'payment_due', 'lost'],
    },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'de'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    data: { control: 'inline-radio', options: ['shipment', 'order', 'endpoint'] },
    endpoint: { control: 'text' },
    '--trackline-color-accent': { control: 'color' },
    '--trackline-color-text': { control: 'color' },
    '--trackline-color-surface': { control: 'color' },
    '--trackline-color-border': { control: 'color' },
    '--trackline-radius': { control: 'text' },
    '--trackline-font-family': { control: 'text' },
    '--trackline-space': { control: 'text' },
  },
  args: { status: 'in_transit', locale: 'en', dir: 'ltr', data: 'shipment', endpoint: `${DEMO}track` },
  render: (args) => {
    const style = Object.fromEntries(tokens.flatMap((token) => (args[token] ? [[token, args[token]]] : [])));
    const dark = args.theme === 'dark';
    return html`<div dir=${args.dir} style=${dark ? 'background:#0d1117' : ''}>
      <order-tracker
        style=${styleMap(style)}
        locale=${args.locale}
        theme=${args.theme ?? 'light'}
        contact-href="https://shop.example/help"
        endpoint=${args.data === 'endpoint' ? args.endpoint : nothing}
        .shipment=${args.data === 'shipment' ? sampleShipment(args.status, args.problem) : undefined}
        .order=${args.data === 'order' ? twoParcels : undefined}
      ></order-tracker>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Pending: Story = { args: { status: 'pending' } };
export const ReadyToShip: Story = { args: { status: 'info_received' } };
export const InTransit: Story = {};
export const OutForDelivery: Story = { args: { status: 'out_for_delivery' } };
export const ReadyForPickup: Story = { args: { status: 'available_for_pickup' } };
export const Delivered: Story = { args: { status: 'delivered' } };
export const Returning: Story = { args: { status: 'returning' } };
export const Returned: Story = { args: { status: 'returned' } };
export const Cancelled: Story = { args: { status: 'cancelled' } };
export const DelayedByWeather: Story = { args: { problem: 'weather' } };
export const CustomsNeedsAction: Story = { args: { problem: 'customs' } };
export const SeveralParcels: Story = { args: { data: 'order' } };
export const LookUpForm: Story = { args: { data: 'endpoint' } };
export const Loading: Story = {
  args: { data: 'endpoint', endpoint: `${DEMO}loading` },
  render: (args) =>
    html`<order-tracker
      locale=${args.locale}
      theme="light"
      endpoint=${args.endpoint}
      tracking-number="1Z999AA10123456784"
    ></order-tracker>`,
};
export const NotFound: Story = {
  args: { data: 'endpoint', endpoint: `${DEMO}not-found` },
  render: (args) =>
    html`<order-tracker
      locale=${args.locale}
      theme="light"
      endpoint=${args.endpoint}
      order-number="9999"
      email="jane@example.com"
    ></order-tracker>`,
};
export const NetworkFailure: Story = {
  args: { data: 'endpoint', endpoint: `${DEMO}failing` },
  render: (args) =>
    html`<order-tracker
      locale=${args.locale}
      theme="light"
      endpoint=${args.endpoint}
      tracking-number="1Z999AA10123456784"
    ></order-tracker>`,
};
export const Dark: Story = { args: { theme: 'dark', status: 'out_for_delivery' } };
export const RightToLeft: Story = { args: { dir: 'rtl', status: 'in_transit', problem: 'weather' } };
export const Spanish: Story = { args: { locale: 'es', data: 'order' } };
export const BrandTheme: Story = {
  args: {
    status: 'out_for_delivery',
    '--trackline-color-accent': '#6b2fb3',
    '--trackline-color-text': '#24123d',
    '--trackline-color-surface': '#fbf8ff',
    '--trackline-color-border': '#d9c9ef',
    '--trackline-radius': '1rem',
    '--trackline-font-family': 'Georgia, serif',
  },
};
