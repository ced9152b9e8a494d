import type { Shipment } from '../model/index.js';
import { createDescriber, type DescribeOptions, type ShipmentDescription } from './describer.js';
import { describeMessages } from './messages.js';

export type { DescribeOptions, ShipmentDescription } from './describer.js';

const everyLanguage = /* @__PURE__ */ createDescriber(describeMessages);

/**
 * Describes one parcel for its shopper: what happened, what happens next and what to do, if anything.
 * Uses only normalized fields, never the carrier's own text. Never throws: unreadable data gives generic copy.
 * Speaks English, Spanish, French and German out of the box; a browser page that wants only the shopper's
 * language in its bundle uses `createDescriber` with `loadDescribeMessages` instead.
 */
export function describeShipment(shipment: Shipment, options?: DescribeOptions): ShipmentDescription {
  return everyLanguage(shipment, options);
}
