import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseLookupQuery, type QueryResult } from './query.js';

const parse = (query: string): QueryResult => parseLookupQuery(new URLSearchParams(query));
const message = (query: string): string => {
  const result = parse(query);
  assert.equal(result.ok, false, `${query} should be refused`);
  return (result as { message: string }).message;
};

describe('parseLookupQuery', () => {
  it('reads an order look-up by email, trimming what was typed', () => {
    assert.deepEqual(parse('orderNumber=%20TL-1001%20&email=Jane%40Example.com'), {
      ok: true,
      query: { kind: 'order', orderNumber: 'TL-1001', email: 'Jane@Example.com' },
    });
  });

  it('reads an order look-up by postal code', () => {
    assert.deepEqual(parse('orderNumber=TL-1001&postalCode=sw1a%201aa'), {
      ok: true,
      query: { kind: 'order', orderNumber: 'TL-1001', postalCode: 'sw1a 1aa' },
    });
  });

  it('reads a tracking number as the carrier prints it, spaces and case aside', () => {
    assert.deepEqual(parse('trackingNumber=1z%20999%20aa1-0123456784'), {
      ok: true,
      query: { kind: 'parcel', trackingNumber: '1Z999AA10123456784' },
    });
  });

  it('ignores fields it does not know, such as a cache buster', () => {
    assert.equal(parse('trackingNumber=1Z999AA10123456784&_=123').ok, true);
  });

  it('says what is missing', () => {
    assert.match(message(''), /orderNumber with email or postalCode, or a trackingNumber/);
    assert.match(message('orderNumber=TL-1001'), /email address or the postal code/);
    assert.match(message('email=jane%40example.com'), /orderNumber: enter the order number/);
  });

  it('refuses mixed or repeated proofs instead of trying each', () => {
    assert.match(message('orderNumber=TL-1001&email=a%40b.c&postalCode=94105'), /either email or postalCode/);
    assert.match(message('orderNumber=TL-1001&email=a%40b.c&email=b%40b.c'), /email: give it once, not 2 times/);
    assert.match(message('trackingNumber=1Z999AA10123456784&orderNumber=TL-1001'), /either trackingNumber alone/);
  });

  it('names the field that is malformed', () => {
    assert.match(message('orderNumber=TL-1001&email=jane'), /^email: /);
    assert.match(message('orderNumber=TL-1001&postalCode=%3Cscript%3E'), /^postalCode: /);
    assert.match(message('trackingNumber=1Z%2C999'), /^trackingNumber: /);
    assert.match(message('orderNumber=TL%0A1001&email=a%40b.c'), /orderNumber: remove the control characters/);
    assert.match(message(`orderNumber=${'9'.repeat(65)}&email=a%40b.c`), /orderNumber: at most 64 characters, got 65/);
    assert.match(message('orderNumber=%20%20&email=a%40b.c'), /orderNumber: it is empty/);
  });

  it('never throws, and every refusal says something', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('orderNumber', 'email', 'postalCode', 'trackingNumber', 'x'), fc.string()),
        (fields) => {
          const result = parseLookupQuery(new URLSearchParams(fields));
          return result.ok || result.message.length > 0;
        },
      ),
    );
  });
});
