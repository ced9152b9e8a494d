// The FedEx Track API v1 ("Basic Integrated Visibility") and its OAuth token endpoint, as FedEx speaks them,
// playing the sandbox's scenarios.
//
// Wire format: the OpenAPI vendored in karrioapi/karrio@deea10f85 (modules/connectors/fedex/vendor/track.json)
// and real answers (karrio's 776094337676 fixture, April 2024): scan events newest first, ISO times with the
// local offset, eventType + derivedStatusCode + exceptionCode/exceptionDescription, per-number errors inside an
// HTTP 200. Event codes: FedEx's Tracking Status Codes (Movement and Regulatory lists).
import { randomUUID } from 'node:crypto';
import { zoneForPlace, zoneOffsetAt, type Place } from '@trackline/core';
import type { Parcel } from '../scenarios/parcels.js';
import type { PlayedStep } from '../scenarios/play.js';
import type { StepKind } from '../scenarios/steps.js';
import type { CarrierSandbox, SandboxContext, SandboxRequest, SandboxResponse } from '../server/types.js';

interface FedexRendering {
  eventType: string;
  eventDescription: string;
  derivedStatusCode: string;
  derivedStatus: string;
  exceptionCode?: string;
  exceptionDescription?: string;
  delayType?: string;
  locationType: string;
}

/**
 * Each step as FedEx reports it. What the adapter and the FedEx status table make of it is in the comment; the
 * eventType decides the stage, a delay type names the problem first, and the coarse DE/SE codes let the
 * exception text name the problem.
 */
const renderings: Record<StepKind, FedexRendering> = {
  // OC Order Created → info_received.
  label_created: {
    eventType: 'OC',
    eventDescription: 'Shipment information sent to FedEx',
    derivedStatusCode: 'IN',
    derivedStatus: 'Label created',
    locationType: 'CUSTOMER',
  },
  // PU Picked Up → in_transit.
  picked_up: {
    eventType: 'PU',
    eventDescription: 'Picked up',
    derivedStatusCode: 'PU',
    derivedStatus: 'Picked up',
    locationType: 'PICKUP_LOCATION',
  },
  // AR Arrived at FedEx location → in_transit.
  arrived: {
    eventType: 'AR',
    eventDescription: 'Arrived at FedEx location',
    derivedStatusCode: 'IT',
    derivedStatus: 'In transit',
    locationType: 'FEDEX_FACILITY',
  },
  // DP Departed → in_transit.
  departed: {
    eventType: 'DP',
    eventDescription: 'Departed FedEx location',
    derivedStatusCode: 'IT',
    derivedStatus: 'In transit',
    locationType: 'FEDEX_FACILITY',
  },
  // OD Out for Delivery → out_for_delivery.
  out_for_delivery: {
    eventType: 'OD',
    eventDescription: 'On FedEx vehicle for delivery',
    derivedStatusCode: 'IT',
    derivedStatus: 'In transit',
    locationType: 'VEHICLE',
  },
  // DL Delivered → delivered.
  delivered: {
    eventType: 'DL',
    eventDescription: 'Delivered',
    derivedStatusCode: 'DL',
    derivedStatus: 'Delivered',
    exceptionCode: '014',
    exceptionDescription: 'Left at front door. Signature Service not requested.',
    locationType: 'DELIVERY_LOCATION',
  },
  // DY Delay with delayDetail.type WEATHER → in_transit, weather.
  weather_delay: {
    eventType: 'DY',
    eventDescription: 'Delay',
    derivedStatusCode: 'DY',
    derivedStatus: 'Delay',
    exceptionDescription: 'Weather delay',
    delayType: 'WEATHER',
    locationType: 'FEDEX_FACILITY',
  },
  // DE Delivery Exception, refined by its text ("business closed") → in_transit, failed_attempt, action required.
  failed_attempt: {
    eventType: 'DE',
    eventDescription: 'Delivery exception',
    derivedStatusCode: 'DE',
    derivedStatus: 'Delivery exception',
    exceptionCode: '08',
    exceptionDescription: 'Customer not available or business closed',
    locationType: 'DELIVERY_LOCATION',
  },
  // HP Ready for Recipient Pickup → available_for_pickup.
  ready_for_pickup: {
    eventType: 'HP',
    eventDescription: 'Ready for recipient pickup',
    derivedStatusCode: 'IT',
    derivedStatus: 'In transit',
    exceptionDescription: 'Package available for pickup at FedEx location',
    locationType: 'DESTINATION_FEDEX_FACILITY',
  },
  // DL Delivered → delivered (collected by the recipient at the FedEx location).
  collected: {
    eventType: 'DL',
    eventDescription: 'Delivered',
    derivedStatusCode: 'DL',
    derivedStatus: 'Delivered',
    exceptionDescription: 'Package picked up at FedEx location',
    locationType: 'DESTINATION_FEDEX_FACILITY',
  },
  // DE Delivery Exception, refined by its text ("Incorrect address") → in_transit, address, action required.
  address_problem: {
    eventType: 'DE',
    eventDescription: 'Delivery exception',
    derivedStatusCode: 'DE',
    derivedStatus: 'Delivery exception',
    exceptionCode: '03',
    exceptionDescription: 'Incorrect address',
    locationType: 'DELIVERY_LOCATION',
  },
  // CD Clearance Delay with delayDetail.type CLEARANCE → in_transit, customs. The scenario means "the recipient
  // must act"; FedEx's table and the text classifier have no customs problem with action, so this reads as
  // customs without action (reported as a gap in the FedEx status table).
  customs_hold: {
    eventType: 'CD',
    eventDescription: 'Clearance delay',
    derivedStatusCode: 'DY',
    derivedStatus: 'Delay',
    exceptionDescription: 'Import documentation required from the recipient before the package can be released.',
    delayType: 'CLEARANCE',
    locationType: 'PORT_OF_ENTRY',
  },
  // CC Cleared Customs (Regulatory list) → in_transit.
  customs_cleared: {
    eventType: 'CC',
    eventDescription: 'International shipment release - Import',
    derivedStatusCode: 'IT',
    derivedStatus: 'In transit',
    locationType: 'PORT_OF_ENTRY',
  },
  // RS Return to Shipper → returning.
  return_to_sender: {
    eventType: 'RS',
    eventDescription: 'Returning package to shipper',
    derivedStatusCode: 'IT',
    derivedStatus: 'In transit',
    locationType: 'FEDEX_FACILITY',
  },
  // DL Delivered, back at the shipper → delivered as an event; the shipment becomes `returned` because it was
  // returning. FedEx has no "returned" event code (reported as a gap in the FedEx status table).
  returned: {
    eventType: 'DL',
    eventDescription: 'Delivered',
    derivedStatusCode: 'DL',
    derivedStatus: 'Delivered',
    exceptionDescription: 'Returned to shipper',
    locationType: 'DELIVERY_LOCATION',
  },
  // SE Shipment Exception, refined by its text ("could not be located") → in_transit, lost. The derived code SE
  // is not among the values seen in real answers (UNCERTAIN); it is in no table, so it changes nothing.
  lost: {
    eventType: 'SE',
    eventDescription: 'Shipment exception',
    derivedStatusCode: 'SE',
    derivedStatus: 'Shipment exception',
    exceptionDescription: 'Package could not be located',
    locationType: 'FEDEX_FACILITY',
  },
};

const countryNames: Record<string, string> = { US: 'United States', GB: 'United Kingdom', CA: 'Canada' };

function fedexAddress(place: Place): Record<string, unknown> {
  const address: Record<string, unknown> = {};
  if (place.city) address.city = place.city.toUpperCase();
  if (place.region) address.stateOrProvinceCode = place.region;
  if (place.postalCode) address.postalCode = place.postalCode;
  if (place.country) {
    address.countryCode = place.country;
    address.countryName = countryNames[place.country] ?? place.country;
  }
  address.residential = false;
  return address;
}

/** The offset of `place` at `instant`, `-05:00`. */
function offsetAt(place: Place, instant: number): string {
  const zone = zoneForPlace(place);
  const minutes = zone ? zoneOffsetAt(zone, instant) : 0;
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An instant as FedEx writes it: local wall time with its offset. */
function localIso(instant: Date, place: Place): string {
  const offset = offsetAt(place, instant.getTime());
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return `${new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, 19)}${offset}`;
}

function scanEvent(kind: StepKind, date: string, location: Place) {
  const rendering = renderings[kind];
  const event: Record<string, unknown> = {
    date,
    eventType: rendering.eventType,
    eventDescription: rendering.eventDescription,
    exceptionCode: rendering.exceptionCode ?? '',
    exceptionDescription: rendering.exceptionDescription ?? '',
    scanLocation: { streetLines: [''], ...fedexAddress(location) },
    locationType: rendering.locationType,
    derivedStatusCode: rendering.derivedStatusCode,
    derivedStatus: rendering.derivedStatus,
  };
  if (rendering.delayType) event.delayDetail = { type: rendering.delayType };
  return event;
}

const serviceDetail = { type: 'FEDEX_GROUND', description: 'FedEx Ground', shortDescription: 'FG' };

function party(place: Place) {
  return { contact: {}, address: fedexAddress(place) };
}

function latestStatusDetail(kind: StepKind, location: Place) {
  const rendering = renderings[kind];
  const detail: Record<string, unknown> = {
    code: rendering.eventType,
    derivedCode: rendering.derivedStatusCode,
    statusByLocale: rendering.derivedStatus,
    description: rendering.eventDescription,
    scanLocation: fedexAddress(location),
  };
  if (rendering.exceptionDescription) {
    detail.ancillaryDetails = [
      {
        reason: rendering.exceptionCode ?? '',
        reasonDescription: rendering.exceptionDescription,
        action: '',
        actionDescription: '',
      },
    ];
  }
  if (rendering.delayType) detail.delayDetail = { type: rendering.delayType, status: 'DELAYED' };
  return detail;
}

/** The track result of a parcel after the steps played so far (oldest first). */
function trackResult(parcel: Parcel, steps: PlayedStep[], context: SandboxContext, includeDetailedScans: boolean) {
  const latest = steps[steps.length - 1]!;
  const { origin, destination } = parcel.scenario;
  const delivered = latest.kind === 'delivered' || latest.kind === 'collected';
  const goingBack = steps.some((step) => step.kind === 'return_to_sender');
  const pickup = steps.find((step) => step.kind === 'picked_up');
  const dateAndTimes: { type: string; dateTime: string }[] = [];
  if (delivered) dateAndTimes.push({ type: 'ACTUAL_DELIVERY', dateTime: `${latest.local}${latest.offset}` });
  if (pickup) {
    dateAndTimes.push(
      { type: 'ACTUAL_PICKUP', dateTime: `${pickup.local}${pickup.offset}` },
      { type: 'SHIP', dateTime: `${pickup.local.slice(0, 10)}T00:00:00${pickup.offset}` },
    );
  }
  const promised = context.promised(parcel);
  const destinationOffset = offsetAt(destination, Date.parse(`${promised}T17:00:00Z`));
  const expected = !delivered && !goingBack && latest.kind !== 'lost';
  const scans = includeDetailedScans ? steps : [latest];
  return {
    trackingNumberInfo: {
      trackingNumber: parcel.trackingNumber,
      trackingNumberUniqueId: `12027~${parcel.trackingNumber}~FDEG`,
      carrierCode: 'FDXG',
    },
    additionalTrackingInfo: { nickname: '', hasAssociatedShipments: false },
    shipperInformation: party(origin),
    recipientInformation: party(destination),
    latestStatusDetail: latestStatusDetail(latest.kind, latest.location),
    dateAndTimes,
    availableImages: [],
    packageDetails: {
      packagingDescription: { type: 'YOUR_PACKAGING', description: 'Package' },
      physicalPackagingType: 'PACKAGE',
      sequenceNumber: '1',
      count: '1',
      weightAndDimensions: { weight: [{ value: '2.0', unit: 'LB' }] },
      packageContent: [],
    },
    shipmentDetails: { possessionStatus: steps.some((step) => step.kind !== 'label_created') },
    scanEvents: scans.map((step) => scanEvent(step.kind, `${step.local}${step.offset}`, step.location)).reverse(),
    availableNotifications: ['ON_DELIVERY', 'ON_EXCEPTION'],
    deliveryDetails: {
      deliveryAttempts: String(steps.filter((step) => step.kind === 'failed_attempt').length),
      ...(delivered
        ? { receivedByName: '', locationType: latest.kind === 'collected' ? 'FEDEX_LOCATION' : 'RESIDENCE' }
        : {}),
    },
    originLocation: { locationContactAndAddress: { address: fedexAddress(origin) } },
    destinationLocation: { locationContactAndAddress: { address: fedexAddress(destination) }, locationType: '' },
    lastUpdatedDestinationAddress: fedexAddress(destination),
    serviceDetail,
    estimatedDeliveryTimeWindow: expected
      ? {
          window: {
            begins: `${promised}T08:00:00${destinationOffset}`,
            ends: `${promised}T20:00:00${destinationOffset}`,
          },
          type: 'ESTIMATED_DELIVERY',
        }
      : { window: {} },
    goodsClassificationCode: '',
    returnDetail: {},
  };
}

/**
 * FedEx reuses tracking numbers. The second parcel of the split order carries a number that an older, long
 * delivered shipment also had, so its answer holds two results, the old one first, as FedEx answers then.
 */
function earlierShipment(parcel: Parcel, context: SandboxContext) {
  const { origin, destination } = parcel.scenario;
  const day = 86_400_000;
  const shipped = new Date(context.start.getTime() - 730 * day);
  const delivered = new Date(shipped.getTime() + 2 * day);
  return {
    trackingNumberInfo: {
      trackingNumber: parcel.trackingNumber,
      trackingNumberUniqueId: `11427~${parcel.trackingNumber}~FDEG`,
      carrierCode: 'FDXG',
    },
    shipperInformation: party(origin),
    recipientInformation: party(destination),
    latestStatusDetail: latestStatusDetail('delivered', destination),
    dateAndTimes: [{ type: 'ACTUAL_DELIVERY', dateTime: localIso(delivered, destination) }],
    scanEvents: [
      scanEvent('delivered', localIso(delivered, destination), destination),
      scanEvent('picked_up', localIso(new Date(shipped.getTime() + 8 * 3_600_000), origin), origin),
      scanEvent('label_created', localIso(shipped, origin), origin),
    ],
    serviceDetail,
    estimatedDeliveryTimeWindow: { window: {} },
  };
}

function fedexError(status: number, code: string, message: string): SandboxResponse {
  return { status, body: { transactionId: randomUUID(), errors: [{ code, message }] } };
}

function token(request: SandboxRequest, context: SandboxContext): SandboxResponse {
  const form = new URLSearchParams(request.body);
  // The token endpoint's error codes are not in the Track API spec; these follow FedEx's error envelope and
  // its NOT.AUTHORIZED.ERROR code (UNCERTAIN for the exact messages).
  if (form.get('grant_type') !== 'client_credentials') {
    return fedexError(400, 'BAD.REQUEST.ERROR', 'The given grant type is not supported.');
  }
  if (!form.get('client_id') || !form.get('client_secret')) {
    return fedexError(
      401,
      'NOT.AUTHORIZED.ERROR',
      'The given client credentials were not valid. Please modify your request and try again.',
    );
  }
  const issued = context.tokens.issue('fedex', 3599);
  return {
    status: 200,
    // A number, as FedEx sends it (UPS sends a string).
    body: { access_token: issued.accessToken, token_type: 'bearer', expires_in: issued.expiresIn, scope: 'CXS-TP' },
  };
}

function track(request: SandboxRequest, context: SandboxContext): SandboxResponse {
  if (!context.tokens.check('fedex', String(request.headers.authorization ?? ''))) {
    return fedexError(401, 'NOT.AUTHORIZED.ERROR', 'Access token expired. Please modify your request and try again.');
  }
  let body: { includeDetailedScans?: unknown; trackingInfo?: unknown };
  try {
    body = JSON.parse(request.body) as typeof body;
  } catch {
    return fedexError(400, 'INVALID.INPUT.EXCEPTION', 'Invalid field value in the input');
  }
  const infos = Array.isArray(body?.trackingInfo) ? (body.trackingInfo as { trackingNumberInfo?: unknown }[]) : [];
  if (typeof body?.includeDetailedScans !== 'boolean' || infos.length === 0 || infos.length > 30) {
    return fedexError(400, 'INVALID.INPUT.EXCEPTION', 'Invalid field value in the input');
  }
  const numbers = infos.map((info) => {
    const number = (info?.trackingNumberInfo as { trackingNumber?: unknown } | undefined)?.trackingNumber;
    return typeof number === 'string' ? number.trim() : '';
  });
  if (numbers.some((number) => number === '')) {
    return fedexError(400, 'TRACKING.TRACKINGNUMBER.EMPTY', 'Please provide tracking number.');
  }
  const completeTrackResults = numbers.map((number) => {
    const parcel = context.parcel(number);
    const steps = parcel?.carrier === 'fedex' ? context.steps(parcel) : [];
    if (!parcel || steps.length === 0) {
      return {
        trackingNumber: number,
        trackResults: [
          {
            trackingNumberInfo: { trackingNumber: number, trackingNumberUniqueId: '', carrierCode: '' },
            error: {
              code: 'TRACKING.TRACKINGNUMBER.NOTFOUND',
              message: 'Tracking number cannot be found. Please correct the tracking number and try again.',
            },
          },
        ],
      };
    }
    const current = trackResult(parcel, steps, context, body.includeDetailedScans === true);
    const reused = parcel.scenario.id === 'second-parcel';
    return {
      trackingNumber: parcel.trackingNumber,
      trackResults: reused ? [earlierShipment(parcel, context), current] : [current],
    };
  });
  const customerTransactionId = request.headers['x-customer-transaction-id'];
  return {
    status: 200,
    body: {
      transactionId: randomUUID(),
      ...(typeof customerTransactionId === 'string' ? { customerTransactionId } : {}),
      output: { completeTrackResults },
    },
  };
}

export const fedexSandbox: CarrierSandbox = {
  id: 'fedex',
  routes: [
    { method: 'POST', path: /^\/oauth\/token$/, handle: token },
    { method: 'POST', path: /^\/track\/v1\/trackingnumbers$/, handle: track },
  ],
};
