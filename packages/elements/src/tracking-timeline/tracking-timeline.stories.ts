import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Place, Shipment, Status, TrackingEvent } from '@trackline/core';
import '../define/tracking-timeline.js';

// Sample histories for the stories, in the shape the core's UPS adapter produces (UPS's documented test number).
const louisville: Place = { city: 'LOUISVILLE', region: 'KY', country: 'US', timeZone: 'America/Kentucky/Louisville' };
const ontario: Place = { city: 'ONTARIO', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' };
const fresno: Place = { city: 'FRESNO', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' };

const event = (
  at: string,
  status: Status,
  code: string,
  description: string,
  location?: Place,
  extra: Partial<TrackingEvent> = {},
): TrackingEvent => ({
  at,
  timeSource: 'carrier',
  status,
  code,
  description,
  ...(location ? { location } : {}),
  ...extra,
});

const labelCreated = event(
  '2024-05-02T16:12:00-04:00',
  'info_received',
  'MP',
  'Shipper created a label, UPS has not received the package yet.',
);
const onTheWay = [
  event('2024-05-03T19:40:00-04:00', 'in_transit', 'OR', 'Pickup Scan', louisville),
  event('2024-05-04T03:05:00-04:00', 'in_transit', 'DP', 'Departed from Facility', louisville),
  event('2024-05-05T22:31:00-07:00', 'in_transit', 'AR', 'Arrived at Facility', ontario),
  event('2024-05-06T04:10:00-07:00', 'in_transit', 'DP', 'Departed from Facility', ontario),
  event('2024-05-06T10:50:00-07:00', 'in_transit', 'AR', 'Arrived at Facility', fresno),
];
const outForDelivery = event('2024-05-07T07:02:00-07:00', 'out_for_delivery', 'OT', 'Out For Delivery Today', fresno);

const histories: Record<Status, TrackingEvent[]> = {
  pending: [],
  info_received: [labelCreated],
  in_transit: [labelCreated, ...onTheWay],
  out_for_delivery: [labelCreated, ...onTheWay, outForDelivery],
  available_for_pickup: [
    labelCreated,
    ...onTheWay,
    event('2024-05-07T13:20:00-07:00', 'available_for_pickup', 'KB', 'Delivered to UPS Access Point™', fresno),
  ],
  delivered: [
    labelCreated,
    ...onTheWay,
    outForDelivery,
    event('2024-05-07T14:48:00-07:00', 'delivered', 'KB', 'DELIVERED', fresno),
  ],
  returning: [
    labelCreated,
    ...onTheWay,
    event(
      '2024-05-07T09:15:00-07:00',
      'returning',
      'RS',
      'The receiver refused the delivery. Returning to sender.',
      fresno,
    ),
  ],
  returned: [
    labelCreated,
    ...onTheWay,
    event('2024-05-07T09:15:00-07:00', 'returning', 'RS', 'Returning to sender.', fresno),
    event('2024-05-10T11:02:00-04:00', 'returned', 'RT', 'Returned to shipper', louisville),
  ],
  cancelled: [labelCreated, event('2024-05-03T09:00:00-04:00', 'cancelled', 'VD', 'Shipment voided by the shipper')],
};

const weatherDelay = event(
  '2024-05-06T18:00:00-07:00',
  'in_transit',
  'X1',
  'Severe weather conditions have delayed delivery.',
  fresno,
  { problem: { reason: 'weather', actionRequired: false } },
);
const customsHold = event(
  '2024-05-06T18:00:00+02:00',
  'in_transit',
  'CH',
  'Import duties are due before the package can be released.',
  { city: 'Leipzig', country: 'DE', timeZone: 'Europe/Berlin' },
  { problem: { reason: 'customs', actionRequired: true } },
);

/** Seventy scans over three weeks from Shenzhen to Fresno, across three time zones. */
const longHistory: TrackingEvent[] = Array.from({ length: 70 }, (_, i) => {
  const day = 1 + Math.floor(i / 3.5);
  const leg = i < 25 ? 0 : i < 45 ? 1 : 2;
  const [offset, place]: [string, Place] = [
    ['+08:00', { city: 'Shenzhen', country: 'CN', timeZone: 'Asia/Shanghai' } as Place],
    ['+02:00', { city: 'Leipzig', country: 'DE', timeZone: 'Europe/Berlin' } as Place],
    ['-07:00', fresno],
  ][leg] as [string, Place];
  const hour = String(6 + ((i * 5) % 14)).padStart(2, '0');
  return event(
    `2024-05-${String(day).padStart(2, '0')}T${hour}:${String((i * 7) % 60).padStart(2, '0')}:00${offset}`,
    'in_transit',
    i % 2 ? 'DP' : 'AR',
    i % 2 ? 'Departed from Facility' : 'Arrived at Facility',
    place,
  );
});

const tokens = {
  '--trackline-color-accent': { control: 'color' },
  '--trackline-color-text': { control: 'color' },
  '--trackline-color-muted': { control: 'color' },
  '--trackline-color-problem': { control: 'color' },
  '--trackline-color-action': { control: 'color' },
  '--trackline-timeline-line-color': { control: 'color' },
  '--trackline-timeline-dot-size': { control: 'text' },
  '--trackline-tooltip-background': { control: 'color' },
  '--trackline-tooltip-color': { control: 'color' },
  '--trackline-space': { control: 'text' },
  '--trackline-radius': { control: 'text' },
  '--trackline-tap-target': { control: 'text' },
  '--trackline-font-family': { control: 'text' },
  '--trackline-font-size': { control: 'text' },
  '--trackline-font-size-small': { control: 'text' },
} as const;

type Token = keyof typeof tokens;
type Args = {
  status: Status;
  problem?: 'weather' | 'customs';
  long?: boolean;
  locale: string;
  theme?: 'light' | 'dark';
  dir: 'ltr' | 'rtl';
  collapsedCount: number;
} & Partial<Record<Token, string>>;

const meta: Meta<Args> = {
  title: 'Elements/tracking-timeline',
  component: 'tracking-timeline',
  argTypes: {
    status: { control: 'select', options: Object.keys(histories) },
    problem: { control: 'select', options: [undefined, 'weather', 'customs'] },
    long: { control: 'boolean' },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'de', 'en-GB'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    collapsedCount: { control: { type: 'number', min: 1 } },
    ...tokens,
  },
  args: { status: 'in_transit', locale: 'en', dir: 'ltr', collapsedCount: 5 },
  render: (args) => {
    const events = args.long
      ? longHistory
      : [
          ...histories[args.status],
          ...(args.problem === 'weather' ? [weatherDelay] : []),
          ...(args.problem === 'customs' ? [customsHold] : []),
        ];
    const shipment: Shipment = {
      carrier: 'ups',
      trackingNumber: '1Z999AA10123456784',
      status: args.status,
      events,
      destination: { city: 'Fresno', region: 'CA', country: 'US' },
      updatedAt: '2024-05-21T12:00:00Z',
    };
    const style = Object.entries(args)
      .filter(([name, value]) => name.startsWith('--trackline-') && value)
      .map(([name, value]) => `${name}: ${value}`)
      .join('; ');
    const dark = args.theme === 'dark';
    return html`<div dir=${args.dir} style="padding: 1rem; ${dark ? 'background: #0d1117;' : ''}">
      <tracking-timeline
        .shipment=${shipment}
        locale=${args.locale}
        theme=${args.theme ?? 'light'}
        collapsed-count=${args.collapsedCount}
        style=${style}
      ></tracking-timeline>
    </div>`;
  },
};
export default meta;

export const Pending: StoryObj<Args> = { args: { status: 'pending' } };
export const LabelCreated: StoryObj<Args> = { args: { status: 'info_received' } };
export const InTransit: StoryObj<Args> = {};
export const OutForDelivery: StoryObj<Args> = { args: { status: 'out_for_delivery' } };
export const ReadyForPickup: StoryObj<Args> = { args: { status: 'available_for_pickup' } };
export const Delivered: StoryObj<Args> = { args: { status: 'delivered' } };
export const Returning: StoryObj<Args> = { args: { status: 'returning' } };
export const Returned: StoryObj<Args> = { args: { status: 'returned' } };
export const Cancelled: StoryObj<Args> = { args: { status: 'cancelled' } };
export const WeatherDelay: StoryObj<Args> = { args: { problem: 'weather' } };
export const CustomsNeedsAction: StoryObj<Args> = { args: { problem: 'customs' } };
export const LongHistory: StoryObj<Args> = { args: { long: true } };
export const Dark: StoryObj<Args> = { args: { status: 'delivered', theme: 'dark' } };
export const RightToLeft: StoryObj<Args> = { args: { status: 'out_for_delivery', dir: 'rtl' } };
export const InGerman: StoryObj<Args> = { args: { long: true, locale: 'de' } };
export const CustomBrand: StoryObj<Args> = {
  args: {
    status: 'out_for_delivery',
    '--trackline-color-accent': '#6b2fa3',
    '--trackline-timeline-line-color': '#d9c8ec',
    '--trackline-radius': '1rem',
    '--trackline-font-family': 'Georgia, serif',
  },
};
