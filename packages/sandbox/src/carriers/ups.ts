// The UPS Track API v1 and its OAuth token endpoint, as UPS speaks them, playing the sandbox's scenarios.
//
// Wire format: the UPS TrackService OpenAPI (karrioapi/karrio@deea10f85 modules/connectors/ups/vendors/
// Tracking.yaml) and what live answers look like (gmtTime "HH:MM:SS", currentStatus {description, code},
// descriptions with a trailing space such as "DELIVERED "). Codes: the appendix tables vendored beside it —
// Status/Description Codes (statusCode), Movement Scans (type I), Manifest Codes (type M), Delivery Codes
// (DIALS, type D) and Package Exceptions (type X; the 2-char code and its customer-facing text).
import type { Place } from '@trackline/core';
import type { Parcel } from '../scenarios/parcels.js';
import type { PlayedStep } from '../scenarios/play.js';
import type { StepKind } from '../scenarios/steps.js';
import type { CarrierSandbox, SandboxContext, SandboxRequest, SandboxResponse } from '../server/types.js';

interface UpsRendering {
  /** Package Activity Type. */
  type: string;
  /** The 2-char activity code of the table the type names. */
  code: string;
  /** Status/Description Code, 3 digits. */
  statusCode: string;
  /** The activity text as UPS writes it. */
  description: string;
  /** The status code's own meaning, shown as `currentStatus.description`. */
  current: string;
}

/**
 * Each step as UPS reports it. What the adapter and the UPS status table make of each is in the comment; the
 * statusCode decides the stage and, for exceptions, the problem.
 */
const renderings: Record<StepKind, UpsRendering> = {
  // 003 Shipment Ready for UPS → info_received.
  label_created: {
    type: 'M',
    code: 'MP',
    statusCode: '003',
    description: 'Shipper created a label, UPS has not received the package yet. ',
    current: 'Shipment Ready for UPS',
  },
  // 038 Picked Up by UPS → in_transit.
  picked_up: { type: 'I', code: 'PU', statusCode: '038', description: 'Pickup Scan ', current: 'Picked Up by UPS' },
  // 005 On the Way → in_transit.
  arrived: { type: 'I', code: 'AR', statusCode: '005', description: 'Arrived at Facility', current: 'On the Way' },
  departed: { type: 'I', code: 'DP', statusCode: '005', description: 'Departed from Facility', current: 'On the Way' },
  // 021 Out for Delivery → out_for_delivery.
  out_for_delivery: {
    type: 'I',
    code: 'OT',
    statusCode: '021',
    description: 'Out For Delivery Today',
    current: 'Out for Delivery',
  },
  // 011 Delivered → delivered (FS is what live answers carry; it is in none of the tables, so 011 decides).
  delivered: { type: 'D', code: 'FS', statusCode: '011', description: 'DELIVERED ', current: 'Delivered' },
  // 052 Delay: Severe Weather → in_transit, weather. Exception 7W's text.
  weather_delay: {
    type: 'X',
    code: '7W',
    statusCode: '052',
    description: 'Severe weather conditions have delayed delivery.',
    current: 'Delay: Severe Weather',
  },
  // 024 Final Attempt Made → in_transit, failed_attempt, action required (the receiver must arrange delivery or
  // collect it; a first attempt, 022, needs no action in UPS's scheme). Exception 49's text.
  failed_attempt: {
    type: 'X',
    code: '49',
    statusCode: '024',
    description: 'The receiver was not available at the time of the final delivery attempt.',
    current: 'Final Attempt Made',
  },
  // 161 Delivered to UPS Access Point + DIALS 2Q → available_for_pickup.
  ready_for_pickup: {
    type: 'D',
    code: '2Q',
    statusCode: '161',
    description: 'Delivered To UPS Access Point™',
    current: 'Delivered to UPS Access Point',
  },
  // 011 Delivered + DIALS 2W Package Picked Up At UPS Access Point → delivered.
  collected: {
    type: 'D',
    code: '2W',
    statusCode: '011',
    description: 'Package Picked Up At UPS Access Point',
    current: 'Delivered',
  },
  // 050 Address Information Required → in_transit, address, action required. Exception AE's text.
  address_problem: {
    type: 'X',
    code: 'AE',
    statusCode: '050',
    description: "The street number is incorrect. This may delay delivery. We're attempting to update the address.",
    current: 'Address Information Required',
  },
  // 058 Clearance Information Required → in_transit, customs, action required. Exception 1W's text.
  customs_hold: {
    type: 'X',
    code: '1W',
    statusCode: '058',
    description:
      'UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.',
    current: 'Clearance Information Required',
  },
  // 014 Clearance Completed → in_transit. Code and text from the OpenAPI's own Status example (type X, SR).
  customs_cleared: {
    type: 'X',
    code: 'SR',
    statusCode: '014',
    description: 'Your package was released by the customs agency.',
    current: 'Clearance Completed',
  },
  // 036 Returning to Sender: In Transit → returning (the departure scan that starts the way back).
  return_to_sender: {
    type: 'I',
    code: 'DP',
    statusCode: '036',
    description: 'Returning to Sender: In Transit to UPS Facility',
    current: 'Returning to Sender: In Transit',
  },
  // 034 Returned to Sender + DIALS B0 Package Delivered To Original Sender → returned.
  returned: {
    type: 'D',
    code: 'B0',
    statusCode: '034',
    description: 'Package Delivered To Original Sender',
    current: 'Returned to Sender',
  },
  // 068 Sent to Lost and Found → in_transit, lost. Exception 11's text.
  lost: {
    type: 'X',
    code: '11',
    statusCode: '068',
    description: 'The package did not arrive at the destination.',
    current: 'Sent to Lost and Found',
  },
};

const service = { code: '518', levelCode: '003', description: 'UPS Ground' };

function address(placeOf: Place): Record<string, string> {
  const result: Record<string, string> = {};
  if (placeOf.city) result.city = placeOf.city;
  if (placeOf.region) result.stateProvince = placeOf.region;
  if (placeOf.postalCode) result.postalCode = placeOf.postalCode;
  if (placeOf.country) {
    result.countryCode = placeOf.country;
    result.country = placeOf.country;
  }
  return result;
}

const compactDate = (isoDate: string) => isoDate.slice(0, 10).replace(/-/g, '');

function activity(step: PlayedStep) {
  const rendering = renderings[step.kind];
  const gmt = step.at.toISOString();
  return {
    location: { address: address(step.location) },
    status: {
      type: rendering.type,
      description: rendering.description,
      code: rendering.code,
      statusCode: rendering.statusCode,
    },
    date: compactDate(step.local),
    time: step.local.slice(11, 19).replace(/:/g, ''),
    gmtDate: compactDate(gmt),
    gmtOffset: step.offset,
    gmtTime: gmt.slice(11, 19),
  };
}

/** The package as UPS describes it after the steps played so far (oldest first). */
function trackedPackage(parcel: Parcel, steps: PlayedStep[], context: SandboxContext) {
  const latest = steps[steps.length - 1]!;
  const current = renderings[latest.kind];
  const delivered = latest.kind === 'delivered' || latest.kind === 'collected';
  const goingBack = steps.some((step) => step.kind === 'return_to_sender' || step.kind === 'returned');
  const pkg: Record<string, unknown> = {
    trackingNumber: parcel.trackingNumber,
    deliveryDate: delivered
      ? [{ type: 'DEL', date: compactDate(latest.local) }]
      : goingBack || latest.kind === 'lost'
        ? []
        : [{ type: 'SDD', date: compactDate(context.promised(parcel)) }],
    deliveryTime: delivered ? { type: 'DEL', endTime: latest.local.slice(11, 19).replace(/:/g, '') } : { type: 'EOD' },
    activity: steps.map(activity).reverse(),
    currentStatus: { description: current.current, code: current.statusCode },
    packageAddress: [
      { type: 'ORIGIN', address: address(parcel.scenario.origin) },
      { type: 'DESTINATION', address: address(parcel.scenario.destination) },
    ],
    weight: { unitOfMeasurement: 'LBS', weight: '2.00' },
    service,
    referenceNumber: [{ type: 'SHIPMENT', number: parcel.scenario.id.toUpperCase() }],
    dimension: { height: '4.00', length: '12.00', width: '9.00', unitOfDimension: 'IN' },
    isSmartPackage: false,
    packageCount: 1,
  };
  if (delivered) {
    pkg.deliveryInformation = {
      location: latest.kind === 'collected' ? 'UPS Access Point™' : 'Front Door',
      receivedBy: '',
    };
  }
  return pkg;
}

function upsError(status: number, code: string, message: string): SandboxResponse {
  return { status, body: { response: { errors: [{ code, message }] } } };
}

/** The client ID of `Authorization: Basic base64(id:secret)`, when both parts are there. */
function basicClientId(authorization: string): string | undefined {
  const encoded = /^basic\s+(\S+)$/i.exec(authorization.trim())?.[1];
  if (!encoded) return undefined;
  const [id = '', ...secret] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
  return id && secret.join(':') ? id : undefined;
}

function token(request: SandboxRequest, context: SandboxContext): SandboxResponse {
  // UPS's token errors are not in the Track API's spec; these codes follow what UPS has been seen to send and
  // are UNCERTAIN. The shape is the documented error Response.
  const clientId = basicClientId(String(request.headers.authorization ?? ''));
  if (!clientId) return upsError(401, '10401', 'ClientId is Invalid');
  if (new URLSearchParams(request.body).get('grant_type') !== 'client_credentials') {
    return upsError(400, '10400', 'Invalid/Missing Grant Type');
  }
  const issued = context.tokens.issue('ups', 14399);
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      issued_at: String(context.realNow().getTime()),
      client_id: clientId,
      access_token: issued.accessToken,
      scope: '',
      // A string, as UPS sends it.
      expires_in: String(issued.expiresIn),
      refresh_count: '0',
      status: 'approved',
    },
  };
}

function track(request: SandboxRequest, context: SandboxContext, match: RegExpExecArray): SandboxResponse {
  if (!context.tokens.check('ups', String(request.headers.authorization ?? ''))) {
    return upsError(401, '250002', 'Invalid Authentication Information.');
  }
  const inquiryNumber = decodeURIComponent(match[1] ?? '');
  // The spec: "Each inquiry number must be between 7 and 34 characters in length."
  if (!/^[A-Za-z0-9]{7,34}$/.test(inquiryNumber)) return upsError(400, 'TV1002', 'Invalid inquiry number');
  const parcel = context.parcel(inquiryNumber);
  const steps = parcel?.carrier === 'ups' ? context.steps(parcel) : [];
  if (!parcel || steps.length === 0) {
    // Not found is a warning inside an HTTP 200, with no package.
    return {
      status: 200,
      body: {
        trackResponse: {
          shipment: [{ warnings: [{ code: 'TW0001', message: 'Tracking Information Not Found' }] }],
        },
      },
    };
  }
  const pickedUp = steps.find((step) => step.kind === 'picked_up');
  return {
    status: 200,
    body: {
      trackResponse: {
        shipment: [
          {
            inquiryNumber: parcel.trackingNumber,
            shipmentType: 'S',
            shipperNumber: parcel.trackingNumber.slice(2, 8),
            ...(pickedUp ? { pickupDate: compactDate(pickedUp.local) } : {}),
            package: [trackedPackage(parcel, steps, context)],
            userRelation: [],
          },
        ],
      },
    },
  };
}

export const upsSandbox: CarrierSandbox = {
  id: 'ups',
  routes: [
    { method: 'POST', path: /^\/security\/v1\/oauth\/token$/, handle: token },
    { method: 'GET', path: /^\/api\/track\/v1\/details\/([^/]+)$/, handle: track },
  ],
};
