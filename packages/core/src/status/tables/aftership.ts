// AfterShip Tracking codes: `tag` (delivery status) and `subtag` (delivery sub-status), on the tracking and on
// each checkpoint.
// Sources:
// - tags: AfterShip/tracking-sdk-nodejs@6319e76, src/model/TagV1.ts; meanings from
//   https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses
// - subtags: https://www.aftership.com/docs/tracking/2026-07/enum/delivery-sub-statuses (Delivered_005 is new
//   there; the 2025-04 page stops at Delivered_004), and for Exception_016/017/018 the support article
//   https://support.aftership.com/en/article/learn-about-delivery-sub-statuses-1b0hdlx/ ("available starting
//   March 27, 2026").
// - Pending_002…006: the stored docs list the codes without a usable meaning (UNCERTAIN, see the reference's
//   open question 8). Pending_004's message "Wrong carrier" is from a mocked API response in
//   AfterShip/aftership-sdk-nodejs (__tests__/test_tracking.js). All six are under the Pending tag, so all
//   mean "no tracking data yet", which is all Trackline needs from them.
// Subtags are open-ended: `key()` falls back from an undocumented subtag ("Exception_099") to its tag's row.
import { problem, type StatusRow, type StatusTable } from '../table.js';

/** Longer than any real code: a longer input is not one, and is not worth parsing. */
const MAX_CODE_LENGTH = 100;

/** The tags (TagV1), by their letters in lower case, so "in_transit", "IN TRANSIT" and "InTransit" agree. */
const tagsByLetters: ReadonlyMap<string, string> = new Map(
  [
    'Pending',
    'InfoReceived',
    'InTransit',
    'OutForDelivery',
    'AttemptFail',
    'Delivered',
    'AvailableForPickup',
    'Exception',
    'Expired',
  ].map((tag) => [tag.toLowerCase(), tag]),
);

/**
 * The documented subtags. A documented subtag decides alone; only an undocumented one falls back to its tag.
 * One row per line, unwrapped: this is data to audit.
 */
// prettier-ignore
const subtagRows: readonly StatusRow[] = [
  { code: 'Delivered_001', meaning: 'Shipment delivered successfully', status: 'delivered' },
  { code: 'Delivered_002', meaning: 'Package picked up by the customer', status: 'delivered' },
  { code: 'Delivered_003', meaning: 'Package delivered to and signed by the customer', status: 'delivered' },
  { code: 'Delivered_004', meaning: 'Delivered and cash collected on delivery', status: 'delivered' },
  { code: 'Delivered_005', meaning: 'Delivered to a neighbor', status: 'delivered' },
  { code: 'AvailableForPickup_001', meaning: 'Arrived at a pickup point near you and available for pickup', status: 'available_for_pickup' },
  // The generic exception: the carrier's text usually says what it was.
  { code: 'Exception_001', meaning: 'Delivery failed due to a shipping exception', problem: problem('other'), refine: true },
  { code: 'Exception_002', meaning: 'Delivery failed: the customer moved', problem: problem('address', true) },
  { code: 'Exception_003', meaning: 'Delivery failed: the recipient refused the package', problem: problem('refused') },
  { code: 'Exception_004', meaning: 'Delayed (customs clearance)', status: 'in_transit', problem: problem('customs') },
  { code: 'Exception_005', meaning: 'Delayed (external factors)', status: 'in_transit', problem: problem('delayed'), refine: true },
  { code: 'Exception_006', meaning: 'Held for payment due from the customer', status: 'in_transit', problem: problem('payment_due', true) },
  { code: 'Exception_007', meaning: 'Not delivered: incorrect recipient address', problem: problem('address', true) },
  // "Available for the pickup but not collected": still there, so collecting it is what the shopper must do.
  { code: 'Exception_008', meaning: 'Pick up missed: available for pickup but not collected', status: 'available_for_pickup', problem: problem('held', true) },
  { code: 'Exception_009', meaning: 'Rejected by the carrier: does not comply with its guidelines', problem: problem('other') },
  { code: 'Exception_010', meaning: 'Returning to sender: on its way back', status: 'returning', refine: true },
  { code: 'Exception_011', meaning: 'Returned to sender: received back by the sender', status: 'returned', refine: true },
  { code: 'Exception_012', meaning: 'Shipment damaged', problem: problem('damaged') },
  { code: 'Exception_013', meaning: 'Shipment lost', status: 'in_transit', problem: problem('lost') },
  { code: 'Exception_016', meaning: 'Delayed (processing issue in the carrier network: vehicle, sorting, misroute)', status: 'in_transit', problem: problem('delayed') },
  { code: 'Exception_017', meaning: 'Delayed (extreme weather)', status: 'in_transit', problem: problem('weather') },
  // Regulatory documents are usually the shipper's to supply; AfterShip does not say the shopper must act.
  { code: 'Exception_018', meaning: 'On hold: incorrect or missing documents required by regulators', status: 'in_transit', problem: problem('customs') },
  { code: 'AttemptFail_001', meaning: 'Failed attempt; the courier usually leaves a notice and tries again', status: 'in_transit', problem: problem('failed_attempt', true) },
  { code: 'AttemptFail_002', meaning: 'Failed attempt: recipient not available at the address', status: 'in_transit', problem: problem('failed_attempt', true) },
  { code: 'AttemptFail_003', meaning: 'Failed attempt: business closed at the time of delivery', status: 'in_transit', problem: problem('failed_attempt', true) },
  { code: 'InTransit_001', meaning: 'Shipment on the way', status: 'in_transit' },
  { code: 'InTransit_002', meaning: 'Acceptance scan: shipment accepted by the carrier', status: 'in_transit' },
  { code: 'InTransit_003', meaning: 'Arrival scan: arrived at a hub or sorting center', status: 'in_transit' },
  { code: 'InTransit_004', meaning: 'Arrived in the destination country', status: 'in_transit' },
  { code: 'InTransit_005', meaning: 'Customs clearance completed', status: 'in_transit' },
  { code: 'InTransit_006', meaning: 'Customs clearance started: handed over to customs', status: 'in_transit' },
  { code: 'InTransit_007', meaning: 'Departure scan: departed the facility', status: 'in_transit' },
  { code: 'InTransit_008', meaning: 'Problem resolved and shipment in transit', status: 'in_transit' },
  { code: 'InTransit_009', meaning: 'Forwarded to a different delivery address', status: 'in_transit' },
  { code: 'InfoReceived_001', meaning: 'The carrier received a request from the shipper', status: 'info_received' },
  { code: 'OutForDelivery_001', meaning: 'The package is out for delivery', status: 'out_for_delivery' },
  { code: 'OutForDelivery_003', meaning: 'The customer is contacted before the final delivery', status: 'out_for_delivery' },
  // An appointment may be days away: the parcel is not yet on the van, whatever the tag says.
  { code: 'OutForDelivery_004', meaning: 'A delivery appointment is scheduled', status: 'in_transit' },
  { code: 'Pending_001', meaning: 'No information on the carrier website yet, or not yet tracked', status: 'pending' },
  { code: 'Pending_002', meaning: 'Pending (meaning not documented in the stored docs)', status: 'pending' },
  { code: 'Pending_003', meaning: 'Pending (meaning not documented in the stored docs)', status: 'pending' },
  { code: 'Pending_004', meaning: 'Pending: wrong carrier', status: 'pending' },
  { code: 'Pending_005', meaning: 'Pending (meaning not documented in the stored docs)', status: 'pending' },
  { code: 'Pending_006', meaning: 'Pending (meaning not documented in the stored docs)', status: 'pending' },
  { code: 'Expired_001', meaning: 'No tracking information for the last 30 days', status: 'pending', problem: problem('stalled') },
];

const documentedSubtags: ReadonlySet<string> = new Set(subtagRows.map((row) => row.code));

export const aftershipStatusTable: StatusTable = {
  source: 'aftership',
  references: [
    'AfterShip/tracking-sdk-nodejs@6319e76:src/model/TagV1.ts',
    'https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses',
    'https://www.aftership.com/docs/tracking/2026-07/enum/delivery-sub-statuses',
    'https://support.aftership.com/en/article/learn-about-delivery-sub-statuses-1b0hdlx/ (Exception_016/017/018)',
    'AfterShip/aftership-sdk-nodejs:__tests__/test_tracking.js (Pending_004 "Wrong carrier", mocked response)',
  ],
  codeFormat: 'the subtag, which embeds its tag (e.g. "Exception_013"), or the tag alone (e.g. "InTransit")',
  sections: {
    tag: {
      about:
        'tag (TagV1; "delivery statuses" in the docs). Used when there is no subtag, or the subtag is not documented.',
      // One row per line, unwrapped: this is data to audit.
      // prettier-ignore
      rows: [
        { code: 'Pending', meaning: 'New shipment pending tracking, or no tracking information yet', status: 'pending' },
        { code: 'InfoReceived', meaning: 'Carrier has received the request from the shipper', status: 'info_received' },
        { code: 'InTransit', meaning: 'Accepted or picked up by the carrier and on its way', status: 'in_transit' },
        { code: 'OutForDelivery', meaning: 'Carrier is about to deliver the shipment', status: 'out_for_delivery' },
        // After a failed attempt the parcel is back in the carrier's network, waiting for the next try.
        { code: 'AttemptFail', meaning: 'Carrier attempted to deliver but failed', status: 'in_transit', problem: problem('failed_attempt', true) },
        { code: 'Delivered', meaning: 'Delivered', status: 'delivered' },
        { code: 'AvailableForPickup', meaning: 'Arrived at a pickup point near the shopper', status: 'available_for_pickup' },
        // "Custom hold, undelivered, returned shipment to sender or any shipping exceptions": stage not said.
        { code: 'Exception', meaning: 'Custom hold, undelivered, returned to sender or another exception', problem: problem('other'), refine: true },
        // "No tracking information for 30 days since added": never scanned, and AfterShip has stopped looking.
        { code: 'Expired', meaning: 'No tracking information for 30 days since the shipment was added', status: 'pending', problem: problem('stalled') },
      ],
    },
    subtag: {
      about:
        'subtag ("delivery sub-statuses" in the docs), "<Tag>_<NNN>". A documented subtag decides alone, giving a stage only where it is certain (the carrier text fills in the rest); an undocumented one falls back to its tag.',
      rows: subtagRows,
    },
  },
  key(code) {
    if (typeof code !== 'string' || code.length > MAX_CODE_LENGTH) return [];
    const text = code.trim();
    // "<Tag>_<NNN>": split off the trailing digits by hand (no regex over untrusted input).
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) >= 48 && text.charCodeAt(end - 1) <= 57) end--;
    const tag = tagsByLetters.get(
      text
        .slice(0, end)
        .toLowerCase()
        .replace(/[^a-z]/g, ''),
    );
    if (!tag) return [];
    const digits = text.slice(end);
    if (digits === '' || digits.length > 6) return [['tag', tag]];
    const subtag = `${tag}_${String(Number(digits)).padStart(3, '0')}`;
    // A documented subtag says all there is to say: the tag row would add the tag's coarse problem to it
    // (Exception_010, "Returning to sender", is not an "other" problem).
    return documentedSubtags.has(subtag)
      ? [['subtag', subtag]]
      : [
          ['subtag', subtag],
          ['tag', tag],
        ];
  },
};
