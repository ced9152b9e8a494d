// USPS APIs as the sandbox speaks them: the OAuth 2.0 client-credentials token endpoint and Tracking v3
// (GET /tracking/v3/tracking/{trackingNumber}?expand=DETAIL|SUMMARY), in the shapes of USPS/api-examples
// README.md and the "Package Tracking and Notification" OpenAPI (vendored in karrioapi/karrio
// modules/connectors/usps/vendor/tracking.yaml). Strings where USPS sends strings ("true", "3600").
import type { Place } from '@trackline/core';
import type { Parcel } from '../scenarios/parcels.js';
import type { PlayedStep } from '../scenarios/play.js';
import type { StepKind } from '../scenarios/steps.js';
import type { CarrierSandbox, SandboxContext, SandboxRequest, SandboxResponse } from '../server/types.js';

const tokenTtl = 3600;

/** How one step reads in USPS's words; `eventCode` null where the event text alone must speak (see below). */
interface Scan {
  eventCode: string | null;
  eventType: string;
  /** The shipment's `statusCategory` while this is the newest scan; omitted where no category fits. */
  statusCategory?: string;
}

/*
 * Codes are USPS's (Pub 199 Appendix G-4, as listed in Trackline's USPS status table, which names its sources).
 * Four steps have no code in that table that maps back to the scenario's meaning: weather (no weather code is
 * listed), customs hold and release (no customs codes are listed) and return to sender (09 and every return
 * reason carry a problem the scenario does not have). For those the sandbox sends the scan without an
 * `eventCode` (optional in the spec) and USPS-style wording that Trackline's description classifier reads as the
 * scenario means it; the return scan also leaves `statusCategory` out, because "Alert" or "Return to Sender"
 * would add a problem. Back at the sender is USPS's own "Delivered, To Original Sender": a delivery scan on the
 * way back, which Trackline tells as returned.
 */
function scanOf(step: PlayedStep, parcel: Parcel): Scan {
  const { origin, destination } = parcel.scenario;
  const at = (place: Place) => step.location.city === place.city;
  const kind: StepKind = step.kind;
  switch (kind) {
    case 'label_created':
      return {
        eventCode: 'GX',
        eventType: 'Shipping Label Created, USPS Awaiting Item',
        statusCategory: 'Pre-Shipment',
      };
    case 'picked_up':
      return { eventCode: '03', eventType: 'USPS in possession of item', statusCategory: 'Accepted' };
    case 'arrived':
      return at(destination)
        ? { eventCode: '07', eventType: 'Arrived at Post Office', statusCategory: 'In Transit' }
        : { eventCode: 'A1', eventType: 'Arrived at USPS Regional Facility', statusCategory: 'In Transit' };
    case 'departed':
      return at(origin)
        ? { eventCode: 'SF', eventType: 'Departed Post Office', statusCategory: 'In Transit' }
        : { eventCode: 'T1', eventType: 'Departed USPS Regional Facility', statusCategory: 'In Transit' };
    case 'out_for_delivery':
      return { eventCode: 'OF', eventType: 'Out for Delivery', statusCategory: 'Out for Delivery' };
    case 'delivered':
      return { eventCode: '01', eventType: 'Delivered, Front Door/Porch', statusCategory: 'Delivered' };
    case 'weather_delay':
      return { eventCode: null, eventType: 'Delayed Due to Severe Weather', statusCategory: 'Alert' };
    case 'failed_attempt':
      return {
        eventCode: '56',
        eventType: 'Notice Left (No Authorized Recipient Available)',
        statusCategory: 'Delivery Attempt: Action Needed',
      };
    case 'ready_for_pickup':
      return { eventCode: '16', eventType: 'Available for Pickup', statusCategory: 'Available for Pickup' };
    case 'collected':
      return {
        eventCode: '01',
        eventType: 'Delivered, Individual Picked Up at Post Office',
        statusCategory: 'Delivered',
      };
    case 'address_problem':
      return { eventCode: '05', eventType: 'Undeliverable as Addressed', statusCategory: 'Alert' };
    case 'customs_hold':
      return { eventCode: null, eventType: 'Held in Customs, Import Documents Required', statusCategory: 'Alert' };
    case 'customs_cleared':
      return { eventCode: null, eventType: 'Customs Clearance Processing Complete', statusCategory: 'In Transit' };
    case 'return_to_sender':
      return { eventCode: null, eventType: 'Return to Sender Processed' };
    case 'returned':
      return { eventCode: '01', eventType: 'Delivered, To Original Sender', statusCategory: 'Delivered' };
    case 'lost':
      return { eventCode: '11', eventType: 'Dead Letter', statusCategory: 'Alert' };
  }
}

/** `2026-05-04T13:00:00Z`: USPS writes `GMTTimestamp` to the second, without milliseconds. */
function gmt(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "1:58 pm on November 22, 2024" from a local wall time. */
function spokenTime(local: string): string {
  const [date = '', time = ''] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}:${String(min).padStart(2, '0')} ${h < 12 ? 'am' : 'pm'} on ${months[(m ?? 1) - 1]} ${d}, ${y}`;
}

function placeFields(place: Place) {
  const domestic = !place.country || place.country === 'US';
  return {
    city: place.city?.toUpperCase() ?? null,
    state: domestic ? (place.region ?? null) : null,
    zip: domestic ? (place.postalCode?.slice(0, 5) ?? null) : null,
    country: domestic ? null : (place.country ?? null),
  };
}

function trackingEvent(step: PlayedStep, parcel: Parcel) {
  const scan = scanOf(step, parcel);
  const where = placeFields(step.location);
  return {
    eventType: scan.eventType,
    // Acceptance scans carry the misleading `Z` of the README's example; the others carry none, as in karrio's.
    eventTimestamp: step.kind === 'picked_up' ? `${step.local}Z` : step.local,
    GMTTimestamp: gmt(step.at),
    GMTOffset: step.offset,
    eventCountry: where.country,
    eventCity: where.city,
    eventState: where.state,
    eventZIP: where.zip,
    firm: null,
    name: null,
    authorizedAgent: 'false',
    eventCode: scan.eventCode,
  };
}

/** USPS's `ErrorMessage`, as in the README's error examples. */
function errorMessage(
  status: number,
  message: string,
  title: string,
  headers?: Record<string, string>,
): SandboxResponse {
  return {
    status,
    ...(headers ? { headers } : {}),
    body: {
      apiVersion: 'v3',
      error: {
        code: String(status),
        message,
        errors: [{ status: String(status), code: String(status), title, detail: message }],
      },
    },
  };
}

const notTrackable = () =>
  errorMessage(
    404,
    'Tracking is not available for this item. This may be because the tracking number is invalid; USPS has not yet received payment; USPS has not yet received the item; the item does not include tracking; or other reasons.',
    'Not Found',
  );

const finalKinds: ReadonlySet<StepKind> = new Set(['delivered', 'collected', 'returned', 'lost']);
const returnKinds: ReadonlySet<StepKind> = new Set(['return_to_sender', 'returned']);

function details(parcel: Parcel, steps: PlayedStep[], context: SandboxContext) {
  const newestFirst = [...steps].reverse();
  const newest = newestFirst[0]!;
  const scan = scanOf(newest, parcel);
  const origin = placeFields(parcel.scenario.origin);
  const destination = placeFields(parcel.scenario.destination);
  const where = placeFields(newest.location);
  const open = !steps.some((step) => finalKinds.has(step.kind) || returnKinds.has(step.kind));
  const promised = context.promised(parcel);
  const first = steps[0]!;
  // Some answers carry `services` as one string instead of a list (USPS/api-examples README).
  const tracking = 'USPS Tracking<SUP>&#174;</SUP>';
  const services = parcel.scenario.steps.length % 2 === 0 ? [tracking] : tracking;
  return {
    trackingNumber: parcel.trackingNumber,
    mailClass: 'USPS Ground Advantage<SUP>&#153;</SUP>',
    mailType: origin.country ? 'IM' : 'DM',
    serviceTypeCode: '001',
    originCity: origin.city,
    originState: origin.state,
    originZIP: origin.zip,
    ...(origin.country ? { originCountry: origin.country } : {}),
    destinationCity: destination.city,
    destinationState: destination.state,
    destinationZIP: destination.zip,
    destinationCountryCode: parcel.scenario.destination.country ?? 'US',
    emailEnabled: 'true',
    kahalaIndicator: 'false',
    proofOfDeliveryEnabled: 'false',
    restoreEnabled: 'false',
    RRAMEnabled: 'false',
    RREEnabled: 'false',
    services,
    status: scan.eventType,
    ...(scan.statusCategory ? { statusCategory: scan.statusCategory } : {}),
    statusSummary: `${scan.eventType} at ${spokenTime(newest.local)} in ${[where.city, where.state, where.zip].filter(Boolean).join(', ')}.`,
    ...(open
      ? { expectedDeliveryTimeStamp: `${promised}T00:00:00`, expectedDeliveryType: 'Expected Delivery By' }
      : {}),
    tableCode: 'T',
    uniqueMailPieceID: parcel.trackingNumber.slice(-9),
    mailPieceIntakeDate: `${first.local.replace('T', ' ')}.000000`,
    trackingEvents: newestFirst.map((step) => trackingEvent(step, parcel)),
  };
}

/** The SUMMARY form: one line of text per scan (spec `TrackingSummary`). */
function summary(parcel: Parcel, steps: PlayedStep[], context: SandboxContext) {
  const open = !steps.some((step) => finalKinds.has(step.kind) || returnKinds.has(step.kind));
  return {
    trackingNumber: parcel.trackingNumber,
    ...(open ? { expectedDeliveryDate: context.promised(parcel) } : {}),
    eventSummaries: [...steps].reverse().map((step) => {
      const where = placeFields(step.location);
      return `${scanOf(step, parcel).eventType}, ${spokenTime(step.local)}, ${[where.city, where.state, where.zip].filter(Boolean).join(', ')}`;
    }),
  };
}

function formOrJson(request: SandboxRequest): Record<string, unknown> | undefined {
  const type = String(request.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(request.body));
  try {
    const parsed: unknown = request.body ? JSON.parse(request.body) : {};
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const oauthError = (status: number, error: string, description: string): SandboxResponse => ({
  status,
  body: { error, error_description: description, error_uri: 'https://datatracker.ietf.org/doc/html/rfc6749#page-45' },
});

export const uspsSandbox: CarrierSandbox = {
  id: 'usps',
  routes: [
    {
      method: 'POST',
      path: /^\/oauth2\/v3\/token$/,
      handle(request, context) {
        const form = formOrJson(request);
        if (!form) return oauthError(400, 'invalid_request', 'The request body is not valid JSON.');
        if (form.grant_type !== 'client_credentials') {
          return oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported here.');
        }
        const clientId = typeof form.client_id === 'string' ? form.client_id.trim() : '';
        const clientSecret = typeof form.client_secret === 'string' ? form.client_secret.trim() : '';
        if (!clientId || !clientSecret) return oauthError(401, 'invalid_client', 'Client authentication failed.');
        const { accessToken, expiresIn } = context.tokens.issue('usps', tokenTtl);
        return {
          status: 200,
          body: {
            access_token: accessToken,
            token_type: 'Bearer',
            issued_at: String(context.realNow().getTime()),
            expires_in: String(expiresIn),
            status: 'approved',
            scope: 'addresses international-prices subscriptions tracking labels prices',
            issuer: 'api.usps.com',
            client_id: clientId,
            application_name: 'trackline-sandbox',
            api_products: '[Public Access]',
            public_key: 'sandbox',
          },
        };
      },
    },
    {
      method: 'GET',
      path: /^\/tracking\/v3\/tracking\/([^/]+)$/,
      handle(request, context, match) {
        if (!context.tokens.check('usps', request.headers.authorization)) {
          return errorMessage(401, 'The access token is missing, invalid or expired.', 'Unauthorized', {
            'www-authenticate': 'Bearer realm="https://api.usps.com"',
          });
        }
        const number = decodeURIComponent(match[1] ?? '');
        const parcel = context.parcel(number);
        if (!parcel || parcel.carrier !== 'usps') return notTrackable();
        const steps = context.steps(parcel);
        if (steps.length === 0) return notTrackable();
        const expand = (request.query.get('expand') ?? 'SUMMARY').toUpperCase();
        return {
          status: 200,
          body: expand === 'DETAIL' ? details(parcel, steps, context) : summary(parcel, steps, context),
        };
      },
    },
  ],
};
