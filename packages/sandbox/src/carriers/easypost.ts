// EasyPost's Trackers API as the sandbox speaks it: `POST /v2/trackers` (create, or return the existing tracker),
// `GET /v2/trackers/{id}` and `GET /v2/trackers?tracking_code=…`, for every sandbox parcel whatever its carrier,
// plus the signed `tracker.updated` webhook. Shapes: EasyPost/examples official/docs/responses/trackers/*.json and
// official/fixtures/event-body.json; signature: easypost-python easypost/util.py validate_webhook.
import { createHash, createHmac } from 'node:crypto';
import type { Place } from '@trackline/core';
import { parcels, type Parcel } from '../scenarios/parcels.js';
import type { PlayedStep } from '../scenarios/play.js';
import type { StepKind } from '../scenarios/steps.js';
import type {
  CarrierSandbox,
  SandboxContext,
  SandboxRequest,
  SandboxResponse,
  WebhookDelivery,
} from '../server/types.js';

interface Rendering {
  status: string;
  detail: string;
  message: string;
}

/**
 * Each step as EasyPost reports it: a documented `status` and `status_detail` (easypost-node ITrackerStatus and
 * ITrackerStatusDetail) and the carrier's message. Where no pair says exactly what the step means, the pair is
 * the closest one whose table row lets the message decide (see the notes).
 */
export const easypostRendering: Record<StepKind, Rendering> = {
  label_created: { status: 'pre_transit', detail: 'label_created', message: 'Shipping label created' },
  picked_up: { status: 'in_transit', detail: 'received_at_origin_facility', message: 'Picked up' },
  arrived: { status: 'in_transit', detail: 'arrived_at_facility', message: 'Arrived at facility' },
  departed: { status: 'in_transit', detail: 'departed_facility', message: 'Departed facility' },
  out_for_delivery: { status: 'out_for_delivery', detail: 'out_for_delivery', message: 'Out for delivery' },
  delivered: { status: 'delivered', detail: 'arrived_at_destination', message: 'Delivered, front door' },
  weather_delay: {
    status: 'in_transit',
    detail: 'weather_delay',
    message: 'Weather delay: severe storms in the area',
  },
  // EasyPost has no "attempted" detail: delivery_exception, which the message refines to a failed attempt.
  failed_attempt: {
    status: 'in_transit',
    detail: 'delivery_exception',
    message: 'Delivery attempted, no access to delivery location',
  },
  ready_for_pickup: {
    status: 'available_for_pickup',
    detail: 'arrived_at_pickup_location',
    message: 'Ready for pickup at the pickup point',
  },
  collected: {
    status: 'delivered',
    detail: 'arrived_at_destination',
    message: 'Picked up by the recipient at the pickup point',
  },
  address_problem: {
    status: 'in_transit',
    detail: 'address_correction',
    message: 'Incorrect address: the recipient must correct it',
  },
  // No customs detail: awaiting_information, which the message refines to customs the shopper must act on.
  customs_hold: {
    status: 'in_transit',
    detail: 'awaiting_information',
    message: 'Held in customs: clearance information required',
  },
  customs_cleared: { status: 'in_transit', detail: 'in_transit', message: 'Cleared customs' },
  return_to_sender: { status: 'return_to_sender', detail: 'return', message: 'Returning to sender' },
  // EasyPost's return_to_sender covers the whole way back; only an unclassified update lets the message say
  // that the parcel is back.
  returned: { status: 'unknown', detail: 'unknown', message: 'Returned to sender' },
  lost: { status: 'failure', detail: 'lost', message: 'The parcel is lost' },
};

const carrierNames: Record<Parcel['carrier'], string> = {
  ups: 'UPS',
  fedex: 'FedEx',
  usps: 'USPS',
  dhl: 'DHLExpress',
};

/** `2026-05-04T13:00:00Z`: EasyPost writes instants to the second. */
const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const digest = (text: string) => createHash('sha256').update(text).digest('hex');

function trackerId(parcel: Parcel): string {
  return `trk_${digest(`easypost:${parcel.trackingNumber}`).slice(0, 32)}`;
}

const byId = new Map(parcels.map((parcel) => [trackerId(parcel), parcel]));

function trackingLocation(place: Place | undefined) {
  return {
    object: 'TrackingLocation',
    city: place?.city?.toUpperCase() ?? null,
    state: place?.region ?? null,
    country: place?.country ?? null,
    zip: place?.postalCode ?? null,
  };
}

function locationLine(place: Place): string {
  return [place.city?.toUpperCase(), [place.region, place.postalCode].filter(Boolean).join(', ')]
    .filter(Boolean)
    .join(' ');
}

function trackingDetail(step: PlayedStep, parcel: Parcel) {
  const rendering = easypostRendering[step.kind];
  return {
    object: 'TrackingDetail',
    message: rendering.message,
    description: rendering.message,
    status: rendering.status,
    status_detail: rendering.detail,
    // EasyPost's quirk: the local wall time of the scan, marked Z.
    datetime: `${step.local}Z`,
    source: carrierNames[parcel.carrier],
    carrier_code: '',
    tracking_location: trackingLocation(step.location),
  };
}

function tracker(parcel: Parcel, context: SandboxContext, mode: 'test' | 'production') {
  const steps = context.steps(parcel);
  const last = steps.at(-1);
  const rendering = last ? easypostRendering[last.kind] : undefined;
  const promised = context.promised(parcel);
  const id = trackerId(parcel);
  const { origin, destination } = parcel.scenario;
  return {
    id,
    object: 'Tracker',
    mode,
    tracking_code: parcel.trackingNumber,
    status: rendering?.status ?? 'unknown',
    status_detail: rendering?.detail ?? 'unknown',
    created_at: iso(steps[0]?.at ?? context.start),
    updated_at: iso(last?.at ?? context.now()),
    signed_by: null,
    weight: null,
    est_delivery_date: `${promised}T00:00:00Z`,
    shipment_id: null,
    carrier: carrierNames[parcel.carrier],
    tracking_details: steps.map((step) => trackingDetail(step, parcel)),
    fees: [],
    carrier_detail: {
      object: 'CarrierDetail',
      service: parcel.service,
      container_type: null,
      est_delivery_date_local: promised,
      est_delivery_time_local: null,
      origin_location: locationLine(origin),
      origin_tracking_location: trackingLocation(origin),
      destination_location: locationLine(destination),
      destination_tracking_location: trackingLocation(destination),
      guaranteed_delivery_date: null,
      alternate_identifier: null,
      initial_delivery_attempt: null,
    },
    finalized: last?.kind === 'delivered' || last?.kind === 'collected' || last?.kind === 'returned',
    is_return: false,
    public_url: `https://track.easypost.com/${Buffer.from(`v1:${id}`).toString('base64url')}`,
  };
}

/** What EasyPost creates for a number its carrier does not know: a tracker in status `error`. */
function errorTracker(code: string, carrier: string | null, context: SandboxContext, mode: 'test' | 'production') {
  return {
    id: `trk_${digest(`easypost-error:${code}:${carrier ?? ''}`).slice(0, 32)}`,
    object: 'Tracker',
    mode,
    tracking_code: code,
    status: 'error',
    status_detail: null,
    created_at: iso(context.now()),
    updated_at: iso(context.now()),
    signed_by: null,
    weight: null,
    est_delivery_date: null,
    shipment_id: null,
    carrier,
    tracking_details: [
      {
        object: 'TrackingDetail',
        message: 'Tracking number not found by the carrier.',
        description: '',
        status: 'error',
        status_detail: null,
        datetime: iso(context.now()),
        source: 'ProcessingError',
        carrier_code: '',
        tracking_location: trackingLocation(undefined),
      },
    ],
    fees: [],
    carrier_detail: null,
    finalized: false,
    is_return: false,
    public_url: null,
  };
}

function error(status: number, code: string, message: string, errors: unknown[] = []): SandboxResponse {
  return { status, body: { error: { code, message, errors } } };
}

/** The API key from HTTP Basic (the key is the user name), or undefined. */
function apiKey(request: SandboxRequest): string | undefined {
  const match = /^basic\s+(\S+)$/i.exec(String(request.headers.authorization ?? '').trim());
  if (!match) return undefined;
  const user = Buffer.from(match[1]!, 'base64').toString('utf8').split(':')[0];
  return user || undefined;
}

/** A test key (`EZTK…`) makes test-mode objects; any other key production ones. */
const modeOf = (key: string) => (key.startsWith('EZTK') ? 'test' : 'production');

function authenticated(
  request: SandboxRequest,
  answer: (mode: 'test' | 'production') => SandboxResponse,
): SandboxResponse {
  const key = apiKey(request);
  if (!key) return error(401, 'APIKEY.REQUIRED', 'API key required.');
  return answer(modeOf(key));
}

function createTracker(request: SandboxRequest, context: SandboxContext): SandboxResponse {
  return authenticated(request, (mode) => {
    let body: unknown;
    try {
      body = JSON.parse(request.body || '{}');
    } catch {
      return error(422, 'PARAMETER.INVALID', 'The request body is not valid JSON.');
    }
    const input = (body as { tracker?: { tracking_code?: unknown; carrier?: unknown } })?.tracker;
    const code = typeof input?.tracking_code === 'string' ? input.tracking_code.replace(/\s+/g, '').toUpperCase() : '';
    if (!code) {
      return error(422, 'PARAMETER.REQUIRED', 'Missing required parameter.', [
        { field: 'tracker.tracking_code', message: 'cannot be blank', suggestion: null },
      ]);
    }
    const carrier = typeof input?.carrier === 'string' && input.carrier.trim() ? input.carrier.trim() : null;
    const parcel = context.parcel(code);
    // Asked for under another carrier, EasyPost asks that carrier, which does not know the number.
    if (!parcel || (carrier && carrier.toLowerCase() !== carrierNames[parcel.carrier].toLowerCase())) {
      return { status: 201, body: errorTracker(code, carrier, context, mode) };
    }
    return { status: 201, body: tracker(parcel, context, mode) };
  });
}

export const easypostSandbox: CarrierSandbox = {
  id: 'easypost',
  routes: [
    { method: 'POST', path: /^\/v2\/trackers\/?$/, handle: createTracker },
    {
      method: 'GET',
      path: /^\/v2\/trackers\/?$/,
      handle: (request, context) =>
        authenticated(request, (mode) => {
          const code = request.query.get('tracking_code') ?? '';
          const parcel = code ? context.parcel(code) : undefined;
          return {
            status: 200,
            body: { trackers: parcel ? [tracker(parcel, context, mode)] : [], has_more: false },
          };
        }),
    },
    {
      method: 'GET',
      path: /^\/v2\/trackers\/(trk_[0-9a-f]+)$/,
      handle: (request, context, match) =>
        authenticated(request, (mode) => {
          const parcel = byId.get(match[1]!);
          return parcel
            ? { status: 200, body: tracker(parcel, context, mode) }
            : error(404, 'NOT_FOUND', 'The requested resource could not be found.');
        }),
    },
  ],
  webhook: easypostWebhook,
};

/** `X-Hmac-Signature`: `hmac-sha256-hex=` and the hex HMAC-SHA256 of the raw body, keyed with the NFKD secret. */
export function signEasypost(body: string, secret: string): string {
  const key = Buffer.from(secret.normalize('NFKD'), 'utf8');
  return `hmac-sha256-hex=${createHmac('sha256', key).update(body, 'utf8').digest('hex')}`;
}

/** The `tracker.updated` Event EasyPost posts when a tracker changes, with the tracker as it is now. */
function easypostWebhook(parcel: Parcel, context: SandboxContext, secret: string): WebhookDelivery {
  const steps = context.steps(parcel);
  const previous = steps.at(-2);
  const now = iso(context.now());
  const event = {
    id: `evt_${digest(`easypost-event:${parcel.trackingNumber}:${steps.length}`).slice(0, 32)}`,
    object: 'Event',
    mode: 'test',
    description: 'tracker.updated',
    previous_attributes: previous ? { status: easypostRendering[previous.kind].status } : {},
    result: tracker(parcel, context, 'test'),
    status: 'pending',
    pending_urls: [],
    completed_urls: [],
    user_id: 'user_sandbox',
    created_at: now,
    updated_at: now,
  };
  const body = JSON.stringify(event);
  return {
    headers: { 'content-type': 'application/json', 'x-hmac-signature': signEasypost(body, secret) },
    body,
  };
}
