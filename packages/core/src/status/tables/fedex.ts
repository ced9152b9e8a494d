/*
 * FedEx Track API ("Basic Integrated Visibility") codes → Trackline stage and problem.
 *
 * Sources (see `references` below for the same list):
 * - event, regulatory: FedEx's "Tracking Status Codes" table, vendored as
 *   karrioapi/karrio@deea10f85 modules/connectors/fedex/vendor/Tracking-Status-Codes.html [official]: the values of
 *   scanEvents[].eventType and latestStatusDetail.code, in two lists, Movement and Regulatory. AE and AO were added
 *   by the Track API changelog of 2021-10-15, https://developer.fedex.com/api/en-us/catalog/track.html [official].
 * - derived: scanEvents[].derivedStatusCode / latestStatusDetail.derivedCode. FedEx publishes no list; the values are
 *   the ones seen with their text in karrioapi/karrio@deea10f85 modules/connectors/fedex/tests/fedex/test_tracking.py
 *   (776094337676, April 2024): IN "Label created", PU "Picked up", IT "In transit", DY "Delay", DE "Delivery
 *   exception", DL "Delivered", RL "Running Late" [client fixture of a real response].
 * - delay: scanEvents[].delayDetail.type / latestStatusDetail.delayDetail.type, enum WEATHER, OPERATIONAL, LOCAL,
 *   GENERAL, CLEARANCE in karrioapi/karrio@deea10f85 modules/connectors/fedex/vendor/track.json [official OpenAPI];
 *   CUSTOMS is the same field's value in FedEx's older SOAP Track service (TrackDelayType, as generated in
 *   JeremyDunn/php-fedex-api-wrapper src/FedEx/TrackService/SimpleType/TrackDelayType.php) [3rd-party].
 *
 * How a code is looked up (`codeFormat`): the adapter stores "<eventType>/<derivedStatusCode>/<delayDetail.type>".
 * The eventType is the specific scan and decides the stage; the derived code is FedEx's coarse summary and often
 * disagrees in a way that would lose detail (HP "Ready for recipient pickup" and OD "On FedEx vehicle for delivery"
 * both come with derivedStatusCode IT), so it only fills in what the eventType leaves open. The delay type is
 * structured data, more specific than the DY/DD/RL codes that say "delay", so it names the problem first.
 *
 * Clashes:
 * - EA is "Enroute to Airport" in the Movement list and "Export Approved" in the Regulatory list; SP "Split Status"
 *   is in both. The Movement row is looked up first; both readings are `in_transit` with no problem, so the clash
 *   cannot change an answer.
 * - The table's third list, Possession (CA Carrier, RC Recipient, SH Shipper, CU Customs, BR Broker, TP Transfer
 *   Partner, SP Split status), describes who holds the parcel, not an event: it is not mapped, so CA stays "Shipment
 *   Cancelled" and RC "CDO Cancelled".
 * - The table spells one code "Ow" (mixed case); codes are read case-insensitively, so it is the row OW.
 * - Derived DE, DL, DY, IT, PU share their letters with event codes of the same meaning.
 *
 * Decisions a reader may question, and why:
 * - DE (Delivery Exception) is `failed_attempt` without action and lets the carrier text refine it: the exception
 *   text says what happened ("Customer not available or business closed", "Incorrect address", "FedEx redirected
 *   your package to a nearby FedEx location"). SE (Shipment Exception) is `other`, refined the same way. DY and DD
 *   are not refined, so a delay type from the data is never overridden by text.
 * - HP (Ready for Recipient Pickup) is `available_for_pickup` without a problem: the stage itself tells the shopper
 *   to collect it (as in the UPS and USPS tables). HL (Hold at Location) is the service that sends it to a FedEx location: `in_transit` until HP.
 * - AD (At Delivery) and ED (Enroute to Delivery) are `out_for_delivery`, like OD.
 * - AP, EP, DS, DR (courier at/en route to the pickup, vehicle dispatched or furnished but not used) and PD (Pickup
 *   Delay) are before FedEx has the parcel: `info_received`. A later movement scan always wins (see derive.ts).
 * - The return-label links (RP, RG emailed/expiring; LP, RD cancelled/expired) belong to a return shipment that has
 *   not started: `info_received`, and `cancelled` once the link is gone.
 * - RS (Return to Shipper) is `returning`; the return leg's DL becomes `returned` in derive.ts.
 * - CD (Clearance Delay) is `customs` without action: FedEx contacts whoever must provide documents, and the text
 *   says when it is the recipient.
 */
import { problem, type StatusRow, type StatusTable } from '../table.js';

const eventRows: readonly StatusRow[] = [
  // Before FedEx has the parcel.
  { code: 'OC', meaning: 'Order Created', status: 'info_received' },
  { code: 'AP', meaning: 'At Pickup', status: 'info_received' },
  { code: 'EP', meaning: 'Enroute to Pickup', status: 'info_received' },
  { code: 'DS', meaning: 'Vehicle Dispatched', status: 'info_received' },
  { code: 'DR', meaning: 'Vehicle furnished but not used', status: 'info_received' },
  { code: 'PD', meaning: 'Pickup Delay', status: 'info_received', problem: problem('delayed') },
  { code: 'CA', meaning: 'Shipment Cancelled', status: 'cancelled' },
  // Moving.
  { code: 'PU', meaning: 'Picked Up', status: 'in_transit' },
  { code: 'PX', meaning: 'Picked up (see Details)', status: 'in_transit' },
  { code: 'AA', meaning: 'At Airport', status: 'in_transit' },
  { code: 'AC', meaning: 'At Canada Post facility', status: 'in_transit' },
  { code: 'AE', meaning: 'Shipment arriving early (added 2021-10-15)', status: 'in_transit' },
  { code: 'AF', meaning: 'At local FedEx Facility', status: 'in_transit' },
  { code: 'AO', meaning: 'Shipment arriving On-time', status: 'in_transit' },
  { code: 'AR', meaning: 'Arrived at FedEx location', status: 'in_transit' },
  { code: 'AX', meaning: 'At USPS facility', status: 'in_transit' },
  { code: 'CH', meaning: 'Location Changed', status: 'in_transit' },
  { code: 'DP', meaning: 'Departed', status: 'in_transit' },
  { code: 'EA', meaning: 'Enroute to Airport (Movement); also Export Approved (Regulatory)', status: 'in_transit' },
  { code: 'EO', meaning: 'Enroute to Origin Airport', status: 'in_transit' },
  { code: 'FD', meaning: 'At FedEx Destination', status: 'in_transit' },
  { code: 'HL', meaning: 'Hold at Location', status: 'in_transit' },
  { code: 'IT', meaning: 'In Transit', status: 'in_transit' },
  { code: 'IX', meaning: 'In transit (see Details)', status: 'in_transit', refine: true },
  { code: 'LO', meaning: 'Left Origin', status: 'in_transit' },
  { code: 'OF', meaning: 'At FedEx origin facility', status: 'in_transit' },
  { code: 'OW', meaning: 'On the way (listed as "Ow")', status: 'in_transit' },
  { code: 'OX', meaning: 'Shipment information sent to USPS', status: 'in_transit' },
  { code: 'PF', meaning: 'Plane in Flight', status: 'in_transit' },
  { code: 'PL', meaning: 'Plane Landed', status: 'in_transit' },
  { code: 'PM', meaning: 'In Progress', status: 'in_transit' },
  { code: 'SF', meaning: 'At Sort Facility', status: 'in_transit' },
  { code: 'SP', meaning: 'Split Status', status: 'in_transit' },
  { code: 'TR', meaning: 'Transfer', status: 'in_transit' },
  { code: 'RR', meaning: 'CDO requested', status: 'in_transit' },
  { code: 'RM', meaning: 'CDO Modified', status: 'in_transit' },
  { code: 'RC', meaning: 'CDO Cancelled', status: 'in_transit' },
  // Delays and exceptions.
  { code: 'DY', meaning: 'Delay', status: 'in_transit', problem: problem('delayed') },
  { code: 'DD', meaning: 'Delivery Delay', status: 'in_transit', problem: problem('delayed') },
  { code: 'DE', meaning: 'Delivery Exception', status: 'in_transit', problem: problem('failed_attempt'), refine: true },
  { code: 'SE', meaning: 'Shipment Exception', status: 'in_transit', problem: problem('other'), refine: true },
  // The last mile.
  { code: 'OD', meaning: 'Out for Delivery', status: 'out_for_delivery' },
  { code: 'ED', meaning: 'Enroute to Delivery', status: 'out_for_delivery' },
  { code: 'AD', meaning: 'At Delivery', status: 'out_for_delivery' },
  { code: 'HP', meaning: 'Ready for Recipient Pickup', status: 'available_for_pickup' },
  { code: 'DL', meaning: 'Delivered', status: 'delivered' },
  // Returns.
  { code: 'RS', meaning: 'Return to Shipper', status: 'returning' },
  { code: 'RP', meaning: 'Return label link emailed to return sender', status: 'info_received' },
  { code: 'RG', meaning: 'Return label link expiring soon', status: 'info_received' },
  { code: 'LP', meaning: 'Return label link cancelled by shipment originator', status: 'cancelled' },
  { code: 'RD', meaning: 'Return label link expired', status: 'cancelled' },
];

const regulatoryRows: readonly StatusRow[] = [
  { code: 'CC', meaning: 'Cleared Customs', status: 'in_transit' },
  // The exception text says when customs waits on the recipient ("import documentation required").
  { code: 'CD', meaning: 'Clearance Delay', status: 'in_transit', problem: problem('customs'), refine: true },
  { code: 'CP', meaning: 'Clearance in Progress', status: 'in_transit' },
  { code: 'EA', meaning: 'Export Approved (the Movement list reuses EA for Enroute to Airport)', status: 'in_transit' },
  { code: 'SP', meaning: 'Split Status (also in the Movement list)', status: 'in_transit' },
];

const derivedRows: readonly StatusRow[] = [
  { code: 'IN', meaning: 'Label created', status: 'info_received' },
  { code: 'PU', meaning: 'Picked up', status: 'in_transit' },
  { code: 'IT', meaning: 'In transit', status: 'in_transit' },
  { code: 'DY', meaning: 'Delay', status: 'in_transit', problem: problem('delayed') },
  {
    code: 'RL',
    meaning: 'Running Late (latestStatusDetail.derivedCode)',
    status: 'in_transit',
    problem: problem('delayed'),
  },
  { code: 'DE', meaning: 'Delivery exception', status: 'in_transit', problem: problem('failed_attempt'), refine: true },
  { code: 'DL', meaning: 'Delivered', status: 'delivered' },
];

const delayRows: readonly StatusRow[] = [
  { code: 'WEATHER', meaning: 'Weather delay', problem: problem('weather') },
  { code: 'OPERATIONAL', meaning: 'Operational delay', problem: problem('delayed') },
  { code: 'LOCAL', meaning: 'Local delay', problem: problem('delayed') },
  { code: 'GENERAL', meaning: 'General delay', problem: problem('delayed') },
  { code: 'CLEARANCE', meaning: 'Clearance delay', problem: problem('customs') },
  { code: 'CUSTOMS', meaning: 'Customs delay (SOAP Track service TrackDelayType)', problem: problem('customs') },
];

const sections = {
  event: {
    about:
      'Tracking Status Codes, Movement list (plus AE/AO from the 2021-10-15 changelog): scanEvents[].eventType and latestStatusDetail.code.',
    rows: eventRows,
  },
  regulatory: {
    about: 'Tracking Status Codes, Regulatory list: the same eventType field, customs events.',
    rows: regulatoryRows,
  },
  derived: {
    about:
      "scanEvents[].derivedStatusCode and latestStatusDetail.derivedCode: FedEx's coarse summary of an event. No published list; the values seen in a real 2024 response.",
    rows: derivedRows,
  },
  delay: {
    about:
      'delayDetail.type of a delayed event or of latestStatusDetail (track.json enum; CUSTOMS from the SOAP service).',
    rows: delayRows,
  },
} satisfies Record<string, { about: string; rows: readonly StatusRow[] }>;

function fedexKey(raw: string): Array<readonly [string, string]> {
  if (typeof raw !== 'string') return [];
  const text = raw.trim().toUpperCase();
  if (!text) return [];
  if (!text.includes('/')) {
    // A bare code: whichever list holds it, the event first.
    return [
      ['delay', text],
      ['event', text],
      ['regulatory', text],
      ['derived', text],
    ];
  }
  const [event = '', derived = '', delay = ''] = text.split('/').map((part) => part.trim());
  const keys: Array<readonly [string, string]> = [];
  // The delay section has no stages, only problems: first, so structured delay data names the problem.
  if (delay) keys.push(['delay', delay]);
  if (event) keys.push(['event', event], ['regulatory', event]);
  if (derived) keys.push(['derived', derived]);
  return keys;
}

export const fedexStatusTable: StatusTable = {
  source: 'fedex',
  references: [
    'karrioapi/karrio@deea10f85 modules/connectors/fedex/vendor/Tracking-Status-Codes.html (FedEx Tracking Status Codes: Movement, Regulatory, Possession)',
    'https://developer.fedex.com/api/en-us/catalog/track.html (Track API changelog 2021-10-15: new eventType AE arriving early, AO arriving on-time)',
    'karrioapi/karrio@deea10f85 modules/connectors/fedex/vendor/track.json (FedEx "Basic Integrated Visibility" OpenAPI: eventType, derivedStatusCode, delayDetail.type enum)',
    'karrioapi/karrio@deea10f85 modules/connectors/fedex/tests/fedex/test_tracking.py (real response for 776094337676: derivedStatusCode IN, PU, IT, DY, DE, DL; derivedCode RL) [client fixture]',
    'JeremyDunn/php-fedex-api-wrapper src/FedEx/TrackService/SimpleType/TrackDelayType.php (SOAP TrackDelayType incl. CUSTOMS) [3rd-party]',
  ],
  codeFormat:
    '"<eventType>/<derivedStatusCode>/<delayDetail.type>" for a scan event, or "<code>/<derivedCode>/<delayDetail.type>" ' +
    'for latestStatusDetail; trailing empty parts may be dropped: "AR/IT", "HP/IT", "DY/DY/GENERAL", "FD/RL". Give the ' +
    'delay type only when delayDetail.status is DELAYED or absent. The eventType decides the stage, the delay type ' +
    'names the problem first, the derived code fills in the rest. A bare code ("DL", "RL", "WEATHER") is looked up in ' +
    'every list, the eventType lists before the derived one. Case and spacing do not matter ("Ow" is OW).',
  sections,
  key: (code) => {
    try {
      return fedexKey(code);
    } catch {
      return [];
    }
  },
};
