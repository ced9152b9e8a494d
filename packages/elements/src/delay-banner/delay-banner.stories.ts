import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { ProblemReason, Shipment, Status } from '@trackline/core';
import '../define/delay-banner.js';

/** A calendar date `days` from today: the banner leaves out delivery dates that have passed. */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

/** Problems a shopper must act on in these stories, as carriers usually report them. */
const needsAction: ReadonlySet<ProblemReason> = new Set(['failed_attempt', 'address', 'customs', 'payment_due']);

const tokens = {
  '--trackline-color-text': { control: 'color' },
  '--trackline-color-muted': { control: 'color' },
  '--trackline-color-accent': { control: 'color' },
  '--trackline-color-problem': { control: 'color' },
  '--trackline-color-action': { control: 'color' },
  '--trackline-banner-background': { control: 'color' },
  '--trackline-banner-action-background': { control: 'color' },
  '--trackline-banner-border-width': { control: 'text' },
  '--trackline-space': { control: 'text' },
  '--trackline-radius': { control: 'text' },
  '--trackline-tap-target': { control: 'text' },
  '--trackline-font-family': { control: 'text' },
  '--trackline-font-size': { control: 'text' },
  '--trackline-font-size-small': { control: 'text' },
} as const;

type Token = keyof typeof tokens;
type Args = {
  reason: ProblemReason;
  actionRequired: boolean;
  status: Status;
  newDate: boolean;
  locale: string;
  theme?: 'light' | 'dark';
  dir: 'ltr' | 'rtl';
  contactHref?: string;
  contactText?: string;
} & Partial<Record<Token, string>>;

const reasons: ProblemReason[] = [
  'delayed',
  'weather',
  'failed_attempt',
  'address',
  'customs',
  'payment_due',
  'damaged',
  'lost',
  'held',
  'refused',
  'stalled',
  'other',
];

const meta: Meta<Args> = {
  title: 'Elements/delay-banner',
  component: 'delay-banner',
  argTypes: {
    reason: { control: 'select', options: reasons },
    actionRequired: { control: 'boolean' },
    status: {
      control: 'select',
      options: ['in_transit', 'out_for_delivery', 'available_for_pickup', 'delivered', 'returning'],
    },
    newDate: { control: 'boolean' },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'de'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    contactHref: { control: 'text' },
    contactText: { control: 'text' },
    ...tokens,
  },
  args: {
    reason: 'delayed',
    actionRequired: false,
    status: 'in_transit',
    newDate: true,
    locale: 'en',
    dir: 'ltr',
    contactHref: '/contact',
    contactText: 'Questions? We answer within one business day.',
  },
  render: (args) => {
    const shipment: Shipment = {
      carrier: 'ups',
      trackingNumber: '1Z999AA10123456784',
      status: args.status,
      problem: { reason: args.reason, actionRequired: args.actionRequired, since: '2024-05-06T18:00:00-07:00' },
      events: [
        {
          at: '2024-05-06T18:00:00-07:00',
          timeSource: 'carrier',
          status: args.status,
          code: 'X1',
          description: 'Exception',
          location: { city: 'Fresno', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' },
        },
      ],
      ...(args.newDate
        ? {
            estimate: {
              earliest: dayFromToday(2),
              latest: dayFromToday(4),
              likely: dayFromToday(3),
              confidence: 0.8,
              basis: 'carrier' as const,
            },
          }
        : {}),
      updatedAt: '2024-05-06T18:05:00-07:00',
    };
    const style = Object.entries(args)
      .filter(([name, value]) => name.startsWith('--trackline-') && value)
      .map(([name, value]) => `${name}: ${value}`)
      .join('; ');
    const dark = args.theme === 'dark';
    return html`<div
      dir=${args.dir}
      style="padding: 1rem; max-inline-size: 40rem; ${dark ? 'background: #0d1117;' : ''}"
    >
      <delay-banner
        .shipment=${shipment}
        locale=${args.locale}
        theme=${args.theme ?? 'light'}
        contact-href=${args.contactHref || nothing}
        style=${style}
        >${args.contactText ? html`<span slot="contact">${args.contactText}</span>` : nothing}</delay-banner
      >
    </div>`;
  },
};
export default meta;

const problem = (reason: ProblemReason): StoryObj<Args> => ({
  args: { reason, actionRequired: needsAction.has(reason) },
});

export const Delayed = problem('delayed');
export const Weather = problem('weather');
export const FailedAttempt = problem('failed_attempt');
export const Address = problem('address');
export const Customs = problem('customs');
export const PaymentDue = problem('payment_due');
export const Damaged = problem('damaged');
export const Lost = problem('lost');
export const Held = problem('held');
export const Refused = problem('refused');
export const Stalled = problem('stalled');
export const Other = problem('other');
export const DamagedOnDelivery: StoryObj<Args> = { args: { reason: 'damaged', status: 'delivered', newDate: false } };
export const Dark: StoryObj<Args> = { args: { ...problem('customs').args, theme: 'dark' } };
export const RightToLeft: StoryObj<Args> = { args: { reason: 'weather', dir: 'rtl' } };
export const InSpanish: StoryObj<Args> = { args: { ...problem('payment_due').args, locale: 'es' } };
export const CustomBrand: StoryObj<Args> = {
  args: {
    reason: 'weather',
    '--trackline-banner-background': '#f3ecfa',
    '--trackline-color-problem': '#6b2fa3',
    '--trackline-color-accent': '#6b2fa3',
    '--trackline-radius': '1rem',
    '--trackline-font-family': 'Georgia, serif',
  },
};
