// Shippo tracking codes: `tracking_status.status` and `tracking_status.substatus.code` (also on each
// `tracking_history[]` entry).
// Sources: goshippo/shippo-javascript-sdk@51b9793 — src/models/components (Track, TrackingStatus: the status
// enum); Shippo's tracking guide, "Event definitions" table (https://docs.goshippo.com/docs/tracking/tracking/,
// formerly https://goshippo.com/docs/tracking/#event-definitions), which lists every substatus under its
// status with Shippo's `action_required` flag. Each row's `meaning` follows that table.
//
// `actionRequired` here means what Trackline means by it — the shopper must act to get the parcel (fix the
// address, arrange redelivery, collect it) — so it follows Shippo's flag except for package_damaged and
// package_lost, where Shippo flags "contact the carrier" but the claim is the merchant's to make, and
// pickup_available, where the stage (available_for_pickup) already says the shopper must collect it.
import { problem, type StatusTable } from '../table.js';

/** Longer than any real code: a longer input is not one, and is not worth parsing. */
const MAX_CODE_LENGTH = 100;

/** Shippo's status enum is upper snake case ("PRE_TRANSIT"). */
function statusToken(part: string): string {
  return part
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
}

/** Shippo's substatus codes are lower snake case ("delivery_attempted"). */
function substatusToken(part: string): string {
  const folded = part
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return folded === 'null' || folded === 'undefined' ? '' : folded;
}

export const shippoStatusTable: StatusTable = {
  source: 'shippo',
  references: [
    'goshippo/shippo-javascript-sdk@51b9793:src/models/components (TrackingStatus status enum, substatus object)',
    'https://docs.goshippo.com/docs/tracking/tracking/ (Event definitions: status, substatus, action_required)',
    'goshippo/ai@cf8e96532 (Shippo agent docs: status meanings, SHIPPO_* test numbers)',
  ],
  codeFormat:
    '"<STATUS>/<substatus_code>" (e.g. "TRANSIT/delivery_attempted"), or "<STATUS>" alone when there is no substatus',
  sections: {
    status: {
      about:
        'tracking_status.status (TrackingStatus in the Shippo SDK; meanings from the tracking guide). The stage; the substatus, looked up first, may sharpen it.',
      rows: [
        // "The package has not been found via the carrier's tracking system" — yet Shippo's own test data
        // puts "The carrier has received the electronic shipment information" under UNKNOWN: read the text.
        { code: 'UNKNOWN', meaning: "Not found in the carrier's tracking system", refine: true },
        { code: 'PRE_TRANSIT', meaning: 'Label created; not yet dropped off or picked up', status: 'info_received' },
        { code: 'TRANSIT', meaning: 'Scanned by the carrier and in transit', status: 'in_transit' },
        { code: 'DELIVERED', meaning: 'Delivered', status: 'delivered' },
        // "En route to be returned to the sender, or has been returned successfully": the code cannot tell
        // which, so the row says the safe one (not final, so tracking goes on). See the `returned` section.
        { code: 'RETURNED', meaning: 'Being returned, or returned, to the sender', status: 'returning' },
        // "An issue with the delivery", stage not said: the substatus or the text names it.
        { code: 'FAILURE', meaning: 'The carrier reports a delivery issue', problem: problem('other'), refine: true },
      ],
    },
    substatus: {
      about:
        'tracking_status.substatus.code, as listed under each status in the tracking guide. Names the problem; names the stage only where the substatus itself is one (out_for_delivery, pickup_available, delivered, …). Transit scans leave the stage to the status.',
      rows: [
        // PRE_TRANSIT
        { code: 'information_received', meaning: 'Information about the package received', status: 'info_received' },
        // TRANSIT
        {
          code: 'address_issue',
          meaning: 'Address information is incorrect; contact the carrier',
          problem: problem('address', true),
        },
        {
          code: 'contact_carrier',
          meaning: 'Contact the carrier for more information',
          problem: problem('other', true),
          refine: true,
        },
        { code: 'delayed', meaning: 'Delivery of package is delayed', problem: problem('delayed'), refine: true },
        {
          code: 'delivery_attempted',
          meaning: 'Delivery attempted; contact the carrier',
          problem: problem('failed_attempt', true),
        },
        {
          code: 'delivery_rescheduled',
          meaning: 'Delivery of package has been rescheduled',
          problem: problem('delayed'),
        },
        { code: 'delivery_scheduled', meaning: 'Package is scheduled for delivery (stage from status)' },
        {
          code: 'location_inaccessible',
          meaning: 'Delivery location inaccessible to the carrier',
          problem: problem('failed_attempt', true),
        },
        {
          code: 'notice_left',
          meaning: 'Carrier left a notice during an attempted delivery',
          problem: problem('failed_attempt', true),
        },
        { code: 'out_for_delivery', meaning: 'Package is out for delivery', status: 'out_for_delivery' },
        { code: 'package_accepted', meaning: 'Accepted into the carrier network (stage from status)' },
        { code: 'package_arrived', meaning: 'Arrived at an intermediate location (stage from status)' },
        { code: 'package_damaged', meaning: 'Package has been damaged', problem: problem('damaged') },
        { code: 'package_departed', meaning: 'Departed an intermediate location (stage from status)' },
        { code: 'package_forwarded', meaning: 'Package has been forwarded (stage from status)' },
        {
          code: 'package_held',
          meaning: 'Package held at a carrier location; contact the carrier',
          problem: problem('held', true),
          refine: true,
        },
        { code: 'package_processed', meaning: 'Processed at an intermediate location (stage from status)' },
        { code: 'package_processing', meaning: 'Processing at an intermediate location (stage from status)' },
        {
          code: 'pickup_available',
          meaning: 'Package is available for pickup at a carrier location',
          status: 'available_for_pickup',
        },
        {
          code: 'reschedule_delivery',
          meaning: 'Contact the carrier to reschedule delivery',
          problem: problem('failed_attempt', true),
        },
        // DELIVERED
        { code: 'delivered', meaning: 'Package has been delivered', status: 'delivered' },
        // RETURNED
        { code: 'return_to_sender', meaning: 'Package is to be returned to the sender', status: 'returning' },
        // Not collected in time, so it goes back; the shopper may still stop that by contacting the carrier.
        {
          code: 'package_unclaimed',
          meaning: 'Package is unclaimed',
          status: 'returning',
          problem: problem('other', true),
        },
        // FAILURE
        {
          code: 'package_undeliverable',
          meaning: 'Package is not able to be delivered',
          problem: problem('other', true),
          refine: true,
        },
        // Disposed of by the carrier: for the shopper it is as gone as a lost parcel.
        { code: 'package_disposed', meaning: 'Package has been disposed of', problem: problem('lost') },
        { code: 'package_lost', meaning: 'Package has been lost', problem: problem('lost') },
        // UNKNOWN
        { code: 'other', meaning: 'Unrecognized carrier status', refine: true },
      ],
    },
    returned: {
      about:
        "Substatuses that settle RETURNED. Looked up first, and only under RETURNED: a delivery reported under RETURNED is the return reaching the sender. (Trackline's reading; Shippo lists no substatus for a completed return.)",
      rows: [{ code: 'delivered', meaning: 'The return was delivered to the sender', status: 'returned' }],
    },
  },
  key(code) {
    if (typeof code !== 'string' || code.length > MAX_CODE_LENGTH) return [];
    const slash = code.indexOf('/');
    if (slash < 0) {
      // No substatus: the code is a status; a bare substatus ("notice_left") is still found.
      const status = statusToken(code);
      const substatus = substatusToken(code);
      return status && substatus
        ? [
            ['status', status],
            ['substatus', substatus],
          ]
        : [];
    }
    const status = statusToken(code.slice(0, slash));
    const substatus = substatusToken(code.slice(slash + 1));
    const keys: Array<readonly [string, string]> = [];
    if (substatus && status === 'RETURNED') keys.push(['returned', substatus]);
    if (substatus) keys.push(['substatus', substatus]);
    if (status) keys.push(['status', status]);
    return keys;
  },
};
