import type { Problem } from '../model/problem.js';
import type { Shipment } from '../model/schemas.js';
import { Status } from '../model/status.js';
import type { TrackingEvent } from '../model/tracking-event.js';

/** The steps a shopper sees, in order. Derived from the status; never stored. */
export const Milestone = {
  ordered: 'ordered',
  packed: 'packed',
  shipped: 'shipped',
  outForDelivery: 'out_for_delivery',
  delivered: 'delivered',
} as const;
export type Milestone = (typeof Milestone)[keyof typeof Milestone];
export const milestones: readonly Milestone[] = Object.values(Milestone);

export interface ShipmentState {
  /** Events without duplicates, oldest first. */
  events: TrackingEvent[];
  status: Status;
  problem?: Problem;
  deliveredAt?: string;
}

const forwardRank: Partial<Record<Status, number>> = {
  pending: 0,
  info_received: 1,
  in_transit: 2,
  out_for_delivery: 3,
  available_for_pickup: 3,
  delivered: 4,
};

function instant(event: TrackingEvent): number {
  const ms = Date.parse(event.at);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Oldest first by instant (not by text, so offsets compare correctly); carrier order breaks ties. */
export function sortEvents(events: readonly TrackingEvent[]): TrackingEvent[] {
  const sorted = events
    .map((event, index) => ({ event, index, at: instant(event), text: event.description.trim() }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  // A duplicate has the same instant, so it sits among the few entries just before it.
  return sorted
    .filter(({ event, at, text }, i) => {
      for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
        const prior = sorted[j]!;
        if (prior.at !== at) break;
        if (prior.event.code === event.code && prior.text === text) return false;
      }
      return true;
    })
    .map(({ event }) => event);
}

/** The stage after `next` is seen while the parcel was at `current`. */
function advance(current: Status, next: Status): Status {
  if (current === Status.returning || current === Status.returned) {
    // On the way back, forward-looking scans describe the return trip; "delivered" means back at the sender.
    if (next === Status.delivered || next === Status.returned) return Status.returned;
    return next === Status.cancelled ? current : Status.returning;
  }
  if (current === Status.delivered) {
    return next === Status.returning || next === Status.returned ? next : current;
  }
  const from = forwardRank[current];
  const to = forwardRank[next];
  // Label data that arrives after the parcel moved is stale, not a step back.
  if (from !== undefined && to !== undefined && to <= 1 && from > to) return current;
  return next;
}

/**
 * A shipment's current status, open problem and delivery time, from its events in any order and
 * with duplicates. The latest event decides the stage, except that stale label data never moves a
 * parcel back, a delivered parcel only leaves `delivered` for a return, and a return stays a return.
 * A problem stays open until a later event without one; it is open `since` the first event of its run.
 * A "delivered" scan on the way back is returned as a `returned` event.
 */
export function deriveShipmentState(events: readonly TrackingEvent[]): ShipmentState {
  const sorted = sortEvents(events);
  let status: Status = Status.pending;
  let problem: Problem | undefined;
  let deliveredAt: string | undefined;
  const told: TrackingEvent[] = [];
  for (const scanned of sorted) {
    const previous = status;
    status = advance(status, scanned.status);
    // On the way back, the carrier's "delivered" means delivered to the sender: say so on the event too,
    // so a timeline never shows "Delivered" for a parcel the shopper did not get.
    const event =
      scanned.status === Status.delivered && status === Status.returned ? { ...scanned, status: status } : scanned;
    told.push(event);
    if (status === Status.delivered && previous !== Status.delivered) deliveredAt = event.at;
    if (event.problem) {
      const sameRun = problem && problem.reason === event.problem.reason;
      problem = { ...event.problem, since: sameRun ? problem!.since : event.at };
    } else {
      problem = undefined;
    }
  }
  const state: ShipmentState = { events: told, status };
  if (problem) state.problem = problem;
  if (status === Status.delivered && deliveredAt) state.deliveredAt = deliveredAt;
  return state;
}

export interface Progress {
  /** The furthest step reached on the way to the shopper. */
  milestone: Milestone;
  /** `return` once the parcel heads back to the sender; `cancelled` when the shipment was cancelled. */
  path: 'forward' | 'return' | 'cancelled';
  /** The step where the open problem happened, if any. */
  problemAt?: Milestone;
}

const milestoneOfStatus: Partial<Record<Status, Milestone>> = {
  pending: Milestone.ordered,
  info_received: Milestone.packed,
  in_transit: Milestone.shipped,
  out_for_delivery: Milestone.outForDelivery,
  available_for_pickup: Milestone.outForDelivery,
  delivered: Milestone.delivered,
};

/** Where a shipment is on the shopper's progress bar. */
export function shipmentProgress(shipment: Pick<Shipment, 'status' | 'events' | 'problem'>): Progress {
  let furthest = 0;
  for (const event of shipment.events ?? []) {
    const reached = milestoneOfStatus[event.status];
    if (reached) furthest = Math.max(furthest, milestones.indexOf(reached));
  }
  const current = milestoneOfStatus[shipment.status];
  if (current) furthest = Math.max(furthest, milestones.indexOf(current));
  const milestone = milestones[furthest] ?? Milestone.ordered;
  const path =
    shipment.status === Status.returning || shipment.status === Status.returned
      ? 'return'
      : shipment.status === Status.cancelled
        ? 'cancelled'
        : 'forward';
  const progress: Progress = { milestone, path };
  if (shipment.problem) progress.problemAt = milestone;
  return progress;
}
