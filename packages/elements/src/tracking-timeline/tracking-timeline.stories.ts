import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { statuses, type Status } from '@trackline/core';
import '../define/tracking-timeline.js';
import { customProperties, frame, frameArgs, frameArgTypes, themeAttribute, type FrameArgs } from '../stories/frame.js';
import { problemOptions, type ProblemChoice } from '../stories/problems.js';
import { longHistory, sampleShipment } from '../stories/shipments.js';

type Args = {
  status: Status;
  problem: ProblemChoice;
  long: boolean;
  locale: string;
  collapsedCount: number;
} & FrameArgs;

const meta: Meta<Args> = {
  title: 'Elements/tracking-timeline',
  component: 'tracking-timeline',
  argTypes: {
    status: { control: 'select', options: statuses },
    problem: { control: 'select', options: problemOptions },
    long: { control: 'boolean' },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'de', 'en-GB'] },
    collapsedCount: { control: { type: 'number', min: 1 } },
    ...frameArgTypes,
  },
  args: { status: 'in_transit', problem: 'none', long: false, locale: 'en', collapsedCount: 5, ...frameArgs },
  render: (args) => {
    const shipment = sampleShipment(args.status, args.problem);
    return frame(
      args,
      html`<tracking-timeline
        .shipment=${args.long ? { ...shipment, events: longHistory } : shipment}
        locale=${args.locale}
        theme=${themeAttribute(args.theme)}
        collapsed-count=${args.collapsedCount}
        style=${styleMap(customProperties(args))}
      ></tracking-timeline>`,
    );
  },
};
export default meta;

type Story = StoryObj<Args>;
const problem = (reason: ProblemChoice): Story => ({ args: { problem: reason } });

export const Pending: Story = { args: { status: 'pending' } };
export const LabelCreated: Story = { args: { status: 'info_received' } };
export const InTransit: Story = {};
export const OutForDelivery: Story = { args: { status: 'out_for_delivery' } };
export const ReadyForPickup: Story = { args: { status: 'available_for_pickup' } };
export const Delivered: Story = { args: { status: 'delivered' } };
export const Returning: Story = { args: { status: 'returning' } };
export const Returned: Story = { args: { status: 'returned' } };
export const Cancelled: Story = { args: { status: 'cancelled' } };
export const Delayed = problem('delayed');
export const WeatherDelay = problem('weather');
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
export const LongHistory: Story = { args: { long: true } };
export const Dark: Story = { args: { status: 'delivered', theme: 'dark' } };
export const SystemTheme: Story = { args: { theme: 'system' } };
export const RightToLeft: Story = { args: { status: 'out_for_delivery', problem: 'failed_attempt', dir: 'rtl' } };
export const InGerman: Story = { args: { long: true, locale: 'de' } };
export const BrandTheme: Story = {
  args: {
    status: 'out_for_delivery',
    problem: 'weather',
    '--trackline-color-accent': '#6b2fa3',
    '--trackline-color-text': '#24123d',
    '--trackline-color-muted': '#5e4b75',
    '--trackline-timeline-line-color': '#d9c8ec',
    '--trackline-tooltip-background': '#24123d',
    '--trackline-radius': '1rem',
    '--trackline-font-family': 'Georgia, serif',
  },
};
