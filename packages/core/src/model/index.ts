export { Aggregator, Carrier, carrierIds, carrierName, shopperCarrierName } from './carrier.js';
export type { AggregatorId, CarrierId, StatusSource } from './carrier.js';
export { EstimateBasis } from './delivery-estimate.js';
export { describeIssues, formatPath, parseOrder, parseShipment, parseWith } from './parse.js';
export { ProblemReason, problemReasons } from './problem.js';
export {
  CarrierIdSchema,
  DateWindowSchema,
  DeliveryEstimateSchema,
  OrderSchema,
  PlaceSchema,
  ProblemDetailSchema,
  ProblemReasonSchema,
  ProblemSchema,
  ShipmentSchema,
  StatusSchema,
  TrackingEventSchema,
} from './schemas.js';
export type {
  DateWindow,
  DeliveryEstimate,
  Order,
  Place,
  Problem,
  ProblemDetail,
  Shipment,
  TrackingEvent,
} from './schemas.js';
export { Status, isFinalStatus, isPastDelivery, statuses } from './status.js';
export { TimeSource } from './tracking-event.js';
