// The demo's delay check: a transit model learned from past deliveries on the sandbox's lanes, and
// `checkDelays` run on a timer beside the notifier. A parcel that goes quiet for longer than its lane
// normally does is recorded as stalled, and the notifier puts one delay message in the outbox.
//
// The history is GENERATED: the sandbox's own scenarios that end in a delivery, played for every carrier
// on the eight weeks before the shop opened, with the times their scans came. A real store fits the
// model on its own delivered orders instead (see docs/estimation.md).
import { fitTransitModel } from '@trackline/core/fit';
import { checkDelays } from '@trackline/node';
import { parcels } from '@trackline/sandbox';

const hour = 3_600_000;
const week = 7 * 24 * hour;

/** Past deliveries on the sandbox's lanes, scenario hour 0 falling `weeks` weeks before `start` at most. */
export function demoHistory({ start, weeks = 8, perWeek = 3 }) {
  const records = [];
  for (const parcel of parcels) {
    const { steps, origin, destination } = parcel.scenario;
    const pickedUp = steps.find((step) => step.kind === 'picked_up');
    const delivered = steps.find((step) => step.kind === 'delivered');
    if (!pickedUp || !delivered) continue; // returned or lost: no delivery to learn from
    for (let w = 1; w <= weeks; w++) {
      const zero = start.getTime() - w * week;
      const at = (h) => new Date(zero + h * hour).toISOString();
      const record = {
        carrier: parcel.carrier,
        service: parcel.service,
        origin: { country: origin.country, region: origin.region },
        destination: { country: destination.country, region: destination.region },
        placedAt: at(-16),
        shippedAt: at(pickedUp.at),
        scans: steps.filter((step) => step.at > pickedUp.at && step.at < delivered.at).map((step) => at(step.at)),
        deliveredAt: at(delivered.at),
      };
      for (let i = 0; i < perWeek; i++) records.push({ ...record });
    }
  }
  return records;
}

/** The model the demo's delay check uses, fitted as of `start` (when the shop opened, on the sandbox clock). */
export function demoTransitModel({ start }) {
  return fitTransitModel(demoHistory({ start }), { now: start });
}

/**
 * Runs `checkDelays` every `intervalMs` of real time (on the store's clock, which is the sandbox's), one
 * run at a time. Returns `{ runNow, stop }`; `runNow()` checks now, or joins the check already running.
 */
export function startDelayChecks({ store, model, now, intervalMs = 2000, onError }) {
  let running;
  const runNow = () =>
    (running ??= checkDelays({ store, model, now, onError: (error) => onError(error) })
      .catch((error) => {
        onError(error);
        return undefined;
      })
      .finally(() => {
        running = undefined;
      }));
  const timer = setInterval(() => void runNow(), intervalMs);
  timer.unref();
  return {
    runNow,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
