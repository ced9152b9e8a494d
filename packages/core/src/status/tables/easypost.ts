// EasyPost tracker codes.
// Source: EasyPost/easypost-node@ac2a7329 — types/Tracker/TrackerStatus.d.ts (`ITrackerStatus`) and
// types/Tracker/TrackerStatusDetail.d.ts (`ITrackerStatusDetail`); the same two enums are set on each
// `tracking_details[]` entry (types/Tracker/TrackingDetail.d.ts). EasyPost documents the values by name only,
// so each `meaning` below paraphrases the name; where the name leaves the stage open, the row leaves it open.
import { problem, type StatusTable } from '../table.js';

/** Longer than any real code: a longer input is not one, and is not worth parsing. */
const MAX_CODE_LENGTH = 100;

/** `" In Transit "` → `"in_transit"`: EasyPost's enums are lower snake case. */
function token(part: string): string {
  const folded = part
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return folded === 'null' || folded === 'undefined' ? '' : folded;
}

export const easypostStatusTable: StatusTable = {
  source: 'easypost',
  references: [
    'EasyPost/easypost-node@ac2a7329:types/Tracker/TrackerStatus.d.ts',
    'EasyPost/easypost-node@ac2a7329:types/Tracker/TrackerStatusDetail.d.ts',
    'EasyPost/easypost-node@ac2a7329:types/Tracker/TrackingDetail.d.ts',
    'https://docs.easypost.com/docs/trackers',
  ],
  codeFormat:
    '"<status>/<status_detail>" (e.g. "in_transit/weather_delay"), or "<status>" alone when there is no detail',
  sections: {
    status: {
      about:
        'Tracker.status and TrackingDetail.status (ITrackerStatus, easypost-node types/Tracker/TrackerStatus.d.ts). The stage; the detail, looked up first, may sharpen it.',
      rows: [
        // EasyPost could not map the carrier's message: the carrier's text is the better guide.
        { code: 'unknown', meaning: 'Status unknown: EasyPost could not classify the update', refine: true },
        {
          code: 'pre_transit',
          meaning: 'Label created; the carrier does not have the parcel yet',
          status: 'info_received',
        },
        { code: 'in_transit', meaning: 'In transit', status: 'in_transit' },
        { code: 'out_for_delivery', meaning: 'Out for delivery', status: 'out_for_delivery' },
        { code: 'delivered', meaning: 'Delivered', status: 'delivered' },
        { code: 'available_for_pickup', meaning: 'Available for pickup', status: 'available_for_pickup' },
        // EasyPost has no separate "back at the sender" status; the parcel is on its way back.
        { code: 'return_to_sender', meaning: 'Being returned to the sender', status: 'returning' },
        // Where the parcel is after a failure is not said; the detail or the text names the reason.
        { code: 'failure', meaning: 'Delivery failed', problem: problem('other'), refine: true },
        { code: 'cancelled', meaning: 'Shipment cancelled', status: 'cancelled' },
        // e.g. an invalid number in test mode (source "ProcessingError"): nothing is known about the parcel.
        { code: 'error', meaning: 'EasyPost could not track this number', status: 'pending' },
      ],
    },
    status_detail: {
      about:
        'Tracker.status_detail and TrackingDetail.status_detail (ITrackerStatusDetail, easypost-node types/Tracker/TrackerStatusDetail.d.ts). Usually names a problem; names a stage only where the detail implies one whatever the status (movement scans happen on the way back too, so they leave the stage to `status`).',
      rows: [
        { code: 'address_correction', meaning: 'The address needs correcting', problem: problem('address', true) },
        { code: 'arrived_at_destination', meaning: 'Arrived at the destination (stage from status)' },
        { code: 'arrived_at_facility', meaning: 'Arrived at a carrier facility (stage from status)' },
        { code: 'arrived_at_pickup_location', meaning: 'Arrived at a pickup location', status: 'available_for_pickup' },
        // Awaiting information from whom is not said; the text may say ("Customs information required").
        { code: 'awaiting_information', meaning: 'The carrier is awaiting information', refine: true },
        { code: 'cancelled', meaning: 'Shipment cancelled', status: 'cancelled' },
        { code: 'damaged', meaning: 'Parcel damaged', problem: problem('damaged') },
        { code: 'delayed', meaning: 'Delayed', problem: problem('delayed'), refine: true },
        { code: 'delivery_exception', meaning: 'Exception at delivery', problem: problem('other'), refine: true },
        { code: 'departed_facility', meaning: 'Departed a carrier facility (stage from status)' },
        { code: 'departed_origin_facility', meaning: 'Departed the origin facility (stage from status)' },
        { code: 'expired', meaning: 'Expired', problem: problem('other'), refine: true },
        { code: 'failure', meaning: 'Delivery failed', problem: problem('other'), refine: true },
        { code: 'held', meaning: 'Held by the carrier', problem: problem('held'), refine: true },
        { code: 'in_transit', meaning: 'In transit (stage from status)' },
        { code: 'label_created', meaning: 'Label created', status: 'info_received' },
        { code: 'lost', meaning: 'Parcel lost', problem: problem('lost') },
        { code: 'missorted', meaning: 'Missorted: sent the wrong way, so late', problem: problem('delayed') },
        // On a return the parcel may be out for delivery to the sender, so the stage comes from status.
        { code: 'out_for_delivery', meaning: 'Out for delivery (stage from status)' },
        {
          code: 'received_at_destination_facility',
          meaning: 'Received at the destination facility (stage from status)',
        },
        { code: 'received_at_origin_facility', meaning: 'Received at the origin facility (stage from status)' },
        { code: 'refused', meaning: 'Refused by the recipient', problem: problem('refused') },
        { code: 'return', meaning: 'Being returned to the sender', status: 'returning' },
        { code: 'status_update', meaning: 'A status update with no further detail (stage from status)' },
        {
          code: 'transferred_to_destination_carrier',
          meaning: 'Handed to the destination carrier (stage from status)',
        },
        { code: 'transit_exception', meaning: 'Exception in transit', problem: problem('delayed'), refine: true },
        { code: 'unknown', meaning: 'Detail unknown', refine: true },
        { code: 'weather_delay', meaning: 'Delayed by weather', problem: problem('weather') },
      ],
    },
  },
  key(code) {
    if (typeof code !== 'string' || code.length > MAX_CODE_LENGTH) return [];
    const slash = code.indexOf('/');
    if (slash < 0) {
      // No detail: the code is a status; a bare detail ("weather_delay") is still found.
      const only = token(code);
      return only
        ? [
            ['status', only],
            ['status_detail', only],
          ]
        : [];
    }
    const status = token(code.slice(0, slash));
    const detail = token(code.slice(slash + 1));
    const keys: Array<readonly [string, string]> = [];
    if (detail) keys.push(['status_detail', detail]);
    if (status) keys.push(['status', status]);
    return keys;
  },
};
