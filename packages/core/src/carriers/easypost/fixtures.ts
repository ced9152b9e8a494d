// Fixtures from EasyPost's own documentation and test data, kept byte for byte where a signature depends on it.

/**
 * The documented answer to `POST /v2/trackers` for the test number EZ1000000001.
 * Source: EasyPost/examples@8a601002, official/docs/responses/trackers/trackers-create.json.
 */
export const createdTracker = {
  id: 'trk_acfcc5058c5445bda6c3c331125d52c9',
  object: 'Tracker',
  mode: 'test',
  tracking_code: 'EZ1000000001',
  status: 'pre_transit',
  status_detail: 'status_update',
  created_at: '2023-11-30T20:36:36Z',
  updated_at: '2023-12-01T05:14:45Z',
  signed_by: null,
  weight: null,
  est_delivery_date: '2023-12-01T05:14:45Z',
  shipment_id: null,
  carrier: 'USPS',
  tracking_details: [
    {
      object: 'TrackingDetail',
      message: 'Pre-Shipment Info Sent to USPS',
      description: '',
      status: 'pre_transit',
      status_detail: 'status_update',
      datetime: '2023-11-01T05:14:45Z',
      source: 'USPS',
      carrier_code: '',
      tracking_location: {
        object: 'TrackingLocation',
        city: null,
        state: null,
        country: null,
        zip: null,
      },
    },
    {
      object: 'TrackingDetail',
      message: 'Shipping Label Created',
      description: '',
      status: 'pre_transit',
      status_detail: 'status_update',
      datetime: '2023-11-01T17:51:45Z',
      source: 'USPS',
      carrier_code: '',
      tracking_location: {
        object: 'TrackingLocation',
        city: 'HOUSTON',
        state: 'TX',
        country: null,
        zip: '77063',
      },
    },
  ],
  carrier_detail: {
    object: 'CarrierDetail',
    service: 'First-Class Package Service',
    container_type: null,
    est_delivery_date_local: null,
    est_delivery_time_local: null,
    origin_location: 'HOUSTON TX, 77001',
    origin_tracking_location: {
      object: 'TrackingLocation',
      city: 'HOUSTON',
      state: 'TX',
      country: null,
      zip: '77063',
    },
    destination_location: 'CHARLESTON SC, 29401',
    destination_tracking_location: null,
    guaranteed_delivery_date: null,
    alternate_identifier: null,
    initial_delivery_attempt: null,
  },
  finalized: true,
  is_return: false,
  public_url: 'https://track.easypost.com/djE6dHJrX2FjZmNjNTA1OGM1NDQ1YmRhNmMzYzMzMTEyNWQ1MmM5',
} as const;

/**
 * A `tracker.updated` webhook Event for a FedEx parcel, exactly as EasyPost's client libraries test webhook
 * signatures with it: with the secret "sécret" (NFKD-normalised) its `X-Hmac-Signature` is
 * {@link eventBodySignature}.
 * Source: EasyPost/examples@0492e408, official/fixtures/event-body.json (without its trailing newline), used by
 * official/fixtures/client-library-fixtures.json → webhooks and easypost-python's test_validate_webhook.
 */
export const eventBody =
  '{"description":"tracker.updated","mode":"production","previous_attributes":{"status":"in_transit"},"created_at":"2024-08-02T19:26:52.000Z","pending_urls":["https://example.com/easypost"],"completed_urls":[],"updated_at":"2024-08-02T19:26:52.000Z","id":"evt_1","user_id":"user_1","status":"pending","object":"Event","result":{"id":"trk_1","object":"Tracker","mode":"production","tracking_code":"1","status":"in_transit","status_detail":"arrived_at_facility","created_at":"2024-07-31T14:45:27Z","updated_at":"2024-08-02T19:26:51Z","signed_by":null,"weight":614.4,"est_delivery_date":"2024-08-05T00:00:00Z","shipment_id":null,"carrier":"FedEx","tracking_details":[{"object":"TrackingDetail","message":"Shipment information sent to FedEx","description":"Shipment information sent to FedEx","status":"pre_transit","status_detail":"label_created","datetime":"2024-07-31T15:00:00Z","source":"FedEx","carrier_code":"OC","tracking_location":{"object":"TrackingLocation","city":null,"state":null,"country":"US","zip":"32837"}},{"object":"TrackingDetail","message":"Picked up","description":"Picked up","status":"in_transit","status_detail":"arrived_at_facility","datetime":"2024-07-31T19:27:00Z","source":"FedEx","carrier_code":"PU","tracking_location":{"object":"TrackingLocation","city":"ORLANDO","state":"FL","country":"US","zip":"32809"}},{"object":"TrackingDetail","message":"Arrived at FedEx location","description":"Arrived at FedEx location","status":"in_transit","status_detail":"arrived_at_facility","datetime":"2024-07-31T22:35:00Z","source":"FedEx","carrier_code":"AR","tracking_location":{"object":"TrackingLocation","city":"ORLANDO","state":"FL","country":"US","zip":"32809"}},{"object":"TrackingDetail","message":"Departed FedEx location","description":"Departed FedEx location","status":"in_transit","status_detail":"departed_facility","datetime":"2024-08-01T14:42:13Z","source":"FedEx","carrier_code":"DP","tracking_location":{"object":"TrackingLocation","city":"ORLANDO","state":"FL","country":"US","zip":"32809"}},{"object":"TrackingDetail","message":"On the way","description":"On the way","status":"in_transit","status_detail":"unknown","datetime":"2024-08-02T02:46:19Z","source":"FedEx","carrier_code":"IT","tracking_location":{"object":"TrackingLocation","city":"KENLY","state":"NC","country":"US","zip":"27542"}},{"object":"TrackingDetail","message":"On the way","description":"On the way","status":"in_transit","status_detail":"unknown","datetime":"2024-08-02T18:35:20Z","source":"FedEx","carrier_code":"IT","tracking_location":{"object":"TrackingLocation","city":"EDISON TWP","state":"NJ","country":"US","zip":"08817"}},{"object":"TrackingDetail","message":"Arrived at FedEx location","description":"Arrived at FedEx location","status":"in_transit","status_detail":"arrived_at_facility","datetime":"2024-08-02T18:50:00Z","source":"FedEx","carrier_code":"AR","tracking_location":{"object":"TrackingLocation","city":"EDISON","state":"NJ","country":"US","zip":"08817"}}],"carrier_detail":{"object":"CarrierDetail","service":"FEDEX_GROUND","container_type":null,"est_delivery_date_local":"2024-08-05","est_delivery_time_local":null,"origin_location":"ORLANDO FL US","origin_tracking_location":{"object":"TrackingLocation","city":"ORLANDO","state":"FL","country":"US","zip":"32809"},"destination_location":"BROOKLYN HGTS NY US","destination_tracking_location":null,"guaranteed_delivery_date":null,"alternate_identifier":null,"initial_delivery_attempt":null},"finalized":false,"is_return":false,"public_url":"https://track.easypost.com/1"}}';

export const eventBodySecret = 'sécret';
export const eventBodySignature = 'hmac-sha256-hex=38f3f53c103713df81616a0a186d77141957323ec21d5fe9363db93840f527db';

/**
 * A number EasyPost could not track: status `error`, with the carrier's refusal as a ProcessingError detail.
 * Shape from the Tracker type (easypost-node types/Tracker/*.d.ts; `status` "error", `source` "ProcessingError");
 * not an EasyPost artefact: EasyPost publishes no example of it.
 */
export const errorTracker = {
  id: 'trk_0f3c7c2a9b7e4d7f8a0b1c2d3e4f5a6b',
  object: 'Tracker',
  mode: 'production',
  tracking_code: '1Z999AA10123456784',
  status: 'error',
  status_detail: null,
  signed_by: null,
  weight: null,
  est_delivery_date: null,
  carrier: 'UPS',
  tracking_details: [
    {
      object: 'TrackingDetail',
      message: 'Tracking number not found by the carrier.',
      description: '',
      status: 'error',
      status_detail: null,
      datetime: '2024-08-02T19:26:52Z',
      source: 'ProcessingError',
      carrier_code: '',
      tracking_location: { object: 'TrackingLocation', city: null, state: null, country: null, zip: null },
    },
  ],
  carrier_detail: null,
  public_url: null,
};
