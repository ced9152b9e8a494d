/*
 * DHL Shipment Tracking – Unified API codes → Trackline stage and problem.
 *
 * Sources (see `references` below for the same list):
 * - statusCode: DHL's own definitions, support-developer.dhl.com solution article 47001197243 "What are the different
 *   status codes available in the DHL Shipment tracking - Unified API?" (modified 26 Oct 2023) [official]; the enum
 *   also in the API reference https://developer.dhl.com/api-reference/shipment-tracking (GET /shipments, 200 schema)
 *   and karrioapi/karrio@deea10f85 modules/connectors/dhl_universal (fixtures copied from DHL's sample) [client].
 * - returnFlag: support-developer.dhl.com solution article 47001251916 "How does the response body look for an
 *   Undeliverable/Return shipment?" [official]: `shipments[].returnFlag: true` with `statusCode: "delivered"` is a
 *   parcel that "completed its path back to the original sender".
 *
 * Decisions a reader may question, and why:
 * - `statusCode` is all DHL codifies. `status`, `description` and `remark` are free text per division, with no code
 *   list DHL documents for this API, so there is no second section of texts: the event's description refines the
 *   coarse codes instead (`refine`).
 * - "Out for Delivery", "Return to Origin" and "Ready for Pick-up" are announced as planned, "not available yet", with
 *   no wire spelling: they are not rows. Until DHL ships them an unlisted code maps by its description, as any other.
 * - `failure` ("could not be delivered … customs, expired at the service point, returned") says what went wrong but
 *   not where the parcel is: it names the problem `other` and no stage, so the description decides both.
 * - `transit` also covers what DHL has not split out yet (loaded onto the delivery vehicle, waiting at a service
 *   point, held by customs): it is `in_transit` and lets the description name a problem.
 * - `unknown` ("a simplified status code is not available") names neither stage nor problem on purpose: the
 *   description decides, exactly as for an unlisted code; it is listed so the table shows every documented value.
 * - With `returnFlag: true` the parcel's journey ends at the sender, so the adapter prefixes the newest event's code
 *   with "return:" and `delivered` becomes `returned`, `transit` becomes `returning`.
 */
import { problem, type StatusRow, type StatusTable } from '../table.js';

const statusCodeRows: readonly StatusRow[] = [
  {
    code: 'pre-transit',
    meaning: 'Currently awaiting shipment, and tracking will be updated when received',
    status: 'info_received',
  },
  {
    code: 'transit',
    meaning: 'Carrier has accepted or picked up the shipment from the shipper. The shipment is on the way',
    status: 'in_transit',
    refine: true,
  },
  { code: 'delivered', meaning: 'The shipment was delivered successfully', status: 'delivered' },
  {
    code: 'failure',
    meaning:
      'The shipment could not be delivered (no name on the doorbell; recipient has moved; recipient could not be found based on the address details) or encountered an unforeseen event, e.g. customs, expired (consignee doesn’t pick up from service point), returned',
    problem: problem('other'),
    refine: true,
  },
  { code: 'unknown', meaning: 'A simplified status code is not available', refine: true },
];

const returnFlagRows: readonly StatusRow[] = [
  {
    code: 'transit',
    meaning: 'Return shipment (returnFlag: true) on its way back to the original sender',
    status: 'returning',
    refine: true,
  },
  {
    code: 'delivered',
    meaning: 'Return shipment (returnFlag: true) that completed its path back to the original sender',
    status: 'returned',
  },
  {
    code: 'failure',
    meaning: 'Return shipment (returnFlag: true) that could not be delivered to the original sender',
    status: 'returning',
    problem: problem('other'),
    refine: true,
  },
];

/** "Pre-Transit", " pre_transit " and "PRE TRANSIT" are all DHL's "pre-transit". */
function statusCode(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

function dhlKey(code: string): ReadonlyArray<readonly [string, string]> {
  const raw = typeof code === 'string' ? code : code == null ? '' : String(code);
  const returned = /^\s*return\s*:(.*)$/is.exec(raw);
  const value = statusCode(returned ? (returned[1] ?? '') : raw);
  if (!value) return [];
  return returned
    ? [
        ['returnFlag', value],
        ['statusCode', value],
      ]
    : [['statusCode', value]];
}

export const dhlStatusTable: StatusTable = {
  source: 'dhl',
  references: [
    'https://support-developer.dhl.com/support/solutions/articles/47001197243-what-are-the-different-status-codes-available-in-the-dhl-shipment-tracking-unified-api- (statusCode definitions; planned codes) [official]',
    'https://support-developer.dhl.com/support/solutions/articles/47001251916-how-does-the-response-body-look-for-an-undeliverable-return-shipment- (returnFlag) [official]',
    'https://developer.dhl.com/api-reference/shipment-tracking (Shipment Tracking – Unified API v1.5.8, GET /shipments response schema) [official]',
    'karrioapi/karrio@deea10f85 modules/connectors/dhl_universal/tests/dhl_universal/test_tracking.py (DHL sample response: events[].statusCode) [client]',
  ],
  codeFormat:
    '"<statusCode>" of the event (e.g. "transit"); when the shipment has returnFlag: true, the newest event is stored ' +
    'as "return:<statusCode>" (e.g. "return:delivered"). Case, spaces and underscores do not matter.',
  sections: {
    statusCode: {
      about:
        'shipments[].events[].statusCode and shipments[].status.statusCode. DHL: "these status codes may differ depending on the DHL division"; "Out for Delivery", "Return to Origin" and "Ready for Pick-up" are planned, not available.',
      rows: statusCodeRows,
    },
    returnFlag: {
      about:
        'statusCode of the newest event of a shipment with returnFlag: true (a return shipment: the original sender is the final recipient). Codes not listed here read as in statusCode.',
      rows: returnFlagRows,
    },
  },
  key: (code) => {
    try {
      return dhlKey(code);
    } catch {
      return [];
    }
  },
};
