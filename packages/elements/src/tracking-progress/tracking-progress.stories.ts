import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { statuses, type Status } from '@trackline/core';
import '../define/tracking-progress.js';
import { customProperties, frame, frameArgs, frameArgTypes, themeAttribute, type FrameArgs } from '../stories/frame.js';
import { problemOptions, type ProblemChoice } from '../stories/problems.js';
import { sampleShipment } from '../stories/shipments.js';

type Args = { status: Status; problem: ProblemChoice; locale: string } & FrameArgs;

const meta: Meta<Args> = {
  title: 'Elements/tracking-progress',
  component: 'tracking-progress',
  argTypes: {
    status: { control: 'select', options: statuses },
    problem: { control: 'select', options: problemOptions },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'de'] },
    ...frameArgTypes,
  },
  args: { status: 'in_transit', problem: 'none', locale: 'en', ...frameArgs },
  render: (args) =>
    frame(
      args,
      html`<tracking-progress
        .shipment=${sampleShipment(args.status, args.problem)}
        locale=${args.locale}
        theme=${themeAttribute(args.theme)}
        style=${styleMap(customProperties(args))}
      ></tracking-progress>`,
    ),
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
export const DeliveredInGerman: Story = { args: { status: 'delivered', locale: 'de' } };
export const Dark: Story = { args: { status: 'out_for_delivery', problem: 'weather', theme: 'dark' } };
export const SystemTheme: Story = { args: { theme: 'system' } };
export const RightToLeft: Story = { args: { status: 'out_for_delivery', dir: 'rtl' } };
export const BrandTheme: Story = {
  args: {
    status: 'out_for_delivery',
    problem: 'weather',
    '--trackline-color-accent': '#6b2fa3',
    '--trackline-color-text': '#24123d',
    '--trackline-color-muted': '#5e4b75',
    '--trackline-color-problem': '#9c4400',
    '--trackline-progress-track-color': '#d9c8ec',
    '--trackline-progress-dot-size': '1.25rem',
    '--trackline-space': '0.75rem',
    '--trackline-font-family': 'Georgia, serif',
    '--trackline-font-size': '1.0625rem',
    '--trackline-font-size-small': '0.9375rem',
  },
};
