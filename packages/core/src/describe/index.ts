export { collectedFromPickup, dayHasPassed, outForDeliveryToday } from './context.js';
export { describeShipment } from './describe-shipment.js';
export { createDescriber, createDescriberFrom, deliveryDateHolds } from './describer.js';
export type { Describer, DescribeOptions, ShipmentDescription } from './describer.js';
export { loadDescribeMessages } from './load.js';
export { isSlowdown, relevantProblem } from './relevant-problem.js';
export { resolveLocale } from './locale.js';
export { describeMessages } from './messages.js';
export { enProblems } from './messages-en-problems.js';
export { enStatus } from './messages-en-status.js';
export type {
  DateRangeText,
  DayText,
  DescribeLocale,
  Message,
  MessageContext,
  MessageKey,
  Messages,
  ProblemMessageKey,
  ProblemMessages,
  StatusMessages,
  StatusWithTodo,
  TimeText,
} from './types.js';
