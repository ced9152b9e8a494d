// One suite every adapter passes against the sandbox, as Lion runs one suite for each mixin: every
// scenario of every carrier it tracks, read back to the meaning the scenario gives it; and every fault.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTracker,
  isTracklineError,
  type AdapterOptions,
  type CarrierAdapter,
  type Shipment,
} from '@trackline/core';
import { carrierSandboxes } from '../carriers/index.js';
import { trackingNumberFor, type SandboxCarrier } from '../scenarios/numbers.js';
import { parcels, type Parcel } from '../scenarios/parcels.js';
import { playParcel } from '../scenarios/play.js';
import { createSandbox, type Sandbox } from '../server/server.js';
import type { CarrierSandbox } from '../server/types.js';

export interface ConformanceSubject {
  /** As shown in test names: "UPS". */
  name: string;
  /** The sandbox API the adapter talks to. */
  api: CarrierSandbox['id'];
  /** Makes the adapter under test, pointed at the sandbox. */
  make(baseUrl: string, options: Partial<AdapterOptions>): CarrierAdapter;
  /** The carriers whose parcels it is checked on. */
  carriers: readonly SandboxCarrier[];
  /** The token endpoint's path below the API's mount, for adapters that use OAuth. */
  tokenPath?: string;
}

/** The secret every conformance adapter is made with (API key, client secret): it must never show in an error. */
export const conformanceSecret = 'sandbox-secret-must-not-leak';

const start = new Date('2026-05-04T13:00:00Z');
const hour = 3_600_000;

function expectSameStory(actual: Shipment, expected: Shipment, label: string): void {
  assert.equal(actual.trackingNumber, expected.trackingNumber, `${label}: tracking number`);
  assert.equal(actual.carrier, expected.carrier, `${label}: carrier`);
  assert.equal(actual.status, expected.status, `${label}: status`);
  assert.deepEqual(
    actual.problem && { reason: actual.problem.reason, actionRequired: actual.problem.actionRequired },
    expected.problem && { reason: expected.problem.reason, actionRequired: expected.problem.actionRequired },
    `${label}: problem`,
  );
  const story = (shipment: Shipment) =>
    shipment.events.map((event) => ({
      instant: new Date(event.at).toISOString(),
      status: event.status,
      problem: event.problem?.reason,
      city: event.location?.city?.toLowerCase(),
    }));
  assert.deepEqual(story(actual), story(expected), `${label}: events`);
  assert.equal(
    actual.deliveredAt && new Date(actual.deliveredAt).toISOString(),
    expected.deliveredAt && new Date(expected.deliveredAt).toISOString(),
    `${label}: delivered at`,
  );
}

const seenErrors: unknown[] = [];

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    seenErrors.push(error);
    return error;
  }
  assert.fail('expected the call to fail');
}

/** Registers the conformance tests of one adapter. */

/**
 * A `fetch` that, once armed, aborts `controller` with `reason` the moment an answer's headers are in: when
 * the adapter is reading its body.
 */
function abortWhenHeadersArrive() {
  const controller = new AbortController();
  const reason = new Error('the shopper left');
  let armed = false;
  const watch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (armed) setTimeout(() => controller.abort(reason), 0);
    return response;
  };
  return { controller, reason, watch, arm: () => (armed = true) };
}
export function conformance(subject: ConformanceSubject): void {
  describe(`${subject.name} adapter against the sandbox`, () => {
    let sandbox: Sandbox;
    let clock = start.getTime();
    const adapter = (options: Partial<AdapterOptions> = {}) =>
      subject.make(sandbox.baseUrl(subject.api), { retries: 2, timeout: 2_000, ...options });
    const apiCalls = () =>
      sandbox.requests.filter((r) => r.carrier === subject.api && r.path !== subject.tokenPath).length;
    const tokenCalls = () =>
      sandbox.requests.filter((r) => r.carrier === subject.api && r.path === subject.tokenPath).length;
    const mine = parcels.filter((parcel) => subject.carriers.includes(parcel.carrier));
    const someParcel = mine[0] as Parcel;

    before(async () => {
      sandbox = createSandbox({ carriers: carrierSandboxes, start, now: () => new Date(clock) });
      await sandbox.listen(0);
    });
    after(() => sandbox.close());

    it('tells every scenario of every carrier as the scenario means it, after each scan', async () => {
      const tracked = adapter();
      for (const parcel of mine) {
        for (const step of parcel.scenario.steps) {
          clock = start.getTime() + (step.at + 0.25) * hour;
          const expected = playParcel(parcel, { start, now: new Date(clock) });
          const actual = await tracked.track(parcel.trackingNumber, { carrier: parcel.carrier });
          expectSameStory(actual, expected, `${parcel.carrier} ${parcel.scenario.id} at hour ${step.at}`);
        }
      }
    });

    it('says not_found for a number the carrier does not know', async () => {
      const error = await rejection(
        adapter().track(trackingNumberFor(someParcel.carrier, 990), { carrier: someParcel.carrier }),
      );
      assert.ok(isTracklineError(error, 'not_found'), String(error));
    });

    it('retries a 429 and succeeds, honouring Retry-After', async () => {
      sandbox.clearFaults();
      const tracked = adapter();
      await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier }); // token, if any
      const before = apiCalls();
      sandbox.injectFault({ kind: 'rate_limited', carrier: subject.api, retryAfter: 0 });
      await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier });
      assert.equal(apiCalls() - before, 2);
    });

    it('stops after the configured retries and says rate_limited', async () => {
      sandbox.clearFaults();
      const tracked = adapter({ retries: 2 });
      await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier });
      const before = apiCalls();
      sandbox.injectFault({ kind: 'rate_limited', carrier: subject.api, retryAfter: 0, times: 10 });
      const error = await rejection(tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier }));
      assert.ok(isTracklineError(error, 'rate_limited'), String(error));
      assert.equal(apiCalls() - before, 3);
      sandbox.clearFaults();
    });

    it('does not wait for a Retry-After longer than it allows', async () => {
      sandbox.clearFaults();
      const tracked = adapter({ maxRetryAfter: 5_000 });
      await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier });
      const before = apiCalls();
      sandbox.injectFault({ kind: 'rate_limited', carrier: subject.api, retryAfter: 120 });
      const error = await rejection(tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier }));
      assert.ok(isTracklineError(error, 'rate_limited'), String(error));
      assert.equal((error as { retryAfter?: number }).retryAfter, 120);
      assert.equal(apiCalls() - before, 1);
    });

    it('retries a 500 and a 503 and succeeds', async () => {
      sandbox.clearFaults();
      sandbox.injectFault({ kind: 'server_error', carrier: subject.api });
      sandbox.injectFault({ kind: 'unavailable', carrier: subject.api, retryAfter: 0 });
      const shipment = await adapter().track(someParcel.trackingNumber, { carrier: someParcel.carrier });
      assert.equal(shipment.trackingNumber, someParcel.trackingNumber);
    });

    it('says unavailable when the carrier stays down', async () => {
      sandbox.clearFaults();
      const tracked = adapter({ retries: 1 });
      await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier });
      sandbox.injectFault({ kind: 'server_error', carrier: subject.api, times: 5 });
      const error = await rejection(tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier }));
      assert.ok(isTracklineError(error, 'unavailable'), String(error));
      sandbox.clearFaults();
    });

    it('says timeout when the carrier answers too slowly', async () => {
      sandbox.clearFaults();
      const tracked = adapter({ timeout: 150, retries: 0 });
      await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier });
      sandbox.injectFault({ kind: 'slow', carrier: subject.api, delayMs: 600 });
      const error = await rejection(tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier }));
      assert.ok(isTracklineError(error, 'timeout'), String(error));
    });

    // The stalls below last far longer than any bound the tests check, so a timeout or an abort that does not
    // cover the body fails them by a wide margin, and a loaded machine cannot.
    const stall = 20_000;
    const bound = 5_000;
    // The timeout of the tests that wait for it: long enough for an answer that does not stall on a loaded
    // machine (the tracker test asks again after the timeout), far shorter than the stall.
    const brief = 500;

    it('says timeout when the carrier stalls in the middle of its answer', async () => {
      sandbox.clearFaults();
      const tracked = adapter({ timeout: brief, retries: 0 });
      await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier });
      sandbox.injectFault({ kind: 'stall_body', carrier: subject.api, delayMs: stall });
      const started = performance.now();
      const error = await rejection(tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier }));
      assert.ok(isTracklineError(error, 'timeout'), String(error));
      assert.ok(performance.now() - started < bound, `took ${performance.now() - started} ms`);
    });

    it('stops at once when the caller aborts while the answer is arriving', async () => {
      sandbox.clearFaults();
      const { controller, reason, watch, arm } = abortWhenHeadersArrive();
      const tracked = adapter({ timeout: stall, retries: 0, fetch: watch });
      await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier }); // token, if any
      arm();
      sandbox.injectFault({ kind: 'stall_body', carrier: subject.api, delayMs: stall });
      const started = performance.now();
      const error = await rejection(
        tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier, signal: controller.signal }),
      );
      assert.equal(error, reason);
      assert.ok(performance.now() - started < bound, `took ${performance.now() - started} ms`);
    });

    it('lets tracker callers of a number whose answer stalls see the timeout, not wait on it', async () => {
      sandbox.clearFaults();
      const tracked = adapter({ timeout: brief, retries: 0 });
      await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier });
      const tracker = createTracker({ adapters: [tracked] });
      sandbox.injectFault({ kind: 'stall_body', carrier: subject.api, delayMs: stall });
      const started = performance.now();
      // The second caller joins the first one's upstream request; the timeout ends it for both.
      const both = [1, 2].map(() =>
        rejection(tracker.track(someParcel.trackingNumber, { carrier: someParcel.carrier })),
      );
      for (const error of await Promise.all(both)) assert.ok(isTracklineError(error, 'timeout'), String(error));
      assert.ok(performance.now() - started < bound, `took ${performance.now() - started} ms`);
      // On a loaded machine the timeout can run out before the request reaches the sandbox, leaving the fault.
      sandbox.clearFaults();
      const shipment = await tracker.track(someParcel.trackingNumber, { carrier: someParcel.carrier });
      assert.equal(shipment.trackingNumber, someParcel.trackingNumber, 'a later call asks the carrier again');
    });

    it('lets a tracker caller abort while the answer stalls, and the others still get the timeout', async () => {
      sandbox.clearFaults();
      const { controller, reason, watch, arm } = abortWhenHeadersArrive();
      const tracked = adapter({ timeout: brief, retries: 0, fetch: watch });
      await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier }); // token, if any
      arm();
      const tracker = createTracker({ adapters: [tracked] });
      sandbox.injectFault({ kind: 'stall_body', carrier: subject.api, delayMs: stall });
      const started = performance.now();
      const leaving = rejection(
        tracker.track(someParcel.trackingNumber, { carrier: someParcel.carrier, signal: controller.signal }),
      );
      const staying = rejection(tracker.track(someParcel.trackingNumber, { carrier: someParcel.carrier }));
      assert.equal(await leaving, reason);
      const error = await staying;
      assert.ok(isTracklineError(error, 'timeout'), String(error));
      assert.ok(performance.now() - started < bound, `took ${performance.now() - started} ms`);
    });

    it('says invalid_response for a body that is not JSON', async () => {
      sandbox.clearFaults();
      const tracked = adapter();
      await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier });
      sandbox.injectFault({ kind: 'malformed', carrier: subject.api });
      const error = await rejection(tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier }));
      assert.ok(isTracklineError(error, 'invalid_response'), String(error));
    });

    it('passes the caller’s abort through', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(
        adapter().track(someParcel.trackingNumber, { carrier: someParcel.carrier, signal: controller.signal }),
      );
      assert.equal((error as Error).name, 'AbortError');
    });

    if (subject.tokenPath) {
      it('gets a new token once when the carrier says the token expired, and only once', async () => {
        sandbox.clearFaults();
        const tracked = adapter();
        await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier });
        const tokensBefore = tokenCalls();
        await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier });
        assert.equal(tokenCalls() - tokensBefore, 0, 'the cached token is reused');

        sandbox.injectFault({ kind: 'expired_token', carrier: subject.api });
        await tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier });
        assert.equal(tokenCalls() - tokensBefore, 1, 'one refresh after the 401');

        sandbox.injectFault({ kind: 'expired_token', carrier: subject.api, times: 2 });
        const apiBefore = apiCalls();
        const error = await rejection(tracked.track(someParcel.trackingNumber, { carrier: someParcel.carrier }));
        assert.ok(isTracklineError(error, 'auth'), String(error));
        assert.equal(tokenCalls() - tokensBefore, 2, 'a second 401 does not loop');
        assert.equal(apiCalls() - apiBefore, 2);
        sandbox.clearFaults();
      });
    }

    it('never shows the credentials in any error it threw above', () => {
      assert.ok(seenErrors.length >= 6);
      for (const error of seenErrors) {
        const text = `${String((error as Error).message)} ${JSON.stringify(error)}`;
        assert.ok(!text.includes(conformanceSecret), text);
      }
    });
  });
}
