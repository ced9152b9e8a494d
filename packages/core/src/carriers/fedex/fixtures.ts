// FedEx Track API answers for the adapter's tests, each written from a documented source (cited above it).
// Fields the adapter does not read are trimmed; some are left in to show that unknown fields pass.

const clovis = {
  streetLines: [''],
  city: 'CLOVIS',
  stateOrProvinceCode: 'CA',
  postalCode: '93612',
  countryCode: 'US',
  residential: false,
  countryName: 'United States',
};

/**
 * A real answer for 776094337676 (FedEx Priority Overnight, April 2024), as kept in karrioapi/karrio
 * modules/connectors/fedex/tests/fedex/test_tracking.py `DuplicateTrackingResponse`; also quoted in
 * /work/shared/reference/carrier-apis.md §2. FedEx reused the number: two results, the first an older shipment
 * whose newest scan (26 April 07:50) is older than the second's delivery (26 April 09:26).
 */
export const fedexRecycledNumberExample = {
  transactionId: '9ca3d632-0af5-436e-b184-4a99f88598d4',
  customerTransactionId: '624deea6-b709-470c-8c39-4b5511281492',
  output: {
    completeTrackResults: [
      {
        trackingNumber: '776094337676',
        trackResults: [
          {
            trackingNumberInfo: {
              trackingNumber: '776094337676',
              trackingNumberUniqueId: '2460425000~776094337676~FX',
              carrierCode: 'FDXE',
            },
            shipperInformation: {
              contact: {},
              address: { city: 'Orange', stateOrProvinceCode: 'CA', countryCode: 'US', residential: false },
            },
            recipientInformation: {
              contact: {},
              address: { city: 'FRESNO', stateOrProvinceCode: 'CA', countryCode: 'US', residential: false },
            },
            latestStatusDetail: {
              code: 'FD',
              derivedCode: 'RL',
              statusByLocale: 'Running Late',
              description: 'At FedEx destination facility',
              scanLocation: { city: 'CLOVIS', stateOrProvinceCode: 'CA', countryCode: 'US', residential: false },
              delayDetail: { status: 'DELAYED' },
            },
            dateAndTimes: [
              { type: 'ACTUAL_PICKUP', dateTime: '2024-04-24T16:05:00-07:00' },
              { type: 'SHIP', dateTime: '2024-04-24T00:00:00-06:00' },
              { type: 'ACTUAL_TENDER', dateTime: '2024-04-24T16:05:00-07:00' },
            ],
            scanEvents: [
              {
                date: '2024-04-26T07:50:00-07:00',
                eventType: 'AR',
                eventDescription: 'At local FedEx facility',
                exceptionCode: '',
                exceptionDescription: '',
                scanLocation: clovis,
                locationId: 'FATA',
                locationType: 'DESTINATION_FEDEX_FACILITY',
                derivedStatusCode: 'IT',
                derivedStatus: 'In transit',
              },
              {
                date: '2024-04-25T13:26:00-07:00',
                eventType: 'HP',
                eventDescription: 'Ready for recipient pickup',
                exceptionCode: '',
                exceptionDescription: 'Package available for pickup at: 2420 N BLACKSTONE AVE ',
                scanLocation: {
                  streetLines: ['2420 N BLACKSTONE AVE '],
                  city: 'FRESNO',
                  stateOrProvinceCode: 'CA',
                  postalCode: '93703',
                  countryCode: 'US',
                  residential: false,
                  countryName: 'United States',
                },
                locationId: 'BWY81',
                locationType: 'DESTINATION_FEDEX_FACILITY',
                derivedStatusCode: 'IT',
                derivedStatus: 'In transit',
              },
              {
                date: '2024-04-25T11:29:00-07:00',
                eventType: 'DY',
                eventDescription: 'Delay',
                exceptionCode: 'A52',
                exceptionDescription: 'Package delayed',
                scanLocation: clovis,
                locationId: 'FATA',
                locationType: 'DESTINATION_FEDEX_FACILITY',
                derivedStatusCode: 'DY',
                derivedStatus: 'Delay',
                delayDetail: { type: 'GENERAL' },
              },
              {
                date: '2024-04-24T16:05:00-07:00',
                eventType: 'PU',
                eventDescription: 'Picked up',
                exceptionCode: '',
                exceptionDescription: '',
                scanLocation: {
                  streetLines: [''],
                  city: 'COSTA MESA',
                  stateOrProvinceCode: 'CA',
                  postalCode: '92626',
                  countryCode: 'US',
                  residential: false,
                  countryName: 'United States',
                },
                locationId: 'APVA',
                locationType: 'PICKUP_LOCATION',
                derivedStatusCode: 'PU',
                derivedStatus: 'Picked up',
              },
              {
                date: '2024-04-24T15:30:57-05:00',
                eventType: 'OC',
                eventDescription: 'Shipment information sent to FedEx',
                exceptionCode: '',
                exceptionDescription: '',
                scanLocation: { streetLines: [''], residential: false },
                locationType: 'CUSTOMER',
                derivedStatusCode: 'IN',
                derivedStatus: 'Label created',
              },
            ],
            serviceDetail: {
              type: 'PRIORITY_OVERNIGHT',
              description: 'FedEx Priority Overnight',
              shortDescription: 'P-1',
            },
            standardTransitTimeWindow: { window: { ends: '2024-04-25T10:30:00-07:00' } },
            estimatedDeliveryTimeWindow: { window: {} },
          },
          {
            trackingNumberInfo: {
              trackingNumber: '776094337676',
              trackingNumberUniqueId: '2460426000~776094337676~FX',
              carrierCode: 'FDXE',
            },
            shipperInformation: { address: { residential: false } },
            recipientInformation: { address: { residential: false } },
            latestStatusDetail: {
              code: 'DL',
              derivedCode: 'DL',
              statusByLocale: 'Delivered',
              description: 'Delivered',
              scanLocation: { residential: false },
            },
            dateAndTimes: [
              { type: 'ACTUAL_DELIVERY', dateTime: '2024-04-26T09:26:00-07:00' },
              { type: 'ACTUAL_PICKUP', dateTime: '2024-04-25T08:55:00-07:00' },
            ],
            scanEvents: [
              {
                date: '2024-04-26T09:26:00-07:00',
                eventType: 'DL',
                eventDescription: 'Delivered',
                exceptionCode: '',
                exceptionDescription: '',
                scanLocation: { streetLines: [''], residential: false },
                locationId: 'FATA',
                locationType: 'DELIVERY_LOCATION',
                derivedStatusCode: 'DL',
                derivedStatus: 'Delivered',
              },
              {
                date: '2024-04-26T08:52:00-07:00',
                eventType: 'OD',
                eventDescription: 'On FedEx vehicle for delivery',
                exceptionCode: '',
                exceptionDescription: '',
                scanLocation: clovis,
                locationId: 'FATA',
                locationType: 'VEHICLE',
                derivedStatusCode: 'IT',
                derivedStatus: 'In transit',
              },
              {
                date: '2024-04-25T11:26:00-07:00',
                eventType: 'DE',
                eventDescription: 'Delivery exception',
                exceptionCode: '08',
                exceptionDescription: 'Customer not available or business closed',
                scanLocation: clovis,
                locationId: 'FATA',
                locationType: 'DELIVERY_LOCATION',
                derivedStatusCode: 'DE',
                derivedStatus: 'Delivery exception',
              },
              {
                date: '2024-04-25T08:55:00-07:00',
                eventType: 'OD',
                eventDescription: 'On FedEx vehicle for delivery',
                exceptionCode: '',
                exceptionDescription: '',
                scanLocation: clovis,
                locationId: 'FATA',
                locationType: 'VEHICLE',
                derivedStatusCode: 'IT',
                derivedStatus: 'In transit',
              },
            ],
            deliveryDetails: { locationType: 'RESIDENCE', locationDescription: 'Residence', deliveryAttempts: '0' },
            originLocation: {
              locationContactAndAddress: {
                address: { city: 'CLOVIS', stateOrProvinceCode: 'CA', countryCode: 'US', residential: false },
              },
              locationId: 'FATA',
            },
            lastUpdatedDestinationAddress: {
              city: 'FRESNO',
              stateOrProvinceCode: 'CA',
              countryCode: 'US',
              residential: false,
              countryName: 'United States',
            },
            serviceDetail: {
              type: 'PRIORITY_OVERNIGHT',
              description: 'FedEx Priority Overnight',
              shortDescription: 'P-1',
            },
            estimatedDeliveryTimeWindow: { window: {} },
          },
        ],
      },
    ],
  },
};

/**
 * The OpenAPI's example answer (track.json, as assembled in karrio's test_tracking.py `TrackingResponse`),
 * trimmed (its dateAndTimes, a lone ACTUAL_DELIVERY of 2007, left out): a pickup scan with a weather delay attached,
 * a delivery window whose start has no offset, and a second number that FedEx does not know, answered inside the
 * same HTTP 200, plus `alerts` as a string.
 */
export const fedexSpecExample = {
  transactionId: '624deea6-b709-470c-8c39-4b5511281492',
  customerTransactionId: 'AnyCo_order123456789',
  output: {
    completeTrackResults: [
      {
        trackingNumber: '123456789012',
        trackResults: [
          {
            trackingNumberInfo: {
              trackingNumber: '128667043726',
              carrierCode: 'FDXE',
              trackingNumberUniqueId: '245822~123456789012~FDEG',
            },
            serviceDetail: {
              description: 'FedEx Freight Economy.',
              shortDescription: 'FL',
              type: 'FEDEX_FREIGHT_ECONOMY',
            },
            latestStatusDetail: {
              code: 'PU',
              derivedCode: 'PU',
              statusByLocale: 'Picked up',
              description: 'Picked up',
              delayDetail: { type: 'WEATHER', subType: 'SNOW', status: 'DELAYED' },
            },
            scanEvents: [
              {
                date: '2018-02-02T12:01:00-07:00',
                derivedStatus: 'Picked Up',
                scanLocation: {
                  addressClassification: 'BUSINESS',
                  residential: false,
                  streetLines: ['1043 North Easy Street', 'Suite 999'],
                  city: 'SEATTLE',
                  urbanizationCode: 'RAFAEL',
                  stateOrProvinceCode: 'WA',
                  postalCode: '98101',
                  countryCode: 'US',
                  countryName: 'United States',
                },
                locationId: 'SEA',
                locationType: 'PICKUP_LOCATION',
                exceptionDescription: 'Package available for clearance',
                eventDescription: 'Picked Up',
                eventType: 'PU',
                derivedStatusCode: 'PU',
                exceptionCode: 'A25',
                delayDetail: { type: 'WEATHER', subType: 'SNOW', status: 'DELAYED' },
              },
            ],
            estimatedDeliveryTimeWindow: {
              description: 'Description field',
              window: { begins: '2021-10-01T08:00:00', ends: '2021-10-15T00:00:00-06:00' },
              type: 'ESTIMATED_DELIVERY',
            },
          },
        ],
      },
      {
        trackingNumber: '39936862321',
        trackResults: [
          {
            trackingNumberInfo: { trackingNumber: '39936862321', trackingNumberUniqueId: '', carrierCode: '' },
            error: {
              code: 'TRACKING.TRACKINGNUMBER.NOTFOUND',
              message: 'Tracking number cannot be found. Please correct the tracking number and try again.',
            },
          },
        ],
      },
    ],
    alerts: 'TRACKING.DATA.NOTFOUND -  Tracking data unavailable',
  },
};

/** A 4xx error envelope (track.json example; karrio test_tracking.py `ErrorResponse`). */
export const fedexErrorExample = {
  transactionId: '624deea6-b709-470c-8c39-4b5511281492',
  customerTransactionId: 'AnyCo_order123456789',
  errors: [{ code: 'TRACKING.TRACKINGNUMBER.EMPTY', message: 'Please provide tracking number.' }],
};

/** 401 for an expired token (track.json example). */
export const fedexExpiredTokenExample = {
  transactionId: '624deea6-b709-470c-8c39-4b5511281492',
  errors: [
    { code: 'NOT.AUTHORIZED.ERROR', message: 'Access token expired. Please modify your request and try again.' },
  ],
};

/** The token answer, `expires_in` a number (karrio's FedEx authentication fixture; token made up). */
export const fedexTokenExample = {
  access_token: 'fedex-access-token',
  token_type: 'bearer',
  expires_in: 3599,
  scope: 'CXS-TP',
};
