/*
 * USPS tracking codes → Trackline stage and problem.
 *
 * Sources (see `references` below for the same list):
 * - event: the `eventCode` of each USPS APIs Tracking v3 `trackingEvents[]` entry and the `EventCode` of the legacy
 *   Web Tools TrackV2 `TrackDetail`/`TrackSummary` — one code space (Publication 199, Appendix G-4 domestic / G-5
 *   international; http://postalpro.usps.com/pub199). The spec itself does not enumerate them
 *   (karrioapi/karrio@deea10f85 modules/connectors/usps/vendor/tracking.yaml, "Package Tracking and Notification"
 *   v3.2.6, `TrackingEvent.eventCode`: "Refer to the lookup table … Appendix G-4").
 *   · v3 codes observed on the wire: karrioapi/karrio@deea10f85 modules/connectors/usps/tests/usps/test_tracking.py.
 *   · The legacy table 01–82, MA, OF, PC, DX, TM, PA, EF, SF: marlencrabapple/USPS-WebTools-Tracking@27117ce
 *     lib/USPS/WebTools/Tracking/Codes.pm [3rd-party, consistent with the fixtures].
 *   · 83, 89, AD, GC, OA, UA: https://app.theneo.io/ehub/ehub-api/tracking-event-descriptions [3rd-party].
 * - category: `statusCategory` (v3 `TrackingDetails`) / `StatusCategory` (Web Tools `TrackInfo`). The v3 OpenAPI
 *   (same tracking.yaml) types it as a free string and points to Pub 199 Appendix G-4/G-5: there is no enum to cite.
 *   "Delivered" is seen in the karrio fixture; "Delivery Attempt: Action Needed" and "Delivered" per event code in
 *   USPS's "Customer Daily Extract External" table (copy at https://online.documentine.com/usps-zip-code-file-download/3/usps-customer-daily-extract-external-usps-com-second.html);
 *   the rest from third-party code that maps USPS summaries to these labels [3rd-party, UNCERTAIN]. "Return to
 *   Sender" was not found in any source [UNCERTAIN]; it costs nothing if USPS never sends it.
 *
 * Decisions a reader may question, and why:
 * - Available for pickup (14, 16) carries no problem: collecting is the normal next step, and the stage already tells
 *   the shopper to go and collect it. A pickup forced by a failed attempt is the notice-left scan's problem instead.
 * - Every delivery attempt (02, 30, 51–56) stays `in_transit` with `failed_attempt`: USPS still has the parcel and
 *   only "Available for Pickup" (16) says it is ready at the counter. Notice-left scans (02, 52–56; USPS category
 *   "Delivery Attempt: Action Needed") require action — schedule redelivery or collect it; the others (30 no access,
 *   51 business closed) are re-attempted by USPS on the next delivery day.
 * - `address` always requires action (fix the address with the store or USPS), also when the parcel is already on its
 *   way back (21–26 are Return-to-Sender reasons): otherwise the order never arrives.
 * - DX (delivery status not updated) is a missing scan, not a fault: no problem. If nothing follows, Trackline's own
 *   `stalled` detection speaks up.
 * - 11 (dead letter: neither deliverable nor returnable) is `lost`; 08/15 (missent, mis-shipped) and 71 (rescheduled)
 *   are `delayed`; 44 (customer recall — the mailer intercepted it) and 09 (return to sender, reason not given) are
 *   `returning` with `other`, 09 letting the event text name the reason.
 * - `meaning` is USPS's wording: the Web Tools name, with the v3 `eventType` text added where it differs.
 */
import { problem, type StatusRow, type StatusTable } from '../table.js';

const eventRows: readonly StatusRow[] = [
  // Pre-shipment: the label exists, USPS does not have the parcel yet.
  { code: 'GX', meaning: 'Shipping Label Created, USPS Awaiting Item (v3)', status: 'info_received' },
  { code: 'MA', meaning: 'Manifest Acknowledgement', status: 'info_received' },
  {
    code: '89',
    meaning: 'Merchant Order Receipt Notification, USPS Awaiting Item [3rd-party list]',
    status: 'info_received',
  },
  { code: 'GC', meaning: 'Return Receipt Associated [3rd-party list]', status: 'info_received' },
  // On its way to USPS through a shipping partner, then accepted.
  { code: '80', meaning: 'Picked Up by Shipping Partner', status: 'in_transit' },
  { code: '81', meaning: 'Arrived Shipping Partner Facility', status: 'in_transit' },
  { code: '82', meaning: 'Departed Shipping Partner Facility', status: 'in_transit' },
  { code: '83', meaning: 'Tendered To Postal Service [3rd-party list]', status: 'in_transit' },
  { code: '03', meaning: 'Accept or Pickup (by carrier); v3: "USPS in possession of item"', status: 'in_transit' },
  { code: 'TM', meaning: 'Truck manifest, provided as "Shipment Acceptance"', status: 'in_transit' },
  { code: 'PA', meaning: 'Passive Acceptance, provided as "Shipment Acceptance"', status: 'in_transit' },
  { code: 'OA', meaning: 'Origin Acceptance [3rd-party list]', status: 'in_transit' },
  { code: 'UA', meaning: 'Accepted At USPS Facility [3rd-party list]', status: 'in_transit' },
  { code: 'AD', meaning: 'Acceptance At Destination [3rd-party list]', status: 'in_transit' },
  // Moving through the network.
  { code: 'SF', meaning: 'Departed Post Office', status: 'in_transit' },
  { code: '10', meaning: 'Processed; v3: "Arrived at USPS Regional Origin Facility"', status: 'in_transit' },
  { code: 'T1', meaning: 'Departed USPS Regional Facility (v3)', status: 'in_transit' },
  { code: 'TL', meaning: 'In Transit to Next Facility (v3)', status: 'in_transit' },
  { code: 'A1', meaning: 'Arrived at USPS Regional Facility (v3)', status: 'in_transit' },
  { code: 'EF', meaning: 'Departed Sort Facility', status: 'in_transit' },
  { code: 'PC', meaning: 'Sorting / Processing Complete', status: 'in_transit' },
  { code: '19', meaning: 'DC eVS Arrive', status: 'in_transit' },
  { code: '41', meaning: 'Received at Opening Unit (Reserved for Open & Distribute)', status: 'in_transit' },
  { code: '42', meaning: 'USPS Handoff to Shipping Partner', status: 'in_transit' },
  { code: '07', meaning: 'Arrival at Unit; v3: "Arrived at Post Office"', status: 'in_transit' },
  { code: '06', meaning: 'Forwarded', status: 'in_transit' },
  { code: '08', meaning: 'Missent', status: 'in_transit', problem: problem('delayed') },
  { code: '15', meaning: 'Mis-shipped', status: 'in_transit', problem: problem('delayed') },
  { code: '71', meaning: 'Rescheduled to Next Delivery Day', status: 'in_transit', problem: problem('delayed') },
  { code: 'DX', meaning: 'Delivery Status Not Updated', status: 'in_transit' },
  { code: '11', meaning: 'Dead Letter', status: 'in_transit', problem: problem('lost') },
  // Last mile.
  { code: 'OF', meaning: 'Out for Delivery', status: 'out_for_delivery' },
  { code: '14', meaning: 'Arrival at Pickup Point', status: 'available_for_pickup' },
  { code: '16', meaning: 'Available for Pickup', status: 'available_for_pickup' },
  { code: '01', meaning: 'Delivered; v3 e.g. "Delivered, Parcel Locker"', status: 'delivered' },
  { code: '17', meaning: 'Picked Up By Agent', status: 'delivered' },
  { code: '43', meaning: 'Picked Up', status: 'delivered' },
  // Delivery attempts: a notice left asks the shopper to schedule redelivery or collect the parcel.
  { code: '02', meaning: 'Attempted / Notice Left', status: 'in_transit', problem: problem('failed_attempt', true) },
  { code: '52', meaning: 'Notice Left', status: 'in_transit', problem: problem('failed_attempt', true) },
  { code: '53', meaning: 'Receptacle Blocked', status: 'in_transit', problem: problem('failed_attempt', true) },
  {
    code: '54',
    meaning: 'Receptacle Full / Item Oversized',
    status: 'in_transit',
    problem: problem('failed_attempt', true),
  },
  {
    code: '55',
    meaning: 'No Secure Location Available',
    status: 'in_transit',
    problem: problem('failed_attempt', true),
  },
  {
    code: '56',
    meaning: 'No Authorized Recipient Available',
    status: 'in_transit',
    problem: problem('failed_attempt', true),
  },
  {
    code: '30',
    meaning: 'Delivery Attempted - No Access to Delivery Location',
    status: 'in_transit',
    problem: problem('failed_attempt'),
  },
  { code: '51', meaning: 'Business Closed', status: 'in_transit', problem: problem('failed_attempt') },
  { code: '05', meaning: 'Undeliverable as Addressed', status: 'in_transit', problem: problem('address', true) },
  // Return to sender (09) and the reasons Web Tools files under it (21–29, 31), then the other ways back.
  { code: '09', meaning: 'Return to Sender', status: 'returning', problem: problem('other'), refine: true },
  { code: '04', meaning: 'Refused', status: 'returning', problem: problem('refused') },
  { code: '21', meaning: 'No Such Number', status: 'returning', problem: problem('address', true) },
  { code: '22', meaning: 'Insufficient Address', status: 'returning', problem: problem('address', true) },
  { code: '23', meaning: 'Moved, Left No Address', status: 'returning', problem: problem('address', true) },
  { code: '24', meaning: 'Forward Expired', status: 'returning', problem: problem('address', true) },
  { code: '25', meaning: 'Addressee Unknown', status: 'returning', problem: problem('address', true) },
  { code: '26', meaning: 'Vacant', status: 'returning', problem: problem('address', true) },
  { code: '27', meaning: 'Unclaimed', status: 'returning', problem: problem('failed_attempt') },
  { code: '31', meaning: 'Not Picked Up', status: 'returning', problem: problem('failed_attempt') },
  { code: '28', meaning: 'Deceased', status: 'returning', problem: problem('other') },
  { code: '29', meaning: 'Other', status: 'returning', problem: problem('other') },
  { code: '44', meaning: 'Customer Recall', status: 'returning', problem: problem('other') },
];

const categoryRows: readonly StatusRow[] = [
  { code: 'Pre-Shipment', meaning: 'Pre-Shipment', status: 'info_received' },
  { code: 'On its Way to USPS', meaning: 'On its Way to USPS [3rd-party list]', status: 'in_transit' },
  { code: 'Accepted', meaning: 'Accepted', status: 'in_transit' },
  { code: 'In Transit', meaning: 'In Transit', status: 'in_transit' },
  { code: 'Out for Delivery', meaning: 'Out for Delivery', status: 'out_for_delivery' },
  { code: 'Available for Pickup', meaning: 'Available for Pickup', status: 'available_for_pickup' },
  {
    code: 'Available for Agent Pickup',
    meaning: 'Available for Agent Pickup [3rd-party list]',
    status: 'available_for_pickup',
  },
  { code: 'Delivery Attempt', meaning: 'Delivery Attempt', status: 'in_transit', problem: problem('failed_attempt') },
  {
    code: 'Delivery Attempt: Action Needed',
    meaning:
      'Delivery Attempt: Action Needed — "Delivery was attempted. The notice shows options for pickup or re-delivery."',
    status: 'in_transit',
    problem: problem('failed_attempt', true),
  },
  { code: 'Delivered', meaning: 'Delivered', status: 'delivered' },
  { code: 'Delivered to Agent', meaning: 'Delivered to Agent [3rd-party list]', status: 'delivered' },
  // Refused, forwarded, returned, weather, intercepted, not mailable…: the event text says which; no stage of its own.
  { code: 'Alert', meaning: 'Alert', problem: problem('other'), refine: true },
  {
    code: 'Return to Sender',
    meaning: 'Return to Sender [UNCERTAIN: no source found]',
    status: 'returning',
    problem: problem('other'),
    refine: true,
  },
];

/** Category labels compare without case and with any spacing around the colon ("delivery attempt:action needed"). */
function categoryText(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s*:\s*/g, ': ')
    .replace(/\s+/g, ' ')
    .trim();
}

function categoryCode(text: string): string | undefined {
  const wanted = categoryText(text);
  return wanted ? categoryRows.find((row) => categoryText(row.code) === wanted)?.code : undefined;
}

/** "1" and "01" are the same Web Tools code; letters are upper case on the wire. */
function eventCode(text: string): string {
  const code = text.replace(/\s+/g, '').toUpperCase();
  return /^\d$/.test(code) ? `0${code}` : code;
}

function uspsKey(code: string): ReadonlyArray<readonly [string, string]> {
  const raw = typeof code === 'string' ? code : code == null ? '' : String(code);
  const events: Array<readonly [string, string]> = [];
  const categories: Array<readonly [string, string]> = [];
  for (const part of raw.split('|')) {
    const text = part.trim();
    if (!text) continue;
    const prefixed = /^(?:status\s*)?category\s*:(.*)$/is.exec(text);
    if (prefixed) {
      const category = categoryCode(prefixed[1] ?? '');
      if (category) categories.push(['category', category]);
      continue;
    }
    // A bare "Delivered" is a category someone stored without its prefix; a bare "01" is an event code.
    const category = categoryCode(text);
    if (category) categories.push(['category', category]);
    else events.push(['event', eventCode(text)]);
  }
  // The scan's own code names it more precisely than the shipment-wide category.
  return [...events, ...categories];
}

export const uspsStatusTable: StatusTable = {
  source: 'usps',
  references: [
    'USPS Publication 199, Appendix G-4 (domestic tracking scan events) and G-5 (international): http://postalpro.usps.com/pub199 (the authority for both lists; not read directly)',
    'karrioapi/karrio@deea10f85 modules/connectors/usps/vendor/tracking.yaml (USPS "Package Tracking and Notification" OpenAPI v3.2.6: eventCode and statusCategory point to Pub 199, no enum)',
    'karrioapi/karrio@deea10f85 modules/connectors/usps/tests/usps/test_tracking.py (v3 eventCode values on the wire: GX 03 SF 10 T1 TL A1 07 OF 01; statusCategory "Delivered")',
    'marlencrabapple/USPS-WebTools-Tracking@27117ce lib/USPS/WebTools/Tracking/Codes.pm (Web Tools TrackV2 EventCode table) [3rd-party]',
    'https://app.theneo.io/ehub/ehub-api/tracking-event-descriptions (83, 89, AD, GC, OA, UA) [3rd-party]',
    'https://online.documentine.com/usps-zip-code-file-download/3/usps-customer-daily-extract-external-usps-com-second.html (USPS Customer Daily Extract: status category per event code)',
  ],
  codeFormat:
    '"<eventCode>" for every scan (e.g. "01", "OF"; a single digit is read as "0<digit>"). The shipment-level statusCategory ' +
    'may be stored as "category:<statusCategory>" (e.g. "category:Delivery Attempt: Action Needed"), or joined to the ' +
    'newest scan\'s code as "<eventCode>|category:<statusCategory>": the eventCode decides first. Case and spacing do not matter.',
  sections: {
    event: {
      about:
        'Tracking v3 trackingEvents[].eventCode and Web Tools TrackDetail EventCode (one code space, USPS Pub 199 Appendix G-4/G-5).',
      rows: eventRows,
    },
    category: {
      about:
        'Tracking v3 statusCategory / Web Tools StatusCategory: one per shipment, describing its newest scan. Free text in the spec (Pub 199 Appendix G-4/G-5); labels collected from USPS extracts and third-party code.',
      rows: categoryRows,
    },
  },
  key: (code) => {
    try {
      return uspsKey(code);
    } catch {
      return [];
    }
  },
};
