// detectDelay on the Olist orders, walked forward like the estimates: every day of the quarter at noon,
// each parcel then on its way (handed over, not yet delivered) is checked with the model fitted that
// morning. Olist has no carrier scans, so the only news a parcel has is its hand-over: `stalled` and
// `lost` are judged against whole transit times. Afterwards each flag is scored against what happened.
import { detectDelay, type DelayProblem, type Shipment } from '@trackline/core';
import { fitTransitModel } from '@trackline/core/fit';
import type { OlistOrder } from './olist.js';
import { addDays, daysBetween, isoAt, dayStart } from './time.js';
import { walkForward, type WalkEvent } from './walk-forward.js';

export interface DelayFigures {
  /** Parcels on their way on at least one day of the quarter. */
  inFlight: number;
  /** Of those, the ones never delivered (still "shipped" when the data ends). */
  neverDelivered: number;
  lost: { flagged: number; neverDelivered: number; deliveredLater: number; medianDaysToDelivery: number };
  stalled: { delivered: number; flagged: number; late: number; lateWarned: number; meanWarningDays: number };
  /** The estimate moved past the promise while the promise day was still ahead. */
  later: { late: number; lateWarned: number; meanWarningDays: number; onTime: number; onTimeFlagged: number };
}

/** The parcel as a tracker would hold it at `now`: only its hand-over scan. */
function shipmentAt(order: OlistOrder): Shipment {
  const at = order.record.shippedAt!;
  return {
    carrier: 'postal', // any carrier id: the lane is named as the history names it, below
    trackingNumber: order.id,
    status: 'in_transit',
    events: [
      { at, timeSource: 'carrier', status: 'in_transit', code: 'shipped', description: 'Handed to the carrier' },
    ],
    promised: { earliest: order.promisedDay!, latest: order.promisedDay! },
    destination: { country: 'BR', region: order.record.destination.region! },
    updatedAt: at,
  };
}

export function delayWalk(orders: readonly OlistOrder[], history: readonly OlistOrder[], from: string, to: string) {
  const events: WalkEvent<OlistOrder>[] = [];
  const lastDay = addDays(to, 1);
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const noon = dayStart(day) + 12 * 3_600_000;
    for (const order of orders) {
      if (order.shippedMs === undefined || order.promisedDay === undefined || order.shippedMs > noon) continue;
      if (order.deliveredMs !== undefined && order.deliveredMs <= noon) continue;
      if (order.placedMs < dayStart(addDays(from, -120))) continue; // long gone: not a parcel anyone watches
      events.push({ item: order, moment: 'shipped', at: isoAt(noon) });
    }
  }
  const results = walkForward({
    items: history,
    events,
    fit: (records, now) => fitTransitModel(records, { now }),
    predict: (model, event): DelayProblem | undefined =>
      detectDelay(shipmentAt(event.item), {
        model,
        now: event.at,
        placedAt: event.item.record.placedAt,
        lane: { carrier: 'olist', origin: event.item.record.origin },
      }),
  });
  return { results, lastDay };
}

export function delayFigures(orders: readonly OlistOrder[], history: readonly OlistOrder[], from: string, to: string) {
  const { results } = delayWalk(orders, history, from, to);
  const firstFlag = {
    lost: new Map<OlistOrder, string>(),
    stalled: new Map<OlistOrder, string>(),
    later: new Map<OlistOrder, string>(),
  };
  const watched = new Set<OlistOrder>();
  for (const { event, prediction } of results) {
    watched.add(event.item);
    const day = event.at.slice(0, 10);
    const cause = prediction?.cause;
    // A lost parcel was stalled first: count it there too.
    if ((cause === 'stalled' || cause === 'lost') && !firstFlag.stalled.has(event.item)) {
      firstFlag.stalled.set(event.item, day);
    }
    if (cause === 'lost' && !firstFlag.lost.has(event.item)) firstFlag.lost.set(event.item, day);
    if (cause === 'later' && !firstFlag.later.has(event.item)) firstFlag.later.set(event.item, day);
  }
  const never = [...watched].filter((o) => o.deliveredDay === undefined);
  const lostLater = [...firstFlag.lost].filter(([o]) => o.deliveredDay !== undefined);
  const toDelivery = lostLater.map(([o, day]) => daysBetween(day, o.deliveredDay!)).sort((a, b) => a - b);
  const delivered = [...watched].filter((o) => o.deliveredDay !== undefined);
  const late = delivered.filter((o) => o.deliveredDay! > o.promisedDay!);
  const warnedBy = (flags: Map<OlistOrder, string>) => late.filter((o) => (flags.get(o) ?? '9999') <= o.promisedDay!);
  const warningDays = (list: OlistOrder[], flags: Map<OlistOrder, string>) =>
    list.length
      ? list.reduce((sum, o) => sum + daysBetween(flags.get(o)!, o.promisedDay!), 0) / list.length
      : Number.NaN;
  const warned = warnedBy(firstFlag.stalled);
  const warnedLater = warnedBy(firstFlag.later);
  const onTime = delivered.filter((o) => o.deliveredDay! <= o.promisedDay!);
  const figures: DelayFigures = {
    inFlight: watched.size,
    neverDelivered: never.length,
    lost: {
      flagged: firstFlag.lost.size,
      neverDelivered: never.filter((o) => firstFlag.lost.has(o)).length,
      deliveredLater: lostLater.length,
      medianDaysToDelivery: toDelivery.length ? toDelivery[toDelivery.length >> 1]! : Number.NaN,
    },
    stalled: {
      delivered: delivered.length,
      flagged: delivered.filter((o) => firstFlag.stalled.has(o)).length,
      late: late.length,
      lateWarned: warned.length,
      meanWarningDays: warningDays(warned, firstFlag.stalled),
    },
    later: {
      late: late.length,
      lateWarned: warnedLater.length,
      meanWarningDays: warningDays(warnedLater, firstFlag.later),
      onTime: onTime.length,
      onTimeFlagged: onTime.filter((o) => firstFlag.later.has(o)).length,
    },
  };
  return { figures, checks: results.length };
}
