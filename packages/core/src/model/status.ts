/**
 * Where the parcel is: its stage. Monotonic in normal life (`pending` → … → `delivered`), with
 * `returning`/`returned` and `cancelled` as side paths. What went wrong is kept apart, in `Problem`.
 */
export const Status = {
  /** The number is known but the carrier has no data yet. */
  pending: 'pending',
  /** A label was created; the carrier does not have the parcel yet. */
  infoReceived: 'info_received',
  /** Picked up and moving. */
  inTransit: 'in_transit',
  outForDelivery: 'out_for_delivery',
  /** Waiting at a pick-up point, locker or counter for the shopper. */
  availableForPickup: 'available_for_pickup',
  delivered: 'delivered',
  /** On its way back to the sender. */
  returning: 'returning',
  /** Back at the sender. */
  returned: 'returned',
  cancelled: 'cancelled',
} as const;
export type Status = (typeof Status)[keyof typeof Status];

/** Every status, in the order a parcel normally passes through them. */
export const statuses: readonly Status[] = Object.values(Status);

/**
 * True once no delivery lies ahead, so a delivery estimate says nothing any more: the parcel has arrived, is on
 * its way back to the sender or will not travel. Carriers and aggregators keep sending the date they had.
 */
export function isPastDelivery(status: Status): boolean {
  return (
    status === Status.delivered ||
    status === Status.returning ||
    status === Status.returned ||
    status === Status.cancelled
  );
}

/** True once nothing more will happen to the parcel. */
export function isFinalStatus(status: Status): boolean {
  return status === Status.delivered || status === Status.returned || status === Status.cancelled;
}
