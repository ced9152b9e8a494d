// DHL Shipment Tracking – Unified API as the sandbox speaks it: GET /track/shipments?trackingNumber=…, the key in
// the `DHL-API-Key` header, answers in the shape of DHL's sample (developer.dhl.com/api-reference/shipment-tracking,
// copied into karrioapi/karrio modules/connectors/dhl_universal/tests) and RFC 7807 problem details for errors.
import type { Place } from '@trackline/core';
import type { Parcel } from '../scenarios/parcels.js';
import type { PlayedStep } from '../scenarios/play.js';
import type { StepKind } from '../scenarios/steps.js';
import type { CarrierSandbox, SandboxContext, SandboxResponse } from '../server/types.js';

/** How one step reads in DHL's words: its simplified `statusCode` and the event text. */
interface DhlScan {
  statusCode: 'pre-transit' | 'transit' | 'delivered' | 'failure';
  description: string;
}

/*
 * `statusCode` is all DHL codifies (support article 47001197243); the description refines it, so each text is
 * DHL Express wording that Trackline's classifier reads as the scenario means it. "Out for delivery" and
 * "ready for pick-up" have no code of their own yet (DHL lists them as planned): they are `transit` with a
 * telling text, as DHL sends them today. Back at the sender is `delivered` on a shipment with `returnFlag: true`.
 */
function scanOf(step: PlayedStep, parcel: Parcel): DhlScan {
  const atDestination = step.location.city === parcel.scenario.destination.city;
  const kind: StepKind = step.kind;
  switch (kind) {
    case 'label_created':
      return { statusCode: 'pre-transit', description: 'Shipment information received' };
    case 'picked_up':
      return { statusCode: 'transit', description: 'Shipment picked up' };
    case 'arrived':
      return {
        statusCode: 'transit',
        description: atDestination ? 'Arrived at DHL Delivery Facility' : 'Arrived at DHL Sort Facility',
      };
    case 'departed':
      return { statusCode: 'transit', description: 'Departed Facility' };
    case 'out_for_delivery':
      return { statusCode: 'transit', description: 'Shipment is out with courier for delivery' };
    case 'delivered':
      return { statusCode: 'delivered', description: 'Delivered' };
    case 'weather_delay':
      return { statusCode: 'transit', description: 'Shipment delayed due to adverse weather conditions' };
    case 'failed_attempt':
      return { statusCode: 'failure', description: 'Delivery attempted; recipient not home. A notice card was left' };
    case 'ready_for_pickup':
      return { statusCode: 'transit', description: 'Shipment is ready for pickup at the DHL ServicePoint' };
    case 'collected':
      return { statusCode: 'delivered', description: 'Picked up by the recipient at the DHL ServicePoint' };
    case 'address_problem':
      return { statusCode: 'failure', description: 'Incorrect delivery address. The recipient must correct it' };
    case 'customs_hold':
      return {
        statusCode: 'transit',
        description: 'Shipment held by customs: the recipient must provide clearance information',
      };
    case 'customs_cleared':
      return { statusCode: 'transit', description: 'Clearance processing complete' };
    case 'return_to_sender':
      return { statusCode: 'transit', description: 'Shipment is being returned to the shipper' };
    case 'returned':
      return { statusCode: 'delivered', description: 'Delivered to the shipper' };
    case 'lost':
      return { statusCode: 'failure', description: 'Shipment could not be located and is presumed lost' };
  }
}

const countryNames: Record<string, string> = { US: 'USA', GB: 'UNITED KINGDOM', DE: 'GERMANY' };

/** DHL Express writes places as "CHICAGO, IL - USA" and "LONDON - UNITED KINGDOM". */
function address(place: Place) {
  const country = place.country ?? 'US';
  const region = place.region && (country === 'US' || country === 'CA') ? `, ${place.region}` : '';
  return {
    countryCode: country,
    ...(place.postalCode ? { postalCode: place.postalCode } : {}),
    addressLocality: `${(place.city ?? '').toUpperCase()}${region} - ${countryNames[country] ?? country}`,
  };
}

function event(step: PlayedStep, parcel: Parcel) {
  const scan = scanOf(step, parcel);
  return {
    // Local wall time without a zone, as in DHL's sample: the place of the scan tells the zone.
    timestamp: step.local,
    location: { address: address(step.location) },
    statusCode: scan.statusCode,
    status: scan.description,
    description: scan.description,
  };
}

const finalKinds: ReadonlySet<StepKind> = new Set(['delivered', 'collected', 'returned', 'lost', 'return_to_sender']);

function shipment(parcel: Parcel, steps: PlayedStep[], context: SandboxContext) {
  const events = [...steps].reverse().map((step) => event(step, parcel));
  const newest = steps[steps.length - 1]!;
  const open = !steps.some((step) => finalKinds.has(step.kind));
  const promised = context.promised(parcel);
  return {
    // A number, as in DHL's sample.
    id: Number(parcel.trackingNumber),
    service: 'express',
    origin: { address: address(parcel.scenario.origin) },
    destination: { address: address(parcel.scenario.destination) },
    status: events[0],
    ...(open
      ? {
          estimatedTimeOfDelivery: `${promised}T00:00:00Z`,
          estimatedDeliveryTimeFrame: {
            estimatedFrom: `${promised}T09:00:00Z`,
            estimatedThrough: `${promised}T21:00:00Z`,
          },
          estimatedTimeOfDeliveryRemark: 'By End of Day',
        }
      : {}),
    // The parcel has completed its path back to the original sender (support article 47001251916).
    ...(newest.kind === 'returned' ? { returnFlag: true } : {}),
    details: {
      carrier: { '@type': 'Organization', organizationName: 'DHL Express' },
      product: { productName: parcel.service },
      totalNumberOfPieces: 1,
      pieceIds: [`JD0146000${parcel.trackingNumber}`],
    },
    events,
  };
}

const problem = (status: number, title: string, detail: string, instance?: string): SandboxResponse => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: { title, detail, status, ...(instance ? { instance } : {}) },
});

export const dhlSandbox: CarrierSandbox = {
  id: 'dhl',
  routes: [
    {
      method: 'GET',
      path: /^\/track\/shipments$/,
      handle(request, context) {
        const key = request.headers['dhl-api-key'];
        if (typeof key !== 'string' || !key.trim()) {
          return problem(401, 'Unauthorized', 'Unauthorized for given resource.');
        }
        const number = (request.query.get('trackingNumber') ?? '').trim();
        if (!number) return problem(400, 'Bad Request', 'The trackingNumber query parameter is required.');
        const parcel = context.parcel(number);
        const service = request.query.get('service');
        const steps = parcel && parcel.carrier === 'dhl' ? context.steps(parcel) : [];
        if (!parcel || steps.length === 0 || (service && service !== 'express')) {
          return problem(
            404,
            'No result found',
            'No shipment with given tracking number found.',
            `/shipment/${number}`,
          );
        }
        return {
          status: 200,
          body: {
            url: `/shipments?trackingNumber=${parcel.trackingNumber}`,
            shipments: [shipment(parcel, steps, context)],
          },
        };
      },
    },
  ],
};
