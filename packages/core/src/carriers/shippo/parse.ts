import { TracklineError } from '../../errors/trackline-error.js';
import { parseWith } from '../../model/parse.js';
import type { Place, Shipment, TrackingEvent } from '../../model/schemas.js';
import { TimeSource } from '../../model/tracking-event.js';
import { eventTime, zoneOffsetAt, type EventTime } from '../../time/event-time.js';
import { zoneForPlace } from '../../time/zone-for-place.js';
import { buildShipment, toEvent, calendarDate, carrierEstimate, unreadableScanTime } from '../build.js';
import { fromShippoToken } from './carriers.js';
import { TrackSchema, type ShippoLocation, type TrackingStatus } from './schema.js';

function placeOf(location: ShippoLocation | null | undefined): Place | undefined {
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

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Shippo gives each status's instant in UTC only. Where the place of the scan is known, the same instant is
 * written in that place's offset (so a shopper reads the local time of the scan), marked `inferred`.
 */
function scanTime(statusDate: string | null | undefined, location: Place | undefined): EventTime | undefined {
  const text = (statusDate ?? '').trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return undefined;
  const utc = /(?:z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
  const ms = Date.parse(utc);
  if (Number.isNaN(ms)) return undefined;
  const zone = zoneForPlace(location);
  if (zone) {
    try {
      const offset = zoneOffsetAt(zone, ms);
      const wall = new Date(Math.floor(ms / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
      return { at: `${wall}${formatOffset(offset)}`, timeSource: TimeSource.inferred };
    } catch {
      // An unknown zone: fall back to UTC.
    }
  }
  return eventTime({ local: '', utc });
}

/** The status as an event; `undefined` when its time cannot be read. */
function toTrackingEvent(entry: TrackingStatus): TrackingEvent | undefined {
  const location = placeOf(entry.location);
  const time = scanTime(entry.status_date, location);
  if (!time) return undefined;
  const status = entry.status?.trim() ?? '';
  const substatus = entry.substatus?.code?.trim() ?? '';
  return toEvent('shippo', {
    code: status && substatus ? `${status}/${substatus}` : status || substatus,
    description: entry.status_details?.trim() || entry.substatus?.text?.trim() || '',
    time,
    location,
  });
}

/** A `track_updated` webhook (`{"event":"track_updated","data":{…Track…}}`) carries its Track in `data`. */
function unwrap(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && typeof (raw as { event?: unknown }).event === 'string') {
    return (raw as { data?: unknown }).data;
  }
  return raw;
}

function isUnknown(entry: TrackingStatus | null | undefined): boolean {
  const status = entry?.status?.trim().toUpperCase();
  return !status || status === 'UNKNOWN';
}

/**
 * One Shippo Track (the answer to `GET /tracks/{carrier}/{number}`, or the `data` of a `track_updated` webhook)
 * in Trackline's model.
 *
 * Shippo answers a number its carrier does not know with 200, `tracking_status` null or `UNKNOWN` and no
 * history. That is `not_found` here. A label the carrier has not scanned yet looks the same, so a brand-new
 * number reads as `not_found` until its first scan.
 */
export function parseTrack(raw: unknown, now: Date): Shipment {
  const track = parseWith(TrackSchema, unwrap(raw), 'Shippo track');
  const history = track.tracking_history ?? [];
  const current = track.tracking_status;
  if (history.length === 0 && isUnknown(current)) {
    throw new TracklineError('not_found', 'Shippo has no shipment with this tracking number.');
  }
  // The history holds every status, the current one included; without a history, the current one is all.
  const entries = history.length > 0 ? history : current ? [current] : [];
  const events = entries
    .map((entry, index) => {
      const event = toTrackingEvent(entry);
      // A status that says something but has no readable time is an answer to report, not one to drop.
      if (!event && (!isUnknown(entry) || entry.substatus?.code?.trim())) {
        const field = history.length > 0 ? `tracking_history[${index}].status_date` : 'tracking_status.status_date';
        throw unreadableScanTime('Shippo track', field, entry.status_date);
      }
      return event;
    })
    .filter((event): event is TrackingEvent => event !== undefined);
  return buildShipment({
    carrier: fromShippoToken(track.carrier),
    trackingNumber: track.tracking_number.trim(),
    events,
    service: track.servicelevel?.name ?? undefined,
    estimate: carrierEstimate(calendarDate(track.eta)),
    origin: placeOf(track.address_from),
    destination: placeOf(track.address_to),
    now,
  });
}
