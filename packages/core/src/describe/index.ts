export { describeShipment } from './describe-shipment.js';
export type { DescribeOptions, ShipmentDescription } from './describe-shipment.js';
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
