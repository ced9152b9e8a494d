import { TracklineError } from '../../errors/trackline-error.js';
import { parseWith } from '../../model/parse.js';
import type { Place, Shipment, TrackingEvent } from '../../model/schemas.js';
import { eventTime } from '../../time/event-time.js';
import { buildShipment, toEvent, calendarDate, carrierEstimate, unreadableScanTime } from '../build.js';
import { fromEasypostCarrier } from './carriers.js';
import { notMatched, quickCheck } from './quick-check.js';
import { TrackerSchema, type Tracker, type TrackingDetail, type TrackingLocation } from './schema.js';

/** A place from an EasyPost TrackingLocation; empty parts and non-ISO countries are left out. */
function placeOf(location: TrackingLocation | null | undefined): Place | undefined {
  if (!location) return undefined;
  const place: Place = {};
  const city = location.city?.trim();
  const region = location.state?.trim();
  const postalCode = location.zip?.trim();
  const country = location.country?.trim().toUpperCase();
  if (city) place.city = city;
  if (region) place.region = region;
  if (postalCode) place.postalCode = postalCode;
  if (country && /^[A-Z]{2}$/.test(country)) place.country = country;
  return Object.keys(place).length > 0 ? place : undefined;
}

/**
 * EasyPost writes a scan's local wall time with a `Z` when it knows where the scan happened, and true UTC
 * when it does not: so the `Z` is dropped and the zone comes from the place (or, without one, it is UTC).
 */
function detailTime(detail: TrackingDetail, location: Place | undefined) {
  const written = (detail.datetime ?? '').trim();
  const last = written.at(-1);
  const local = last === 'Z' || last === 'z' ? written.slice(0, -1) : written;
  return eventTime({ local, location });
}

function toTrackingEvent(detail: TrackingDetail, index: number): TrackingEvent | undefined {
  const location = placeOf(detail.tracking_location);
  const time = detailTime(detail, location);
  const status = detail.status?.trim() ?? '';
  const subStatus = detail.status_detail?.trim() ?? '';
  if (!time) {
    // A scan without a readable time cannot be put in order. EasyPost sends none such in practice: one that
    // says something is an answer to report, not a scan to drop.
    if (status || subStatus || detail.message?.trim() || detail.description?.trim()) {
      throw unreadableScanTime('EasyPost tracker', `tracking_details[${index}].datetime`, detail.datetime);
    }
    return undefined;
  }
  const code = status && subStatus ? `${status}/${subStatus}` : status || subStatus;
  return toEvent('easypost', {
    code,
    description: detail.message?.trim() || detail.description?.trim() || '',
    time,
    location,
  });
}

// A tracker's public URL comes again in every webhook of its parcel, and parsing a URL is among the dearer
// steps of reading one: each answer is remembered. Bounded twice: only URLs of a usual length are kept, and
// the whole memory is dropped once it holds `maxUrls` of them.
const maxUrls = 5_000;
const maxUrlLength = 500;
const webUrls = new Map<string, string | null>();

/** An http(s) URL, or nothing. */
function webUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length > maxUrlLength) return readWebUrl(value);
  let href = webUrls.get(value);
  if (href === undefined) {
    href = readWebUrl(value) ?? null;
    if (webUrls.size >= maxUrls) webUrls.clear();
    webUrls.set(value, href);
  }
  return href ?? undefined;
}

function readWebUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A webhook Event (`{"object":"Event","result":{…Tracker…}}`) carries its tracker in `result`. */
function unwrap(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && (raw as { object?: unknown }).object === 'Event') {
    return (raw as { result?: unknown }).result;
  }
  return raw;
}

// Made on first use, not at import (see quick-check.ts).
let checkTracker: ReturnType<typeof quickCheck<typeof TrackerSchema>> | undefined;

/** The Tracker checked against its schema: quickly when it matches, else by zod, which names what is wrong. */
function readTracker(raw: unknown): Tracker {
  checkTracker ??= quickCheck(TrackerSchema);
  const checked = checkTracker(raw);
  return checked === notMatched ? parseWith(TrackerSchema, raw, 'EasyPost tracker') : checked;
}

/**
 * One EasyPost Tracker (the answer to `POST /v2/trackers`, or the `result` of a `tracker.*` webhook Event) in
 * Trackline's model. A tracker in status `error` is a number EasyPost could not track: `not_found`.
 */
export function parseTracker(raw: unknown, now: Date): Shipment {
  const tracker = readTracker(unwrap(raw));
  if (tracker.status?.trim().toLowerCase() === 'error') {
    throw new TracklineError('not_found', 'EasyPost has no shipment with this tracking number.');
  }
  const events = (tracker.tracking_details ?? [])
    .map(toTrackingEvent)
    .filter((event): event is TrackingEvent => event !== undefined);
  const detail = tracker.carrier_detail;
  const estimate = carrierEstimate(
    calendarDate(detail?.est_delivery_date_local) ?? calendarDate(tracker.est_delivery_date),
  );
  return buildShipment({
    carrier: fromEasypostCarrier(tracker.carrier),
    trackingNumber: tracker.tracking_code.trim(),
    events,
    service: detail?.service ?? undefined,
    estimate,
    origin: placeOf(detail?.origin_tracking_location),
    destination: placeOf(detail?.destination_tracking_location),
    trackingUrl: webUrl(tracker.public_url),
    now,
  });
}
