import { TracklineError } from '../../errors/trackline-error.js';
import { parseWith } from '../../model/parse.js';
import type { DeliveryEstimate, Place, Shipment, TrackingEvent } from '../../model/schemas.js';
import { eventTime } from '../../time/event-time.js';
import { buildShipment, toEvent, calendarDate, hasField, unreadableScanTime } from '../build.js';
import {
  FedexErrorResponseSchema,
  FedexTrackResponseSchema,
  type FedexAddress,
  type FedexScanEvent,
  type FedexTrackResult,
} from './schema.js';

export const fedexNotFound = () => new TracklineError('not_found', 'FedEx has no shipment with this tracking number.');

/** A field's text, trimmed; '' when absent. */
export function str(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

/**
 * What one of FedEx's error codes means for the caller. FedEx puts "not found" inside an HTTP 200, per
 * number (`trackResults[].error`), and sends the same codes in 4xx error bodies.
 */
export function fedexError(code: unknown, message?: unknown): TracklineError {
  const text = str(code).toUpperCase();
  if (text.endsWith('.NOTFOUND')) return fedexNotFound();
  if (text.startsWith('TRACKING.TRACKINGNUMBER.')) {
    return new TracklineError(
      'invalid_number',
      'FedEx says this is not a valid tracking number. Check it and try again.',
    );
  }
  const detail = str(message);
  return new TracklineError(
    'invalid_response',
    `FedEx answered with an error${text ? ` (${text})` : ''}${detail ? `: ${detail}` : '.'}`,
  );
}

function place(address: FedexAddress | null | undefined): Place | undefined {
  if (!address) return undefined;
  const result: Place = {};
  const city = str(address.city);
  const region = str(address.stateOrProvinceCode);
  const postalCode = str(address.postalCode);
  const country = str(address.countryCode).toUpperCase();
  if (city) result.city = city;
  if (region) result.region = region;
  if (postalCode) result.postalCode = postalCode;
  if (/^[A-Z]{2}$/.test(country)) result.country = country;
  return Object.keys(result).length > 0 ? result : undefined;
}

/** The table's codeFormat: "<eventType>/<derivedStatusCode>/<delayDetail.type>", trailing empty parts dropped. */
function eventCode(scan: FedexScanEvent): string {
  const delayStatus = str(scan.delayDetail?.status).toUpperCase();
  // A delay type with status ON_TIME or EARLY says the parcel is *not* delayed.
  const delayType = !delayStatus || delayStatus === 'DELAYED' ? str(scan.delayDetail?.type) : '';
  const parts = [str(scan.eventType), str(scan.derivedStatusCode), delayType];
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.join('/');
}

/** "Delivery exception: Customer not available or business closed": the event and, when given, its detail. */
function eventDescription(scan: FedexScanEvent): string {
  const event = str(scan.eventDescription);
  const detail = str(scan.exceptionDescription);
  if (!detail || detail.toLowerCase() === event.toLowerCase()) return event || str(scan.derivedStatus);
  return event ? `${event}: ${detail}` : detail;
}

/** The scan as an event; `undefined` when its time cannot be read. */
function scanEvent(scan: FedexScanEvent): TrackingEvent | undefined {
  const location = place(scan.scanLocation);
  const when = eventTime({ local: str(scan.date), location });
  if (!when) return undefined;
  return toEvent('fedex', {
    code: eventCode(scan),
    description: eventDescription(scan),
    time: when,
    ...(location ? { location } : {}),
  });
}

/** The delivery window FedEx expects while the parcel is on its way. */
function carrierEstimate(result: FedexTrackResult): DeliveryEstimate | undefined {
  const dates = result.dateAndTimes ?? [];
  if (dates.some((entry) => str(entry.type).toUpperCase() === 'ACTUAL_DELIVERY')) return undefined;
  const window = result.estimatedDeliveryTimeWindow?.window;
  let earliest = calendarDate(window?.begins);
  let latest = calendarDate(window?.ends);
  if (!earliest && !latest) {
    const estimated = dates.find((entry) => str(entry.type).toUpperCase() === 'ESTIMATED_DELIVERY');
    earliest = latest = calendarDate(estimated?.dateTime);
  }
  earliest ||= latest;
  latest ||= earliest;
  if (!earliest || !latest) return undefined;
  if (earliest > latest) [earliest, latest] = [latest, earliest];
  return { earliest, latest, likely: latest, confidence: 0.8, basis: 'carrier' };
}

/** When a result's newest scan happened, for choosing between results of a reused number. */
function latestScan(result: FedexTrackResult): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const scan of result.scanEvents ?? []) {
    const ms = Date.parse(str(scan.date));
    if (!Number.isNaN(ms) && ms > latest) latest = ms;
  }
  return latest;
}

/**
 * The result that answers the question. FedEx reuses numbers: one number can have several results, one
 * per shipment that carried it. The one with the latest scan is the shopper's.
 */
function pickResult(results: readonly FedexTrackResult[]): FedexTrackResult {
  const usable = results.filter((result) => !str(result.error?.code));
  if (usable.length === 0) {
    const error = results.find((result) => str(result.error?.code))?.error;
    throw error ? fedexError(error.code, error.message) : fedexNotFound();
  }
  let best = usable[0]!;
  for (const result of usable.slice(1)) if (latestScan(result) > latestScan(best)) best = result;
  return best;
}

export interface FedexParseOptions {
  /** The number that was asked for; picks its entry when the answer holds several numbers. */
  trackingNumber?: string;
  now: Date;
}

/**
 * A FedEx Track API answer as a shipment. Throws `not_found` for FedEx's per-number error
 * TRACKING.TRACKINGNUMBER.NOTFOUND (inside an HTTP 200), and `invalid_response` naming the field for a body
 * of the wrong shape.
 */
export function parseFedexTrackResponse(raw: unknown, options: FedexParseOptions): Shipment {
  // Only a body without `output` can be FedEx's error answer: checking every answer against the error shape
  // would build a failed check's error, with its stack, on each successful call.
  const failure = hasField(raw, 'output') ? undefined : FedexErrorResponseSchema.safeParse(raw);
  if (failure?.success) {
    const first = failure.data.errors[0];
    throw fedexError(first?.code, first?.message);
  }
  const response = parseWith(FedexTrackResponseSchema, raw, 'FedEx track response');
  const complete = response.output.completeTrackResults;
  const asked = str(options.trackingNumber);
  const entry = (asked && complete.find((item) => str(item.trackingNumber) === asked)) || complete[0];
  if (!entry || entry.trackResults.length === 0) throw fedexNotFound();
  const result = pickResult(entry.trackResults);

  const trackingNumber = str(result.trackingNumberInfo?.trackingNumber) || str(entry.trackingNumber) || asked;
  if (!trackingNumber) {
    throw new TracklineError('invalid_response', 'Invalid FedEx track response: the result has no tracking number.');
  }
  const events = (result.scanEvents ?? [])
    .map((scan, index) => {
      const event = scanEvent(scan);
      // FedEx always sends a time: one it cannot have meant is an answer to report, not a scan to drop.
      if (!event && (eventCode(scan) || eventDescription(scan))) {
        const at = `output.completeTrackResults[${complete.indexOf(entry)}].trackResults[${entry.trackResults.indexOf(result)}]`;
        throw unreadableScanTime('FedEx track response', `${at}.scanEvents[${index}].date`, scan.date);
      }
      return event;
    })
    .filter((event) => event !== undefined);
  const estimate = carrierEstimate(result);
  return buildShipment({
    carrier: 'fedex',
    trackingNumber,
    events,
    service: str(result.serviceDetail?.description),
    ...(estimate ? { estimate } : {}),
    origin:
      place(result.shipperInformation?.address) ?? place(result.originLocation?.locationContactAndAddress?.address),
    destination:
      place(result.lastUpdatedDestinationAddress) ??
      place(result.recipientInformation?.address) ??
      place(result.destinationLocation?.locationContactAndAddress?.address),
    trackingUrl: `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(trackingNumber)}`,
    now: options.now,
  });
}
