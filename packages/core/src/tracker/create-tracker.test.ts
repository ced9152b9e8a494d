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
});
