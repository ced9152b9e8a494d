import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { problemReasons, statuses, type ProblemReason, type Shipment, type Status } from '@trackline/core';
import '../define/delay-banner.js';
import { customProperties, frame, frameArgs, frameArgTypes, themeAttribute, type FrameArgs } from '../stories/frame.js';
import { problemSamples } from '../stories/problems.js';
import { sampleShipment } from '../stories/shipments.js';

/** A calendar date `days` from today: the banner leaves out delivery dates that have passed. */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

type Args = {
  reason: ProblemReason;
  actionRequired: boolean;
  status: Status;
  newDate: boolean;
  locale: string;
  contactHref?: string;
  contactText?: string;
} & FrameArgs;

const meta: Meta<Args> = {
  title: 'Elements/delay-banner',
  component: 'delay-banner',
  argTypes: {
    reason: { control: 'select', options: problemReasons },
    actionRequired: { control: 'boolean' },
    status: { control: 'select', options: statuses },
    newDate: { control: 'boolean' },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'de'] },
    contactHref: { control: 'text' },
    contactText: { control: 'text' },
    ...frameArgTypes,
  },
  args: {
    reason: 'delayed',
    actionRequired: problemSamples.delayed.actionRequired,
    status: 'in_transit',
    newDate: true,
    locale: 'en',
    contactHref: '/contact',
    contactText: 'Questions? We answer within one business day.',
    ...frameArgs,
  },
  render: (args) => {
    const sample = sampleShipment(args.status, args.reason);
    const shipment: Shipment = {
      ...sample,
      // The shopper's part as the control says, on the carrier's scan as on the shipment.
      problem: { ...sample.problem!, actionRequired: args.actionRequired },
      events: sample.events.map((event) =>
        event.problem ? { ...event, problem: { ...event.problem, actionRequired: args.actionRequired } } : event,
      ),
      estimate: args.newDate
        ? {
            earliest: dayFromToday(2),
            latest: dayFromToday(4),
            likely: dayFromToday(3),
            confidence: 0.8,
            basis: 'carrier',
          }
        : undefined,
    };
    return frame(
      args,
      html`<delay-banner
        .shipment=${shipment}
        locale=${args.locale}
        theme=${themeAttribute(args.theme)}
        contact-href=${args.contactHref || nothing}
        style=${styleMap(customProperties(args))}
        >${args.contactText ? html`<span slot="contact">${args.contactText}</span>` : nothing}</delay-banner
      >`,
      { 'max-inline-size': '40rem' },
    );
  },
};
export default meta;

type Story = StoryObj<Args>;
const problem = (reason: ProblemReason): Story => ({
  args: { reason, actionRequired: problemSamples[reason].actionRequired },
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
export const DamagedOnDelivery: Story = { args: { reason: 'damaged', status: 'delivered', newDate: false } };
export const Dark: Story = { args: { ...problem('customs').args, theme: 'dark' } };
export const SystemTheme: Story = { args: { reason: 'weather', theme: 'system' } };
export const RightToLeft: Story = { args: { reason: 'weather', dir: 'rtl' } };
export const InSpanish: Story = { args: { ...problem('payment_due').args, locale: 'es' } };
export const BrandTheme: Story = {
  args: {
    reason: 'weather',
    '--trackline-banner-background': '#f3ecfa',
    '--trackline-color-problem': '#6b2fa3',
    '--trackline-color-accent': '#6b2fa3',
    '--trackline-color-text': '#24123d',
    '--trackline-color-muted': '#5e4b75',
    '--trackline-banner-border-width': '0.375rem',
    '--trackline-radius': '1rem',
    '--trackline-font-family': 'Georgia, serif',
  },
};
