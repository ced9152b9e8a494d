import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressKey, clientAddress } from './client.js';

describe('clientAddress', () => {
  const forwarded = { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' };

  it('uses the socket address and ignores X-Forwarded-For unless told to trust a proxy', () => {
    assert.equal(clientAddress('10.0.0.1', forwarded, false), '10.0.0.1');
  });

  it('reads X-Forwarded-For from the right, as many entries as there are trusted proxies', () => {
    assert.equal(clientAddress('10.0.0.1', forwarded, true), '10.0.0.2');
    assert.equal(clientAddress('10.0.0.1', forwarded, 2), '203.0.113.7');
  });

  it('drops the port a proxy writes after the address (Azure does), so every connection is one client', () => {
    const via = (entry: string) => clientAddress('10.0.0.1', { 'x-forwarded-for': `6.6.6.6, ${entry}` }, true);
    assert.equal(via('203.0.113.7:50123'), '203.0.113.7');
    assert.equal(via('[2001:db8::1]:443'), '2001:db8::1');
    assert.equal(via('[2001:db8::1]'), '2001:db8::1');
    assert.equal(via('2001:db8::1'), '2001:db8::1', 'a bare IPv6 address keeps its last group');
    assert.equal(clientAddress('203.0.113.7:50123', {}, false), '203.0.113.7', 'an address a platform read');
  });

  it('falls back to the socket address when no proxy header came', () => {
    assert.equal(clientAddress('10.0.0.1', {}, true), '10.0.0.1');
    assert.equal(clientAddress(undefined, {}, false), 'unknown');
  });
});

describe('addressKey', () => {
  it('counts IPv4 addresses one by one, IPv4-mapped IPv6 as IPv4', () => {
    assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
    assert.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7');
  });

  it('keys an address the same with or without a port', () => {
    assert.equal(addressKey('203.0.113.7:50123'), '203.0.113.7');
    assert.equal(addressKey('203.0.113.7:50999'), addressKey('203.0.113.7'));
    assert.equal(addressKey('[2001:db8::1]:443'), '2001:db8:0:0::/64');
    assert.equal(addressKey('[::ffff:203.0.113.7]:443'), '203.0.113.7');
  });

  it('counts IPv6 addresses by their /64', () => {
    assert.equal(addressKey('2001:db8:0:1::5'), '2001:db8:0:1::/64');
    assert.equal(addressKey('2001:0db8:0000:0001:ffff:ffff:ffff:ffff'), '2001:db8:0:1::/64');
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
    assert.notEqual(addressKey('2001:db8:0:1::5'), addressKey('2001:db8:0:2::5'));
  });
});
