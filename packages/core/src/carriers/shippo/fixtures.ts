// Fixtures from Shippo's documentation.

/**
 * The API reference's example answer to `GET /tracks/usps/9205590164917312751089`, as published (its
 * `object_id`s and `messages` are the reference's `<string>` placeholders, and its substatus is the reference's
 * sample one, which does not match the DELIVERED status beside it).
 * Source: https://docs.goshippo.com/api-reference/tracking-status/get-a-tracking-status
 */
export const referenceTrack = {
  carrier: 'usps',
  messages: ['<string>'],
  tracking_history: [
    {
      object_created: '2023-11-07T05:31:56Z',
      object_id: '<string>',
      object_updated: '2023-11-07T05:31:56Z',
      status: 'DELIVERED',
      status_details: 'Your shipment has been delivered at the destination mailbox.',
      location: { city: 'Las Vegas', country: 'US', state: 'NV', zip: '89101' },
      substatus: {
        code: 'information_received',
        text: 'Information about the package received.',
        action_required: true,
      },
      status_date: '2016-07-23T00:00:00Z',
    },
  ],
  tracking_number: '9205590164917312751089',
  address_from: { city: 'Las Vegas', country: 'US', state: 'NV', zip: '89101' },
  address_to: { city: 'Las Vegas', country: 'US', state: 'NV', zip: '89101' },
  eta: '2023-11-07T05:31:56Z',
  metadata: 'Order 000123',
  original_eta: '2021-07-23T00:00:00Z',
  servicelevel: {
    name: 'Priority Mail Express',
    terms: '<string>',
    token: 'usps_priority_express',
    extended_token: '<string>',
    parent_servicelevel: {
      name: 'Priority Mail Express',
      terms: '<string>',
      token: 'usps_priority_express',
      extended_token: '<string>',
    },
  },
  tracking_status: {
    object_created: '2023-11-07T05:31:56Z',
    object_id: '<string>',
    object_updated: '2023-11-07T05:31:56Z',
    status: 'DELIVERED',
    status_details: 'Your shipment has been delivered at the destination mailbox.',
    location: { city: 'Las Vegas', country: 'US', state: 'NV', zip: '89101' },
    substatus: { code: 'information_received', text: 'Information about the package received.', action_required: true },
    status_date: '2016-07-23T00:00:00Z',
  },
  transaction: '<string>',
};

/**
 * The Royal Mail integration guide's example answer to `POST /tracks/` (same Track object as GET), with its
 * `tracking_history` cut to nothing: the guide's history is longer, this fixture keeps only what is quoted exactly.
 * Source: https://docs.goshippo.com/docs/carriers/integration_guides/royalmail-tracked/track ("Response Example")
 */
export const royalMailTrack = {
  tracking_number: 'TQ966044837GB',
  carrier: 'royal_mail_sf',
  servicelevel: { name: null, token: null },
  transaction: '5748cf036bce476c9ed3c92a9270edd7',
  address_from: { city: '', state: '', zip: '', country: 'GB' },
  address_to: { city: '', state: '', zip: '', country: 'GB' },
  eta: null,
  original_eta: null,
  metadata: null,
  test: false,
  tracking_status: {
    status_date: '2025-07-24T10:32:52Z',
    status_details: 'Delivered to Safeplace by',
    location: null,
    substatus: { code: 'delivered', text: 'Package has been delivered.', action_required: false },
    object_created: '2025-07-24T12:57:38.73Z',
    object_updated: '2025-07-24T12:57:38.73Z',
    object_id: 'f379269f8c584d278d8abd9a9e2bd2ff',
    status: 'DELIVERED',
  },
  tracking_history: [],
};

/** What Shippo answers for a number its carrier does not know: no status, no history. */
export const unknownTrack = {
  carrier: 'usps',
  tracking_number: '9205590164917312751089',
  address_from: null,
  address_to: null,
  eta: null,
  original_eta: null,
  servicelevel: { name: null, token: null },
  metadata: null,
  messages: [],
  tracking_status: {
    object_created: '2025-07-24T12:57:38.73Z',
    object_updated: '2025-07-24T12:57:38.73Z',
    object_id: 'a3b5c7d9e1f24a6b8c0d2e4f6a8b0c2d',
    status: 'UNKNOWN',
    status_details: 'The carrier has not found a package with this tracking number.',
    status_date: null,
    location: null,
    substatus: null,
  },
  tracking_history: [],
};
