import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listen } from '../webhooks/testing.js';
import { createHttpHandler } from './handler.js';
import { jsonResponse } from './errors.js';
import type { HttpRequest } from './types.js';

/** A handler that answers with what it was given. */
function echo(options: Parameters<typeof createHttpHandler>[1] = {}) {
  const seen: HttpRequest[] = [];
  const handler = createHttpHandler(async (request) => {
    seen.push(request);
    return jsonResponse(201, { bytes: request.body.byteLength }, { 'x-echo': request.method });
  }, options);
  return { handler, seen };
}

describe('createHttpHandler', () => {
  it('gives a node:http request as method, full URL, lower-case headers, raw bytes and the peer address', async () => {
    const { handler, seen } = echo();
    const server = await listen(handler);
    try {
      const response = await fetch(`${server.url}/a/b?c=1`, {
        method: 'PUT',
        headers: { 'X-Thing': 'yes' },
        body: new Uint8Array([0, 255, 7]),
      });
      assert.equal(response.status, 201);
      assert.equal(response.headers.get('x-echo'), 'PUT');
      assert.deepEqual(await response.json(), { bytes: 3 });
      assert.equal(seen[0]?.url, '/a/b?c=1');
      assert.equal(seen[0]?.headers['x-thing'], 'yes');
      assert.deepEqual([...seen[0]!.body], [0, 255, 7]);
      assert.equal(seen[0]?.remoteAddress, '127.0.0.1');
    } finally {
      await server.close();
    }
  });

  it('gives a Fetch Request the same shape, and answers a Response', async () => {
    const { handler, seen } = echo();
    const response = await handler.fetch(
      new Request('https://shop.test/x?y=2', { method: 'POST', headers: { 'X-Thing': 'yes' }, body: 'hello' }),
    );
    assert.equal(response.status, 201);
    assert.deepEqual(await response.json(), { bytes: 5 });
    assert.equal(seen[0]?.url, '/x?y=2');
    assert.equal(seen[0]?.method, 'POST');
    assert.equal(seen[0]?.headers['x-thing'], 'yes');
    assert.equal(new TextDecoder().decode(seen[0]?.body), 'hello');
  });

  it('refuses a body over the limit in every flavour, before the handler sees it', async () => {
    const { handler, seen } = echo({ maxBodyBytes: 4 });
    const fetched = await handler.fetch(new Request('https://shop.test/', { method: 'POST', body: 'hello' }));
    assert.equal(fetched.status, 413);
    const direct = await handler.handle({ method: 'POST', url: '/', headers: {}, body: new Uint8Array(5) });
    assert.equal(direct.status, 413);
    const server = await listen(handler);
    try {
      const response = await fetch(server.url, { method: 'POST', body: 'hello' });
      assert.equal(response.status, 413);
      assert.equal(response.headers.get('connection'), 'close');
    } finally {
      await server.close();
    }
    assert.equal(seen.length, 0);
  });

  it('answers 500 without the error’s text when the handler throws, and reports it', async () => {
    const errors: unknown[] = [];
    const handler = createHttpHandler(
      async () => {
        throw new Error('secret internals');
      },
      { onError: (error) => errors.push(error) },
    );
    const response = await handler.fetch(new Request('https://shop.test/', { method: 'POST', body: '{}' }));
    assert.equal(response.status, 500);
    assert.doesNotMatch(await response.text(), /secret internals/);
    assert.equal((errors[0] as Error).message, 'secret internals');
  });
});
