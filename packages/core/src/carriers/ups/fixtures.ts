// UPS Track API answers for the adapter's tests, each written from a documented source (cited above it).
// Only the fields the shape needs are kept; unknown fields are left in where the source has them, to show
// they pass.

/**
 * The OpenAPI's own example values (karrioapi/karrio@deea10f85 modules/connectors/ups/vendors/Tracking.yaml,
 * the `example:` of each field, as assembled in karrio's tests/ups/test_tracking.py TrackingResponseJSON).
 * Note the spec's inconsistent example times: local 07:13:56 at -05:00, but gmtTime "74700".
 */
export const upsSpecExample = {
  trackResponse: {
    shipment: [
      {
        inquiryNumber: '1Z023E2X0214323462',
        package: [
          {
            trackingNumber: '1Z023E2X0214323462',
            activity: [
              {
                date: '20210210',
                time: '071356',
                gmtDate: '20210210',
                gmtOffset: '-05:00',
                gmtTime: '74700',
                location: {
                  address: {
                    addressLine1: '100 Main St',
                    addressLine2: 'Warehouse',
                    addressLine3: 'Building 1',
                    city: 'Wayne',
                    country: 'US',
                    countryCode: 'US',
                    postalCode: '07470',
                    stateProvince: 'NJ',
                  },
                  slic: '8566',
                },
                status: {
                  code: 'SR',
                  description: 'Your package was released by the customs agency.',
                  simplifiedTextDescription: 'Delivered',
                  statusCode: '003',
                  type: 'X',
                },
              },
            ],
            additionalAttributes: ['SENSOR_EVENT'],
            alternateTrackingNumber: [{ number: '92419900000033499522966220', type: 'USPS_PIC' }],
            currentStatus: {
              code: 'SR',
              description: 'Your package was released by the customs agency.',
              simplifiedTextDescription: 'Delivered',
              statusCode: '003',
              type: 'X',
            },
            packageCount: 2,
            service: { code: '518', description: 'UPS Ground', levelCode: '011' },
            suppressionIndicators: 'DETAIL',
            weight: { unitOfMeasurement: 'LBS', weight: '10' },
          },
        ],
        userRelation: 'MYCHOICE_HOME',
      },
    ],
  },
};

/**
 * A delivered parcel, from /work/shared/reference/carrier-apis.md §1 "Delivered example" (a third-party fixture
 * whose shape matches the spec): no gmtOffset and no location, a description with a trailing space.
 */
export const upsDeliveredExample = {
  trackResponse: {
    shipment: [
      {
        inquiryNumber: '1Z1442YY7229014688',
        package: [
          {
            trackingNumber: '1Z1442YY7229014688',
            currentStatus: {
              code: '011',
              description: 'DELIVERED ',
              simplifiedTextDescription: 'Delivered',
              statusCode: '011',
              type: 'D',
            },
            activity: [
              {
                status: { type: 'D', description: 'DELIVERED ', code: 'F4', statusCode: '011' },
                date: '20220126',
                time: '163000',
              },
              { status: { type: 'M', description: 'Label created', code: 'MP' }, date: '20220124', time: '151641' },
            ],
            deliveryDate: [{ type: 'DEL', date: '20220126' }],
            deliveryTime: { type: 'DEL', endTime: '163000', startTime: '163000' },
          },
        ],
      },
    ],
  },
};

/**
 * A parcel on its way, built from the documented fields (Tracking.yaml: activity newest first, deliveryDate
 * SDD/RDD, packageAddress ORIGIN/DESTINATION) with codes and texts from UPS's appendix tables (Movement Scans,
 * Manifest Codes, Status/Description Codes), in the form live answers take: gmtTime as "HH:MM:SS",
 * currentStatus as {description, code}. The departure at 19:59 local is already the next day in GMT.
 */
export const upsInTransitExample = {
  trackResponse: {
    shipment: [
      {
        inquiryNumber: '1Z12345E0205271688',
        shipmentType: 'S',
        package: [
          {
            trackingNumber: '1Z12345E0205271688',
            deliveryDate: [
              { type: 'SDD', date: '20251215' },
              { type: 'RDD', date: '20251216' },
            ],
            deliveryTime: { type: 'EOD' },
            activity: [
              {
                location: { address: { city: 'Hodgkins', stateProvince: 'IL', countryCode: 'US', country: 'US' } },
                status: { type: 'I', description: 'Arrived at Facility', code: 'AR', statusCode: '005' },
                date: '20251211',
                time: '034100',
                gmtDate: '20251211',
                gmtOffset: '-06:00',
                gmtTime: '09:41:00',
              },
              {
                location: { address: { city: 'Secaucus', stateProvince: 'NJ', countryCode: 'US', country: 'US' } },
                status: { type: 'I', description: 'Departed from Facility', code: 'DP', statusCode: '005' },
                date: '20251209',
                time: '195900',
                gmtDate: '20251210',
                gmtOffset: '-05:00',
                gmtTime: '00:59:00',
              },
              {
                location: { address: { city: 'Secaucus', stateProvince: 'NJ', countryCode: 'US', country: 'US' } },
                status: { type: 'I', description: 'Pickup Scan ', code: 'PU', statusCode: '038' },
                date: '20251209',
                time: '160847',
                gmtDate: '20251209',
                gmtOffset: '-05:00',
                gmtTime: '21:08:47',
              },
              {
                location: { address: { countryCode: 'US', country: 'US' } },
                status: {
                  type: 'M',
                  description: 'Shipper created a label, UPS has not received the package yet. ',
                  code: 'MP',
                  statusCode: '003',
                },
                date: '20251208',
                time: '114024',
                gmtDate: '20251208',
                gmtOffset: '-05:00',
                gmtTime: '16:40:24',
              },
            ],
            currentStatus: { description: 'On the Way', code: '005' },
            packageAddress: [
              { type: 'ORIGIN', address: { city: 'SECAUCUS', stateProvince: 'NJ', countryCode: 'US', country: 'US' } },
              {
                type: 'DESTINATION',
                address: {
                  city: 'SALT LAKE CITY',
                  stateProvince: 'UT',
                  postalCode: '84101',
                  countryCode: 'US',
                  country: 'US',
                },
              },
            ],
            service: { code: '518', levelCode: '003', description: 'UPS Ground' },
            packageCount: 1,
          },
        ],
      },
    ],
  },
};

/** Not found is a warning in an HTTP 200 (karrio tests/ups/test_tracking.py TrackingNumberNotFoundResponseJSON). */
export const upsNotFoundExample = {
  trackResponse: {
    shipment: [{ warnings: [{ code: 'TW0001', message: 'Tracking Information Not Found' }] }],
  },
};

/** An invalid number, HTTP 400 (karrio tests/ups/test_tracking.py InvalidTrackingNumberResponseJSON). */
export const upsInvalidNumberExample = {
  response: { errors: [{ code: 'TV1002', message: 'Invalid inquiry number' }] },
};

/** The token answer, `expires_in` a string (karrio tests/ups/test_authentication.py; values made up). */
export const upsTokenExample = {
  token_type: 'Bearer',
  issued_at: '1685542319575',
  client_id: 'client-id',
  access_token: 'ups-access-token',
  scope: '',
  expires_in: '14399',
  refresh_count: '0',
  status: 'approved',
};
