import {
  buildShipment,
  zoneForPlace,
  zoneOffsetAt,
  type Place,
  type Shipment,
  type TrackingEvent,
} from '@trackline/core';
import type { Parcel } from './parcels.js';
import type { Scenario } from './scenarios.js';
import { stepMeaning, type StepKind } from './steps.js';

const hour = 3_600_000;

export interface PlayOptions {
  /** When the scenario started (its step at hour 0). */
  start: Date;
  /** The moment to show, on the scenario's clock (a caller that accelerates time maps its clock to this one). */
  now: Date;
}

/** A step that has happened, with its time as carriers report it: local wall time plus offset. */
export interface PlayedStep {
  kind: StepKind;
  /** The instant. */
  at: Date;
  /** Local wall time at the place of the scan, `YYYY-MM-DDTHH:mm:ss`. */
  local: string;
  /** The place's UTC offset then, `-05:00`. */
  offset: string;
  location: Place;
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Every step of `scenario` that has happened by `now`, oldest first. */
export function playSteps(scenario: Scenario, { start, now }: PlayOptions): PlayedStep[] {
  const elapsedHours = (now.getTime() - start.getTime()) / hour;
  const played: PlayedStep[] = [];
  for (const step of scenario.steps) {
    if (step.at > elapsedHours) break;
    const instant = start.getTime() + step.at * hour;
    const zone = zoneForPlace(step.location);
    const offsetMinutes = zone ? zoneOffsetAt(zone, instant) : 0;
    played.push({
      kind: step.kind,
      at: new Date(instant),
      local: new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, 19),
      offset: formatOffset(offsetMinutes),
      location: step.location,
    });
  }
  return played;
}

/** The promised delivery date of a scenario started at `start`. */
export function promisedDate(scenario: Scenario, start: Date): string {
  return new Date(start.getTime() + scenario.promisedWithinDays * 24 * hour).toISOString().slice(0, 10);
}

/**
 * The shipment exactly as the scenario means it, in Trackline's model: what every carrier's adapter must
 * reproduce from that carrier's wire format.
 */
export function playParcel(parcel: Parcel, options: PlayOptions): Shipment {
  const events: TrackingEvent[] = playSteps(parcel.scenario, options).map((step) => {
    const meaning = stepMeaning[step.kind];
    return {
      at: `${step.local}${step.offset}`,
      timeSource: 'carrier',
      status: meaning.status,
      ...(meaning.problem ? { problem: meaning.problem } : {}),
      code: step.kind,
      description: meaning.description,
      location: step.location,
    };
  });
  const promisedBy = promisedDate(parcel.scenario, options.start);
  return buildShipment({
    carrier: parcel.carrier,
    trackingNumber: parcel.trackingNumber,
    service: parcel.service,
    events,
    promised: { earliest: promisedBy, latest: promisedBy },
    origin: parcel.scenario.origin,
    destination: parcel.scenario.destination,
    now: options.now,
  });
}
