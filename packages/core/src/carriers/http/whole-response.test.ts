import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WholeResponse } from './whole-response.js';

describe('WholeResponse', () => {
  const text = '\uFEFF{"city":"Zürich"}';
  const make = () =>
    new WholeResponse(new TextEncoder().encode(text).buffer as ArrayBuffer, {
      status: 404,
      statusText: 'Not Found',
      headers: { 'content-type': 'application/json', 'retry-after': '3' },
    });

  it('keeps the status and headers, and reads as a Response reads its body, as often as asked', async () => {
    const response = make();
    assert.ok(response instanceof Response);
    assert.equal(response.status, 404);
    assert.equal(response.ok, false);
    assert.equal(response.statusText, 'Not Found');
    assert.equal(response.headers.get('retry-after'), '3');
    // What an ordinary Response of the same bytes reads, byte-order mark dropped.
    const ordinary = () =>
      new Response(new TextEncoder().encode(text), { headers: { 'content-type': 'application/json' } });
    assert.equal(await response.text(), await ordinary().text());
    assert.deepEqual(await response.json(), await ordinary().json());
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), new Uint8Array(await ordinary().arrayBuffer()));
    assert.equal(await (await response.blob()).text(), await (await ordinary().blob()).text());
    assert.equal((await response.blob()).type, 'application/json');
    assert.equal(await new Response(response.body).text(), await ordinary().text());
    assert.deepEqual(await response.clone().json(), { city: 'Zürich' });
    assert.deepEqual(await response.json(), { city: 'Zürich' });
  });

  it('gives out copies, so a caller that changes its bytes changes nobody else’s', async () => {
    const response = make();
    new Uint8Array(await response.arrayBuffer()).fill(0);
    assert.deepEqual(await response.json(), { city: 'Zürich' });
  });
});
