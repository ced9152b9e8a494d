import { TracklineError } from '../../errors/trackline-error.js';
import { parseWith } from '../../model/parse.js';
import type { DeliveryEstimate, Place, Shipment, TrackingEvent } from '../../model/schemas.js';
import { eventTime } from '../../time/event-time.js';
import { buildShipment, hasField, isCalendarDate, toEvent, unreadableScanTime } from '../build.js';
import {
  UpsErrorResponseSchema,
  UpsTrackResponseSchema,
  type UpsActivity,
  type UpsAddress,
  type UpsPackage,
  type UpsTrackResponse,
} from './schema.js';

export const upsNotFound = () => new TracklineError('not_found', 'UPS has no shipment with this tracking number.');

/** UPS error codes that mean the number itself is not a tracking number (karrio fixture: TV1002). */
const invalidNumberCodes = new Set(['TV1002']);

/** A field's text, trimmed; '' when absent. */
export function str(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

/** Numbers compare without spaces and case: `1z 999` is `1Z999`. */
function sameNumber(a: unknown, b: string): boolean {
  const clean = (value: string) => value.replace(/\s+/g, '').toUpperCase();
  return clean(str(a)) === clean(b) && b !== '';
}

function place(address: UpsAddress | null | undefined): Place | undefined {
  if (!address) return undefined;
  const result: Place = {};
  const city = str(address.city);
  const region = str(address.stateProvince);
  const postalCode = str(address.postalCode);
  const country = (str(address.countryCode) || str(address.country)).toUpperCase();
  if (city) result.city = city;
  if (region) result.region = region;
  if (postalCode) result.postalCode = postalCode;
  if (/^[A-Z]{2}$/.test(country)) result.country = country;
  return Object.keys(result).length > 0 ? result : undefined;
}

/** `20240202` → `2024-02-02`, or '' when it is not eight digits. */
function isoDate(yyyymmdd: unknown): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(str(yyyymmdd));
  if (!match) return '';
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  // 20240230 is refused rather than rolled over into March.
  return isCalendarDate(date) ? date : '';
}

/** `071356`, `71356` (leading zero dropped, as in UPS's own example) or `07:13:56` → `07:13:56`. */
function isoTime(value: unknown): string {
  const digits = str(value).replace(/:/g, '');
  if (!/^\d{1,6}$/.test(digits)) return '';
  const padded = digits.padStart(6, '0');
  return `${padded.slice(0, 2)}:${padded.slice(2, 4)}:${padded.slice(4, 6)}`;
}

/** The activity as an event; `undefined` when its time cannot be read. */
function activityEvent(activity: UpsActivity): TrackingEvent | undefined {
  const location = place(activity.location?.address);
  const date = isoDate(activity.date);
  const time = isoTime(activity.time);
  const gmtDate = isoDate(activity.gmtDate);
  const gmtTime = isoTime(activity.gmtTime);
  const when = eventTime({
    local: date && time ? `${date}T${time}` : date,
    offset: str(activity.gmtOffset) || undefined,
    location,
    utc: gmtDate && gmtTime ? `${gmtDate}T${gmtTime}Z` : undefined,
  });
  if (!when) return undefined;
  const status = activity.status;
  return toEvent('ups', {
    // The table's codeFormat: "<type>/<code>/<statusCode>", a missing part left empty.
    code: `${str(status?.type)}/${str(status?.code)}/${str(status?.statusCode)}`,
    description: str(status?.description) || str(status?.simplifiedTextDescription),
    time: when,
    ...(location ? { location } : {}),
  });
}

/** The expected delivery date UPS gives while the parcel is on its way: rescheduled (RDD) over scheduled (SDD). */
function carrierEstimate(pkg: UpsPackage): DeliveryEstimate | undefined {
  const dates = pkg.deliveryDate ?? [];
  if (dates.some((entry) => str(entry.type).toUpperCase() === 'DEL')) return undefined;
  const pick = (type: string) =>
    dates.map((entry) => (str(entry.type).toUpperCase() === type ? isoDate(entry.date) : '')).find(Boolean);
  const date = pick('RDD') ?? pick('SDD');
  return date ? { earliest: date, latest: date, likely: date, confidence: 0.8, basis: 'carrier' } : undefined;
}

function address(pkg: UpsPackage, type: string): Place | undefined {
  return place(pkg.packageAddress?.find((entry) => str(entry.type).toUpperCase() === type)?.address);
}

/** Which package answers the question: the one with the asked number, else the first. */
function pickPackage(response: UpsTrackResponse, trackingNumber: string | undefined) {
  const found = response.trackResponse.shipment.flatMap((shipment) =>
    (shipment.package ?? []).map((pkg) => ({ shipment, pkg })),
  );
  if (trackingNumber) {
    const exact =
      found.find(({ pkg }) => sameNumber(pkg.trackingNumber, trackingNumber)) ??
      found.find(({ shipment }) => sameNumber(shipment.inquiryNumber, trackingNumber));
    if (exact) return exact;
  }
  return found[0];
}

export interface UpsParseOptions {
  /** The number that was asked for; picks the package when a shipment has several. */
  trackingNumber?: string;
  now: Date;
}

/**
 * A UPS Track API answer as a shipment. Throws `not_found` for UPS's not-found warning (TW0001, an HTTP
 * 200 with no package), `invalid_number` for an invalid inquiry number, and `invalid_response` naming the
 * field for a body of the wrong shape.
 */
export function parseUpsTrackResponse(raw: unknown, options: UpsParseOptions): Shipment {
  // Only a body without `trackResponse` can be UPS's error answer: checking every answer against the error
  // shape would build a failed check's error, with its stack, on each successful call.
  const failure = hasField(raw, 'trackResponse') ? undefined : UpsErrorResponseSchema.safeParse(raw);
  if (failure?.success) {
    const first = failure.data.response.errors[0];
    const code = str(first?.code);
    if (invalidNumberCodes.has(code)) {
      throw new TracklineError(
        'invalid_number',
        'UPS says this is not a valid tracking number. Check it and try again.',
      );
    }
    throw new TracklineError(
      'invalid_response',
      `UPS answered with an error${code ? ` (${code})` : ''}${first?.message ? `: ${str(first.message)}` : '.'}`,
    );
  }
  const response = parseWith(UpsTrackResponseSchema, raw, 'UPS track response');
  const picked = pickPackage(response, options.trackingNumber);
  if (!picked) throw upsNotFound();
  const { shipment, pkg } = picked;

  const trackingNumber = str(pkg.trackingNumber) || str(shipment.inquiryNumber) || str(options.trackingNumber);
  if (!trackingNumber) {
    throw new TracklineError('invalid_response', 'Invalid UPS track response: the package has no tracking number.');
  }
  const events = (pkg.activity ?? [])
    .map((activity, index) => {
      const event = activityEvent(activity);
      // UPS always sends a time: one it cannot have meant is an answer to report, not a scan to drop.
      const status = activity.status;
      if (!event && [status?.type, status?.code, status?.statusCode, status?.description].some((part) => str(part))) {
        const shipments = response.trackResponse.shipment;
        const at = `trackResponse.shipment[${shipments.indexOf(shipment)}].package[${(shipment.package ?? []).indexOf(pkg)}]`;
        const field = isoDate(activity.date) ? 'time' : 'date';
        throw unreadableScanTime('UPS track response', `${at}.activity[${index}].${field}`, activity[field]);
      }
      return event;
    })
    .filter((event) => event !== undefined);
  const estimate = carrierEstimate(pkg);
  return buildShipment({
    carrier: 'ups',
    trackingNumber,
    events,
    service: str(pkg.service?.description),
    ...(estimate ? { estimate } : {}),
    origin: address(pkg, 'ORIGIN'),
    destination: address(pkg, 'DESTINATION'),
    trackingUrl: `https://www.ups.com/track?loc=en_US&tracknum=${encodeURIComponent(trackingNumber)}`,
    now: options.now,
  });
}
