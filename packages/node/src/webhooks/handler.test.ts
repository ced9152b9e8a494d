import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, it } from 'node:test';
import express from 'express';
import { createWebhookHandler, sqliteStore, type Store, type WebhookHandlerOptions } from '@trackline/node';
import { easypostOfficial, listen, shipmentWith, signedHeaders, standardBody, standardSecret } from './testing.js';

const providers: WebhookHandlerOptions['providers'] = {
  easypost: { secret: easypostOfficial.secret },
  shippo: { secret: 'shippo_test_secret' },
  aftership: { secret: 'aftership_test_secret' },
  standard: { secrets: ['whsec_bmV3LXNlY3JldC1uZXctc2VjcmV0', standardSecret] },
};

const number = '1Z999AA10123456784';
const inTransit = shipmentWith(number, [
  ['2026-05-01T09:00:00-04:00', 'info_received', 'MP'],
  ['2026-05-01T18:00:00-04:00', 'in_transit', 'I'],
]);
const delivered = shipmentWith(number, [
  ['2026-05-01T09:00:00-04:00', 'info_received', 'MP'],
  ['2026-05-01T18:00:00-04:00', 'in_transit', 'I'],
  ['2026-05-02T08:00:00-04:00', 'out_for_delivery', 'OT'],
  ['2026-05-02T14:00:00-04:00', 'delivered', 'D'],
]);

function post(url: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', headers, body });
}

/** A Standard Webhooks delivery of `shipment` with the id `id`, signed now. */
function standardDelivery(shipment = inTransit, id = 'msg_1') {
  const body = standardBody(shipment);
  return { body, headers: signedHeaders('standard', body, standardSecret, { id }) };
}

let store: Store;
beforeEach(async () => {
  store = await sqliteStore({ path: ':memory:' });
});
afterEach(async () => {
  await store.close();
});

describe('createWebhookHandler with node:http', () => {
  it('stores EasyPost’s official signed example and answers 200 once it is stored', async () => {
    const seen: string[] = [];
    const handler = createWebhookHandler({
      providers,
      store,
      async onUpdate(result) {
        // Called after the durable write: the shipment is already in the store.
        seen.push((await store.getShipment('1', 'fedex'))?.status ?? 'missing', result.after.status);
      },
    });
    const server = await listen(handler);
    try {
      const response = await post(`${server.url}/webhooks/easypost`, easypostOfficial.body, {
        'content-type': 'application/json',
        'x-hmac-signature': easypostOfficial.signature,
      });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { ok: true, updates: 1, duplicate: false });
      const stored = await store.getShipment('1', 'fedex');
      assert.equal(stored?.status, 'in_transit');
      assert.equal(stored?.events.length, 7);
      assert.deepEqual(seen, ['in_transit', 'in_transit']);
    } finally {
      await server.close();
    }
  });

  it('accepts the Standard Webhooks test vector’s signature, then names the missing type', async () => {
    const handler = createWebhookHandler({ providers, store, now: () => new Date(1614265330_000) });
    const response = await handler.handle({
      method: 'POST',
      url: '/webhooks/standard',
      headers: {
        'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        'webhook-timestamp': '1614265330',
        'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
      },
      body: Buffer.from('{"test": 2432232314}'),
    });
    // 400, not 401: the signature was right, the body is not a Trackline event.
    assert.equal(response.status, 400);
    assert.match(String(response.body), /type: expected a non-empty string/);
  });

  it('checks Shippo’s and AfterShip’s documented signature examples, and names what their bodies lack', async () => {
    const handler = createWebhookHandler({ providers, store, now: () => new Date(1700000100_000) });
    const shippo = await handler.handle({
      method: 'POST',
      url: '/webhooks/shippo',
      headers: {
        'shippo-auth-signature': 't=1700000000,v1=17f54d09e9434c27211bb99a162462aa945b58c051530f2fdc657f29335b12d6',
      },
      body: Buffer.from(
        '{"event":"track_updated","test":true,"data":{"carrier":"shippo","tracking_number":"SHIPPO_DELIVERED","tracking_status":{"status":"DELIVERED"}}}',
      ),
    });
    // 400, not 401: the signature is right, but the example's status has no status_date, so there is no
    // scan to place ("delivered" when?), and storing it as anything would be a guess.
    assert.equal(shippo.status, 400, String(shippo.body));
    assert.match(String(shippo.body), /tracking_status\.status_date/);
    assert.equal(await store.getShipment('SHIPPO_DELIVERED'), undefined);

    const aftership = await handler.handle({
      method: 'POST',
      url: '/webhooks/aftership',
      headers: { 'aftership-hmac-sha256': 'vzGZUucsBHSQCOFSzQCLbBEsmnht7k1vtZTUglKsCgs=' },
      body: Buffer.from(
        '{"event":"tracking_update","event_id":"00000000-0000-4000-8000-000000000000","is_tracking_first_tag":true,"msg":{"tag":"Delivered","subtag":"Delivered_001"},"ts":1700000000}',
      ),
    });
    assert.equal(aftership.status, 400);
    assert.match(String(aftership.body), /msg\.tracking_number/);
  });

  it('refuses a tampered body, a wrong secret and a missing signature with 401, storing nothing', async () => {
    const server = await listen(createWebhookHandler({ providers, store }));
    try {
      const { body, headers } = standardDelivery();
      const tampered = await post(`${server.url}/webhooks/standard`, body.replace('in_transit', 'delivered'), headers);
      assert.equal(tampered.status, 401);
      assert.match(((await tampered.json()) as { error: string }).error, /No v1 signature/);
      const wrong = signedHeaders('aftership', body, 'not-the-secret');
      assert.equal((await post(`${server.url}/webhooks/aftership`, body, wrong)).status, 401);
      const none = await post(`${server.url}/webhooks/easypost`, easypostOfficial.body, {});
      assert.equal(none.status, 401);
      assert.match(((await none.json()) as { error: string }).error, /X-Hmac-Signature header is missing/);
      assert.equal(await store.getShipment(number), undefined);
    } finally {
      await server.close();
    }
  });

  it('refuses a replayed delivery whose signed timestamp is stale', async () => {
    const server = await listen(createWebhookHandler({ providers, store }));
    try {
      const body = standardBody(inTransit);
      const old = Math.floor(Date.now() / 1000) - 3600;
      const response = await post(
        `${server.url}/webhooks/standard`,
        body,
        signedHeaders('standard', body, standardSecret, { seconds: old }),
      );
      assert.equal(response.status, 401);
      assert.match(((await response.json()) as { error: string }).error, /36\d\d s old .*replay/);
      const shippoBody = JSON.stringify({ event: 'track_updated', data: {} });
      const shippo = await post(
        `${server.url}/webhooks/shippo`,
        shippoBody,
        signedHeaders('shippo', shippoBody, 'shippo_test_secret', { seconds: old }),
      );
      assert.equal(shippo.status, 401);
      assert.equal(await store.getShipment(number), undefined);
    } finally {
      await server.close();
    }
  });

  it('answers a redelivered webhook 200 and changes nothing', async () => {
    const updates: string[] = [];
    const server = await listen(
      createWebhookHandler({ providers, store, onUpdate: (result) => void updates.push(result.after.status) }),
    );
    try {
      const { body, headers } = standardDelivery(inTransit, 'msg_dup');
      const first = await post(`${server.url}/webhooks/standard`, body, headers);
      assert.deepEqual(await first.json(), { ok: true, updates: 1, duplicate: false });
      const before = await store.getShipment(number);
      const again = await post(`${server.url}/webhooks/standard`, body, headers);
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), { ok: true, updates: 1, duplicate: true });
      assert.deepEqual(await store.getShipment(number), before);
      assert.deepEqual(updates, ['in_transit']);
    } finally {
      await server.close();
    }
  });

  it('keeps the newest status when an older event arrives after a newer one', async () => {
    const server = await listen(createWebhookHandler({ providers, store }));
    try {
      const newer = standardDelivery(delivered, 'msg_newer');
      const older = standardDelivery(inTransit, 'msg_older');
      assert.equal((await post(`${server.url}/webhooks/standard`, newer.body, newer.headers)).status, 200);
      assert.equal((await post(`${server.url}/webhooks/standard`, older.body, older.headers)).status, 200);
      const stored = await store.getShipment(number);
      assert.equal(stored?.status, 'delivered');
      assert.equal(stored?.events.length, 4);
    } finally {
      await server.close();
    }
  });

  it('refuses a body over the limit with 413 from its declared length, without reading it', async () => {
    const server = await listen(createWebhookHandler({ providers, store, maxBodyBytes: 1024 }));
    try {
      const body = JSON.stringify({ type: 'shipment.updated', data: { pad: 'x'.repeat(4096) } });
      const response = await post(
        `${server.url}/webhooks/standard`,
        body,
        signedHeaders('standard', body, standardSecret),
      );
      assert.equal(response.status, 413);
      assert.match(((await response.json()) as { error: string }).error, /larger than 1024 bytes/);
    } finally {
      await server.close();
    }
  });

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    const server = await listen(createWebhookHandler({ providers, store, maxBodyBytes: 64 * 1024 }));
    try {
      // An endless chunked body: the client keeps writing until the server answers.
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${server.url}/webhooks/standard`, { method: 'POST' }, (response) => {
          clearInterval(writer);
          response.resume();
          resolve(response.statusCode ?? 0);
          request.destroy();
        });
        request.on('error', (error: NodeJS.ErrnoException) => {
          clearInterval(writer);
          // The server may close the socket right after its 413, before this client reads it: our next write
          // then fails. Either way the server stopped reading.
          if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve(413);
          else reject(error);
        });
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        const writer = setInterval(() => request.write(chunk), 1);
      });
      assert.equal(status, 413);
    } finally {
      await server.close();
    }
  });

  it('answers 400 naming the field of a malformed body, and stores nothing', async () => {
    const server = await listen(createWebhookHandler({ providers, store }));
    try {
      const body = JSON.stringify({
        type: 'shipment.updated',
        timestamp: 'now',
        data: { ...inTransit, events: 'many' },
      });
      const response = await post(
        `${server.url}/webhooks/standard`,
        body,
        signedHeaders('standard', body, standardSecret),
      );
      assert.equal(response.status, 400);
      assert.match(((await response.json()) as { error: string }).error, /data\.events: expected array/);
      const notJson = '{"type":';
      const broken = await post(
        `${server.url}/webhooks/standard`,
        notJson,
        signedHeaders('standard', notJson, standardSecret),
      );
      assert.equal(broken.status, 400);
      assert.match(((await broken.json()) as { error: string }).error, /not JSON/);
      assert.equal(await store.getShipment(number), undefined);
    } finally {
      await server.close();
    }
  });

  it('answers 405 to anything but POST, and 404 to a provider it was not given', async () => {
    const only = createWebhookHandler({ providers: { shippo: { secret: 's' }, aftership: { secret: 'a' } }, store });
    const server = await listen(only);
    try {
      const get = await fetch(`${server.url}/webhooks/shippo`);
      assert.equal(get.status, 405);
      assert.equal(get.headers.get('allow'), 'POST');
      const unknown = await post(`${server.url}/webhooks/easypost`, '{}', {});
      assert.equal(unknown.status, 404);
      assert.match(((await unknown.json()) as { error: string }).error, /\/shippo, \/aftership or add \?provider=/);
    } finally {
      await server.close();
    }
  });

  it('takes the provider from ?provider=, or the only one configured', async () => {
    const { body, headers } = standardDelivery();
    const byQuery = createWebhookHandler({ providers, store });
    assert.equal(
      (await byQuery.fetch(new Request('http://shop.test/hooks?provider=standard', { method: 'POST', headers, body })))
        .status,
      200,
    );
    const single = createWebhookHandler({ providers: { standard: { secret: standardSecret } }, store });
    const again = standardDelivery(delivered, 'msg_2');
    assert.equal((await single.fetch(new Request('http://shop.test/hooks', { method: 'POST', ...again }))).status, 200);
    assert.equal((await store.getShipment(number))?.status, 'delivered');
  });

  it('answers 500 when the store fails, so the provider delivers again, and stores the redelivery', async () => {
    let failures = 1;
    const errors: unknown[] = [];
    const flaky: Pick<Store, 'applyUpdate'> = {
      applyUpdate(update) {
        if (failures-- > 0) return Promise.reject(new Error('disk full'));
        return store.applyUpdate(update);
      },
    };
    const handler = createWebhookHandler({ providers, store: flaky, onError: (error) => errors.push(error) });
    const { body, headers } = standardDelivery();
    const first = await handler.fetch(
      new Request('http://shop.test/webhooks/standard', { method: 'POST', headers, body }),
    );
    assert.equal(first.status, 500);
    assert.doesNotMatch(await first.text(), /disk full/);
    assert.equal((errors[0] as Error).message, 'disk full');
    const second = await handler.fetch(
      new Request('http://shop.test/webhooks/standard', { method: 'POST', headers, body }),
    );
    assert.equal(second.status, 200);
    assert.equal((await store.getShipment(number))?.status, 'in_transit');
  });

  it('still answers 200 when onUpdate fails after the update was stored', async () => {
    const errors: unknown[] = [];
    const handler = createWebhookHandler({
      providers,
      store,
      onUpdate: () => Promise.reject(new Error('mailer down')),
      onError: (error) => errors.push(error),
    });
    const { body, headers } = standardDelivery();
    const response = await handler.fetch(
      new Request('http://shop.test/webhooks/standard', { method: 'POST', headers, body }),
    );
    assert.equal(response.status, 200);
    assert.equal((errors[0] as Error).message, 'mailer down');
  });

  it('refuses options without a provider or with an unknown one', () => {
    assert.throws(() => createWebhookHandler({ providers: {}, store }), /at least one provider/);
    assert.throws(
      () => createWebhookHandler({ providers: { ups: { secret: 'x' } } as never, store }),
      /Unknown webhook provider\(s\) ups/,
    );
  });
});

describe('createWebhookHandler with Express', () => {
  it('reads the raw stream itself when mounted before any body parser', async () => {
    const app = express();
    app.post('/webhooks/:provider', createWebhookHandler({ providers, store }));
    app.use(express.json());
    const server = await listen(app);
    try {
      const { body, headers } = standardDelivery();
      const response = await post(`${server.url}/webhooks/standard`, body, headers);
      assert.equal(response.status, 200);
      assert.equal((await store.getShipment(number))?.status, 'in_transit');
    } finally {
      await server.close();
    }
  });

  it('uses the Buffer express.raw() left in req.body, and its router-relative path', async () => {
    const app = express();
    const router = express.Router();
    router.post('/:provider', express.raw({ type: '*/*' }), createWebhookHandler({ providers, store }));
    app.use('/hooks', router);
    const server = await listen(app);
    try {
      const response = await post(`${server.url}/hooks/easypost`, easypostOfficial.body, {
        'content-type': 'application/json',
        'x-hmac-signature': easypostOfficial.signature,
      });
      assert.equal(response.status, 200);
      assert.equal((await store.getShipment('1', 'fedex'))?.status, 'in_transit');
    } finally {
      await server.close();
    }
  });

  it('explains the fix when express.json() parsed the body first', async () => {
    const app = express();
    app.use(express.json());
    app.post('/webhooks/:provider', createWebhookHandler({ providers, store }));
    const server = await listen(app);
    try {
      const { body, headers } = standardDelivery();
      const response = await post(`${server.url}/webhooks/standard`, body, headers);
      assert.equal(response.status, 500);
      assert.match(((await response.json()) as { error: string }).error, /mount the handler before express\.json\(\)/);
    } finally {
      await server.close();
    }
  });
});

describe('createWebhookHandler with the Fetch API', () => {
  it('answers a Request with a Response once the update is stored', async () => {
    const handler = createWebhookHandler({ providers, store });
    const { body, headers } = standardDelivery(delivered);
    const response = await handler.fetch(
      new Request('https://shop.test/webhooks/standard', { method: 'POST', headers, body }),
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(await response.json(), { ok: true, updates: 1, duplicate: false });
    assert.equal((await store.getShipment(number))?.status, 'delivered');
  });

  it('refuses an oversize streamed body with 413 and cancels the stream', async () => {
    const handler = createWebhookHandler({ providers, store, maxBodyBytes: 1000 });
    let pulled = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(400));
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request('https://shop.test/webhooks/standard', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const response = await handler.fetch(request);
    assert.equal(response.status, 413);
    assert.equal(cancelled, true);
    assert.ok(pulled < 10, `read ${pulled} chunks of an endless body`);
  });

  it('answers 401 and 405 as Responses too', async () => {
    const handler = createWebhookHandler({ providers, store });
    const { body } = standardDelivery();
    const unsigned = await handler.fetch(new Request('https://shop.test/webhooks/standard', { method: 'POST', body }));
    assert.equal(unsigned.status, 401);
    const put = await handler.fetch(new Request('https://shop.test/webhooks/standard', { method: 'PUT', body }));
    assert.equal(put.status, 405);
  });
});
