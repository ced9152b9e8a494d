import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Shipment } from '@trackline/core';
import '../define/tracking-progress.js';

type Args = { status: Shipment['status']; problem?: 'weather' | 'customs'; locale: string; theme?: 'light' | 'dark' };

const meta: Meta<Args> = {
  title: 'Elements/tracking-progress',
  component: 'tracking-progress',
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
    problem: { control: 'select', options: [undefined, 'weather', 'customs'] },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'de'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  args: { status: 'in_transit', locale: 'en' },
  render: ({ status, problem, locale, theme }) => {
    const shipment = {
      status,
      events: [],
      ...(problem
        ? { problem: { reason: problem, actionRequired: problem === 'customs', since: '2024-05-01T00:00:00Z' } }
        : {}),
    };
    return html`<tracking-progress
      .shipment=${shipment}
      locale=${locale}
      theme=${theme ?? 'light'}
    ></tracking-progress>`;
  },
};
export default meta;

export const InTransit: StoryObj<Args> = {};
export const WeatherDelay: StoryObj<Args> = { args: { problem: 'weather' } };
export const CustomsNeedsAction: StoryObj<Args> = { args: { problem: 'customs' } };
export const Returning: StoryObj<Args> = { args: { status: 'returning' } };
export const DeliveredInGerman: StoryObj<Args> = { args: { status: 'delivered', locale: 'de' } };
