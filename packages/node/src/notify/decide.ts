import { isSlowdown, type Shipment, type Status } from '@trackline/core';
import { latestEvent, newProblem, reachedRegion } from '../milestones.js';
import type { ShipmentChange } from '../store/types.js';
import { MessageKind } from './types.js';

// Which news one stored change is worth telling the shopper, as a pure function of the change and
// "now". At most one kind per change: a shopper gets one message about one scan, not three.

const HOUR = 3_600_000;

/** What to tell, and what makes this telling distinct from an earlier one of the same kind. */
export interface Decision {
  kind: MessageKind;
  /** Part of the message key: the new estimate date of a delay, the reason and start of a problem. */
  variant?: string;
}

export interface DecideOptions {
  /** News older than this (by its newest scan) is not told at all. Default 3 days. */
  maxAgeMs?: number;
}

/** Along the normal path a parcel only moves forward; the rest are off it. */
const forwardRank: Partial<Record<Status, number>> = {
  pending: 0,
  info_received: 1,
  in_transit: 2,
  out_for_delivery: 3,
  available_for_pickup: 3,
  delivered: 4,
};

/** Statuses after which nothing more is told: a late scan after delivery is noise, not news. */
const finished: ReadonlySet<Status> = new Set(['delivered', 'returned', 'cancelled']);

/** "Out for delivery" is news only on its day. */
export const outForDeliveryMaxAgeMs = 12 * HOUR;
export const defaultMaxAgeMs = 72 * HOUR;

function instant(value: string | undefined): number {
  const ms = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(ms) ? 0 : ms;
}

/** The time of a shipment's newest scan, or undefined without scans (`updatedAt` only says when we last looked). */
export function newestScan(shipment: Shipment | undefined): number | undefined {
  const latest = latestEvent(shipment);
  return latest ? instant(latest.at) : undefined;
}

/** The estimate's last day moved later, past what the store promised (a later day inside the promise is still on time). */
function estimateSlipped(before: Shipment | undefined, after: Shipment): boolean {
  const was = before?.estimate?.latest;
  const now = after.estimate?.latest;
  if (!was || !now || now <= was) return false;
  const promised = after.promised?.latest;
  return !promised || now > promised;
}

function problemDecision(after: Shipment): Decision | undefined {
  const problem = after.problem;
  if (!problem) return undefined;
  if (isSlowdown(problem.reason)) return { kind: MessageKind.delay, variant: after.estimate?.latest ?? 'unknown' };
  const variant = `${problem.reason}-${problem.since}`;
  return { kind: problem.actionRequired ? MessageKind.actionRequired : MessageKind.exception, variant };
}

/**
 * What to tell about one change, or undefined for nothing. Silent for: anything after delivery or
 * return (a late in-transit scan), a status that moved backwards without a new problem, a change
 * older than what the shopper was already told, and news that has gone stale (older than
 * `maxAgeMs`; twelve hours for "out for delivery").
 */
export function decide(change: ShipmentChange, now: number, options: DecideOptions = {}): Decision | undefined {
  const { before, after } = change;
  const from: Status = before?.status ?? 'pending';
  if (finished.has(from)) return undefined;
  if (from === 'returning' && after.status !== 'returned') return undefined;
  const told = newestScan(before);
  const news = newestScan(after) ?? instant(change.at);
  if (told !== undefined && news < told) return undefined;

  const decision = choose(before, after, from);
  if (!decision) return undefined;
  const maxAge =
    decision.kind === MessageKind.outForDelivery ? outForDeliveryMaxAgeMs : (options.maxAgeMs ?? defaultMaxAgeMs);
  if (now - news > maxAge) return undefined;
  return decision;
}

function choose(before: Shipment | undefined, after: Shipment, from: Status): Decision | undefined {
  const fromRank = forwardRank[from];
  const toRank = forwardRank[after.status];
  const backwards = fromRank !== undefined && toRank !== undefined && toRank < fromRank;
  const statusChanged = after.status !== from;

  if (statusChanged && !backwards) {
    switch (after.status) {
      case 'out_for_delivery':
        return { kind: MessageKind.outForDelivery };
      case 'available_for_pickup':
        return { kind: MessageKind.availableForPickup };
      case 'delivered':
        return { kind: MessageKind.delivered };
      case 'returning':
      case 'returned':
        return { kind: MessageKind.returned };
      default:
        break;
    }
  }
  // A problem is news even when it moves the stage back (a missed delivery puts the parcel back in transit).
  if (newProblem(before, after)) return problemDecision(after);
  if (backwards || after.status !== 'in_transit') return undefined;
  const problem = after.problem;
  if (!problem && (from === 'pending' || from === 'info_received')) return { kind: MessageKind.shipped };
  if (!problem && reachedRegion(before, after)) return { kind: MessageKind.arriving };
  if ((!problem || isSlowdown(problem.reason)) && estimateSlipped(before, after)) {
    return { kind: MessageKind.delay, variant: after.estimate?.latest ?? 'unknown' };
  }
  return undefined;
}
