import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isTracklineError } from '../errors/trackline-error.js';
import type { CarrierAdapter } from './adapter.js';
import { aftership } from './aftership/aftership.js';
import { dhl } from './dhl/dhl.js';
import { easypost } from './easypost/easypost.js';
import { fedex } from './fedex/fedex.js';
import { shippo } from './shippo/shippo.js';
import { fakeFetch, json } from './testing.js';
import { cleanTrackingNumber } from './tracking-number.js';
import { ups } from './ups/ups.js';
import { usps } from './usps/usps.js';

describe('cleanTrackingNumber', () => {
  it('takes out the spaces and dashes people type, in upper case', () => {
    assert.equal(cleanTrackingNumber(' 1z 999-aa1 0123\t456784 '), '1Z999AA10123456784');
    assert.equal(cleanTrackingNumber('1LS7123456789012-1'), '1LS71234567890121');
  });

  it('refuses an empty number and anything but letters and digits, saying what to remove', () => {
    assert.throws(() => cleanTrackingNumber(' - '), { code: 'invalid_number', message: /empty/ });
    for (const input of ['..', '.', '1Z/..', 'a/b', '%2e%2e', '1Z999?x=1', 'A,B', 'Ä123', '1Z#9']) {
      assert.throws(() => cleanTrackingNumber(input), { code: 'invalid_number', message: /only letters and digits/ });
    }
  });

  it('admits the test numbers it is told of, and nothing else written that way', () => {
    assert.equal(cleanTrackingNumber('shippo_delivered', /^SHIPPO_[A-Z_]+$/), 'SHIPPO_DELIVERED');
    assert.throws(() => cleanTrackingNumber('SHIPPO_..', /^SHIPPO_[A-Z_]+$/), { code: 'invalid_number' });
  });

  it('returns only letters and digits, or throws invalid_number, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        try {
          assert.match(cleanTrackingNumber(input), /^[A-Z0-9]+$/);
        } catch (error) {
          assert.ok(isTracklineError(error, 'invalid_number'), String(error));
        }
      }),
    );
  });
});

describe('every adapter refuses a number that could reach another path', () => {
  const make = (fetch: typeof globalThis.fetch): CarrierAdapter[] => {
    const common = { baseUrl: 'http://127.0.0.1:45004/api', fetch, retries: 0 };
    const oauth = { ...common, clientId: 'id', clientSecret: 'secret' };
    return [
      ups(oauth),
      fedex(oauth),
      usps(oauth),
      dhl({ ...common, apiKey: 'key' }),
      easypost({ ...common, apiKey: 'key' }),
      shippo({ ...common, apiKey: 'key' }),
      aftership({ ...common, apiKey: 'key' }),
    ];
  };

  it('says invalid_number without sending anything, token requests included', async () => {
    const { fetch, requests } = fakeFetch(() => json({ access_token: 't', expires_in: 3600 }));
    for (const adapter of make(fetch)) {
      for (const number of ['..', '../../v2/trackers', '1Z999AA1/..', '%2E%2E', 'A,B']) {
        await assert.rejects(
          adapter.track(number, { carrier: 'usps' }),
          (error) => isTracklineError(error, 'invalid_number'),
          `${adapter.id} ${number}`,
        );
      }
    }
    assert.deepEqual(
      requests.map(({ request }) => request.url),
      [],
    );
  });
});
