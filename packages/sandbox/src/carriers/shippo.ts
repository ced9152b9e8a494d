// Shippo's Tracking API as the sandbox speaks it: `GET /tracks/{carrier}/{tracking_number}` and `POST /tracks/`
// (register for webhooks; answers the same Track), for every sandbox parcel whatever its carrier, plus the
// signed `track_updated` webhook. Shapes: the API reference's Track example and the shippo-javascript-sdk models;
// substatus texts from the tracking guide's "Event definitions".
import { createHash, createHmac } from 'node:crypto';
import type { Place } from '@trackline/core';
import type { Parcel } from '../scenarios/parcels.js';
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
  substatus: string;
  /** Shippo's text for the substatus. */
  text: string;
  /** Shippo's `action_required` flag for the substatus. */
  actionRequired: boolean;
  /** The carrier's words, in `status_details`. */
  details: string;
}

/**
 * Each step as Shippo reports it: a documented `status` and `substatus.code`. Where no pair says exactly what
 * the step means, the pair is the closest one whose table row lets the carrier's words decide (see the notes).
 */
export const shippoRendering: Record<StepKind, Rendering> = {
  label_created: {
    status: 'PRE_TRANSIT',
    substatus: 'information_received',
    text: 'Information about the package received.',
    actionRequired: false,
    details: 'Shipping label created',
  },
  picked_up: {
    status: 'TRANSIT',
    substatus: 'package_accepted',
    text: 'Package has been accepted into the carrier network for delivery.',
    actionRequired: false,
    details: 'Picked up',
  },
  arrived: {
    status: 'TRANSIT',
    substatus: 'package_arrived',
    text: 'Package has arrived at an intermediate location in the carrier network.',
    actionRequired: false,
    details: 'Arrived at facility',
  },
  departed: {
    status: 'TRANSIT',
    substatus: 'package_departed',
    text: 'Package has departed from an intermediate location in the carrier network.',
    actionRequired: false,
    details: 'Departed facility',
  },
  out_for_delivery: {
    status: 'TRANSIT',
    substatus: 'out_for_delivery',
    text: 'Package is out for delivery.',
    actionRequired: false,
    details: 'Out for delivery',
  },
  delivered: {
    status: 'DELIVERED',
    substatus: 'delivered',
    text: 'Package has been delivered.',
    actionRequired: false,
    details: 'Delivered, front door',
  },
  // `delayed` names no cause: the carrier's words make it weather.
  weather_delay: {
    status: 'TRANSIT',
    substatus: 'delayed',
    text: 'Delivery of package is delayed.',
    actionRequired: false,
    details: 'Weather delay: severe storms in the area',
  },
  failed_attempt: {
    status: 'TRANSIT',
    substatus: 'delivery_attempted',
    text: 'Delivery of package was attempted. Contact the carrier.',
    actionRequired: true,
    details: 'Delivery attempted, no access to delivery location',
  },
  ready_for_pickup: {
    status: 'TRANSIT',
    substatus: 'pickup_available',
    text: 'Package is available for pickup at a carrier location.',
    actionRequired: true,
    details: 'Ready for pickup at the pickup point',
  },
  collected: {
    status: 'DELIVERED',
    substatus: 'delivered',
    text: 'Package has been delivered.',
    actionRequired: false,
    details: 'Picked up by the recipient at the pickup point',
  },
  address_problem: {
    status: 'TRANSIT',
    substatus: 'address_issue',
    text: 'Address information is incorrect. Contact the carrier to ensure delivery.',
    actionRequired: true,
    details: 'Incorrect address: the recipient must correct it',
  },
  // No customs substatus: package_held, which the carrier's words refine to customs the shopper must act on.
  customs_hold: {
    status: 'TRANSIT',
    substatus: 'package_held',
    text: 'Package held at a carrier location. Contact the carrier for more details.',
    actionRequired: true,
    details: 'Held in customs: clearance information required',
  },
  customs_cleared: {
    status: 'TRANSIT',
    substatus: 'package_processed',
    text: 'Package has been processed at an intermediate location.',
    actionRequired: false,
    details: 'Cleared customs',
  },
  return_to_sender: {
    status: 'RETURNED',
    substatus: 'return_to_sender',
    text: 'Package is to be returned to the sender.',
    actionRequired: false,
    details: 'Returning to sender',
  },
  // RETURNED covers both ways; delivered under RETURNED is the return reaching the sender.
  returned: {
    status: 'RETURNED',
    substatus: 'delivered',
    text: 'Package has been delivered.',
    actionRequired: false,
    details: 'Returned to sender',
  },
  lost: {
    status: 'FAILURE',
    substatus: 'package_lost',
    text: 'Package has been lost.',
    actionRequired: false,
    details: 'The parcel is lost',
  },
};

const tokens: Record<Parcel['carrier'], string> = { ups: 'ups', fedex: 'fedex', usps: 'usps', dhl: 'dhl_express' };
const serviceTokens: Record<Parcel['carrier'], string> = {
  ups: 'ups_ground',
  fedex: 'fedex_ground',
  usps: 'usps_ground_advantage',
  dhl: 'dhl_express_worldwide',
};

/** `2026-05-04T13:00:00Z`: Shippo writes status dates in UTC, to the second. */
const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

function address(place: Place) {
  return {
    city: place.city ?? '',
    state: place.region ?? '',
    zip: place.postalCode ?? '',
    country: place.country ?? '',
  };
}

function trackingStatus(step: PlayedStep, parcel: Parcel, index: number) {
  const rendering = shippoRendering[step.kind];
  return {
    object_created: iso(step.at),
    object_updated: iso(step.at),
    object_id: digest(`shippo:${parcel.trackingNumber}:${index}`),
    status: rendering.status,
    status_details: rendering.details,
    status_date: iso(step.at),
    location: address(step.location),
    substatus: { code: rendering.substatus, text: rendering.text, action_required: rendering.actionRequired },
  };
}

/** The Track of a parcel as Shippo shows it now. */
function track(parcel: Parcel, context: SandboxContext, metadata: string | null = null) {
  const history = context.steps(parcel).map((step, index) => trackingStatus(step, parcel, index));
  const eta = `${context.promised(parcel)}T00:00:00Z`;
  return {
    carrier: tokens[parcel.carrier],
    tracking_number: parcel.trackingNumber,
    address_from: address(parcel.scenario.origin),
    address_to: address(parcel.scenario.destination),
    eta,
    original_eta: eta,
    servicelevel: { name: parcel.service, token: serviceTokens[parcel.carrier] },
    metadata,
    messages: [],
    test: false,
    transaction: null,
    // Before the first scan, the carrier does not know the number yet.
    tracking_status: history.at(-1) ?? unknownStatus(parcel.trackingNumber, context),
    tracking_history: history,
  };
}

function unknownStatus(number: string, context: SandboxContext) {
  return {
    object_created: iso(context.now()),
    object_updated: iso(context.now()),
    object_id: digest(`shippo-unknown:${number}`),
    status: 'UNKNOWN',
    status_details: 'The carrier has not found a package with this tracking number.',
    status_date: null,
    location: null,
    substatus: null,
  };
}

/** What Shippo answers for a number the carrier does not know: 200, status UNKNOWN, no history. */
function unknownTrack(carrier: string, number: string, context: SandboxContext) {
  return {
    carrier,
    tracking_number: number,
    address_from: null,
    address_to: null,
    eta: null,
    original_eta: null,
    servicelevel: { name: null, token: null },
    metadata: null,
    messages: [],
    test: false,
    transaction: null,
    tracking_status: unknownStatus(number, context),
    tracking_history: [],
  };
}

function answer(carrier: string, number: string, context: SandboxContext, metadata?: string | null): SandboxResponse {
  const token = decodeURIComponent(carrier).trim().toLowerCase();
  const code = decodeURIComponent(number).replace(/\s+/g, '').toUpperCase();
  const parcel = context.parcel(code);
  // Asked under another carrier's token, Shippo asks that carrier, which does not know the number.
  if (!parcel || tokens[parcel.carrier] !== token) return { status: 200, body: unknownTrack(token, code, context) };
  return { status: 200, body: track(parcel, context, metadata ?? null) };
}

/** `Authorization: ShippoToken <token>`; Shippo (Django REST framework) answers `{"detail": …}` otherwise. */
function authenticated(request: SandboxRequest, then: () => SandboxResponse): SandboxResponse {
  const header = String(request.headers.authorization ?? '').trim();
  if (!header) return { status: 401, body: { detail: 'Authentication credentials were not provided.' } };
  if (!/^ShippoToken\s+\S+$/i.test(header)) return { status: 401, body: { detail: 'Invalid token.' } };
  return then();
}

/** `POST /tracks/` takes JSON or a form (`-d carrier=usps -d tracking_number=…`). */
function registration(request: SandboxRequest): Record<string, string> {
  const type = String(request.headers['content-type'] ?? '');
  if (type.includes('application/json')) {
    const body = JSON.parse(request.body || '{}') as Record<string, unknown>;
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value ?? '')]));
  }
  return Object.fromEntries(new URLSearchParams(request.body));
}

export const shippoSandbox: CarrierSandbox = {
  id: 'shippo',
  routes: [
    {
      method: 'GET',
      path: /^\/tracks\/([^/]+)\/([^/]+)\/?$/,
      handle: (request, context, match) => authenticated(request, () => answer(match[1]!, match[2]!, context)),
    },
    {
      method: 'POST',
      path: /^\/tracks\/?$/,
      handle: (request, context) =>
        authenticated(request, () => {
          const { carrier = '', tracking_number: number = '', metadata = null } = registration(request);
          if (!carrier || !number) {
            return {
              status: 400,
              body: {
                carrier: carrier ? [] : ['This field is required.'],
                tracking_number: number ? [] : ['This field is required.'],
              },
            };
          }
          return { ...answer(carrier, number, context, metadata), status: 201 };
        }),
    },
  ],
  webhook: shippoWebhook,
};

/** `Shippo-Auth-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function signShippo(body: string, secret: string, seconds: number): string {
  const signature = createHmac('sha256', secret).update(`${seconds}.${body}`, 'utf8').digest('hex');
  return `t=${seconds},v1=${signature}`;
}

/** The `track_updated` webhook Shippo posts when a tracked parcel changes. */
function shippoWebhook(parcel: Parcel, context: SandboxContext, secret: string): WebhookDelivery {
  const body = JSON.stringify({ event: 'track_updated', test: true, data: track(parcel, context) });
  // The real time, not the sandbox clock's: the receiver checks `t` against its own clock, and refuses a
  // signature more than five minutes ahead of it, which the sandbox clock passes within a second at 600×.
  const seconds = Math.floor(context.realNow().getTime() / 1000);
  return {
    headers: { 'content-type': 'application/json', 'shippo-auth-signature': signShippo(body, secret, seconds) },
    body,
  };
}
