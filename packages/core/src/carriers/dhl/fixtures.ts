// Response bodies as DHL documents them, for parse tests. Each names its source.

/**
 * DHL's sample answer of GET /track/shipments (developer.dhl.com/api-reference/shipment-tracking, "Try it"
 * sample), as copied into karrioapi/karrio modules/connectors/dhl_universal/tests/dhl_universal/test_tracking.py
 * (`TrackingResponseJSON`). Placeholder values are DHL's ("JESSICA", a `pre-transit` event whose `status` says
 * "DELIVERED"). Notable: `id` is a number; the event's timestamp has no zone while the status's has `Z`.
 */
export const dhlSample = {
  url: '/shipments?trackingNumber=7777777770?offset=0&limit=5',
  prevUrl: '/shipments?trackingNumber=7777777770?offset=0&limit=5',
  nextUrl: '/shipments?trackingNumber=7777777770?offset=5&limit=5',
  firstUrl: '/shipments?trackingNumber=7777777770?offset=0&limit=5',
  lastUrl: '/shipments?trackingNumber=7777777770?offset=10&limit=5',
  shipments: [
    {
      id: 7777777770,
      service: 'express',
      origin: { address: { countryCode: 'NL', postalCode: '1043 AG', addressLocality: 'Oderweg 2, AMSTERDAM' } },
      destination: { address: { countryCode: 'NL', postalCode: '1043 AG', addressLocality: 'Oderweg 2, AMSTERDAM' } },
      status: {
        timestamp: '2018-03-02T07:53:47Z',
        location: { address: { countryCode: 'NL', postalCode: '1043 AG', addressLocality: 'Oderweg 2, AMSTERDAM' } },
        statusCode: 'pre-transit',
        status: 'DELIVERED',
        description: 'JESSICA',
        remark: 'The shipment is pending completion of customs inspection.',
        nextSteps: 'The status will be updated following customs inspection.',
      },
      estimatedTimeOfDelivery: '2018-08-03T00:00:00Z',
      estimatedDeliveryTimeFrame: { estimatedFrom: '2018-08-03T00:00:00Z', estimatedThrough: '2018-08-03T22:00:00Z' },
      estimatedTimeOfDeliveryRemark: 'By End of Day',
      serviceUrl: 'http://www.dhl.de/de/privatkunden.html?piececode=7777777770',
      rerouteUrl: 'https://www.dhl.de/de/privatkunden.html?piececode=7777777770&verfuegen_selected_tab=FIRST',
      details: {
        carrier: { '@type': 'Organization', organizationName: 'EXPRESS' },
        product: { productName: 'UNKNOWN - Product unknown' },
        receiver: {
          '@type': 'Person',
          organizationName: 'EXPRESS',
          familyName: 'Doe',
          givenName: 'John',
          name: 'John',
        },
        sender: { '@type': 'Person', organizationName: 'EXPRESS', familyName: 'Doe', givenName: 'John', name: 'John' },
        proofOfDelivery: {
          timestamp: '2018-09-05T16:33:00Z',
          signatureUrl: 'string',
          documentUrl: 'https://webpod.dhl.com/webPOD/DHLePODRequest',
          signed: { '@type': 'Person', familyName: 'Doe', givenName: 'John', name: 'John' },
        },
        totalNumberOfPieces: 8,
        pieceIds: ['JD014600006281230704', 'JD014600002708681600', 'JD014600006615052259'],
        weight: { value: 253.5, unitText: 'kg' },
        volume: { value: 12600 },
        loadingMeters: 1.5,
        dimensions: {
          width: { value: 20, unitText: 'cm' },
          height: { value: 18, unitText: 'cm' },
          length: { value: 35, unitText: 'cm' },
        },
        references: { number: 'YZ3892406173', type: 'customer-reference' },
      },
      events: [
        {
          timestamp: '2018-03-02T07:53:47',
          location: { address: { countryCode: 'NL', postalCode: '1043 AG', addressLocality: 'Oderweg 2, AMSTERDAM' } },
          statusCode: 'pre-transit',
          status: 'DELIVERED',
          description: 'JESSICA',
          remark: 'The shipment is pending completion of customs inspection.',
          nextSteps: 'The status will be updated following customs inspection.',
        },
      ],
    },
  ],
  possibleAdditionalShipmentsUrl: [
    '/shipments?trackingNumber=7777777770&service=parcel-de',
    '/shipments?trackingNumber=7777777770&service=parcel-nl',
  ],
};

/**
 * DHL's answer for an unknown number: RFC 7807 problem details with HTTP 404 (same karrio test,
 * `TrackingErrorResponseJSON`).
 */
export const noResultFound = {
  title: 'No result found',
  detail: 'No shipment with given tracking number found.',
  status: 404,
  instance: '/shipment/8264715546',
};

/**
 * The DHL API gateway's answer to a missing or wrong API key (HTTP 401), as karrio's DHL Parcel DE tests
 * record it (karrioapi/karrio modules/connectors/dhl_parcel_de/tests, `ParsedErrorResponse`: status 401,
 * title "Unauthorized", detail "Unauthorized for given resource.").
 */
export const unauthorized = { status: 401, title: 'Unauthorized', detail: 'Unauthorized for given resource.' };

/**
 * A return shipment back at its sender, shaped as DHL's support article 47001251916 ("How does the response
 * body look for an Undeliverable/Return shipment?") describes it: `returnFlag: true` and a newest event with
 * `statusCode: "delivered"`. Built on the sample above; the texts are placeholders.
 */
export const returnedToSender = {
  shipments: [
    {
      id: '7777777770',
      service: 'parcel-de',
      returnFlag: true,
      status: {
        timestamp: '2023-03-13T09:50:00',
        location: { address: { addressLocality: 'Bonn', countryCode: 'DE' } },
        statusCode: 'delivered',
        status: 'The shipment has been delivered to the sender.',
        description: 'The shipment has been delivered to the sender.',
      },
      events: [
        {
          timestamp: '2023-03-13T09:50:00',
          location: { address: { addressLocality: 'Bonn', countryCode: 'DE' } },
          statusCode: 'delivered',
          status: 'The shipment has been delivered to the sender.',
          description: 'The shipment has been delivered to the sender.',
        },
        {
          timestamp: '2023-03-10T14:02:00',
          location: { address: { addressLocality: 'Köln', countryCode: 'DE' } },
          statusCode: 'transit',
          status: 'The shipment is on its way back to the sender.',
          description: 'The shipment is on its way back to the sender.',
        },
        {
          timestamp: '2023-03-09T11:20:00',
          location: { address: { addressLocality: 'Köln', countryCode: 'DE' } },
          statusCode: 'failure',
          status: 'The recipient has moved. The shipment is being returned to the sender.',
          description: 'The recipient has moved. The shipment is being returned to the sender.',
        },
      ],
    },
  ],
};
