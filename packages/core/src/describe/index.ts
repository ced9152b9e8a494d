export { describeShipment } from './describe-shipment.js';
export { createDescriber } from './describer.js';
export type { Describer, DescribeOptions, ShipmentDescription } from './describer.js';
export { loadDescribeMessages } from './load.js';
export { isSlowdown, relevantProblem } from './relevant-problem.js';
export { resolveLocale } from './locale.js';
export { describeMessages } from './messages.js';
export type {
  DateRangeText,
  DayText,
  DescribeLocale,
  Message,
  MessageContext,
  MessageKey,
  Messages,
  StatusWithTodo,
  TimeText,
} from './types.js';
