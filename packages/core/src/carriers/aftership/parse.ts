import { TracklineError } from '../../errors/trackline-error.js';
import type { CarrierId } from '../../model/carrier.js';
import { parseWith } from '../../model/parse.js';
import type { DeliveryEstimate, Place, Shipment, TrackingEvent } from '../../model/schemas.js';
import { eventTime } from '../../time/event-time.js';
import { buildShipment, toEvent, calendarDate, unreadableScanTime } from '../build.js';
import { fromAftershipSlug } from './carriers.js';
import { countryCode } from './countries.js';
import {
  LegacyTrackingEnvelopeSchema,
  TrackingEnvelopeSchema,
  TrackingListSchema,
  TrackingSchema,
  WebhookSchema,
  type Checkpoint,
  type Tracking,
} from './schema.js';

export const aftershipNotFound = () =>
  new TracklineError('not_found', 'AfterShip has no shipment with this tracking number.');

interface PlaceParts {
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
  label?: string | null;
}

function placeOf(parts: PlaceParts): Place | undefined {
  const place: Place = {};
  const city = parts.city?.trim();
  const region = parts.state?.trim();
  const postalCode = parts.postalCode?.trim();
  const country = countryCode(parts.country);
  if (city) place.city = city;
  if (region) place.region = region;
  if (postalCode) place.postalCode = postalCode;
  if (country) place.country = country;
  // The carrier's own text only where AfterShip split out nothing.
  const label = parts.label?.trim();
  if (Object.keys(place).length === 0 && label) place.label = label;
  return Object.keys(place).length > 0 ? place : undefined;
}

function toTrackingEvent(checkpoint: Checkpoint, index: number): TrackingEvent | undefined {
  const location = placeOf({
    city: checkpoint.city,
    state: checkpoint.state,
    postalCode: checkpoint.zip ?? checkpoint.postal_code,
    country: checkpoint.country_region ?? checkpoint.country_iso3,
    label: checkpoint.location,
  });
  // checkpoint_time is local to the checkpoint, with its offset when AfterShip has it.
  const time = eventTime({ local: checkpoint.checkpoint_time ?? '', location });
  if (!time) {
    // A checkpoint that says something but has no readable time is an answer to report, not one to drop.
    if (checkpoint.tag?.trim() || checkpoint.subtag?.trim() || checkpoint.message?.trim()) {
      throw unreadableScanTime(
        'AfterShip tracking',
        `checkpoints[${index}].checkpoint_time`,
        checkpoint.checkpoint_time,
      );
    }
    return undefined;
  }
  return toEvent('aftership', {
    code: checkpoint.subtag?.trim() || checkpoint.tag?.trim() || '',
    description: checkpoint.message?.trim() || checkpoint.subtag_message?.trim() || '',
    time,
    location,
  });
}

function window(
  date: string | null | undefined,
  min: string | null | undefined,
  max: string | null | undefined,
  basis: DeliveryEstimate['basis'],
): DeliveryEstimate | undefined {
  const likely = calendarDate(date);
  const low = calendarDate(min) ?? likely ?? calendarDate(max);
  const high = calendarDate(max) ?? likely ?? calendarDate(min);
  if (!low || !high) return undefined;
  const [earliest, latest] = low <= high ? [low, high] : [high, low];
  const inside = likely && likely >= earliest && likely <= latest ? likely : latest;
  return { earliest, latest, likely: inside, confidence: 0.8, basis };
}

/**
 * The carrier's date first, then AfterShip's own prediction, then the merchant's rule-based date (AfterShip's
 * "custom" EDD, which is the store's promise, not the carrier's).
 */
function estimateOf(tracking: Tracking): DeliveryEstimate | undefined {
  const courier = tracking.courier_estimated_delivery_date;
  const predicted = tracking.aftership_estimated_delivery_date;
  const custom = tracking.custom_estimated_delivery_date;
  return (
    window(
      courier?.estimated_delivery_date,
      courier?.estimated_delivery_date_min,
      courier?.estimated_delivery_date_max,
      'carrier',
    ) ??
    window(
      predicted?.estimated_delivery_date,
      predicted?.estimated_delivery_date_min,
      predicted?.estimated_delivery_date_max,
      'carrier',
    ) ??
    window(custom?.datetime, custom?.datetime_min, custom?.datetime_max, 'promise')
  );
}

function webUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** One AfterShip Tracking in Trackline's model. */
export function trackingToShipment(tracking: Tracking, now: Date): Shipment {
  const events = (tracking.checkpoints ?? [])
    .map(toTrackingEvent)
    .filter((event): event is TrackingEvent => event !== undefined);
  return buildShipment({
    carrier: fromAftershipSlug(tracking.slug),
    trackingNumber: tracking.tracking_number.trim(),
    events,
    service: tracking.shipment_type ?? undefined,
    estimate: estimateOf(tracking),
    origin: placeOf({
      city: tracking.origin_city,
      state: tracking.origin_state,
      postalCode: tracking.origin_postal_code,
      country: tracking.origin_country_region,
    }),
    destination: placeOf({
      city: tracking.destination_city,
      state: tracking.destination_state,
      postalCode: tracking.destination_postal_code,
      country: tracking.destination_country_region,
    }),
    trackingUrl: webUrl(tracking.courier_tracking_link) ?? webUrl(tracking.aftership_tracking_url),
    now,
  });
}

const fold = (number: string) => number.replace(/\s+/g, '').toUpperCase();

/** The tracking of `number` in a list: of its carrier when several couriers share the number. */
function pick(trackings: readonly Tracking[], number?: string, carrier?: CarrierId): Tracking | undefined {
  // Asked for a number, only a tracking of that number will do: never another parcel of the account.
  const candidates = number ? trackings.filter((tracking) => fold(tracking.tracking_number) === number) : trackings;
  return (carrier && candidates.find((tracking) => fromAftershipSlug(tracking.slug) === carrier)) || candidates[0];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a body is AfterShip's answer for a tracking it does not have: `meta.code` 4004 ("NotFound"). */
export function isAftershipNotFound(raw: unknown): boolean {
  return isObject(raw) && isObject(raw.meta) && raw.meta.code === 4004;
}

/**
 * Any AfterShip body that holds a tracking: the `GET /trackings` list, `GET /trackings/{id}`, the legacy
 * `{ data: { tracking } }`, a webhook (`{ event, msg }`), or a bare Tracking. `meta.code` 4004 and an empty list
 * are `not_found`. From a list, the tracking of `wanted.number` (and of `wanted.carrier`) is taken.
 */
export function parseAftership(
  raw: unknown,
  now: Date,
  wanted: { number?: string; carrier?: CarrierId } = {},
): Shipment {
  if (isObject(raw) && typeof raw.event === 'string' && 'msg' in raw) {
    return trackingToShipment(parseWith(WebhookSchema, raw, 'AfterShip webhook').msg, now);
  }
  if (!isObject(raw) || (!('meta' in raw) && !('data' in raw))) {
    return trackingToShipment(parseWith(TrackingSchema, raw, 'AfterShip tracking'), now);
  }
  if (isAftershipNotFound(raw)) throw aftershipNotFound();
  const data = raw.data;
  if (isObject(data) && 'trackings' in data) {
    const list = parseWith(TrackingListSchema, raw, 'AfterShip trackings').data.trackings;
    const tracking = pick(list, wanted.number && fold(wanted.number), wanted.carrier);
    if (!tracking) throw aftershipNotFound();
    return trackingToShipment(tracking, now);
  }
  if (isObject(data) && 'tracking' in data) {
    return trackingToShipment(parseWith(LegacyTrackingEnvelopeSchema, raw, 'AfterShip tracking').data.tracking, now);
  }
  return trackingToShipment(parseWith(TrackingEnvelopeSchema, raw, 'AfterShip tracking').data, now);
}
