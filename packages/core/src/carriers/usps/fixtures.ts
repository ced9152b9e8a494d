// Response bodies as USPS documents them, for parse tests. Each names its source; values are copied as
// published (including USPS's strings-for-booleans and HTML in names), trimmed only where marked.

/**
 * Token answer of the client-credentials example: USPS/api-examples README.md ("Example OAuth Client
 * Credentials Token request"). `expires_in` is a string.
 */
export const tokenResponse = {
  access_token: 'XXXXXXXXXXXXXXXXX',
  token_type: 'Bearer',
  issued_at: '1111111111111',
  expires_in: '11111',
  status: 'approved',
  scope: 'addresses service-delivery-standards  locations prices tracking labels',
  issuer: 'api.usps.com',
  client_id: 'XXXXXXXXXXXXXXXXXXXXXXXXXX',
  application_name: 'XXXXXX-XXXX-XXXX-XXX-XXXXXXXXXXXX',
  api_products: '[XXXXXXX]',
  public_key: 'XXXXXXXXXXXXXXXXX',
};

/**
 * DETAIL answer of USPS/api-examples README.md ("Tracking - Package Tracking", `?expand=detail`): one scan,
 * given as an object instead of a list, its `eventTimestamp` ending in a `Z` although 07:31 is the local time
 * in Richmond, VA (the summary says "7:31 am"), no `GMTTimestamp`, and `services` as a single string.
 */
export const readmeAccepted = {
  destinationCity: 'CEDAR RAPIDS',
  destinationState: 'IA',
  destinationZIP: '52404',
  emailEnabled: 'true',
  kahalaIndicator: 'false',
  mailClass: 'Priority Mail<SUP>&reg;</SUP>',
  mailType: 'DM',
  originCity: 'RICHMOND',
  originState: 'VA',
  originZIP: '23227',
  proofOfDeliveryEnabled: 'false',
  restoreEnabled: 'false',
  RRAMEnabled: 'false',
  RREEnabled: 'false',
  services: 'USPS Tracking<SUP>&#174;</SUP>',
  serviceTypeCode: '14',
  status: 'USPS in possession of item',
  statusCategory: 'Accepted',
  statusSummary: 'USPS is now in possession of your item as of 7:31 am on August 2, 2023 in RICHMOND, VA 23227.',
  trackingEvents: {
    eventType: 'USPS in possession of item',
    eventTimestamp: '2023-08-02T07:31:00Z',
    eventCountry: null,
    eventCity: 'RICHMOND',
    eventState: 'VA',
    eventZIP: '23227',
    firm: null,
    name: null,
    authorizedAgent: 'false',
    eventCode: '03',
    additionalProp: null,
  },
  trackingNumber: 'XXXXXXXXXXXXXXXXXXXX',
};

function scan(
  eventType: string,
  eventTimestamp: string,
  GMTTimestamp: string,
  eventCode: string,
  eventCity: string | null,
  eventState: string | null = null,
  eventZIP: string | null = null,
) {
  return {
    eventType,
    eventTimestamp,
    GMTTimestamp,
    GMTOffset: '-05:00',
    eventCountry: null,
    eventCity,
    eventState,
    eventZIP,
    firm: null,
    name: null,
    authorizedAgent: 'false',
    eventCode,
    additionalProp: null,
  };
}

/**
 * A delivered Ground Advantage parcel, Tracking v3 DETAIL, as karrio's USPS connector tests it
 * (karrioapi/karrio modules/connectors/usps/tests/usps/test_tracking.py, `TrackingResponse`). Newest first;
 * `eventTimestamp` is local and to the minute, `GMTTimestamp` is UTC and to the second; facility scans name
 * a "… DISTRIBUTION CENTER" as the city and no state; three scans have no place at all.
 */
export const groundAdvantageDelivered = {
  destinationCity: 'HERNANDO',
  destinationState: 'FL',
  destinationZIP: '34442',
  emailEnabled: 'true',
  kahalaIndicator: 'false',
  mailClass: 'USPS Ground Advantage<SUP>&#153;</SUP>',
  mailType: 'DM',
  originCity: 'JAMAICA',
  originState: 'NY',
  originZIP: '11430',
  proofOfDeliveryEnabled: 'false',
  restoreEnabled: 'false',
  RRAMEnabled: 'false',
  RREEnabled: 'false',
  services: ['USPS Tracking<SUP>&#174;</SUP>', 'Up to $100 insurance included'],
  serviceTypeCode: '001',
  status: 'Delivered, Parcel Locker',
  statusCategory: 'Delivered',
  statusSummary: 'Your item was delivered to a parcel locker at 1:58 pm on November 22, 2024 in HERNANDO, FL 34442.',
  tableCode: 'T',
  uniqueMailPieceID: '110158946',
  mailPieceIntakeDate: '2024-11-15 11:09:19.000000',
  trackingEvents: [
    scan('Delivered, Parcel Locker', '2024-11-22T13:58:00', '2024-11-22T18:58:40Z', '01', 'HERNANDO', 'FL', '34442'),
    scan('Out for Delivery', '2024-11-22T09:10:00', '2024-11-22T14:10:45Z', 'OF', 'HERNANDO', 'FL', '34442'),
    scan('Arrived at Post Office', '2024-11-22T08:59:00', '2024-11-22T13:59:45Z', '07', 'LECANTO', 'FL', '34461'),
    scan(
      'Arrived at USPS Regional Facility',
      '2024-11-20T01:13:00',
      '2024-11-20T06:13:31Z',
      'A1',
      'JACKSONVILLE FL DISTRIBUTION CENTER',
    ),
    scan('In Transit to Next Facility', '2024-11-20T01:11:00', '2024-11-20T06:11:52Z', 'TL', null),
    scan('In Transit to Next Facility', '2024-11-19T18:07:00', '2024-11-19T23:07:58Z', 'TL', null),
    scan('In Transit to Next Facility', '2024-11-19T12:11:00', '2024-11-19T17:11:23Z', 'TL', null),
    scan(
      'Departed USPS Regional Facility',
      '2024-11-19T06:16:00',
      '2024-11-19T11:16:41Z',
      'T1',
      'QUEENS NY DISTRIBUTION CENTER',
    ),
    scan(
      'Arrived at USPS Regional Origin Facility',
      '2024-11-18T18:02:00',
      '2024-11-18T23:02:52Z',
      '10',
      'QUEENS NY DISTRIBUTION CENTER',
    ),
    scan('Departed Post Office', '2024-11-18T17:01:00', '2024-11-18T22:01:35Z', 'SF', 'JAMAICA', 'NY', '11430'),
    scan('USPS in possession of item', '2024-11-18T11:10:00', '2024-11-18T16:10:31Z', '03', 'JAMAICA', 'NY', '11430'),
    scan(
      'Shipping Label Created, USPS Awaiting Item',
      '2024-11-15T11:32:00',
      '2024-11-15T16:32:33Z',
      'GX',
      'SPRINGFIELD GARDENS',
      'NY',
      '11413',
    ),
  ],
  trackingNumber: '9400109104250532908587',
};

/**
 * USPS's answer for a number it cannot track: the `ErrorMessage` shape of the README's "Errors" examples
 * (`{ apiVersion, error: { code: "404", message, errors: [] } }`) with the message USPS gives for tracking,
 * quoted in USPS/api-examples issue #102 ("Tracking is not available for this item. …").
 */
export const notTrackable = {
  apiVersion: 'v3',
  error: {
    code: '404',
    message:
      'Tracking is not available for this item. This may be because the tracking number is invalid; USPS has not yet received payment; USPS has not yet received the item; the item does not include tracking; or other reasons.',
    errors: [],
  },
};

/**
 * The spec's own `ErrorMessage` example, placeholders and all (karrioapi/karrio
 * modules/connectors/usps/tests/usps/test_tracking.py, `ErrorResponse`): an error that is not "not found".
 */
export const specError = {
  apiVersion: 'string',
  error: {
    code: 'string',
    message: 'string',
    errors: [
      {
        status: 'string',
        code: 'string',
        title: 'string',
        detail: 'string',
        source: { parameter: 'string', example: 'string' },
      },
    ],
  },
};

/** The OAuth error for bad client credentials (karrio's USPS tests, `AuthErrorResponse`). */
export const invalidClient = {
  error: 'invalid_client',
  error_description: 'Client authentication failed.',
  error_uri: 'https://datatracker.ietf.org/doc/html/rfc6749#page-45',
};
