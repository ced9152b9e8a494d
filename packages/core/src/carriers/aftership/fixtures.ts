// AfterShip fixtures, assembled from the Tracking API documentation (API version 2025-01): the field examples of
// the Tracking model page (https://www.aftership.com/docs/tracking/2025-01/model/tracking: id, legacy_id,
// created_at, updated_at, tracking_number 61293150000079650811, slug fedex), the formats the Checkpoint model
// documents for checkpoint_time ("YYYY-MM-DDTHH:mm:ss" or "YYYY-MM-DDTHH:mm:ssZ", in the checkpoint's time zone;
// AfterShip/tracking-sdk-nodejs@42f157f2 src/model/Checkpoint.ts), the envelope and error codes of the API
// reference, and the webhook body of "Webhook Specifications". AfterShip publishes no complete example response,
// so the checkpoint messages and places below are made up in the documented shapes.

export const fedexTracking = {
  id: 'bff5a3bac79b472991a204172473a635',
  legacy_id: 'gngrj3vnc7toblxddgn5p02a',
  created_at: '2023-01-18T08:47:10+00:00',
  updated_at: '2023-01-18T17:47:10+00:00',
  tracking_number: '61293150000079650811',
  slug: 'fedex',
  active: true,
  tag: 'InTransit',
  subtag: 'InTransit_007',
  subtag_message: 'Departure Scan',
  title: '61293150000079650811',
  shipment_type: 'FedEx Ground',
  origin_country_region: 'USA',
  origin_state: 'TN',
  origin_city: 'Memphis',
  origin_postal_code: '38118',
  destination_country_region: 'USA',
  destination_state: 'CA',
  destination_city: 'Los Angeles',
  destination_postal_code: '90001',
  courier_estimated_delivery_date: {
    estimated_delivery_date: '2023-01-20',
    estimated_delivery_date_min: null,
    estimated_delivery_date_max: null,
  },
  aftership_estimated_delivery_date: null,
  custom_estimated_delivery_date: null,
  courier_tracking_link: 'https://www.fedex.com/fedextrack/?tracknumbers=61293150000079650811',
  checkpoints: [
    {
      created_at: '2023-01-18T08:47:10+00:00',
      slug: 'fedex',
      // Without an offset: local time in Memphis.
      checkpoint_time: '2023-01-17T18:02:00',
      location: 'Memphis, TN, 38118, USA',
      city: 'Memphis',
      state: 'TN',
      zip: '38118',
      country_region: 'USA',
      country_region_name: 'United States',
      message: 'Shipment information sent to FedEx',
      tag: 'InfoReceived',
      subtag: 'InfoReceived_001',
      subtag_message: 'Info Received',
      raw_tag: 'OC',
    },
    {
      created_at: '2023-01-18T08:47:10+00:00',
      slug: 'fedex',
      checkpoint_time: '2023-01-18T02:14:00-06:00',
      location: 'Memphis, TN, 38118, USA',
      city: 'Memphis',
      state: 'TN',
      zip: '38118',
      country_region: 'USA',
      country_region_name: 'United States',
      message: 'Departed FedEx location',
      tag: 'InTransit',
      subtag: 'InTransit_007',
      subtag_message: 'Departure Scan',
      raw_tag: 'DP',
    },
  ],
};

/** `GET /trackings?tracking_numbers=61293150000079650811`. */
export const trackingList = {
  meta: { code: 200, message: 'OK', type: 'OK' },
  data: {
    pagination: { total: 1, next_cursor: null, has_next_page: false },
    trackings: [fedexTracking],
  },
};

/** `GET /trackings?tracking_numbers=…` for a number the account has not added. */
export const emptyList = {
  meta: { code: 200, message: 'OK', type: 'OK' },
  data: { pagination: { total: 0, next_cursor: null, has_next_page: false }, trackings: [] },
};

/** `GET /trackings/{id}` for an id AfterShip does not have (HTTP 404, error code 4004 TRACKING_DOES_NOT_EXIST). */
export const notFoundBody = {
  meta: { code: 4004, message: 'Tracking does not exist.', type: 'NotFound' },
  data: {},
};

/** A `tracking_update` webhook ("Webhook Specifications"). */
export const webhookBody = {
  ts: 1674060430,
  event: 'tracking_update',
  event_id: '00000000-0000-4000-8000-000000000000',
  is_tracking_first_tag: false,
  msg: fedexTracking,
};
