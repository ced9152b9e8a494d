import { TracklineError } from '../../errors/trackline-error.js';
import type { DeliveryEstimate, Place, Shipment, TrackingEvent } from '../../model/schemas.js';
import { parseWith } from '../../model/parse.js';
import { eventTime, type EventTime } from '../../time/event-time.js';
import { buildShipment, toEvent, calendarDate, unreadableScanTime } from '../build.js';
import { UspsErrorSchema, UspsTrackingSchema, type UspsError, type UspsTrackingEvent } from './schema.js';

const what = 'USPS tracking response';

/** Text as a trimmed string (a number written out); nothing for null, other types and blank text. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * USPS writes HTML into values: `USPS Ground Advantage<SUP>&#153;</SUP>`, `Priority Mail<SUP>&reg;</SUP>`.
 * Superscripts only ever hold trade marks, so they go with their content; any other tag goes, and the
 * entities that remain are decoded. Spec enums (`PRIORITY_MAIL`) read as words.
 */
export function plainText(value: unknown): string | undefined {
  // No USPS name or event text is near this long; the bound keeps the tag patterns linear in practice.
  const raw = str(value)?.slice(0, 2000);
  if (!raw) return undefined;
  const withoutTags = raw
    .replace(/<sup\b[^>]*>[\s\S]*?<\/sup>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d{1,6}|#x[\da-f]{1,6}|[a-z]+);/gi, (_entity, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        // Trade marks and other symbols are dropped; letters and punctuation kept.
        return code >= 32 && code < 127 ? String.fromCharCode(code) : '';
      }
      return entities[name.toLowerCase()] ?? '';
    })
    .replace(/\s+/g, ' ')
    .trim();
  if (/^[A-Z0-9]+(?:[_-][A-Z0-9]+)+$/.test(withoutTags) && withoutTags.includes('_')) {
    return withoutTags
      .split('_')
      .map((word) =>
        word === 'USPS'
          ? word
          : word
              .split('-')
              .map((part) => part.charAt(0) + part.slice(1).toLowerCase())
              .join('-'),
      )
      .join(' ');
  }
  return withoutTags || undefined;
}

/** An ISO 3166-1 alpha-2 code, upper case; USPS also writes country names, which are left out. */
function countryCode(value: unknown): string | undefined {
  const code = str(value);
  return code && /^[A-Za-z]{2}$/.test(code) ? code.toUpperCase() : undefined;
}

function place(city: unknown, region: unknown, postalCode: unknown, country: unknown): Place {
  const result: Place = {};
  const c = str(city);
  const r = str(region);
  const p = str(postalCode);
  // Domestic scans name a state and no country.
  const named = str(country);
  const domestic = r && /^[A-Za-z]{2}$/.test(r) && (!named || /^(?:united states(?: of america)?|usa)$/i.test(named));
  const k = countryCode(country) ?? (domestic ? 'US' : undefined);
  if (c) result.city = c;
  if (r) result.region = r;
  if (p) result.postalCode = p;
  if (k) result.country = k;
  return result;
}

/**
 * When a scan happened. `eventTimestamp` is the local wall time, sometimes written with a `Z` that is
 * not true (USPS/api-examples README: `2023-08-02T07:31:00Z` for a 7:31 am scan in Virginia), so the `Z`
 * is ignored; `GMTTimestamp` is the true instant, and the two together give the local offset.
 */
export function uspsEventTime(event: UspsTrackingEvent, location: Place): EventTime | undefined {
  const local = str(event.eventTimestamp)?.replace(/z$/i, '');
  const gmt = str(event.GMTTimestamp);
  // GMT by name: a stamp without a zone designator is still UTC.
  const utc = gmt && !/(?:z|[+-]\d{2}:?\d{2})$/i.test(gmt) ? `${gmt}Z` : gmt;
  // With the UTC instant, the offset follows from it; USPS's `GMTOffset` is only the fallback.
  const offset = utc ? undefined : str(event.GMTOffset);
  return eventTime({ local: local ?? '', ...(offset ? { offset } : {}), ...(utc ? { utc } : {}), location });
}

/** Whether an error answer is USPS saying it knows no item by this number. */
function saysNotFound(error: UspsError): boolean {
  const parts = [error.error.code, error.error.message];
  for (const item of error.error.errors ?? []) parts.push(item.status, item.code, item.title, item.detail);
  const text = parts.map((part) => str(part) ?? '').join(' ');
  return (
    /\b404\b/.test(text) ||
    /not (?:yet )?(?:available|found)|no record|could not locate|invalid tracking|does not exist/i.test(text)
  );
}

/**
 * Throws what an `ErrorMessage` answer means: the number is unknown (`not_found`), or something else went
 * wrong (`invalid_response`, naming USPS's own error code but none of its text).
 */
export function throwUspsError(raw: unknown): never {
  const error = parseWith(UspsErrorSchema, raw, 'USPS error response');
  if (saysNotFound(error)) throw new TracklineError('not_found', 'USPS has no shipment with this tracking number.');
  const code = str(error.error.code);
  throw new TracklineError(
    'invalid_response',
    `USPS answered with an error instead of tracking data${code ? ` (code ${code.slice(0, 20)})` : ''}.`,
  );
}

/** Whether a body (of a 200 or a 400) is USPS's `ErrorMessage` saying the number is unknown. */
export function isUspsNotFound(raw: unknown): boolean {
  const result = UspsErrorSchema.safeParse(raw);
  return result.success && saysNotFound(result.data);
}

function isErrorAnswer(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const body = raw as Record<string, unknown>;
  return (
    body.error !== null &&
    typeof body.error === 'object' &&
    !Array.isArray(body.error) &&
    body.trackingEvents === undefined &&
    body.trackingNumber === undefined
  );
}

/** The README's one-scan example gives `trackingEvents` as an object; as a list of one it reads like any other. */
function withEventList(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const events = (raw as Record<string, unknown>).trackingEvents;
  return events !== null && typeof events === 'object' && !Array.isArray(events)
    ? { ...(raw as Record<string, unknown>), trackingEvents: [events] }
    : raw;
}

export interface UspsParseOptions {
  /** The number asked for, used when the answer does not repeat it. */
  trackingNumber?: string;
  now: Date;
}

/** A USPS Tracking v3 DETAIL answer as a Trackline shipment. */
export function parseUspsTracking(raw: unknown, { trackingNumber, now }: UspsParseOptions): Shipment {
  if (isErrorAnswer(raw)) throwUspsError(raw);
  const body = parseWith(UspsTrackingSchema, withEventList(raw), what);
  // An answer with neither the number nor a scan is not a tracking answer, whatever else it holds.
  const number = str(body.trackingNumber) ?? (body.trackingEvents == null ? undefined : trackingNumber);
  if (!number) {
    throw new TracklineError('invalid_response', `Invalid ${what}: trackingNumber: expected string (got nothing).`);
  }

  const scans = (body.trackingEvents ?? []).flatMap((scan, index) => {
    const location = place(scan.eventCity, scan.eventState, scan.eventZIP, scan.eventCountry);
    const time = uspsEventTime(scan, location);
    if (time) return [{ scan, location, time, ms: Date.parse(time.at) }];
    // Neither time readable: a scan USPS cannot have meant so is an answer to report, not a scan to drop.
    if (str(scan.eventCode) || str(scan.eventType)) {
      throw unreadableScanTime(what, `trackingEvents[${index}].eventTimestamp`, scan.eventTimestamp);
    }
    return [];
  });
  // USPS lists the newest first; the instant decides, the list order breaks ties.
  let newest = scans[0];
  for (const entry of scans) if (newest && entry.ms > newest.ms) newest = entry;
  const category = str(body.statusCategory);

  const events: TrackingEvent[] = scans.map(({ scan, location, time }, i) => {
    const eventCode = str(scan.eventCode) ?? '';
    // The shipment-wide category describes the newest scan (see the USPS status table's codeFormat).
    const code =
      category && scans[i] === newest ? [eventCode, `category:${category}`].filter(Boolean).join('|') : eventCode;
    return toEvent('usps', { code, description: plainText(scan.eventType) ?? '', time, location });
  });

  const latest = calendarDate(body.expectedDeliveryTimeStamp) ?? calendarDate(body.expectedDeliveryDate);
  const guaranteed = calendarDate(body.guaranteedDeliveryTimeStamp);
  const predicted = calendarDate(body.predictedDeliveryDate);
  const end = latest ?? guaranteed ?? predicted;
  let estimate: DeliveryEstimate | undefined;
  if (end) {
    const likely = predicted && predicted <= end ? predicted : end;
    estimate = { earliest: likely, latest: end, likely, confidence: 0.8, basis: 'carrier' };
  }

  return buildShipment({
    carrier: 'usps',
    trackingNumber: number,
    events,
    service: plainText(body.mailClass),
    estimate,
    origin: place(body.originCity, body.originState, body.originZIP, body.originCountry),
    destination: place(body.destinationCity, body.destinationState, body.destinationZIP, body.destinationCountryCode),
    trackingUrl: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${encodeURIComponent(number)}`,
    now,
  });
}
