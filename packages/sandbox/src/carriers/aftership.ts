// AfterShip's Tracking API (version 2025-01) as the sandbox speaks it: `GET /trackings?tracking_numbers=…` and
// `GET /trackings/{id}`, for every sandbox parcel whatever its carrier (as if the store had added each one),
// plus the signed `tracking_update` webhook. Shapes: AfterShip/tracking-sdk-nodejs models (Tracking,
// Checkpoint, the estimated-delivery objects) and the docs' "Webhook Specifications" and "Webhook Signature".
import { createHash, createHmac, randomUUID } from 'node:crypto';
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
  tag: string;
  subtag: string;
  /** AfterShip's normalised message for the subtag. */
  subtagMessage: string;
  /** The carrier's words. */
  message: string;
}

/**
 * Each step as AfterShip reports it: a documented tag and subtag ("delivery statuses" and "delivery
 * sub-statuses"). Where no subtag says exactly what the step means, the closest one (see the notes).
 */
export const aftershipRendering: Record<StepKind, Rendering> = {
  label_created: {
    tag: 'InfoReceived',
    subtag: 'InfoReceived_001',
    subtagMessage: 'Info Received',
    message: 'Shipping label created',
  },
  picked_up: { tag: 'InTransit', subtag: 'InTransit_002', subtagMessage: 'Acceptance scan', message: 'Picked up' },
  arrived: { tag: 'InTransit', subtag: 'InTransit_003', subtagMessage: 'Arrival scan', message: 'Arrived at facility' },
  departed: {
    tag: 'InTransit',
    subtag: 'InTransit_007',
    subtagMessage: 'Departure Scan',
    message: 'Departed facility',
  },
  out_for_delivery: {
    tag: 'OutForDelivery',
    subtag: 'OutForDelivery_001',
    subtagMessage: 'Out for Delivery',
    message: 'Out for delivery',
  },
  delivered: {
    tag: 'Delivered',
    subtag: 'Delivered_001',
    subtagMessage: 'Delivered',
    message: 'Delivered, front door',
  },
  // Extreme weather, one of the sub-statuses added on 2026-03-27.
  weather_delay: {
    tag: 'Exception',
    subtag: 'Exception_017',
    subtagMessage: 'Delayed (Extreme weather)',
    message: 'Weather delay: severe storms in the area',
  },
  failed_attempt: {
    tag: 'AttemptFail',
    subtag: 'AttemptFail_001',
    subtagMessage: 'Failed Attempt',
    message: 'Delivery attempted, no access to delivery location',
  },
  ready_for_pickup: {
    tag: 'AvailableForPickup',
    subtag: 'AvailableForPickup_001',
    subtagMessage: 'Available for Pickup',
    message: 'Ready for pickup at the pickup point',
  },
  collected: {
    tag: 'Delivered',
    subtag: 'Delivered_002',
    subtagMessage: 'Picked up by the customer',
    message: 'Picked up by the recipient at the pickup point',
  },
  address_problem: {
    tag: 'Exception',
    subtag: 'Exception_007',
    subtagMessage: 'Incorrect Address',
    message: 'Incorrect address: the recipient must correct it',
  },
  // Exception_004 (customs delay) cannot say the shopper must act; the generic exception lets the carrier's
  // words say both.
  customs_hold: {
    tag: 'Exception',
    subtag: 'Exception_001',
    subtagMessage: 'Exception',
    message: 'Held in customs: clearance information required',
  },
  customs_cleared: {
    tag: 'InTransit',
    subtag: 'InTransit_005',
    subtagMessage: 'Customs clearance completed',
    message: 'Cleared customs',
  },
  return_to_sender: {
    tag: 'Exception',
    subtag: 'Exception_010',
    subtagMessage: 'Returning to sender',
    message: 'Returning to sender',
  },
  returned: {
    tag: 'Exception',
    subtag: 'Exception_011',
    subtagMessage: 'Returned to sender',
    message: 'Returned to sender',
  },
  lost: { tag: 'Exception', subtag: 'Exception_013', subtagMessage: 'Shipment lost', message: 'The parcel is lost' },
};

const slugs: Record<Parcel['carrier'], string> = { ups: 'ups', fedex: 'fedex', usps: 'usps', dhl: 'dhl' };

const carrierLinks: Record<Parcel['carrier'], (number: string) => string> = {
  ups: (n) => `https://www.ups.com/track?tracknum=${n}`,
  fedex: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  usps: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  dhl: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}`,
};

/** The sandbox's places are in these countries; AfterShip writes ISO alpha-3 codes and English names. */
const countries: Record<string, { code: string; name: string }> = {
  US: { code: 'USA', name: 'United States' },
  GB: { code: 'GBR', name: 'United Kingdom' },
};

/** `2026-05-04T13:00:00+00:00`: AfterShip writes its own timestamps in UTC with an explicit offset. */
const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
const digest = (text: string) => createHash('sha256').update(text).digest('hex');

function trackingId(parcel: Parcel): string {
  return digest(`aftership:${parcel.trackingNumber}`).slice(0, 32);
}

const byId = new Map(parcels.map((parcel) => [trackingId(parcel), parcel]));

function locationLine(place: Place): string {
  return [place.city, place.region, place.postalCode, countries[place.country ?? '']?.code ?? place.country]
    .filter(Boolean)
    .join(', ');
}

function checkpoint(step: PlayedStep, parcel: Parcel) {
  const rendering = aftershipRendering[step.kind];
  const country = countries[step.location.country ?? ''];
  return {
    created_at: iso(step.at),
    slug: slugs[parcel.carrier],
    // The carrier's local time, with its offset.
    checkpoint_time: `${step.local}${step.offset}`,
    location: locationLine(step.location),
    city: step.location.city ?? null,
    state: step.location.region ?? null,
    zip: step.location.postalCode ?? null,
    coordinate: null,
    country_region: country?.code ?? null,
    country_region_name: country?.name ?? null,
    message: rendering.message,
    tag: rendering.tag,
    subtag: rendering.subtag,
    subtag_message: rendering.subtagMessage,
    raw_tag: step.kind.toUpperCase(),
    events: [],
    source: 'carrier',
  };
}

function tracking(parcel: Parcel, context: SandboxContext) {
  const steps = context.steps(parcel);
  const last = steps.at(-1);
  const rendering = last ? aftershipRendering[last.kind] : undefined;
  const promised = context.promised(parcel);
  const { origin, destination } = parcel.scenario;
  const delivered = steps.find((step) => step.kind === 'delivered' || step.kind === 'collected');
  const pickedUp = steps.find((step) => step.kind === 'picked_up');
  const id = trackingId(parcel);
  const estimate = {
    estimated_delivery_date: promised,
    estimated_delivery_date_min: null,
    estimated_delivery_date_max: null,
  };
  return {
    id,
    legacy_id: id.slice(0, 24),
    created_at: iso(context.start),
    updated_at: iso(last?.at ?? context.start),
    tracking_number: parcel.trackingNumber,
    slug: slugs[parcel.carrier],
    active: !(delivered || last?.kind === 'returned'),
    tag: rendering?.tag ?? 'Pending',
    subtag: rendering?.subtag ?? 'Pending_001',
    subtag_message: rendering?.subtagMessage ?? 'Pending',
    title: parcel.trackingNumber,
    shipment_type: parcel.service,
    shipment_pickup_date: pickedUp ? pickedUp.local : null,
    shipment_delivery_date: delivered ? delivered.local : null,
    origin_country_region: countries[origin.country ?? '']?.code ?? null,
    origin_state: origin.region ?? null,
    origin_city: origin.city ?? null,
    origin_postal_code: origin.postalCode ?? null,
    destination_country_region: countries[destination.country ?? '']?.code ?? null,
    destination_state: destination.region ?? null,
    destination_city: destination.city ?? null,
    destination_postal_code: destination.postalCode ?? null,
    courier_estimated_delivery_date: estimate,
    aftership_estimated_delivery_date: null,
    custom_estimated_delivery_date: null,
    first_estimated_delivery: {
      type: 'specific',
      source: 'Carrier EDD',
      datetime: promised,
      datetime_min: null,
      datetime_max: null,
    },
    latest_estimated_delivery: {
      type: 'specific',
      source: 'Carrier EDD',
      datetime: promised,
      datetime_min: null,
      datetime_max: null,
    },
    return_to_sender: steps.some((step) => step.kind === 'return_to_sender' || step.kind === 'returned'),
    failed_delivery_attempts: steps.filter((step) => step.kind === 'failed_attempt').length,
    signed_by: null,
    source: 'api',
    courier_tracking_link: carrierLinks[parcel.carrier](parcel.trackingNumber),
    checkpoints: steps.map((step) => checkpoint(step, parcel)),
  };
}

const ok = { code: 200, message: 'OK', type: 'OK' };

/** The `as-api-key` header; AfterShip answers 401 in its envelope without it. */
function authenticated(request: SandboxRequest, then: () => SandboxResponse): SandboxResponse {
  if (!String(request.headers['as-api-key'] ?? '').trim()) {
    return { status: 401, body: { meta: { code: 401, message: 'Invalid API key.', type: 'Unauthorized' }, data: {} } };
  }
  return then();
}

function list(request: SandboxRequest, context: SandboxContext): SandboxResponse {
  const numbers = (request.query.get('tracking_numbers') ?? '').split(',').filter((n) => n.trim());
  const slugFilter = (request.query.get('slug') ?? '').split(',').filter(Boolean);
  const found = numbers
    .map((number) => context.parcel(number))
    .filter((parcel): parcel is Parcel => parcel !== undefined)
    .filter((parcel) => slugFilter.length === 0 || slugFilter.includes(slugs[parcel.carrier]));
  return {
    status: 200,
    body: {
      meta: ok,
      data: {
        pagination: { total: found.length, next_cursor: null, has_next_page: false },
        trackings: found.map((parcel) => tracking(parcel, context)),
      },
    },
  };
}

export const aftershipSandbox: CarrierSandbox = {
  id: 'aftership',
  routes: [
    {
      method: 'GET',
      path: /^\/trackings\/?$/,
      handle: (request, context) => authenticated(request, () => list(request, context)),
    },
    {
      method: 'GET',
      path: /^\/trackings\/([0-9a-zA-Z_-]+)$/,
      handle: (request, context, match) =>
        authenticated(request, () => {
          const parcel = byId.get(match[1]!);
          return parcel
            ? { status: 200, body: { meta: ok, data: tracking(parcel, context) } }
            : {
                status: 404,
                body: { meta: { code: 4004, message: 'Tracking does not exist.', type: 'NotFound' }, data: {} },
              };
        }),
    },
  ],
  webhook: aftershipWebhook,
};

/** `aftership-hmac-sha256`: the base64 HMAC-SHA256 of the raw body, keyed with the webhook secret. */
export function signAftership(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

/** The `tracking_update` webhook AfterShip posts when a tracking changes. */
function aftershipWebhook(parcel: Parcel, context: SandboxContext, secret: string): WebhookDelivery {
  const msg = tracking(parcel, context);
  const tags = msg.checkpoints.map((point) => point.tag);
  const body = JSON.stringify({
    ts: Math.floor(context.now().getTime() / 1000),
    event: 'tracking_update',
    event_id: randomUUID(),
    // The first checkpoint with this tag: the shipment has just reached the tag.
    is_tracking_first_tag: tags.length > 0 && tags.indexOf(msg.tag) === tags.length - 1,
    msg,
  });
  return {
    headers: { 'content-type': 'application/json', 'aftership-hmac-sha256': signAftership(body, secret) },
    body,
  };
}
