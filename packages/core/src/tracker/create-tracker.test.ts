import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  TracklineError,
  buildShipment,
  createTracker,
  isTracklineError,
  memoryCache,
  type CarrierAdapter,
  type CarrierId,
  type Shipment,
  type TrackerCache,
} from '@trackline/core';

type Behaviour = (number: string) => Shipment | TracklineError;

function shipment(carrier: CarrierId, trackingNumber: string, status: Shipment['status'] = 'in_transit'): Shipment {
  return buildShipment({
    carrier,
    trackingNumber,
    events: [{ at: '2026-05-04T09:00:00-04:00', timeSource: 'carrier', status, code: 'X', description: 'Scan' }],
    now: new Date('2026-05-04T14:00:00Z'),
  });
}

function fake(id: CarrierAdapter['id'], carriers: CarrierId[], behaviour: Behaviour) {
  const calls: string[] = [];
  const adapter: CarrierAdapter = {
    id,
    carriers,
    async track(number) {
      calls.push(number);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const result = behaviour(number);
      if (result instanceof TracklineError) throw result;
      return result;
    },
    parse: () => assert.fail('not used'),
  };
  return { adapter, calls };
}

const notFound = () => new TracklineError('not_found', 'No such shipment.');
const down = () => new TracklineError('unavailable', 'Down.');
const refused = () => new TracklineError('invalid_number', 'Not one of our numbers.');

/** A cache whose store is down: every call fails the way a Redis client's does. */
function brokenCache(): TrackerCache {
  return {
    get: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
    set: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
  };
}

async function failure(promise: Promise<unknown>): Promise<TracklineError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TracklineError, String(error));
    return error;
  }
  assert.fail('expected a TracklineError');
}

describe('createTracker', () => {
  it('detects the carrier of a pasted number and asks that carrier', async () => {
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n));
    const fedex = fake('fedex', ['fedex'], (n) => shipment('fedex', n));
    const tracker = createTracker({ adapters: [ups.adapter, fedex.adapter] });
    const result = await tracker.track('1z 999 aa1 01 2345 6784');
    assert.equal(result.carrier, 'ups');
    assert.deepEqual(ups.calls, ['1Z999AA10123456784']);
    assert.deepEqual(fedex.calls, []);
  });

  it('tries the next candidate carrier when the first has no such number', async () => {
    const fedex = fake('fedex', ['fedex'], notFound);
    const purolator = fake('purolator' as CarrierId, ['purolator'], (n) => shipment('purolator', n));
    const tracker = createTracker({ adapters: [fedex.adapter, purolator.adapter] });
    const result = await tracker.track('320610804900');
    assert.equal(result.carrier, 'purolator');
    assert.equal(fedex.calls.length, 1);
  });

  it('uses the carrier the caller names, without detection', async () => {
    const dhl = fake('dhl', ['dhl'], (n) => shipment('dhl', n));
    const result = await createTracker({ adapters: [dhl.adapter] }).track('ABC-123', { carrier: 'dhl' });
    assert.equal(result.trackingNumber, 'ABC123');
  });

  it('falls back to an aggregator when the carrier’s own API is down', async () => {
    const ups = fake('ups', ['ups'], down);
    const easypost = fake('easypost', ['ups', 'fedex'], (n) => shipment('ups', n));
    const tracker = createTracker({ adapters: [ups.adapter, easypost.adapter] });
    assert.equal((await tracker.track('1Z999AA10123456784')).carrier, 'ups');
    assert.equal(ups.calls.length, 1);
    assert.equal(easypost.calls.length, 1);
  });

  it('reports the carrier’s own error when the fallback does not know the number either', async () => {
    const ups = fake('ups', ['ups'], down);
    const easypost = fake('easypost', ['ups'], notFound);
    const error = await failure(
      createTracker({ adapters: [ups.adapter, easypost.adapter] }).track('1Z999AA10123456784'),
    );
    assert.equal(error.code, 'unavailable');
  });

  it('does not fall back on a response it could not read: that is the answer', async () => {
    const ups = fake('ups', ['ups'], () => new TracklineError('invalid_response', 'Bad.'));
    const easypost = fake('easypost', ['ups'], (n) => shipment('ups', n));
    const error = await failure(
      createTracker({ adapters: [ups.adapter, easypost.adapter] }).track('1Z999AA10123456784'),
    );
    assert.equal(error.code, 'invalid_response');
    assert.equal(easypost.calls.length, 0);
  });

  it('reports the carrier being down, not a fallback refusing the number, and asks every fallback', async () => {
    const ups = fake('ups', ['ups'], down);
    const easypost = fake('easypost', ['ups'], refused);
    const aftership = fake('aftership', ['ups'], notFound);
    const tracker = createTracker({ adapters: [ups.adapter, easypost.adapter, aftership.adapter] });
    const error = await failure(tracker.track('1Z999AA10123456784'));
    assert.equal(error.code, 'unavailable');
    assert.equal(easypost.calls.length, 1);
    assert.equal(aftership.calls.length, 1);
  });

  it('asks the next fallback when one cannot answer, and returns its shipment', async () => {
    const ups = fake('ups', ['ups'], down);
    const easypost = fake('easypost', ['ups'], () => new TracklineError('invalid_response', 'Bad.'));
    const aftership = fake('aftership', ['ups'], (n) => shipment('ups', n));
    const tracker = createTracker({ adapters: [ups.adapter, easypost.adapter, aftership.adapter] });
    assert.equal((await tracker.track('1Z999AA10123456784')).carrier, 'ups');
    assert.equal(aftership.calls.length, 1);
  });

  it('reports what a fallback said when the carrier only did not know the number', async () => {
    const ups = fake('ups', ['ups'], notFound);
    const easypost = fake('easypost', ['ups'], notFound);
    const aftership = fake('aftership', ['ups'], down);
    const tracker = createTracker({ adapters: [ups.adapter, easypost.adapter, aftership.adapter] });
    assert.equal((await failure(tracker.track('1Z999AA10123456784'))).code, 'unavailable');
  });

  it('tries the next candidate carrier when the first refuses the number as not its own', async () => {
    const fedex = fake('fedex', ['fedex'], refused);
    const purolator = fake('purolator', ['purolator'], (n) => shipment('purolator', n));
    const tracker = createTracker({ adapters: [fedex.adapter, purolator.adapter] });
    assert.equal((await tracker.track('081210427258')).carrier, 'purolator');
    assert.deepEqual(fedex.calls, ['081210427258']);
  });

  it('says "not found" over "not our number" when no candidate carrier has the parcel', async () => {
    const fedex = fake('fedex', ['fedex'], refused);
    const purolator = fake('purolator', ['purolator'], notFound);
    const tracker = createTracker({ adapters: [fedex.adapter, purolator.adapter] });
    assert.equal((await failure(tracker.track('081210427258'))).code, 'not_found');
    const onlyRefusals = createTracker({ adapters: [fake('fedex', ['fedex'], refused).adapter] });
    assert.equal((await failure(onlyRefusals.track('081210427258'))).code, 'invalid_number');
  });

  it('makes one upstream request for concurrent look-ups of the same number', async () => {
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n));
    const tracker = createTracker({ adapters: [ups.adapter] });
    const results = await Promise.all(Array.from({ length: 5 }, () => tracker.track('1Z999AA10123456784')));
    assert.equal(ups.calls.length, 1);
    assert.ok(results.every((r) => r.trackingNumber === results[0]!.trackingNumber));
  });

  it('lets one caller give up without failing the others waiting for the same number', async () => {
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n));
    const tracker = createTracker({ adapters: [ups.adapter] });
    const quitter = new AbortController();
    const first = tracker.track('1Z999AA10123456784', { signal: quitter.signal });
    const second = tracker.track('1Z999AA10123456784');
    quitter.abort();
    await assert.rejects(first, { name: 'AbortError' });
    assert.equal((await second).carrier, 'ups');
    assert.equal(ups.calls.length, 1);
  });

  it('gives every caller its own copy, so changing one changes no other', async () => {
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n));
    const tracker = createTracker({ adapters: [ups.adapter] });
    const mine = await tracker.track('1Z999AA10123456784');
    mine.status = 'delivered';
    assert.equal((await tracker.track('1Z999AA10123456784')).status, 'in_transit');
  });

  it('reads a number typed full-width or copied with a zero-width space, with or without a carrier', async () => {
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n));
    const tracker = createTracker({ adapters: [ups.adapter] });
    await tracker.track('１Ｚ９９９ＡＡ１０１２３４５６７８４');
    await tracker.track('１ｚ９９９ａａ１０１２３４５６７８５', { carrier: 'ups', fresh: true });
    await tracker.track('1Z999AA1012345678\u200b6', { carrier: 'ups' });
    await tracker.track('1Z999AA1012345678\u2060\u00ad7', { carrier: 'ups' });
    assert.deepEqual(ups.calls, [
      '1Z999AA10123456784',
      '1Z999AA10123456785',
      '1Z999AA10123456786',
      '1Z999AA10123456787',
    ]);
    assert.equal((await failure(tracker.track('\u200b\u200b', { carrier: 'ups' }))).code, 'invalid_number');
  });

  it('tells a JavaScript caller what to pass instead of a wrong type or carrier', async () => {
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n));
    const tracker = createTracker({ adapters: [ups.adapter] });
    const loose = tracker as { track(number: unknown, request?: unknown): Promise<Shipment> };
    await assert.rejects(loose.track(81210427258), {
      name: 'TypeError',
      message: /as a string, got the number 81210427258: pass the text as printed/,
    });
    await assert.rejects(loose.track(undefined), { name: 'TypeError', message: /as a string, got undefined/ });
    await assert.rejects(loose.track('1Z999AA10123456784', 'ups'), {
      name: 'TypeError',
      message: /options as an object, such as \{ carrier: 'ups' \}/,
    });
    await assert.rejects(loose.track('1Z999AA10123456784', { carrier: 'bogus' }), {
      name: 'TypeError',
      message: /does not know the carrier "bogus": pass one of ups, fedex, .*or leave carrier out/,
    });
    assert.deepEqual(ups.calls, []);
  });

  it('refuses a number with characters no tracking number has, such as a list', async () => {
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n));
    const error = await failure(
      createTracker({ adapters: [ups.adapter] }).track('MYNUMBER1,RA123456789US', { carrier: 'ups' }),
    );
    assert.equal(error.code, 'invalid_number');
    assert.equal(ups.calls.length, 0);
  });

  it('answers from the cache for as long as the status allows, and asks again when told to', async () => {
    let clock = 0;
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n, 'out_for_delivery'));
    const tracker = createTracker({ adapters: [ups.adapter], cache: memoryCache({ now: () => clock }) });
    await tracker.track('1Z999AA10123456784');
    clock = 4 * 60_000;
    await tracker.track('1Z999AA10123456784');
    assert.equal(ups.calls.length, 1, 'still fresh after 4 minutes');
    clock = 6 * 60_000;
    await tracker.track('1Z999AA10123456784');
    assert.equal(ups.calls.length, 2, 'out for delivery is asked again after 5 minutes');
    await tracker.track('1Z999AA10123456784', { fresh: true });
    assert.equal(ups.calls.length, 3);
  });

  it('keeps a delivered shipment for a day', async () => {
    let clock = 0;
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n, 'delivered'));
    const tracker = createTracker({ adapters: [ups.adapter], cache: memoryCache({ now: () => clock }) });
    await tracker.track('1Z999AA10123456784');
    clock = 23 * 3_600_000;
    await tracker.track('1Z999AA10123456784');
    assert.equal(ups.calls.length, 1);
  });

  it('keeps a shipment for the default time when ttl gives no usable time, and says so', async () => {
    for (const given of [Number.NaN, undefined, -1, Number.POSITIVE_INFINITY]) {
      let clock = 0;
      const reported: Error[] = [];
      const ups = fake('ups', ['ups'], (n) => shipment('ups', n, 'in_transit'));
      const tracker = createTracker({
        adapters: [ups.adapter],
        cache: memoryCache({ now: () => clock }),
        ttl: () => given as number,
        onCacheError: (error) => reported.push(error),
      });
      await tracker.track('1Z999AA10123456784');
      clock = 19 * 60_000;
      await tracker.track('1Z999AA10123456784');
      assert.equal(ups.calls.length, 1, `${given}: kept while the default 20 minutes last`);
      clock = 21 * 60_000;
      await tracker.track('1Z999AA10123456784');
      assert.equal(ups.calls.length, 2, `${given}: asked again after the default 20 minutes`);
      assert.ok(reported[0] instanceof RangeError);
      assert.match(reported[0].message, new RegExp(`ttl returned ${String(given)} .*finite number of 0 or more`));
    }
  });

  it('still tracks when the cache is down, and tells onCacheError', async () => {
    const reported: Error[] = [];
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n));
    const tracker = createTracker({
      adapters: [ups.adapter],
      cache: brokenCache(),
      onCacheError: (error) => reported.push(error),
    });
    assert.equal((await tracker.track('1Z999AA10123456784')).carrier, 'ups');
    assert.equal(ups.calls.length, 1);
    assert.deepEqual(
      reported.map((error) => error.message),
      [
        'Could not read the tracker’s cache, so the carrier was asked instead. Check the cache.',
        'Could not store a shipment in the tracker’s cache; it was returned anyway, and its next look-up asks the carrier again. Check the cache.',
      ],
    );
    assert.match(String((reported[0]!.cause as Error).message), /ECONNREFUSED/);
  });

  it('still tracks when a cache throws at once, or onCacheError itself throws', async () => {
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n));
    const tracker = createTracker({
      adapters: [ups.adapter],
      cache: {
        get: () => assert.fail('the cache client is not connected'),
        set: () => assert.fail('the cache client is not connected'),
      },
      onCacheError: () => {
        throw new Error('the logger is down too');
      },
    });
    assert.equal((await tracker.track('1Z999AA10123456784')).carrier, 'ups');
  });

  it('treats a cache that hangs as a miss after cacheTimeout, and never waits for its writes', async () => {
    const reported: Error[] = [];
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n));
    // A Redis client queueing commands while it is offline: nothing ever answers.
    const hanging: TrackerCache = { get: () => new Promise(() => {}), set: () => new Promise(() => {}) };
    const tracker = createTracker({
      adapters: [ups.adapter],
      cache: hanging,
      cacheTimeout: 20,
      onCacheError: (error) => reported.push(error),
    });
    assert.equal((await tracker.track('1Z999AA10123456784')).carrier, 'ups');
    assert.equal((await tracker.track('1Z999AA10123456784', { fresh: true })).carrier, 'ups');
    assert.equal(ups.calls.length, 2, 'each call reached the carrier: the hanging write held neither');
    assert.match((reported[0]!.cause as Error).message, /did not answer within 20 ms/);
    // The caller's own signal still ends the wait for a slow read at once.
    const slow = createTracker({ adapters: [ups.adapter], cache: hanging, cacheTimeout: 60_000 });
    await assert.rejects(
      slow.track('1Z999AA10123456784', { signal: AbortSignal.timeout(20) }),
      (error: Error) => error.name === 'TimeoutError',
    );
    assert.throws(() => createTracker({ adapters: [ups.adapter], cacheTimeout: 0 }), /cacheTimeout/);
  });

  it('asks every aggregator in turn when none is the carrier’s own API', async () => {
    const easypost = fake('easypost', ['ups'], () => new TracklineError('invalid_response', 'Bad.'));
    const aftership = fake('aftership', ['ups'], (n) => shipment('ups', n));
    const tracker = createTracker({ adapters: [easypost.adapter, aftership.adapter] });
    assert.equal((await tracker.track('1Z999AA10123456784')).carrier, 'ups');
    assert.equal(aftership.calls.length, 1);
  });

  it('keeps the carrier’s "not found" over a fallback refusing the number', async () => {
    const ups = fake('ups', ['ups'], notFound);
    const easypost = fake('easypost', ['ups'], refused);
    const tracker = createTracker({ adapters: [ups.adapter, easypost.adapter] });
    assert.equal((await failure(tracker.track('1Z999AA10123456784'))).code, 'not_found');
  });

  it('reads a named carrier’s number as detection does, and an empty carrier as none', async () => {
    const ups = fake('ups', ['ups'], (n) => shipment('ups', n));
    const tracker = createTracker({ adapters: [ups.adapter] });
    await tracker.track('1Z\u2013999\u2013AA1\u20130123456784', { carrier: 'ups' });
    await tracker.track('1Z.999.AA1.0123456784', { carrier: 'ups', fresh: true });
    assert.deepEqual(ups.calls, ['1Z999AA10123456784', '1Z999AA10123456784']);
    const form = { carrier: '' } as unknown as { carrier: CarrierId };
    assert.equal((await tracker.track('1Z999AA10123456784', { ...form, fresh: true })).carrier, 'ups');
  });

  it('does not cache a failure', async () => {
    let failing = true;
    const ups = fake('ups', ['ups'], (n) => (failing ? down() : shipment('ups', n)));
    const tracker = createTracker({ adapters: [ups.adapter] });
    await failure(tracker.track('1Z999AA10123456784'));
    failing = false;
    assert.equal((await tracker.track('1Z999AA10123456784')).carrier, 'ups');
  });

  it('says invalid_number for text that is no tracking number, and for an empty one', async () => {
    const tracker = createTracker({ adapters: [fake('ups', ['ups'], notFound).adapter] });
    assert.match((await failure(tracker.track('hello world'))).message, /does not look like a tracking number/);
    assert.equal((await failure(tracker.track('  '))).code, 'invalid_number');
  });

  it('says which carrier a number belongs to when that carrier is not set up', async () => {
    const tracker = createTracker({ adapters: [fake('ups', ['ups'], notFound).adapter] });
    const error = await failure(tracker.track('776094337676'));
    assert.equal(error.code, 'not_found');
    assert.match(error.message, /looks like a FedEx number/);
  });

  it('refuses to start without adapters', () => {
    assert.throws(() => createTracker({ adapters: [] }), /at least one adapter/);
  });

  it('passes an abort through without trying other APIs', async () => {
    const controller = new AbortController();
    const ups: CarrierAdapter = {
      id: 'ups',
      carriers: ['ups'],
      track: () => {
        controller.abort();
        return Promise.reject(controller.signal.reason);
      },
      parse: () => assert.fail('not used'),
    };
    const easypost = fake('easypost', ['ups'], (n) => shipment('ups', n));
    const tracker = createTracker({ adapters: [ups, easypost.adapter] });
    await assert.rejects(tracker.track('1Z999AA10123456784', { signal: controller.signal }), { name: 'AbortError' });
    assert.equal(easypost.calls.length, 0);
    assert.ok(!isTracklineError(controller.signal.reason));
  });
});

describe('memoryCache', () => {
  it('forgets the least recently used shipment first', () => {
    const cache = memoryCache({ maxEntries: 2, now: () => 0 });
    cache.set('a', shipment('ups', 'A'), 1000);
    cache.set('b', shipment('ups', 'B'), 1000);
    cache.get('a');
    cache.set('c', shipment('ups', 'C'), 1000);
    assert.ok(cache.get('a'));
    assert.equal(cache.get('b'), undefined);
    assert.ok(cache.get('c'));
  });

  it('refuses a size below one', () => {
    assert.throws(() => memoryCache({ maxEntries: 0 }), /at least 1/);
  });

  it('refuses a time that is not a finite number of milliseconds, instead of keeping a shipment for ever', () => {
    const cache = memoryCache();
    for (const ttlMs of [Number.NaN, -1, Number.POSITIVE_INFINITY, undefined as unknown as number]) {
      assert.throws(() => cache.set('a', shipment('ups', 'A'), ttlMs), {
        name: 'RangeError',
        message: /ttlMs in milliseconds, a finite number of 0 or more/,
      });
    }
    assert.equal(cache.get('a'), undefined);
  });
});
