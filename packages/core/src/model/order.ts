import * as z from 'zod/mini';
import { isoDateTime, nonEmptyString } from './primitives.js';
import { ShipmentSchema } from './shipment.js';

/** What the shopper bought; one order can ship in several parcels. */
export const OrderSchema = z.object({
  orderNumber: nonEmptyString,
  placedAt: isoDateTime,
  shipments: z.array(ShipmentSchema),
});
export type Order = z.infer<typeof OrderSchema>;
