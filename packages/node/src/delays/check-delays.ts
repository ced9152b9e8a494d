import {
  deriveShipmentState,
  detectDelay,
  type DelayProblem,
  type LaneInput,
  type Problem,
  type Shipment,
  type TrackingEvent,
  type TransitModel,
} from '@trackline/core';
import { parcelIdPart } from '../store/merge.js';
import type { ActiveShipment, Store } from '../store/types.js';
import { delayCheckSource, isDelayCheckEvent } from './events.js';

// A parcel that goes quiet sends no webhook, so nothing else would ever notice it. This walks the
// parcels still on their way, asks the core's `detectDelay` about each, and records what it finds as
// an ordinary update through `applyUpdate`: one note of our own (`timeSource: 'inferred'`) that
// carries the problem. Everything downstream already knows what to do with that: the store merges it
// with whatever a webhook brings at the same moment and appends a change, the notifier turns the
// change into one delay message, and the next real scan (a scan without a problem) clears it. The store
// takes the status from the carrier alone, drops the note's problem once the parcel is delivered (or
// waits to be collected, or goes back), and keeps the fields' as-of time and `updatedAt` as they were
// (see `mergeUpdate`).

/** Codes of the events `checkDelays` adds: the problem it found, or that it no longer holds. */
export const DelayEventCode = {
  late: `${delayCheckSource}.late`,
  later: `${delayCheckSource}.later`,
  stalled: `${delayCheckSource}.stalled`,
  lost: `${delayCheckSource}.lost`,
  cleared: `${delayCheckSource}.cleared`,
} as const;
export type DelayEventCode = (typeof DelayEventCode)[keyof typeof DelayEventCode];

export interface CheckDelaysOptions {
  store: Store;
  /**
   * A model fitted on the store's history (`fitTransitModel`, `loadTransitModel`). Without one only
   * dates are judged (late against the promise, the carrier's own date moved later); with one, a parcel
   * that stays quiet longer than its lane normally does is found `stalled`, later `lost`, and the
   * message carries the model's new estimate.
   */
  model?: TransitModel;
  /** The clock. Default: the real one. */
  now?: () => Date;
  /** How many parcels are read from the store at a time. Default 100. */
  pageSize?: number;
  /** The lane as the model's history names it, where the shipments say it differently (see `detectDelay`). */
  lane?: (shipment: Shipment) => Partial<LaneInput> | undefined;
  /** Told when one parcel could not be checked; the others still are. Default: the error is thrown at the end. */
  onError?: (error: unknown, shipment: Shipment) => void;
}

export interface DelayCheckResult {
  /** Parcels on their way that were looked at. */
  checked: number;
  /** Problems newly recorded (each becomes at most one message). */
  found: number;
  /** Problems recorded earlier by a check that no longer hold (the parcel moved on, the date was met). */
  cleared: number;
}

/** The stage our notes report. They say nothing about where the parcel is; the store ignores it. */
const noStage = 'pending';

/**
 * The parcel as its carrier describes it: our own notes left out, the problem derived again. The stored
 * status is the carrier's already. Without scans, the stored problem is the carrier's unless a note of
 * ours opened it.
 */
function asTheCarrierSaysIt(shipment: Shipment): Shipment {
  if (!shipment.events.some(isDelayCheckEvent)) return shipment;
  const events = shipment.events.filter((event) => !isDelayCheckEvent(event));
  const { problem: shown, ...rest } = shipment;
  const problem = events.length > 0 ? deriveShipmentState(events).problem : openedByUs(shipment) ? undefined : shown;
  return { ...rest, events, ...(problem ? { problem } : {}) };
}

/** The problem open now came from one of our events (the newest event is ours and carries it). */
function openedByUs(shipment: Shipment): boolean {
  const newest = shipment.events.at(-1);
  return (
    shipment.problem !== undefined && newest !== undefined && isDelayCheckEvent(newest) && newest.problem !== undefined
  );
}

/**
 * The key that makes one finding one record (another process checking at the same moment finds it a
 * duplicate): what was found, since when (for a date that moved later, the date it moved to) and the
 * newest carrier scan it was judged on. After a new scan closes the note, the same finding is new again.
 */
function findingId(stored: Shipment, carrierView: Shipment, found: DelayProblem): string {
  const since = found.cause === 'later' ? (found.estimate?.likely ?? found.since) : found.since;
  const newestScan = carrierView.events.at(-1)?.at ?? 'none';
  return `${stored.carrier}:${parcelIdPart(stored.trackingNumber)}:${found.cause}:${since}:${newestScan}`;
}

function workingDays(days: number): string {
  return `${days} working day${days === 1 ? '' : 's'}`;
}

/** The event's text, for the timeline: what was found, in words a shopper understands. */
function describeProblem(problem: DelayProblem): string {
  switch (problem.cause) {
    case 'lost':
      return `No scan for ${workingDays(problem.days)}: the parcel has most likely been lost.`;
    case 'stalled':
      return `No scan for ${workingDays(problem.days)}, longer than parcels on this route usually go without one.`;
    case 'late':
      return `Not delivered by the last promised day (${problem.days} day${problem.days === 1 ? '' : 's'} late).`;
    case 'later':
      return `The expected delivery date moved ${problem.days} day${problem.days === 1 ? '' : 's'} later.`;
  }
}

/**
 * Whether to store the estimate `detectDelay` gives with the problem (the shopper's message and page then
 * show it). A carrier's date that still holds is the date `detectDelay` judged late or later on, and it
 * stands as stored: the shopper is told what the carrier says. After a silence the carrier's date rests
 * on scans that stopped coming, so the model's estimate replaces it; with no carrier date, or one whose
 * last day has gone by, the model's estimate is the date judged, and it is stored.
 */
function newEstimate(found: DelayProblem): boolean {
  // detectDelay attaches the carrier's own date (basis `carrier`) exactly when it judged on it, and that
  // date is the one stored; any other estimate is the model's.
  return found.estimate !== undefined && found.estimate.basis !== 'carrier';
}

/** Whether a problem the carrier itself reported gives way to one we found. */
function overrides(found: DelayProblem, carriers: Problem | undefined): boolean {
  if (!carriers) return true;
  // The shopper has something to do: telling them the parcel is late would bury that.
  if (carriers.actionRequired) return false;
  // The carrier's own explanation (weather, customs) says more than "late"; only a long silence since
  // it is news of its own.
  return found.cause === 'stalled' || found.cause === 'lost';
}

/**
 * Checks every parcel still on its way for a delay (`detectDelay`) and records what is new, so the
 * notifier sends the shopper one message about it: a problem is recorded once (never again while it
 * stays open, whichever process checks), a problem a check recorded is cleared once it no longer
 * holds, and delivered or returned parcels are never looked at. Updates go through `applyUpdate`, so
 * a webhook stored at the same moment loses nothing. Run it on a timer (every few minutes), beside
 * the notifier.
 */
export async function checkDelays(options: CheckDelaysOptions): Promise<DelayCheckResult> {
  const { store, model, pageSize = 100 } = options;
  if (!store || typeof store.listActiveShipments !== 'function') {
    throw new TypeError(
      'checkDelays needs a store with listActiveShipments, e.g. checkDelays({ store: await sqliteStore({ path: "trackline.db" }) }).',
    );
  }
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`checkDelays: pageSize must be a whole number of 1 or more; got ${pageSize}.`);
  }
  const now = (options.now ?? (() => new Date()))();
  const at = now.toISOString();
  const result: DelayCheckResult = { checked: 0, found: 0, cleared: 0 };
  let failure: unknown;

  for (let after: string | undefined; ;) {
    const page = await store.listActiveShipments({ limit: pageSize, ...(after === undefined ? {} : { after }) });
    for (const listed of page) {
      result.checked += 1;
      try {
        const outcome = await checkOne(listed);
        if (outcome) result[outcome] += 1;
      } catch (error) {
        if (options.onError) options.onError(error, listed.shipment);
        else failure ??= error;
      }
    }
    if (page.length < pageSize) break;
    after = page.at(-1)!.id;
  }
  if (failure !== undefined) throw failure;
  return result;

  async function checkOne(listed: ActiveShipment): Promise<'found' | 'cleared' | undefined> {
    const stored = listed.shipment;
    // Judged on the carrier's scans alone: our own events are no scans, and must not restart the silence.
    const carrierView = asTheCarrierSaysIt(stored);
    const lane = options.lane?.(stored);
    const found = detectDelay(carrierView, {
      now,
      ...(model ? { model } : {}),
      ...(listed.placedAt === undefined ? {} : { placedAt: listed.placedAt }),
      ...(lane ? { lane } : {}),
    });

    if (found && overrides(found, carrierView.problem)) {
      if (stored.problem?.reason === found.reason) return undefined; // already recorded (or the carrier said so)
      const event: TrackingEvent = {
        at,
        timeSource: 'inferred',
        status: noStage,
        problem: { reason: found.reason, actionRequired: found.actionRequired },
        code: DelayEventCode[found.cause],
        description: describeProblem(found),
      };
      const applied = await store.applyUpdate({
        shipment: {
          carrier: stored.carrier,
          trackingNumber: stored.trackingNumber,
          status: stored.status,
          events: [event],
          // Nothing was fetched from the carrier: the look-up must still refresh a parcel that is out of date.
          updatedAt: stored.updatedAt,
          ...(newEstimate(found) ? { estimate: found.estimate } : {}),
        },
        source: delayCheckSource,
        receivedAt: at,
        webhookId: findingId(stored, carrierView, found),
      });
      return applied.duplicate || !applied.change ? undefined : 'found';
    }

    if (!openedByUs(stored)) return undefined;
    // What we recorded no longer holds: a scan we could not see at the time came in (carriers report
    // some scans hours late, and such a scan sorts before our event, so it did not close our problem),
    // or the date was met after all. Our closing note carries no problem: the store then shows what the
    // carrier's own scans say, such as a problem reported in that late scan (duties to pay).
    const carrierProblem = carrierView.problem;
    if (carrierProblem && carrierProblem.reason === stored.problem?.reason) return undefined;
    const applied = await store.applyUpdate({
      shipment: {
        carrier: stored.carrier,
        trackingNumber: stored.trackingNumber,
        status: stored.status,
        events: [
          {
            at,
            timeSource: 'inferred',
            status: noStage,
            code: DelayEventCode.cleared,
            description: 'The parcel no longer looks delayed.',
          },
        ],
        updatedAt: stored.updatedAt,
      },
      source: delayCheckSource,
      receivedAt: at,
    });
    return applied.change ? 'cleared' : undefined;
  }
}
