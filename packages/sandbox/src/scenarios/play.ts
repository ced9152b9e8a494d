import {
  deriveShipmentState,
  eventTime,
  zoneForPlace,
  zoneOffsetAt,
  type Shipment,
  type TrackingEvent,
} from '@trackline/core';
import type { Scenario } from './scenarios.js';
import { stepMeaning } from './steps.js';

const hour = 3_600_000;

export interface PlayOptions {
  /** When the scenario started (its step at hour 0). */
  start: Date;
  /** The moment to show, on the scenario's clock (a caller that accelerates time maps its clock to this one). */
  now: Date;
}

/** The shipment as the carrier would report it at `now`: every step that has happened by then. */
export function playScenario(scenario: Scenario, { start, now }: PlayOptions): Shipment {
  const elapsedHours = (now.getTime() - start.getTime()) / hour;
  const events: TrackingEvent[] = [];
  for (const step of scenario.steps) {
    if (step.at > elapsedHours) break;
    const instant = start.getTime() + step.at * hour;
    // Scans carry the local time of the place with its offset, as carriers report them.
    const zone = zoneForPlace(step.location);
    const offsetMinutes = zone ? zoneOffsetAt(zone, instant) : 0;
    const local = new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, 19);
    const utc = new Date(instant).toISOString();
    const time = eventTime({ local, utc });
    const meaning = stepMeaning[step.kind];
    events.push({
      at: time?.at ?? utc,
      timeSource: time?.timeSource ?? 'utc',
      status: meaning.status,
      ...(meaning.problem ? { problem: meaning.problem } : {}),
      code: step.kind,
      description: meaning.description,
      location: step.location,
    });
  }
  const state = deriveShipmentState(events);
  const promisedBy = new Date(start.getTime() + scenario.promisedWithinDays * 24 * hour).toISOString().slice(0, 10);
  return {
    carrier: scenario.carrier,
    trackingNumber: scenario.trackingNumber,
    service: scenario.service,
    ...state,
    promised: { earliest: promisedBy, latest: promisedBy },
    origin: scenario.origin,
    destination: scenario.destination,
    updatedAt: now.toISOString(),
  };
}
