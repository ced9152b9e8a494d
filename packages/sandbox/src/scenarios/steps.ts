import type { ProblemDetail, Status } from '@trackline/core';

/**
 * The things that happen to a parcel in a scenario, in carrier-neutral words. Each carrier's wire
 * format renders a step with its own codes; the canonical meaning lives here once.
 */
export const StepKind = {
  labelCreated: 'label_created',
  pickedUp: 'picked_up',
  arrived: 'arrived',
  departed: 'departed',
  outForDelivery: 'out_for_delivery',
  delivered: 'delivered',
  weatherDelay: 'weather_delay',
  failedAttempt: 'failed_attempt',
} as const;
export type StepKind = (typeof StepKind)[keyof typeof StepKind];

export const stepMeaning: Record<StepKind, { status: Status; problem?: ProblemDetail; description: string }> = {
  label_created: { status: 'info_received', description: 'Shipping label created' },
  picked_up: { status: 'in_transit', description: 'Picked up' },
  arrived: { status: 'in_transit', description: 'Arrived at facility' },
  departed: { status: 'in_transit', description: 'Departed facility' },
  out_for_delivery: { status: 'out_for_delivery', description: 'Out for delivery' },
  delivered: { status: 'delivered', description: 'Delivered, front door' },
  weather_delay: {
    status: 'in_transit',
    problem: { reason: 'weather', actionRequired: false },
    description: 'Weather delay: severe storms in the area',
  },
  failed_attempt: {
    status: 'in_transit',
    problem: { reason: 'failed_attempt', actionRequired: true },
    description: 'Delivery attempted, no access to delivery location',
  },
};
