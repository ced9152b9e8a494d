import type { ProblemDetail, Status } from '@trackline/core';

/**
 * The things that happen to a parcel in a scenario, in carrier-neutral words. Each carrier's wire
 * format renders a step with its own codes; the canonical meaning lives here once, and every carrier's
 * adapter must turn its rendering back into this meaning (the conformance tests check it).
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
  readyForPickup: 'ready_for_pickup',
  collected: 'collected',
  addressProblem: 'address_problem',
  customsHold: 'customs_hold',
  customsCleared: 'customs_cleared',
  returnToSender: 'return_to_sender',
  returned: 'returned',
  lost: 'lost',
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
  ready_for_pickup: { status: 'available_for_pickup', description: 'Ready for pickup at the pickup point' },
  collected: { status: 'delivered', description: 'Picked up by the recipient at the pickup point' },
  address_problem: {
    status: 'in_transit',
    problem: { reason: 'address', actionRequired: true },
    description: 'Incorrect address: the recipient must correct it',
  },
  customs_hold: {
    status: 'in_transit',
    problem: { reason: 'customs', actionRequired: true },
    description: 'Held in customs: import duties must be paid',
  },
  customs_cleared: { status: 'in_transit', description: 'Cleared customs' },
  return_to_sender: { status: 'returning', description: 'Returning to sender' },
  returned: { status: 'returned', description: 'Returned to sender' },
  lost: {
    status: 'in_transit',
    problem: { reason: 'lost', actionRequired: false },
    description: 'The parcel is lost',
  },
};
