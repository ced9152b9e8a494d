// Test helpers for the webhook tests, the crash test and bench/webhooks: signing each provider's way,
// bodies in each provider's envelope, and a loopback server. Not part of the public API.
import { createHash, createHmac } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Shipment } from '@trackline/core';
import type { WebhookProvider } from './verify.js';

/**
 * EasyPost's official webhook test vector: EasyPost/examples@0492e408 official/fixtures/event-body.json
 * (without its trailing newline), the secret and the signature from client-library-fixtures.json → webhooks.
 */
export const easypostOfficial = {
  secret: 'sécret',
  signature: 'hmac-sha256-hex=38f3f53c103713df81616a0a186d77141957323ec21d5fe9363db93840f527db',
  body: '{"description":"tracker.updated","mode":"production","previous_attributes":{"status":"in_transit"},"created_at":"2024-08-02T19:26:52.000Z","pending_urls":["https://example.com/easypost"],"completed_urls":[],"updated_at":"2024-08-02T19:26:52.000Z","id":"evt_1","user_id":"user_1","status":"pending","object":"Event","result":{"id":"trk_1","object":"Tracker","mode":"production","tracking_code":"1","status":"in_transit","status_detail":"arrived_at_facility","created_at":"2024-07-31T14:45:27Z","updated_at":"2024-08-02T19:26:51Z","signed_by":null,"weight":614.4,"est_delivery_date":"2024-08-05T00:00:00Z","shipment_id":null,"carrier":"FedEx","tracking_details":[{"object":"TrackingDetail","message":"Shipment information sent to FedEx","description":"Shipment information sent to FedEx","status":"pre_transit","status_detail":"label_created","datetime":"2024-07-31T15:00:00Z","source":"FedEx","carrier_code":"OC","tracking_location":{"object":"TrackingLocation","city":null,"state":null,"country":"US","zip":"32837"}},{"object":"TrackingDetail","message":"Picked up","description":"Picked up","status":"in_transit","status_detail":"arrived_at_facility","datetime":"2024-07-31T19:27:00Z","source":"FedEx","carrier_code":"PU","tracking_location":{"object":"TrackingLocation","city":"ORLANDO","state":"FL","country":"US","zip":"32809"}},{"object":"TrackingDetail","message":"Arrived at FedEx location","description":"Arrived at FedEx location","status":"in_transit","status_detail":"arrived_at_facility","datetime":"2024-07-31T22:35:00Z","source":"FedEx","carrier_code":"AR","tracking_location":{"object":"TrackingLocation","city":"ORLANDO","state":"FL","country":"US","zip":"32809"}},{"object":"TrackingDetail","message":"Departed FedEx location","description":"Departed FedEx location","status":"in_transit","status_detail":"departed_facility","datetime":"2024-08-01T14:42:13Z","source":"FedEx","carrier_code":"DP","tracking_location":{"object":"TrackingLocation","city":"ORLANDO","state":"FL","country":"US","zip":"32809"}},{"object":"TrackingDetail","message":"On the way","description":"On the way","status":"in_transit","status_detail":"unknown","datetime":"2024-08-02T02:46:19Z","source":"FedEx","carrier_code":"IT","tracking_location":{"object":"TrackingLocation","city":"KENLY","state":"NC","country":"US","zip":"27542"}},{"object":"TrackingDetail","message":"On the way","description":"On the way","status":"in_transit","status_detail":"unknown","datetime":"2024-08-02T18:35:20Z","source":"FedEx","carrier_code":"IT","tracking_location":{"object":"TrackingLocation","city":"EDISON TWP","state":"NJ","country":"US","zip":"08817"}},{"object":"TrackingDetail","message":"Arrived at FedEx location","description":"Arrived at FedEx location","status":"in_transit","status_detail":"arrived_at_facility","datetime":"2024-08-02T18:50:00Z","source":"FedEx","carrier_code":"AR","tracking_location":{"object":"TrackingLocation","city":"EDISON","state":"NJ","country":"US","zip":"08817"}}],"carrier_detail":{"object":"CarrierDetail","service":"FEDEX_GROUND","container_type":null,"est_delivery_date_local":"2024-08-05","est_delivery_time_local":null,"origin_location":"ORLANDO FL US","origin_tracking_location":{"object":"TrackingLocation","city":"ORLANDO","state":"FL","country":"US","zip":"32809"},"destination_location":"BROOKLYN HGTS NY US","destination_tracking_location":null,"guaranteed_delivery_date":null,"alternate_identifier":null,"initial_delivery_attempt":null},"finalized":false,"is_return":false,"public_url":"https://track.easypost.com/1"}}',
};

/** A Standard Webhooks secret for tests: `whsec_` and base64 of 24 bytes. */
export const standardSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** The headers `provider` would send with `body`, signed with `secret` at `seconds` (unix). */
export function signedHeaders(
  provider: WebhookProvider,
  body: string,
  secret: string,
  options: { seconds?: number; id?: string } = {},
): Record<string, string> {
  const seconds = options.seconds ?? Math.floor(Date.now() / 1000);
  const json = { 'content-type': 'application/json' };
  switch (provider) {
    case 'easypost': {
      const key = Buffer.from(secret.normalize('NFKD'), 'utf8');
      return { ...json, 'x-hmac-signature': `hmac-sha256-hex=${createHmac('sha256', key).update(body).digest('hex')}` };
    }
    case 'shippo': {
      const digest = createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex');
      return { ...json, 'shippo-auth-signature': `t=${seconds},v1=${digest}` };
    }
    case 'aftership':
      return { ...json, 'aftership-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64') };
    case 'standard': {
      const id = options.id ?? `msg_${createHash('sha256').update(body).digest('hex').slice(0, 24)}`;
      const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
      const digest = createHmac('sha256', key).update(`${id}.${seconds}.${body}`).digest('base64');
      return { ...json, 'webhook-id': id, 'webhook-timestamp': String(seconds), 'webhook-signature': `v1,${digest}` };
    }
  }
}

/** A Trackline shipment as a Standard Webhooks `shipment.updated` body. */
export function standardBody(shipment: Shipment, at = new Date()): string {
  return JSON.stringify({ type: 'shipment.updated', timestamp: at.toISOString(), data: shipment });
}

/** A shipment with one scan per `[at, status, code]`, oldest first. */
export function shipmentWith(
  trackingNumber: string,
  scans: ReadonlyArray<readonly [string, Shipment['status'], string]>,
): Shipment {
  const events = scans.map(([at, status, code]) => ({
    at,
    timeSource: 'carrier' as const,
    status,
    code,
    description: `${status} scan`,
  }));
  return {
    carrier: 'ups',
    trackingNumber,
    status: events.at(-1)?.status ?? 'pending',
    events,
    updatedAt: scans.at(-1)?.[0] ?? '2026-01-01T00:00:00Z',
  };
}

/** Listens on 127.0.0.1 on a free port. */
export async function listen(listener: RequestListener) {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
