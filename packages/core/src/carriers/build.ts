import { TracklineError } from '../errors/trackline-error.js';
import type { CarrierId, StatusSource } from '../model/carrier.js';
import { isPastDelivery } from '../model/status.js';
import type { DateWindow, DeliveryEstimate, Place, Shipment, TrackingEvent } from '../model/schemas.js';
import { deriveShipmentState } from '../status/derive.js';
import { normalizeStatus } from '../status/normalize.js';
import type { EventTime } from '../time/event-time.js';

export interface RawEvent {
  /** The raw code in the form the source's status table documents (`codeFormat`). */
  code: string;
  description: string;
  time: EventTime;
  location?: Place;
}

/** One carrier event in Trackline's model: its stage and problem from the source's status table. */
export function toEvent(source: StatusSource, raw: RawEvent): TrackingEvent {
  const { status, problem } = normalizeStatus(source, raw.code, raw.description);
  const event: TrackingEvent = {
    at: raw.time.at,
    timeSource: raw.time.timeSource,
    status,
    code: raw.code,
    description: raw.description.trim(),
  };
  if (problem) event.problem = problem;
  if (raw.location && Object.keys(raw.location).length > 0) event.location = raw.location;
  return event;
}

export interface ShipmentParts {
  carrier: CarrierId;
  trackingNumber: string;
  events: readonly TrackingEvent[];
  service?: string;
  promised?: DateWindow;
  estimate?: DeliveryEstimate;
  origin?: Place;
  destination?: Place;
  trackingUrl?: string;
  now: Date;
}

/**
 * A shipment from its events: status, open problem and delivery time derived, empty parts left out. The
 * carrier's estimate is left out once the parcel is delivered, returning, returned or cancelled, whichever API
 * sent it.
 */
export function buildShipment(parts: ShipmentParts): Shipment {
  const state = deriveShipmentState(parts.events);
  const shipment: Shipment = {
    carrier: parts.carrier,
    trackingNumber: parts.trackingNumber,
    status: state.status,
    events: state.events,
    updatedAt: parts.now.toISOString(),
  };
  if (parts.service?.trim()) shipment.service = parts.service.trim();
  if (state.problem) shipment.problem = state.problem;
  if (state.deliveredAt) shipment.deliveredAt = state.deliveredAt;
  if (parts.promised) shipment.promised = parts.promised;
  if (parts.estimate && !isPastDelivery(state.status)) shipment.estimate = parts.estimate;
  if (parts.origin && Object.keys(parts.origin).length > 0) shipment.origin = parts.origin;
  if (parts.destination && Object.keys(parts.destination).length > 0) shipment.destination = parts.destination;
  if (parts.trackingUrl) shipment.trackingUrl = parts.trackingUrl;
  return shipment;
}

/**
 * `YYYY-MM-DD` from the start of a carrier's date or date-time, taken as the carrier's own calendar date
 * (no time-zone shift). A date that does not exist (2024-02-30) is refused rather than rolled over.
 */
export function calendarDate(value: unknown): string | undefined {
  const date = typeof value === 'string' ? /^\s*(\d{4}-\d{2}-\d{2})/.exec(value)?.[1] : undefined;
  return date && isCalendarDate(date) ? date : undefined;
}

/**
 * Whether a `YYYY-MM-DD` names a day that exists (not 2024-02-30). Counted rather than round-tripped through
 * `Date`: adapters check every date of every scan, and `toISOString` is among the slowest calls they made.
 */
export function isCalendarDate(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/** Whether `value` is an object whose `key` holds something other than a falsy value. */
export function hasField(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && Boolean((value as Record<string, unknown>)[key]);
}

/** The carrier's expected delivery day as an estimate; none without a date. */
export function carrierEstimate(date: string | undefined): DeliveryEstimate | undefined {
  return date ? { earliest: date, latest: date, likely: date, confidence: 0.8, basis: 'carrier' } : undefined;
}

/** A value as an error message shows it: text quoted and cut short, anything else by its kind. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
  return `${typeof value} ${String(value)}`;
}

/**
 * The error for a scan that says something (a status, a code or a text) but whose time is missing or cannot
 * be read. Such a scan cannot be placed in the parcel's story, and dropping it hid what the carrier said: a
 * FedEx delivery scan dated "yesterday" left the parcel `pending` with no events. So the answer is one
 * Trackline cannot read, and the message names the field, as `parseWith` does for a field of the wrong shape
 * (`Invalid FedEx track response: output…scanEvents[0].date: expected a date and time (got "yesterday")`).
 * A scan that says nothing at all is only skipped: there is nothing of it to show.
 */
export function unreadableScanTime(what: string, field: string, value: unknown): TracklineError {
  return new TracklineError(
    'invalid_response',
    `Invalid ${what}: ${field}: expected a date and time (got ${shown(value)}).`,
  );
}
