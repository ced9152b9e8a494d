import { TracklineError } from '../../errors/trackline-error.js';
import type { CarrierId } from '../../model/carrier.js';
import { parseWith } from '../../model/parse.js';
import type { DeliveryEstimate, Place, Shipment, TrackingEvent } from '../../model/schemas.js';
import { eventTime } from '../../time/event-time.js';
import { buildShipment, toEvent, calendarDate, unreadableScanTime } from '../build.js';
import { DhlTrackingSchema, type DhlEvent, type DhlShipment } from './schema.js';

const what = 'DHL tracking response';

function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Countries whose places DHL Express writes as "CITY, REGION - COUNTRY" and that span several time zones. */
const regional = new Set(['US', 'CA', 'AU', 'BR', 'MX']);

/** Country names as DHL Express writes them after a city, for the countries most parcels pass through. */
// prettier-ignore
const countryByName: Readonly<Record<string, string>> = {
  'USA': 'US', 'UNITED STATES': 'US', 'UNITED STATES OF AMERICA': 'US', 'CANADA': 'CA', 'MEXICO': 'MX',
  'BRAZIL': 'BR', 'AUSTRALIA': 'AU', 'GERMANY': 'DE', 'UNITED KINGDOM': 'GB', 'GREAT BRITAIN': 'GB',
  'FRANCE': 'FR', 'NETHERLANDS': 'NL', 'THE NETHERLANDS': 'NL', 'BELGIUM': 'BE', 'LUXEMBOURG': 'LU',
  'SPAIN': 'ES', 'PORTUGAL': 'PT', 'ITALY': 'IT', 'SWITZERLAND': 'CH', 'AUSTRIA': 'AT', 'POLAND': 'PL',
  'CZECH REPUBLIC': 'CZ', 'CZECHIA': 'CZ', 'DENMARK': 'DK', 'SWEDEN': 'SE', 'NORWAY': 'NO', 'FINLAND': 'FI',
  'IRELAND': 'IE', 'HUNGARY': 'HU', 'SLOVAKIA': 'SK', 'ROMANIA': 'RO', 'GREECE': 'GR', 'TURKEY': 'TR',
  'TURKIYE': 'TR', 'UNITED ARAB EMIRATES': 'AE', 'SAUDI ARABIA': 'SA', 'ISRAEL': 'IL', 'INDIA': 'IN',
  'CHINA': 'CN', 'CHINA MAINLAND': 'CN', 'HONG KONG': 'HK', 'HONG KONG SAR, CHINA': 'HK', 'JAPAN': 'JP',
  'KOREA, REPUBLIC OF': 'KR', 'SOUTH KOREA': 'KR', 'TAIWAN': 'TW', 'SINGAPORE': 'SG', 'MALAYSIA': 'MY',
  'THAILAND': 'TH', 'VIETNAM': 'VN', 'INDONESIA': 'ID', 'PHILIPPINES': 'PH', 'NEW ZEALAND': 'NZ',
  'SOUTH AFRICA': 'ZA', 'EGYPT': 'EG', 'NIGERIA': 'NG', 'ARGENTINA': 'AR', 'CHILE': 'CL', 'COLOMBIA': 'CO',
  'PERU': 'PE',
};

/**
 * A DHL address as a place. `addressLocality` is free text: DHL Express appends the country's name
 * ("LEIPZIG - GERMANY") and, in large countries, the region ("CINCINNATI HUB, OH - USA"); the region is
 * kept apart because it tells the time zone of a timestamp given without one.
 */
export function dhlPlace(address: { addressLocality?: unknown; countryCode?: unknown; postalCode?: unknown }): Place {
  const place: Place = {};
  const code = str(address.countryCode);
  let country = code && /^[A-Za-z]{2}$/.test(code) ? code.toUpperCase() : undefined;
  let locality = str(address.addressLocality);
  if (locality) {
    const named = /^(.*?\S)\s+-\s+([A-Za-z][A-Za-z .'’()&]*)$/.exec(locality);
    if (named) {
      locality = named[1]!;
      // Without a country code, the name DHL wrote is all there is to tell the time zone by.
      country ??= countryByName[named[2]!.trim().toUpperCase()];
    }
    const withRegion = /^(.*?\S)\s*,\s*([A-Za-z]{2,3})$/.exec(locality);
    if (withRegion && country && regional.has(country)) {
      locality = withRegion[1]!;
      place.region = withRegion[2]!.toUpperCase();
    }
    place.city = locality;
  }
  const postalCode = str(address.postalCode);
  if (postalCode) place.postalCode = postalCode;
  if (country) place.country = country;
  return place;
}

function placeOf(holder: DhlEvent['location']): Place {
  return holder?.address ? dhlPlace(holder.address) : {};
}

/** The carrier's expected delivery: `estimatedDeliveryTimeFrame` as the window, `estimatedTimeOfDelivery` as the likely day. */
function estimateOf(shipment: DhlShipment): DeliveryEstimate | undefined {
  const eta = calendarDate(shipment.estimatedTimeOfDelivery);
  const from = calendarDate(shipment.estimatedDeliveryTimeFrame?.estimatedFrom);
  const through = calendarDate(shipment.estimatedDeliveryTimeFrame?.estimatedThrough);
  const latestRaw = through ?? eta ?? from;
  if (!latestRaw) return undefined;
  const earliestRaw = from ?? eta ?? latestRaw;
  const [earliest, latest] = earliestRaw <= latestRaw ? [earliestRaw, latestRaw] : [latestRaw, earliestRaw];
  const likely = eta && eta >= earliest && eta <= latest ? eta : latest;
  return { earliest, latest, likely, confidence: 0.8, basis: 'carrier' };
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

function sameNumber(a: string, b: string): boolean {
  const clean = (value: string) => value.replace(/\s+/g, '').toUpperCase();
  return clean(a) === clean(b);
}

function trackingUrl(shipment: DhlShipment, number: string): string {
  const given = str(shipment.serviceUrl);
  if (given) {
    try {
      const url = new URL(given);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // Not a URL: fall back to DHL's public tracking page.
    }
  }
  return `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${encodeURIComponent(number)}&submit=1`;
}

export const dhlNotFound = () => new TracklineError('not_found', 'DHL has no shipment with this tracking number.');

/** DHL's problem-details answer (RFC 7807) where shipments were expected. */
function problemAnswer(raw: unknown): { status?: number; notFound: boolean } | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const body = raw as Record<string, unknown>;
  if (body.shipments !== undefined) return undefined;
  if (body.title === undefined && body.detail === undefined) return undefined;
  const status = Number(body.status);
  // DHL's documented answer for an unknown number: `{"title":"No result found","detail":"No shipment with
  // given tracking number found.","status":404,…}`. Any server's problem details can say 404 ("Not Found",
  // for a path it does not have), so the status alone does not make one.
  const notFound = status === 404 && /\bno (?:results?|shipments?)\b/i.test(`${str(body.title)} ${str(body.detail)}`);
  return Number.isFinite(status) ? { status, notFound } : { notFound };
}

/** Whether a body (of a 404 or a 200) is DHL's documented answer for an unknown number (see `problemAnswer`). */
export function isDhlNotFound(raw: unknown): boolean {
  return problemAnswer(raw)?.notFound === true;
}

export interface DhlParseOptions {
  /** The number asked for: picks the matching shipment when DHL answers with several. */
  trackingNumber?: string;
  /** The carrier asked for (`dhl` or `dhl_ecommerce`). */
  carrier?: CarrierId;
  now: Date;
}

/** A Shipment Tracking – Unified API answer as a Trackline shipment. */
export function parseDhlTracking(raw: unknown, options: DhlParseOptions): Shipment {
  const problem = problemAnswer(raw);
  if (problem) {
    if (problem.notFound) throw dhlNotFound();
    throw new TracklineError(
      'invalid_response',
      `DHL answered with an error instead of tracking data${problem.status ? ` (status ${problem.status})` : ''}.`,
    );
  }
  const body = parseWith(DhlTrackingSchema, raw, what);
  const shipments = body.shipments;
  const asked = options.trackingNumber;
  const shipment = (asked && shipments.find((s) => sameNumber(String(s.id), asked))) || shipments[0];
  if (!shipment) throw dhlNotFound();
  const number = str(shipment.id) ?? asked;
  if (!number) throw new TracklineError('invalid_response', `Invalid ${what}: shipments[0].id: must not be empty.`);

  // Without an event list, the shipment's status is its one known event.
  const listed = shipment.events?.length ? shipment.events : shipment.status ? [shipment.status] : [];
  const timed = listed.flatMap((event, index) => {
    const location = placeOf(event.location);
    // No zone in the timestamp means the local time at the place of the scan.
    const time = eventTime({ local: event.timestamp, location });
    if (time) return [{ event, location, time, ms: Date.parse(time.at) }];
    // A timestamp DHL cannot have meant is an answer to report, not a scan to drop.
    if (str(event.statusCode) || str(event.status) || str(event.description)) {
      const at = `shipments[${shipments.indexOf(shipment)}]`;
      const field = listed === shipment.events ? `${at}.events[${index}].timestamp` : `${at}.status.timestamp`;
      throw unreadableScanTime(what, field, event.timestamp);
    }
    return [];
  });
  // DHL lists the newest first; the instant decides, the list order breaks ties.
  let newest = timed[0];
  for (const entry of timed) if (newest && entry.ms > newest.ms) newest = entry;
  const returning = isTrue(shipment.returnFlag);

  const events: TrackingEvent[] = timed.map((entry) => {
    const statusCode = str(entry.event.statusCode) ?? '';
    // A return shipment's newest event is read in the table's returnFlag section (see its codeFormat).
    const code = returning && entry === newest && statusCode ? `return:${statusCode}` : statusCode;
    const description = str(entry.event.description) ?? str(entry.event.status) ?? '';
    return toEvent('dhl', { code, description, time: entry.time, location: entry.location });
  });

  const service = str(shipment.service);
  const carrier: CarrierId =
    options.carrier === 'dhl' || options.carrier === 'dhl_ecommerce'
      ? options.carrier
      : service?.toLowerCase().startsWith('ecommerce')
        ? 'dhl_ecommerce'
        : 'dhl';

  return buildShipment({
    carrier,
    trackingNumber: number,
    events,
    service: str(shipment.details?.product?.productName) ?? service,
    estimate: estimateOf(shipment),
    origin: placeOf(shipment.origin),
    destination: placeOf(shipment.destination),
    trackingUrl: trackingUrl(shipment, number),
    now: options.now,
  });
}
