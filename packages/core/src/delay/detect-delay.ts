import { DAY_MS, readDay } from '../insights/instants.js';
import { instantOf, localDay, requireInstant, safeOffset } from '../estimate/clock.js';
import type { Area } from '../estimate/types.js';
import type { DateWindow, DeliveryEstimate, Place, Shipment } from '../model/schemas.js';
import type { Status } from '../model/status.js';
import { zoneForPlace } from '../time/zone-for-place.js';
import type { DelayCause, DelayProblem, DetectDelayOptions } from './types.js';

// Delay is judged in this order, the first that holds wins: lost, stalled (the parcel may not be
// moving at all), late against the promise, then an estimate that moved later. Every answer comes
// from the scans known at `now` and the dates the shopper was given; nothing here reads the clock.

/** Stages where nothing more is expected from the carrier, or the parcel waits for the shopper. */
const settled: ReadonlySet<Status> = new Set([
  'delivered',
  'available_for_pickup',
  'returning',
  'returned',
  'cancelled',
]);

/** Stages that mean the carrier has the parcel. */
const moving: ReadonlySet<Status> = new Set(['in_transit', 'out_for_delivery']);

const reasons = { late: 'delayed', later: 'delayed', stalled: 'stalled', lost: 'lost' } as const;

/**
 * Whether a shipment on its way is running late, has gone quiet for longer than its lane normally
 * does (`stalled`), or has likely been lost; undefined when it looks on track. With a `model`, the
 * silence is judged against what the lane has learned and the problem carries the new estimate.
 */
export function detectDelay(shipment: Shipment, options: DetectDelayOptions): DelayProblem | undefined {
  const nowMs = requireInstant(options.now, 'now');
  const known = shipment.events.filter((event) => instantOf(event.at) <= nowMs);
  const status = known.at(-1)?.status ?? (shipment.events.length === 0 ? shipment.status : 'pending');
  if (settled.has(status)) return undefined;

  const zone = zoneForPlace(shipment.destination) ?? 'UTC';
  const today = localDay(nowMs, offsetIn(zone, nowMs));
  const lane = {
    carrier: shipment.carrier,
    ...(shipment.service === undefined ? {} : { service: shipment.service }),
    origin: areaOf(shipment.origin),
    destination: areaOf(shipment.destination),
    ...options.lane,
  };
  const found = (
    cause: DelayCause,
    days: number,
    since: string,
    estimate: DeliveryEstimate | undefined,
  ): DelayProblem => ({
    reason: reasons[cause],
    actionRequired: false,
    since,
    cause,
    days,
    ...(estimate ? { estimate } : {}),
  });

  // Silence. While a problem waits on the shopper (an address to fix, duties to pay) the carrier has
  // nothing to scan, so the quiet says nothing about the parcel.
  const lastNews = known.at(-1)?.at ?? options.placedAt;
  if (options.model && lastNews !== undefined && !shipment.problem?.actionRequired) {
    const carried = known.some((event) => moving.has(event.status));
    const silence = options.model.silence({ ...lane, since: lastNews, now: options.now, moving: carried });
    if (silence) {
      const cause =
        carried && silence.days > silence.lostAfter
          ? 'lost'
          : silence.days > silence.stalledAfter
            ? 'stalled'
            : undefined;
      // After a silence longer than usual the carrier's date rests on scans that stopped coming: the
      // estimate is the model's own, without it.
      if (cause) return found(cause, silence.days, lastNews, newEstimate(shipment, options, lane, false));
    }
  }

  const previous = options.previous ?? shipment.promised;
  if (!previous) return undefined;
  // Late and later are judged on the carrier's own date while it has one that still holds: we never tell
  // the shopper "UPS says it is running late" when UPS's date is on time, nor the other way round. Only
  // without it (none given, or its last day gone) is the model's estimate judged, the carrier's date
  // blended in as the model does, and attached to the problem.
  const estimate = carriersOwn(shipment, today) ?? newEstimate(shipment, options, lane, true);
  const lastPromised = readDay(previous.latest);
  if (today > lastPromised) {
    const dayAfter = (lastPromised + 1) * DAY_MS;
    const since = new Date(dayAfter - offsetIn(zone, dayAfter) * 60_000).toISOString();
    return found('late', today - lastPromised, since, estimate);
  }
  if (estimate) {
    // Against an estimate shown before, its likely day; against a promise window, its last day.
    const before = isEstimate(previous) ? readDay(previous.likely) : lastPromised;
    const moved = readDay(estimate.likely) - before;
    if (moved >= 1) return found('later', moved, new Date(nowMs).toISOString(), estimate);
  }
  return undefined;
}

/**
 * The model's estimate conditioned on the scans (and, with `carrierDate`, blended with the carrier's own
 * date as the model does), else (no model, or a lane it does not know) the carrier's own date.
 */
function newEstimate(
  shipment: Shipment,
  options: DetectDelayOptions,
  lane: { carrier: string; service?: string; origin: Area; destination: Area },
  carrierDate: boolean,
): DeliveryEstimate | undefined {
  const carrier = shipment.estimate?.basis === 'carrier' ? shipment.estimate : undefined;
  if (!options.model) return carrier;
  try {
    return options.model.estimate({
      ...lane,
      ...(options.placedAt === undefined ? {} : { placedAt: options.placedAt }),
      now: options.now,
      shipment: carrierDate || !carrier ? shipment : withoutEstimate(shipment),
    });
  } catch {
    return carrier; // the model knows nothing of this lane yet
  }
}

/** The shipment's date from its carrier, unless its likely day cannot be read or its last day is gone. */
function carriersOwn(shipment: Shipment, today: number): DeliveryEstimate | undefined {
  const carrier = shipment.estimate?.basis === 'carrier' ? shipment.estimate : undefined;
  if (!carrier) return undefined;
  const likely = readDay(carrier.likely);
  const latest = readDay(carrier.latest);
  // A last day that cannot be read is its likely day, as the model reads it.
  const last = latest === latest ? latest : likely;
  return likely === likely && last >= today ? carrier : undefined;
}

function withoutEstimate(shipment: Shipment): Shipment {
  const copy = { ...shipment };
  delete copy.estimate;
  return copy;
}

function isEstimate(value: DateWindow | DeliveryEstimate): value is DeliveryEstimate {
  return 'likely' in value;
}

function areaOf(place: Place | undefined): Area {
  return {
    country: place?.country ?? '',
    ...(place?.region === undefined ? {} : { region: place.region }),
    ...(place?.postalCode === undefined ? {} : { postalCode: place.postalCode }),
  };
}

function offsetIn(zone: string, ms: number): number {
  const offset = safeOffset(zone, ms);
  return offset === offset ? offset : 0;
}
