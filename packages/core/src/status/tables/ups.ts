/*
 * UPS Track API codes → Trackline stage and problem.
 *
 * Sources (see `references` below for the same list). UPS's appendix pages for the Track API, vendored in
 * karrioapi/karrio@deea10f85 under modules/connectors/ups/vendors/ [official]:
 * - status: Tracking-status-description-codes.html, "Status/Description Codes" (0–169): `status.statusCode` of an
 *   activity and `currentStatus.statusCode`/`code`, sent 3-digit zero-padded ("003", "011").
 * - movement: Tracking-movement-scans.html, "Movement Scans" (ULD codes): `activity[].status.code` of type I.
 * - manifest: Tracking-manifest-codes.html, "Manifest Codes": `status.code` of type M / MV.
 * - updates: Tracking-updates.html, "Updates": `status.code` of type U.
 * - delivery: Tracking-delivery-codes.html, "Delivery Codes" (DIALS): `status.code` of type D (where it was left)
 *   and of type X (why it was not delivered).
 * - mailInnovations: Tracking-mail-innovation.html, "Mail Innovations": only F4, P1 and DL, the delivered codes.
 * - type: Tracking-package-activity-types.html, "Package Activity Types" (`status.type`). The legacy types P, RS
 *   and O are not in the current appendix; they come from older UPS guides as kept in third-party clients (a JS
 *   client's constant table D,I,M,MV,P,X,RS,DO,DD,W,NA,O; broadinstitute DSM org.broadinstitute.dsm.model.ups.UPSStatus
 *   uses I,D,P,O) [3rd-party, UNCERTAIN].
 * Codes observed on the wire: karrio's UPS fixtures and a delivered response ({type:"D", code:"F4",
 * statusCode:"011"}; {type:"M", code:"MP"} with no statusCode).
 *
 * Not mapped, on purpose: the ~900 "Package Exceptions" codes and the freight tables (Freight Activity, Freight
 * Exceptions) of the same appendix, and the Mail Innovations codes other than F4/P1/DL. An exception activity still
 * carries its statusCode (e.g. 022, 032, 050), which is mapped, and an unmapped code falls back to its type and the
 * carrier's text.
 *
 * How a code is looked up (`codeFormat`): the adapter stores "<type>/<code>/<statusCode>". The statusCode is UPS's
 * customer-facing status and decides the stage first; the 2-char activity code adds what the status code leaves
 * out (where a parcel was left, why it was not delivered) and is looked up in the table its type names; the type is
 * consulted only when neither is documented. currentStatus, whose `code` is the 3-digit status code itself
 * ({type:"D", code:"011", statusCode:"011"}), is stored the same way: a 3-digit code is read as a status code.
 * Type X is read in the DIALS table, which lists the non-delivery reasons; that exception activities use it rather
 * than the unmapped Package Exceptions table is UNCERTAIN (the numeric codes of the two tables do not overlap).
 *
 * Clashes between UPS's 2-char tables, and what decides them:
 * - DP and VP are both movement scans (Departure scan, Void Pickup) and manifest codes (manifest processed, shipment
 *   voided): type M/MV reads the manifest table, any other type the movement table.
 * - DL is a movement scan (Driver Load) and a Mail Innovations code (Delivery with Signature): type D reads the
 *   delivery tables first, so "D/DL" is delivered and "I/DL" is in transit.
 * - EP, LM and MP mean one thing as movement/manifest codes and another as delivery codes (Export scan / SurePost
 *   held at the Post Office; Location scan / Service level not available; billing received / Garage): the type
 *   decides, and so does the table order for a bare code (movement, manifest, updates, delivery, Mail Innovations).
 * - DO and MV are both activity types and delivery codes ("Other non delivery", "Missing Postal Code"); DD, NA, DO,
 *   MV as a bare code read the delivery table first when it has them, else the type table.
 * - EZ is listed twice in the delivery codes with the same text; it is one row.
 *
 * Decisions a reader may question, and why:
 * - Ready-for-pickup codes (040, 144, 161, DIALS 1N, 2Q, ZI) are `available_for_pickup` without a problem: the
 *   stage already tells the shopper to collect it, as in the USPS and FedEx tables. Where UPS says the parcel is
 *   *held* for collection instead of delivered (017, DIALS EP: SurePost held at the Post Office, ZQ), it is also a
 *   `held` problem with actionRequired: the shopper did not choose a pickup and must act.
 * - A first or second failed attempt (022, 023, 060, 145) needs no action: UPS tries again on the next business
 *   day. The final attempt (024), an adult signature (061), funds (062: `payment_due`) and a Post Office notice (066)
 *   do.
 * - "Loaded on Delivery Vehicle" (072, scan OD) and "Preparing for Delivery" (071, YP) stay `in_transit`: UPS's own
 *   appendix warns they are seen on Saturday for Monday delivery. Out for delivery is 006/021/037/…, OF, OT, YF.
 * - Customer-requested changes (address change, hold, reschedule, upgrade) are `in_transit` without a problem.
 *   "Held" (083) and "Held for Future Delivery" (019) are `held`, 083 letting the text name the reason.
 * - Return-to-sender requested/confirmed (033, 118, 119), returning (035, 036) and returned by the Post Office (067,
 *   which is on its way back, not yet there) are `returning`; 034 "Returned to Sender" and 081 "Returned - Damage
 *   Reported" are `returned`.
 * - Seized (147) and destroyed (149): the parcel will never arrive but UPS did not lose it, so `other`, no stage.
 *   Investigations and claims (127–130, 140, 142) name no stage either: they can follow a delivery.
 * - 000 / 148 / 163 (status or package information unavailable), 088 (Test) and type NA are `pending`: UPS says
 *   nothing about the parcel. A later non-label scan always wins (see derive.ts).
 * - Pickup attempts at the shipper (065, 131, 135) are `info_received` with `delayed`: the shopper cannot act.
 * - OC reads "Shipper created a label, UPS has not received the package yet" then describes an origin trailer
 *   load; it is `info_received`, like PL, going by its first sentence.
 * - DIALS codes name a stage only where the text does; pickup-or-delivery outcomes (CO, EA, EB, FZ, KU, NS, NX)
 *   name only the problem and leave the stage to the statusCode and text.
 */
import { problem, type StatusRow, type StatusTable } from '../table.js';

const statusRows: readonly StatusRow[] = [
  { code: '000', meaning: 'Status Not Available', status: 'pending' },
  { code: '003', meaning: 'Shipment Ready for UPS', status: 'info_received' },
  { code: '005', meaning: 'On the Way', status: 'in_transit' },
  { code: '006', meaning: 'Out for Delivery', status: 'out_for_delivery' },
  { code: '007', meaning: 'Shipment Information Voided', status: 'cancelled' },
  { code: '010', meaning: 'On the Way', status: 'in_transit' },
  { code: '011', meaning: 'Delivered', status: 'delivered' },
  { code: '012', meaning: 'Clearance in Progress', status: 'in_transit' },
  { code: '013', meaning: 'Exception', status: 'in_transit', problem: problem('other'), refine: true },
  { code: '014', meaning: 'Clearance Completed', status: 'in_transit' },
  { code: '016', meaning: 'In Warehouse', status: 'in_transit' },
  { code: '017', meaning: 'Held for Customer Pickup', status: 'available_for_pickup', problem: problem('held', true) },
  { code: '018', meaning: 'Delivery Change Requested: Hold for Pickup', status: 'in_transit' },
  { code: '019', meaning: 'Held for Future Delivery', status: 'in_transit', problem: problem('held') },
  { code: '020', meaning: 'Held for Future Delivery Requested', status: 'in_transit' },
  { code: '021', meaning: 'Out for Delivery', status: 'out_for_delivery' },
  { code: '022', meaning: 'First Attempt Made', status: 'in_transit', problem: problem('failed_attempt') },
  { code: '023', meaning: 'Second Delivery Attempted', status: 'in_transit', problem: problem('failed_attempt') },
  { code: '024', meaning: 'Final Attempt Made', status: 'in_transit', problem: problem('failed_attempt', true) },
  { code: '025', meaning: 'On the Way', status: 'in_transit' },
  { code: '026', meaning: 'Delivered by Local Post Office', status: 'delivered' },
  { code: '027', meaning: 'Delivery Address Change Requested', status: 'in_transit' },
  { code: '028', meaning: 'Delivery Address Changed', status: 'in_transit' },
  {
    code: '029',
    meaning: 'Exception: Action Required',
    status: 'in_transit',
    problem: problem('other', true),
    refine: true,
  },
  {
    code: '030',
    meaning: 'Local Post Office Exception',
    status: 'in_transit',
    problem: problem('other'),
    refine: true,
  },
  { code: '032', meaning: 'Adverse Weather May Cause Delay', status: 'in_transit', problem: problem('weather') },
  { code: '033', meaning: 'Return to Sender Requested', status: 'returning' },
  { code: '034', meaning: 'Returned to Sender', status: 'returned' },
  { code: '035', meaning: 'Returning to Sender', status: 'returning' },
  { code: '036', meaning: 'Returning to Sender: In Transit', status: 'returning' },
  { code: '037', meaning: 'Out for Delivery', status: 'out_for_delivery' },
  { code: '038', meaning: 'Picked Up by UPS', status: 'in_transit' },
  { code: '039', meaning: 'On the Way', status: 'in_transit' },
  { code: '040', meaning: 'Ready for Customer Pickup', status: 'available_for_pickup' },
  { code: '041', meaning: 'Service Upgrade Requested', status: 'in_transit' },
  { code: '042', meaning: 'Service Upgraded', status: 'in_transit' },
  { code: '043', meaning: 'Voided Pickup', status: 'info_received' },
  { code: '044', meaning: 'On the Way to UPS', status: 'in_transit' },
  { code: '045', meaning: 'On the Way to UPS', status: 'in_transit' },
  { code: '046', meaning: 'Delay', status: 'in_transit', problem: problem('delayed') },
  { code: '047', meaning: 'On the Way', status: 'in_transit' },
  { code: '048', meaning: 'Delay', status: 'in_transit', problem: problem('delayed') },
  {
    code: '049',
    meaning: 'Delay: Action Required',
    status: 'in_transit',
    problem: problem('delayed', true),
    refine: true,
  },
  { code: '050', meaning: 'Address Information Required', status: 'in_transit', problem: problem('address', true) },
  {
    code: '051',
    meaning: 'Delay: Emergency Situation or Severe Weather',
    status: 'in_transit',
    problem: problem('weather'),
  },
  { code: '052', meaning: 'Delay: Severe Weather', status: 'in_transit', problem: problem('weather') },
  { code: '053', meaning: 'Delay: Severe Weather', status: 'in_transit', problem: problem('weather') },
  { code: '054', meaning: 'Delivery Change Requested', status: 'in_transit' },
  { code: '055', meaning: 'Rescheduled Delivery', status: 'in_transit', problem: problem('delayed') },
  { code: '056', meaning: 'Service Upgrade Requested', status: 'in_transit' },
  { code: '057', meaning: 'On the Way to a Local UPS Access Point™', status: 'in_transit' },
  { code: '058', meaning: 'Clearance Information Required', status: 'in_transit', problem: problem('customs', true) },
  { code: '059', meaning: 'Damage Reported', status: 'in_transit', problem: problem('damaged') },
  { code: '060', meaning: 'Delivery Attempted', status: 'in_transit', problem: problem('failed_attempt') },
  {
    code: '061',
    meaning: 'Delivery Attempted: Adult Signature Required',
    status: 'in_transit',
    problem: problem('failed_attempt', true),
  },
  {
    code: '062',
    meaning: 'Delivery Attempted: Funds Required',
    status: 'in_transit',
    problem: problem('payment_due', true),
  },
  { code: '063', meaning: 'Delivery Change Completed', status: 'in_transit' },
  { code: '064', meaning: 'Delivery Refused', status: 'in_transit', problem: problem('refused') },
  { code: '065', meaning: 'Pickup Attempted', status: 'info_received', problem: problem('delayed') },
  {
    code: '066',
    meaning: 'Post Office Delivery Attempted',
    status: 'in_transit',
    problem: problem('failed_attempt', true),
  },
  { code: '067', meaning: 'Returned to Sender by Post Office', status: 'returning' },
  { code: '068', meaning: 'Sent to Lost and Found', status: 'in_transit', problem: problem('lost') },
  { code: '069', meaning: 'Unable to Deliver', status: 'in_transit', problem: problem('failed_attempt'), refine: true },
  { code: '070', meaning: 'Package not at UPS Access Point™ yet', status: 'in_transit' },
  { code: '071', meaning: 'Preparing for Delivery', status: 'in_transit' },
  { code: '072', meaning: 'Loaded on Delivery Vehicle', status: 'in_transit' },
  { code: '073', meaning: 'In Transit to UPS Delivery Partner', status: 'in_transit' },
  { code: '074', meaning: 'UPS Delivery Partner has Shipment', status: 'in_transit' },
  { code: '075', meaning: 'Scheduled for Delivery', status: 'in_transit' },
  {
    code: '076',
    meaning: 'UPS Delivery Partner Exception',
    status: 'in_transit',
    problem: problem('other'),
    refine: true,
  },
  { code: '077', meaning: 'Scheduled for Pickup Today', status: 'info_received' },
  { code: '078', meaning: 'Your Driver is Arriving Soon!', status: 'out_for_delivery' },
  { code: '079', meaning: 'Order Processed: In Transit to UPS', status: 'in_transit' },
  { code: '080', meaning: 'Order Processed: Ready for UPS', status: 'info_received' },
  { code: '081', meaning: 'Returned - Damage Reported', status: 'returned', problem: problem('damaged') },
  { code: '082', meaning: 'Delivery Instructions Received', status: 'in_transit' },
  { code: '083', meaning: 'Held', status: 'in_transit', problem: problem('held'), refine: true },
  { code: '084', meaning: 'Cleared', status: 'in_transit' },
  { code: '085', meaning: 'Held for COD Payment', status: 'in_transit', problem: problem('payment_due', true) },
  { code: '086', meaning: 'Delay', status: 'in_transit', problem: problem('delayed') },
  { code: '087', meaning: 'On the Way', status: 'in_transit' },
  { code: '088', meaning: 'Test', status: 'pending' },
  { code: '089', meaning: 'Out for Delivery', status: 'out_for_delivery' },
  { code: '090', meaning: 'Delay', status: 'in_transit', problem: problem('delayed') },
  { code: '091', meaning: 'Out for Delivery', status: 'out_for_delivery' },
  { code: '092', meaning: 'Customs Clearance in Progress', status: 'in_transit' },
  { code: '093', meaning: 'Premier Recovery In Progress', status: 'in_transit', problem: problem('delayed') },
  { code: '094', meaning: 'Premier Recovery Completed', status: 'in_transit' },
  { code: '095', meaning: 'Additional Attempt Requested', status: 'in_transit' },
  { code: '096', meaning: 'Address Change Confirmed', status: 'in_transit' },
  { code: '097', meaning: 'Address Change Requested', status: 'in_transit' },
  { code: '098', meaning: 'Deliver to Original Address Requested', status: 'in_transit' },
  { code: '099', meaning: 'Deliver to Original Address Confirmed', status: 'in_transit' },
  { code: '100', meaning: 'Hold at UPS Access Point™ Confirmed', status: 'in_transit' },
  { code: '101', meaning: 'Hold at UPS Access Point™ Requested', status: 'in_transit' },
  { code: '102', meaning: 'Hold for Courier Requested', status: 'in_transit' },
  { code: '103', meaning: 'Hold for Courier Confirmed', status: 'in_transit' },
  { code: '104', meaning: 'Hold for Instructions Confirmed', status: 'in_transit', problem: problem('held') },
  { code: '105', meaning: 'Hold for Instructions Requested', status: 'in_transit', problem: problem('held') },
  { code: '106', meaning: 'Hold for Pickup Confirmed', status: 'in_transit' },
  { code: '107', meaning: 'Hold for Pickup Requested', status: 'in_transit' },
  { code: '108', meaning: 'Hold for Pickup Today Confirmed', status: 'in_transit' },
  { code: '109', meaning: 'Hold for Pickup Today Requested', status: 'in_transit' },
  { code: '110', meaning: 'Refrigeration Confirmed', status: 'in_transit' },
  { code: '111', meaning: 'Refrigeration Requested', status: 'in_transit' },
  { code: '112', meaning: 'Re-Ice Confirmed', status: 'in_transit' },
  { code: '113', meaning: 'Re-Ice Requested', status: 'in_transit' },
  { code: '114', meaning: 'Request Canceled', status: 'in_transit' },
  { code: '115', meaning: 'Reschedule Delivery Confirmed', status: 'in_transit' },
  { code: '116', meaning: 'Reschedule Delivery Requested', status: 'in_transit' },
  { code: '117', meaning: 'Return by Saturday Confirmed', status: 'returning' },
  { code: '118', meaning: 'Return to Sender Confirmed', status: 'returning' },
  { code: '119', meaning: 'Return to Sender Requested', status: 'returning' },
  { code: '120', meaning: 'Saturday Delivery Confirmed', status: 'in_transit' },
  { code: '121', meaning: 'Saturday Delivery Requested', status: 'in_transit' },
  { code: '122', meaning: 'Upgrade Confirmed', status: 'in_transit' },
  { code: '123', meaning: 'Pending Release From Non-UPS Broker', status: 'in_transit', problem: problem('customs') },
  { code: '124', meaning: 'Clearance Information Needed', status: 'in_transit', problem: problem('customs', true) },
  { code: '125', meaning: 'Clearance Information Needed', status: 'in_transit', problem: problem('customs', true) },
  { code: '126', meaning: 'Pending Government Agency Release', status: 'in_transit', problem: problem('customs') },
  { code: '127', meaning: 'Investigation Closed', problem: problem('other'), refine: true },
  { code: '128', meaning: 'Investigation Canceled', problem: problem('other'), refine: true },
  { code: '129', meaning: 'Investigation Opened', problem: problem('lost'), refine: true },
  { code: '130', meaning: 'Claim in Progress', problem: problem('other'), refine: true },
  { code: '131', meaning: 'Final Pickup Attempted', status: 'info_received', problem: problem('delayed') },
  { code: '132', meaning: 'Airport Security Delay', status: 'in_transit', problem: problem('delayed') },
  { code: '133', meaning: 'Return Label Left With Customer', status: 'delivered' },
  { code: '134', meaning: 'Cleared Import Customs', status: 'in_transit' },
  { code: '135', meaning: 'Second Pickup Attempted', status: 'info_received', problem: problem('delayed') },
  { code: '136', meaning: 'Delivery Rescheduled for Saturday', status: 'in_transit' },
  { code: '137', meaning: 'Transferred to UPS Delivery Partner', status: 'in_transit' },
  { code: '138', meaning: 'Awaiting Scheduled Departure', status: 'in_transit' },
  { code: '139', meaning: 'Security Access Required', status: 'in_transit', problem: problem('address', true) },
  { code: '140', meaning: 'Claim Paid - Claim Payment Has Been Processed.', problem: problem('other'), refine: true },
  { code: '141', meaning: 'Incomplete Documentation Received', status: 'in_transit', problem: problem('customs') },
  { code: '142', meaning: 'Claim Voided', problem: problem('other'), refine: true },
  { code: '143', meaning: 'Delivered to Agent', status: 'in_transit' },
  {
    code: '144',
    meaning: 'Delivered to Post Office for Pickup',
    status: 'available_for_pickup',
  },
  { code: '145', meaning: 'Delivery Attempted', status: 'in_transit', problem: problem('failed_attempt') },
  { code: '146', meaning: 'Out for Delivery', status: 'out_for_delivery' },
  { code: '147', meaning: 'Seized by Law Enforcement, No Longer in UPS possession', problem: problem('other') },
  { code: '148', meaning: 'Package Information Unavailable', status: 'pending' },
  {
    code: '149',
    meaning: 'Prohibited Contents, Package Destroyed No Longer in UPS possession',
    problem: problem('other'),
  },
  { code: '153', meaning: 'Updated Delivery Time', status: 'in_transit' },
  { code: '154', meaning: 'Updated Delivery Date', status: 'in_transit' },
  { code: '155', meaning: 'Delivery Photo', status: 'delivered' },
  { code: '156', meaning: 'Commercial Inside Release', status: 'delivered' },
  { code: '157', meaning: 'Shipment Ready for UPS', status: 'info_received' },
  { code: '158', meaning: 'On the Way', status: 'in_transit' },
  { code: '159', meaning: 'On the Way', status: 'in_transit' },
  { code: '160', meaning: 'We Have Your Package', status: 'in_transit' },
  {
    code: '161',
    meaning: 'Delivered to UPS Access Point',
    status: 'available_for_pickup',
  },
  { code: '162', meaning: 'Out for Delivery', status: 'out_for_delivery' },
  { code: '163', meaning: 'Package Information Unavailable', status: 'pending' },
  { code: '164', meaning: 'On the Way', status: 'in_transit' },
  { code: '165', meaning: 'On the Way', status: 'in_transit' },
  { code: '166', meaning: 'Shipment Ready for Roadie', status: 'info_received' },
  { code: '167', meaning: 'Dropped off at UPS Store by Customer', status: 'in_transit' },
  { code: '168', meaning: 'Dropped off at Retail Location by Customer', status: 'in_transit' },
  { code: '169', meaning: 'Dropped off at a UPS Access Point by Customer', status: 'in_transit' },
];

const movementRows: readonly StatusRow[] = [
  { code: 'AG', meaning: 'Package is in transit to a UPS facility', status: 'in_transit' },
  { code: 'AR', meaning: 'Arrival scan (the package has arrived at a UPS building)', status: 'in_transit' },
  { code: 'AT', meaning: 'Air Transit Scan', status: 'in_transit' },
  { code: 'CA', meaning: 'Cancelled Arrival', status: 'in_transit' },
  { code: 'CD', meaning: 'Cancelled Departure', status: 'in_transit' },
  { code: 'CL', meaning: 'Cancel Unload', status: 'in_transit' },
  { code: 'DL', meaning: 'Driver Load', status: 'in_transit' },
  { code: 'DP', meaning: 'Departure scan (the package has departed from a UPS building)', status: 'in_transit' },
  {
    code: 'DS',
    meaning: 'Destination scan – the package is at the last UPS building before delivery',
    status: 'in_transit',
  },
  { code: 'EP', meaning: 'Export scan (crossed an international border between two countries)', status: 'in_transit' },
  { code: 'HU', meaning: 'Hub Scan', status: 'in_transit' },
  { code: 'IP', meaning: 'Import Scan', status: 'in_transit' },
  { code: 'LC', meaning: 'Location Scan', status: 'in_transit' },
  { code: 'LM', meaning: 'Location Scan', status: 'in_transit' },
  {
    code: 'OC',
    meaning:
      'Shipper created a label, UPS has not received the package yet. Origin scan (a trailer load from a large business)',
    status: 'info_received',
  },
  {
    code: 'OD',
    meaning: 'Loaded on delivery vehicle for delivery (delivery might not be today)',
    status: 'in_transit',
  },
  { code: 'OF', meaning: 'Out for delivery (should be delivered today)', status: 'out_for_delivery' },
  {
    code: 'OR',
    meaning: 'Origin scan or we have your package (normally the first scan of the package)',
    status: 'in_transit',
  },
  { code: 'OT', meaning: 'Out for delivery (should be delivered today)', status: 'out_for_delivery' },
  { code: 'PC', meaning: 'Pickup by UPS Package Car', status: 'in_transit' },
  { code: 'PL', meaning: 'Shipper created a label, UPS has not received the package yet', status: 'info_received' },
  {
    code: 'PU',
    meaning: 'Pickup scan (UPS picked up the package, usually from a UPS Store or other retail location)',
    status: 'in_transit',
  },
  { code: 'PT', meaning: 'Pickup by UPS trailer', status: 'in_transit' },
  { code: 'SP', meaning: 'Scheduled for Pickup Today', status: 'info_received' },
  { code: 'UA', meaning: 'Updated Arrival', status: 'in_transit' },
  { code: 'UD', meaning: 'Updated Departure', status: 'in_transit' },
  { code: 'UL', meaning: 'Unload Scan', status: 'in_transit' },
  { code: 'VP', meaning: 'Void Pickup', status: 'info_received' },
  { code: 'WH', meaning: 'Warehouse Scan, package is residing in a UPS warehouse', status: 'in_transit' },
  { code: 'XA', meaning: 'At Local Post Office', status: 'in_transit' },
  { code: 'XD', meaning: 'Drop off (usually dropped off at a UPS Store)', status: 'in_transit' },
  { code: 'XR', meaning: 'Received by the local post office', status: 'in_transit' },
  { code: 'YF', meaning: 'USPS Out for Delivery', status: 'out_for_delivery' },
  { code: 'YH', meaning: 'Received by the local post office', status: 'in_transit' },
  { code: 'YI', meaning: 'Out For Delivery to UPS Access Point™', status: 'in_transit' },
  { code: 'YM', meaning: 'Package moving to local post office', status: 'in_transit' },
  { code: 'YN', meaning: 'Package received into postal network', status: 'in_transit' },
  {
    code: 'YP',
    meaning: 'Preparing for delivery (may be delivered today, or seen on Saturday for Monday delivery)',
    status: 'in_transit',
  },
];

const manifestRows: readonly StatusRow[] = [
  { code: 'DP', meaning: 'Shipment ready for UPS, manifest processed.', status: 'info_received' },
  { code: 'MP', meaning: 'Shipment ready for UPS, billing information has been received.', status: 'info_received' },
  { code: 'RD', meaning: 'Shipper created a label, Roadie has not received the package yet', status: 'info_received' },
  { code: 'VP', meaning: 'Manifest cancelled and shipment voided', status: 'cancelled' },
];

const updateRows: readonly StatusRow[] = [
  { code: 'PX', meaning: 'Delivery Photo (enhanced users only)', status: 'delivered' },
  { code: 'UP', meaning: 'Updated Delivery Date', status: 'in_transit' },
  { code: 'UT', meaning: 'Updated Delivery Time', status: 'in_transit' },
];

const deliveryRows: readonly StatusRow[] = [
  // Delays and transport.
  { code: '0', meaning: 'In-Transit Delay', status: 'in_transit', problem: problem('delayed') },
  { code: '9', meaning: 'In-Transit Delay', status: 'in_transit', problem: problem('delayed') },
  { code: '12', meaning: 'In-Transit Delay', status: 'in_transit', problem: problem('delayed') },
  {
    code: '32',
    meaning: 'In-transit delay at UPS facility. Delivery is rescheduled.',
    status: 'in_transit',
    problem: problem('delayed'),
  },
  { code: '41', meaning: 'Origin Delay - Special Flight Arranged', status: 'in_transit', problem: problem('delayed') },
  {
    code: '42',
    meaning: 'In-Transit Delay-Special Flight Arranged',
    status: 'in_transit',
    problem: problem('delayed'),
  },
  {
    code: '44',
    meaning: 'In-Transit Delay-Special Flight Arranged',
    status: 'in_transit',
    problem: problem('delayed'),
  },
  { code: '57', meaning: 'No Delivery Attempt On Scheduled Day', status: 'in_transit', problem: problem('delayed') },
  { code: '61', meaning: 'Hazardous Material Prohibited Via Air', status: 'in_transit', problem: problem('delayed') },
  { code: '62', meaning: 'Hazardous Material Prohibited Via Air', status: 'in_transit', problem: problem('delayed') },
  {
    code: '7B',
    meaning: 'Non-Del To UPS Ap; Status Update Pending',
    status: 'in_transit',
    problem: problem('delayed'),
  },
  {
    code: 'CB',
    meaning: 'In-Transit Delay-Special Flight Arranged',
    status: 'in_transit',
    problem: problem('delayed'),
  },
  { code: 'CR', meaning: 'Delay - Local Weather', status: 'in_transit', problem: problem('weather') },
  { code: 'EF', meaning: 'Delay - Special Flight Arranged', status: 'in_transit', problem: problem('delayed') },
  {
    code: 'EI',
    meaning: 'Delay For Mechanical Or Technical Reason',
    status: 'in_transit',
    problem: problem('delayed'),
  },
  { code: 'EJ', meaning: 'Delay - Local Weather', status: 'in_transit', problem: problem('weather') },
  { code: 'EK', meaning: 'Package Missed Scheduled Connection', status: 'in_transit', problem: problem('delayed') },
  {
    code: 'EL',
    meaning: 'In-Transit Delay-Special Flight Arranged',
    status: 'in_transit',
    problem: problem('delayed'),
  },
  {
    code: 'EM',
    meaning: 'In-Transit Delay-Special Flight Arranged',
    status: 'in_transit',
    problem: problem('delayed'),
  },
  { code: 'FZ', meaning: 'No attempt.', problem: problem('delayed') },
  { code: '2D', meaning: 'Package Arrived At USPS Sort Facility', status: 'in_transit' },
  { code: '2J', meaning: 'Package Departed From USPS Sort Facility', status: 'in_transit' },
  { code: '2K', meaning: 'Package Out For Delivery With The USPS', status: 'out_for_delivery' },
  { code: '4X', meaning: 'Delivery To UPS Facility See Alt Track #', status: 'in_transit' },
  { code: '7A', meaning: 'Delivery To UPS Ap Next Bus Day', status: 'in_transit' },
  { code: '7K', meaning: 'Delivery Attempt In Progress', status: 'out_for_delivery' },
  {
    code: '98',
    meaning: 'The package was line flown for other reasons, contact UPS at 1-800-PICK-UPS.',
    status: 'in_transit',
  },
  { code: 'EC', meaning: 'Redispatched.', status: 'in_transit' },
  {
    code: 'EG',
    meaning: 'Address corrected-a special flight is required to make the scheduled delivery.',
    status: 'in_transit',
  },
  { code: 'EQ', meaning: 'Service Upgrade-Special Flight Arranged', status: 'in_transit' },
  { code: 'F0', meaning: 'Arrival Scan', status: 'in_transit' },
  { code: 'F1', meaning: 'Delivery scheduled.', status: 'in_transit' },
  { code: 'F3', meaning: 'Departure Scan', status: 'in_transit' },
  {
    code: 'F7',
    meaning: 'Your UPS SurePost® package was delivered to an Agent for final delivery.',
    status: 'in_transit',
  },
  { code: 'FB', meaning: 'Being Delivered - Address Corrected', status: 'in_transit' },
  { code: 'VS', meaning: 'Shipment Tendered To UPS', status: 'in_transit' },
  { code: 'YH', meaning: 'Post Office To Deliver In 1 To 2 Days', status: 'in_transit' },
  { code: 'UJ', meaning: 'UPS Internal Activity', status: 'in_transit' },
  { code: 'TW', meaning: 'Awaiting Supervisor Approval', status: 'in_transit' },
  { code: 'SB', meaning: 'Pull invoice/waybill.', status: 'in_transit' },
  { code: 'SE', meaning: 'Replace invoice/waybill.', status: 'in_transit' },
  // Requests and instructions from the receiver.
  { code: '1Z', meaning: 'Customer requested earlier pickup', status: 'in_transit' },
  { code: '2C', meaning: 'Customer agreed to earlier pickup', status: 'in_transit' },
  { code: '38', meaning: 'Customer special request.', status: 'in_transit' },
  { code: '8Q', meaning: 'Authorize Shipment Release Requested', status: 'in_transit' },
  { code: 'AU', meaning: 'Receiver Requests Hold For Pickup', status: 'in_transit' },
  { code: 'FD', meaning: 'Phone Number Obtained', status: 'in_transit' },
  { code: 'FI', meaning: 'Already picked up.', status: 'in_transit' },
  { code: 'EE', meaning: 'Already serviced.', status: 'in_transit' },
  { code: 'GW', meaning: 'Customer special request.', status: 'in_transit' },
  { code: 'HI', meaning: 'Package Intercepted', status: 'in_transit', problem: problem('held') },
  // Customs.
  { code: '70', meaning: 'Package Awaiting Customs Clearance', status: 'in_transit', problem: problem('customs') },
  { code: '83', meaning: 'The freight shipment has cleared customs.', status: 'in_transit' },
  { code: '85', meaning: 'The freight shipment has been processed to the warehouse.', status: 'in_transit' },
  { code: '86', meaning: 'The freight shipment has been tendered to the designated broker.', status: 'in_transit' },
  { code: 'B2', meaning: 'Not Yet Released By Customs', status: 'in_transit', problem: problem('customs') },
  { code: 'BL', meaning: 'International - Commodity Restricted', status: 'in_transit', problem: problem('customs') },
  { code: 'BN', meaning: 'Package Has Cleared Customs', status: 'in_transit' },
  {
    code: 'DK',
    meaning: "Delay - Custom'S Pre-Inspection Required",
    status: 'in_transit',
    problem: problem('customs'),
  },
  {
    code: 'ET',
    meaning: 'Delay-More Government Documents Required',
    status: 'in_transit',
    problem: problem('customs', true),
  },
  { code: 'EZ', meaning: 'Cleared Customs After Noon', status: 'in_transit' },
  { code: 'L4', meaning: "Package Requires Custom's Inspection", status: 'in_transit', problem: problem('customs') },
  {
    code: 'RQ',
    meaning: 'Hold pend clearance from Govt agency other than us customs.',
    status: 'in_transit',
    problem: problem('customs'),
  },
  {
    code: 'SG',
    meaning: 'Pre-Clearance Impossible Due To Inc Info',
    status: 'in_transit',
    problem: problem('customs'),
  },
  { code: 'ST', meaning: 'Customs Reject', status: 'in_transit', problem: problem('customs') },
  // Not delivered, and why.
  { code: '50', meaning: 'Not Delivered - Incorrect Address', status: 'in_transit', problem: problem('address', true) },
  { code: '53', meaning: 'Receiver Refused Package', status: 'in_transit', problem: problem('refused') },
  { code: 'BO', meaning: 'Incorrect address.', status: 'in_transit', problem: problem('address', true) },
  {
    code: 'DZ',
    meaning: 'Not Delivered - Room Number Needed',
    status: 'in_transit',
    problem: problem('address', true),
  },
  { code: 'F2', meaning: 'Delivery information incomplete.', status: 'in_transit', problem: problem('address', true) },
  { code: 'MV', meaning: 'Missing Postal Code', status: 'in_transit', problem: problem('address', true) },
  {
    code: 'OE',
    meaning: 'Security Code required to enter property',
    status: 'in_transit',
    problem: problem('address', true),
  },
  { code: 'NS', meaning: 'Gate Code', problem: problem('address', true), refine: true },
  { code: 'NX', meaning: 'Security Code', problem: problem('address', true), refine: true },
  { code: 'BI', meaning: 'Closed.', status: 'in_transit', problem: problem('failed_attempt') },
  { code: 'CI', meaning: 'Not in.', status: 'in_transit', problem: problem('failed_attempt') },
  { code: 'FO', meaning: 'Closed early.', status: 'in_transit', problem: problem('failed_attempt') },
  { code: 'CO', meaning: 'Not ready.', problem: problem('failed_attempt') },
  { code: 'EA', meaning: 'Missed.', problem: problem('failed_attempt') },
  {
    code: 'DO',
    meaning: 'Other non delivery.',
    status: 'in_transit',
    problem: problem('failed_attempt'),
    refine: true,
  },
  { code: 'DI', meaning: 'No money.', status: 'in_transit', problem: problem('payment_due', true) },
  {
    code: 'BS',
    meaning: 'Not Forwarded-Unable To Contact Receiver',
    status: 'in_transit',
    problem: problem('other', true),
  },
  {
    code: 'FC',
    meaning: 'Not Forwarded-Unable To Contact Receiver',
    status: 'in_transit',
    problem: problem('other', true),
  },
  { code: 'EB', meaning: 'Cancelled.', problem: problem('other'), refine: true },
  { code: 'KU', meaning: 'The entire shipment was not delivered.', problem: problem('other'), refine: true },
  {
    code: '28',
    meaning: 'Damaged Package Held At Transit Location',
    status: 'in_transit',
    problem: problem('damaged'),
  },
  {
    code: 'GK',
    meaning: 'Contents shortage reported or fallout discovered by UPS.',
    status: 'in_transit',
    problem: problem('damaged'),
  },
  {
    code: '74',
    meaning: 'The package lacks the appropriate tracking label. The sender may be contacted for instructions.',
    status: 'in_transit',
    problem: problem('other'),
  },
  { code: 'BM', meaning: 'Package Dimensions Exceed Size Limit', status: 'in_transit', problem: problem('other') },
  { code: 'CU', meaning: 'Not Delivered-Missing Or Illegible Label', status: 'in_transit', problem: problem('other') },
  {
    code: 'L6',
    meaning: 'The package information does not reside in ISPS.',
    status: 'in_transit',
    problem: problem('other'),
  },
  { code: 'LM', meaning: 'Service level not available.', status: 'in_transit', problem: problem('other') },
  { code: 'RN', meaning: 'Shipment Contains Restricted Commodities', status: 'in_transit', problem: problem('other') },
  // Waiting for the shopper to collect it.
  {
    code: '1N',
    meaning: 'The package was delivered to a locker and is awaiting customer pickup.',
    status: 'available_for_pickup',
  },
  {
    code: '2Q',
    meaning: 'Delivered To UPS Access Point™',
    status: 'available_for_pickup',
  },
  {
    code: 'EP',
    meaning: 'Your UPS SurePost® package was delivered to the Post Office and it is being held for pickup.',
    status: 'available_for_pickup',
    problem: problem('held', true),
  },
  {
    code: 'ZI',
    meaning: 'Left At UPS Retail Location',
    status: 'available_for_pickup',
  },
  {
    code: 'ZQ',
    meaning: 'Your Pkg Is Being Held For Collection',
    status: 'available_for_pickup',
    problem: problem('held', true),
  },
  {
    code: '5F',
    meaning: 'Recipient did not collect the package; UPS Access Point™ returned package to inventory.',
    status: 'returning',
  },
  // Delivered, and where it was left.
  { code: '2W', meaning: 'Package Picked Up At UPS Access Point', status: 'delivered' },
  { code: 'A0', meaning: 'Package Picked Up At USPS Facility', status: 'delivered' },
  { code: 'B0', meaning: 'Package Delivered To Original Sender', status: 'returned' },
  { code: 'FV', meaning: 'Successful.', status: 'delivered' },
  { code: 'UC', meaning: 'Delivery completed.', status: 'delivered' },
  { code: 'OO', meaning: 'Your UPS Premier Package Was Delivered', status: 'delivered' },
  { code: 'YC', meaning: 'Package Delivered By Local Post Office', status: 'delivered' },
  { code: 'ZE', meaning: 'Authorize Shipment Release Was Utilized', status: 'delivered' },
  { code: '9E', meaning: 'Commercial Inside Release', status: 'delivered' },
  { code: '3F', meaning: 'Other Location At Address', status: 'delivered' },
  { code: '3G', meaning: 'Left With Individual', status: 'delivered' },
  { code: '3H', meaning: 'Neighbor - By Request', status: 'delivered' },
  { code: '8N', meaning: 'None Selected', status: 'delivered' },
  { code: '8O', meaning: 'Management Office', status: 'delivered' },
  { code: 'AI', meaning: 'Dock', status: 'delivered' },
  { code: 'M1', meaning: 'Residential', status: 'delivered' },
  { code: 'M2', meaning: 'Commercial', status: 'delivered' },
  { code: 'M3', meaning: 'Front Desk', status: 'delivered' },
  { code: 'M4', meaning: 'Reception', status: 'delivered' },
  { code: 'M5', meaning: 'Mail Room', status: 'delivered' },
  { code: 'M6', meaning: 'Office', status: 'delivered' },
  { code: 'M7', meaning: 'Receiver', status: 'delivered' },
  { code: 'M8', meaning: 'Guard', status: 'delivered' },
  { code: 'M9', meaning: 'Door Person', status: 'delivered' },
  { code: 'MA', meaning: 'Hostess', status: 'delivered' },
  { code: 'MB', meaning: 'Janitor', status: 'delivered' },
  { code: 'MC', meaning: 'Store', status: 'delivered' },
  { code: 'MD', meaning: 'Warehouse', status: 'delivered' },
  { code: 'ME', meaning: 'Receiving office', status: 'delivered' },
  { code: 'MG', meaning: 'Met Customer', status: 'delivered' },
  { code: 'MH', meaning: 'Met Customer', status: 'delivered' },
  { code: 'MJ', meaning: 'Met Customer', status: 'delivered' },
  { code: 'MK', meaning: 'Met Customer', status: 'delivered' },
  { code: 'ML', meaning: 'Front Door', status: 'delivered' },
  { code: 'MM', meaning: 'Rear Door', status: 'delivered' },
  { code: 'MN', meaning: 'Side Door', status: 'delivered' },
  { code: 'MP', meaning: 'Garage', status: 'delivered' },
  { code: 'MQ', meaning: 'Porch', status: 'delivered' },
  { code: 'MR', meaning: 'Deck', status: 'delivered' },
  { code: 'MS', meaning: 'Patio', status: 'delivered' },
  { code: 'MU', meaning: 'Mailbox', status: 'delivered' },
  { code: 'MW', meaning: 'Carport', status: 'delivered' },
  { code: 'MX', meaning: 'Other - released', status: 'delivered' },
  { code: 'MY', meaning: "Return service shipping label was left with the shipment's receiver.", status: 'delivered' },
  { code: 'NL', meaning: 'As requested by the receiver, the package was left in a delivery bag.', status: 'delivered' },
  {
    code: 'NT',
    meaning: 'As requested by the receiver, the package was delivered to a meter box.',
    status: 'delivered',
  },
  {
    code: 'OZ',
    meaning: 'As requested by the receiver, the package was delivered to a security office.',
    status: 'delivered',
  },
  { code: 'P5', meaning: 'Locker', status: 'delivered' },
  { code: 'PF', meaning: 'Inside Delivery', status: 'delivered' },
  { code: 'ZF', meaning: 'Shed', status: 'delivered' },
  { code: 'ZG', meaning: 'Concierge', status: 'delivered' },
  { code: 'ZH', meaning: 'Superintendent', status: 'delivered' },
];

const mailInnovationRows: readonly StatusRow[] = [
  { code: 'F4', meaning: 'Package Delivered to Customer', status: 'delivered' },
  { code: 'P1', meaning: 'Delivered', status: 'delivered' },
  { code: 'DL', meaning: 'Delivery with Signature', status: 'delivered' },
];

const typeRows: readonly StatusRow[] = [
  { code: 'D', meaning: 'Delivered', status: 'delivered' },
  { code: 'I', meaning: 'In Transit, Out for Delivery', status: 'in_transit' },
  { code: 'M', meaning: 'Billing Information Received', status: 'info_received' },
  { code: 'MV', meaning: 'Billing Information Voided', status: 'cancelled' },
  { code: 'X', meaning: 'Exception', problem: problem('other'), refine: true },
  { code: 'DO', meaning: 'Delivered Origin CFS (Freight Only)', status: 'in_transit' },
  { code: 'DD', meaning: 'Delivered Destination CFS (Freight Only)', status: 'in_transit' },
  { code: 'W', meaning: 'Warehousing (Freight Only)', status: 'in_transit' },
  { code: 'NA', meaning: 'Not Available', status: 'pending' },
  { code: 'U', meaning: 'Updates (Track Alert API Only)', status: 'in_transit' },
  { code: 'P', meaning: 'Pickup (legacy type, not in the current appendix)', status: 'in_transit' },
  { code: 'RS', meaning: 'Returned to Shipper (legacy type, not in the current appendix)', status: 'returning' },
  { code: 'O', meaning: 'Out for Delivery (legacy type, not in the current appendix)', status: 'out_for_delivery' },
];

const sections = {
  status: {
    about:
      'Status/Description Codes (0–169): activity[].status.statusCode and currentStatus.statusCode, 3-digit zero-padded on the wire. UPS Track API appendix, Tracking-status-description-codes.html.',
    rows: statusRows,
  },
  movement: {
    about:
      'Movement Scans (ULD codes): activity[].status.code of type I. UPS Track API appendix, Tracking-movement-scans.html.',
    rows: movementRows,
  },
  manifest: {
    about:
      'Manifest Codes: activity[].status.code of type M / MV. UPS Track API appendix, Tracking-manifest-codes.html.',
    rows: manifestRows,
  },
  updates: {
    about: 'Updates: activity[].status.code of type U. UPS Track API appendix, Tracking-updates.html.',
    rows: updateRows,
  },
  delivery: {
    about:
      'Delivery Codes (DIALS): activity[].status.code of type D (where the parcel was left) and X (why it was not delivered). UPS Track API appendix, Tracking-delivery-codes.html.',
    rows: deliveryRows,
  },
  mailInnovations: {
    about:
      'Mail Innovations shipping event codes, the delivered ones only (F4, P1, DL). UPS Track API appendix, Tracking-mail-innovation.html.',
    rows: mailInnovationRows,
  },
  type: {
    about:
      'Package Activity Types: activity[].status.type. UPS Track API appendix, Tracking-package-activity-types.html; P, RS, O are legacy types from older guides [3rd-party, UNCERTAIN].',
    rows: typeRows,
  },
} satisfies Record<string, { about: string; rows: readonly StatusRow[] }>;

type SectionName = keyof typeof sections;

let codesBySection: Map<SectionName, ReadonlySet<string>> | undefined;

function has(section: SectionName, code: string): boolean {
  // Built on first use, like normalize.ts's index, so importing the table costs nothing.
  codesBySection ??= new Map(
    (Object.keys(sections) as SectionName[]).map((name) => [name, new Set(sections[name].rows.map((row) => row.code))]),
  );
  return codesBySection.get(section)?.has(code) ?? false;
}

/** Where a 2-char activity code is looked up when its type does not say: the order that decides bare-code clashes. */
const codeSectionOrder: readonly SectionName[] = ['movement', 'manifest', 'updates', 'delivery', 'mailInnovations'];

/** The tables an activity type's codes come from, tried before the others. */
const sectionsOfType: Readonly<Record<string, readonly SectionName[]>> = {
  D: ['delivery', 'mailInnovations'],
  X: ['delivery'],
  I: ['movement'],
  P: ['movement'],
  O: ['movement'],
  RS: ['movement'],
  M: ['manifest'],
  MV: ['manifest'],
  U: ['updates'],
};

/** "11", "011" and "0011" are all status 011. */
function statusKey(value: string): string | undefined {
  if (!/^\d{1,4}$/.test(value)) return undefined;
  return String(Number(value)).padStart(3, '0');
}

/** The one table that documents `code`, preferring the ones its type names. */
function activitySection(type: string, code: string): SectionName | undefined {
  const preferred = sectionsOfType[type] ?? [];
  return [...preferred, ...codeSectionOrder].find((section) => has(section, code));
}

function upsKey(raw: string): Array<readonly [string, string]> {
  if (typeof raw !== 'string') return [];
  const text = raw.trim().toUpperCase();
  if (!text) return [];

  if (!text.includes('/')) {
    // A bare code: a status code if it is digits, else the first table that documents it, the type table last.
    const status = statusKey(text);
    if (status) return [['status', status]];
    const section = activitySection('', text) ?? (has('type', text) ? 'type' : undefined);
    return section ? [[section, text]] : [];
  }

  const [type = '', code = '', statusCode = ''] = text.split('/').map((part) => part.trim());
  const keys: Array<readonly [string, string]> = [];
  // currentStatus puts the 3-digit status code in `code` as well ({type:"D", code:"011", statusCode:"011"}); no
  // activity table has a 3-digit code, so one there is a status code.
  const statusInCode = /^\d{3}$/.test(code);
  const status = statusKey(statusCode) ?? (statusInCode ? statusKey(code) : undefined);
  if (status && has('status', status)) keys.push(['status', status]);
  const section = code && !statusInCode ? activitySection(type, code) : undefined;
  if (section) keys.push([section, code]);
  // The type is the coarsest word UPS gives: only used when neither code is documented.
  if (keys.length === 0 && has('type', type)) keys.push(['type', type]);
  return keys;
}

export const upsStatusTable: StatusTable = {
  source: 'ups',
  references: [
    'karrioapi/karrio@deea10f85 modules/connectors/ups/vendors/Tracking-status-description-codes.html (UPS Track API appendix: Status/Description Codes 0–169)',
    'karrioapi/karrio@deea10f85 modules/connectors/ups/vendors/Tracking-movement-scans.html (UPS Track API appendix: Movement Scans, ULD codes)',
    'karrioapi/karrio@deea10f85 modules/connectors/ups/vendors/Tracking-manifest-codes.html (UPS Track API appendix: Manifest Codes)',
    'karrioapi/karrio@deea10f85 modules/connectors/ups/vendors/Tracking-updates.html (UPS Track API appendix: Updates)',
    'karrioapi/karrio@deea10f85 modules/connectors/ups/vendors/Tracking-delivery-codes.html (UPS Track API appendix: Delivery Codes, DIALS)',
    'karrioapi/karrio@deea10f85 modules/connectors/ups/vendors/Tracking-mail-innovation.html (UPS Track API appendix: Mail Innovations)',
    'karrioapi/karrio@deea10f85 modules/connectors/ups/vendors/Tracking-package-activity-types.html (UPS Track API appendix: Package Activity Types)',
    'karrioapi/karrio@deea10f85 modules/connectors/ups/vendors/Tracking.yaml (UPS TrackService OpenAPI: activity[].status {type, code, statusCode}, example statusCode "003")',
    'Legacy activity types P, RS, O: a third-party JS client constant table (D,I,M,MV,P,X,RS,DO,DD,W,NA,O) and broadinstitute DSM org.broadinstitute.dsm.model.ups.UPSStatus (I,D,P,O) [3rd-party, UNCERTAIN]',
  ],
  codeFormat:
    '"<type>/<code>/<statusCode>" from an activity\'s (or currentStatus\') status object, a missing part left empty: ' +
    '"D/F4/011", "I/AR/005", "X/CR/032", "M/MP/" (label created, no statusCode). The statusCode (digits, padded or not) ' +
    'decides the stage first; the 2-char code is read in the table its type names (I movement, M/MV manifest, ' +
    'U updates, D delivery then Mail Innovations, X delivery), else in the first table that has it; the type is read ' +
    'only when neither code is documented. A 3-digit code is a status code (currentStatus sends "D/011/011"). Bare forms are accepted too: "011" or "11" (a status code), "AR" (first ' +
    'table holding it: movement, manifest, updates, delivery, Mail Innovations, then type), "D" (a type). Case and ' +
    'spacing do not matter.',
  sections,
  key: (code) => {
    try {
      return upsKey(code);
    } catch {
      return [];
    }
  },
};
