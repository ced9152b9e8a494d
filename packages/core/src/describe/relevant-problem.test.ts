import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeShipment, isSlowdown, relevantProblem } from '@trackline/core/describe';
import { problemReasons, statuses, type Problem, type Shipment } from '@trackline/core/model';

const NOW = '2024-04-26T12:00:00-04:00';

function parcel(status: Shipment['status'], problem?: Problem): Shipment {
  return {
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    status,
    events: [
      {
        at: '2024-04-26T07:50:00-07:00',
        timeSource: 'carrier',
        status,
        code: 'X',
        description: 'SCAN',
        location: { city: 'Fresno', region: 'CA', country: 'US' },
      },
    ],
    destination: { city: 'Brooklyn', region: 'NY', country: 'US', timeZone: 'America/New_York' },
    updatedAt: '2024-04-26T14:55:00Z',
    ...(problem ? { problem } : {}),
  };
}

const problem = (reason: Problem['reason'], actionRequired: boolean): Problem => ({
  reason,
  actionRequired,
  since: '2024-04-26T07:50:00-07:00',
});

describe('isSlowdown', () => {
  it('names the reasons that only say the parcel is slow, and no other', () => {
    assert.deepEqual(problemReasons.filter((reason) => isSlowdown(reason)).sort(), ['delayed', 'stalled', 'weather']);
    assert.equal(isSlowdown('damaged'), false);
  });
});

describe('relevantProblem', () => {
  it('has no problem to show when the shipment has none', () => {
    for (const status of statuses) assert.equal(relevantProblem(parcel(status)), undefined, status);
  });

  it('keeps every problem while the parcel is on its way to the shopper', () => {
    for (const status of [
      'pending',
      'info_received',
      'in_transit',
      'out_for_delivery',
      'available_for_pickup',
    ] as const) {
      for (const reason of problemReasons) {
        const open = problem(reason, false);
        assert.equal(relevantProblem(parcel(status, open)), open, `${status} ${reason}`);
      }
    }
  });

  it('drops a delay once the parcel is delivered, even one marked as needing action', () => {
    for (const reason of ['delayed', 'weather', 'stalled'] as const) {
      for (const action of [false, true]) {
        assert.equal(relevantProblem(parcel('delivered', problem(reason, action))), undefined, reason);
      }
    }
  });

  it('keeps damage, a loss or a refusal on a delivered parcel, and anything else only while action is needed', () => {
    for (const reason of ['damaged', 'lost', 'refused'] as const) {
      assert.ok(relevantProblem(parcel('delivered', problem(reason, false))), reason);
    }
    for (const reason of ['address', 'failed_attempt', 'customs', 'payment_due', 'held', 'other'] as const) {
      assert.equal(relevantProblem(parcel('delivered', problem(reason, false))), undefined, reason);
      assert.ok(relevantProblem(parcel('delivered', problem(reason, true))), `${reason} needing action`);
    }
  });

  it('keeps every problem but a delay on a parcel going back or cancelled', () => {
    for (const status of ['returning', 'returned', 'cancelled'] as const) {
      for (const reason of problemReasons) {
        const kept = relevantProblem(parcel(status, problem(reason, true))) !== undefined;
        assert.equal(kept, !['delayed', 'weather', 'stalled'].includes(reason), `${status} ${reason}`);
      }
    }
  });

  // The banner and the progress note of the elements follow relevantProblem, the copy follows describeShipment:
  // a problem one of them drops must not change the other's words, and one it keeps must.
  it('agrees with describeShipment on every status, problem and action flag', () => {
    for (const status of statuses) {
      const without = describeShipment(parcel(status), { now: NOW });
      for (const reason of problemReasons) {
        for (const action of [false, true]) {
          const shipment = parcel(status, problem(reason, action));
          const described = describeShipment(shipment, { now: NOW });
          const label = `${status} ${reason}${action ? ' (action needed)' : ''}`;
          if (relevantProblem(shipment)) assert.notDeepEqual(described, without, label);
          else assert.deepEqual(described, without, label);
        }
      }
    }
  });
});
