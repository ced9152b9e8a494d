import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShipment } from '@trackline/core';
import { findScenario, playScenario, scenarios } from '@trackline/sandbox';

const start = new Date('2024-05-06T13:00:00Z');
const hoursLater = (hours: number) => new Date(start.getTime() + hours * 3_600_000);

describe('playScenario', () => {
  it('shows only what has happened so far', () => {
    const shipment = playScenario(findScenario('on-time')!, { start, now: hoursLater(31) });
    assert.equal(shipment.status, 'in_transit');
    assert.deepEqual(
      shipment.events.map((e) => e.code),
      ['label_created', 'picked_up', 'departed', 'arrived'],
    );
  });

  it('reports scan times in the local time of the scan, with the offset', () => {
    const shipment = playScenario(findScenario('on-time')!, { start, now: hoursLater(31) });
    // 13:00Z is 09:00 in Newark (EDT) and, 30 h later, 14:00 in Louisville (EDT).
    assert.equal(shipment.events[0]!.at, '2024-05-06T09:00:00-04:00');
    assert.equal(shipment.events[0]!.timeSource, 'carrier');
    const chicago = playScenario(findScenario('on-time')!, { start, now: hoursLater(66) }).events.at(-1)!;
    assert.equal(chicago.at, '2024-05-09T02:00:00-05:00');
  });

  it('opens a weather delay and clears it at the next good scan', () => {
    const scenario = findScenario('weather-delay')!;
    assert.equal(playScenario(scenario, { start, now: hoursLater(41) }).problem?.reason, 'weather');
    assert.equal(playScenario(scenario, { start, now: hoursLater(81) }).problem, undefined);
  });

  it('plays faster when time is accelerated', () => {
    const shipment = playScenario(findScenario('failed-attempt')!, { start, now: hoursLater(61 / 60), speed: 60 });
    assert.equal(shipment.status, 'delivered');
  });

  it('produces shipments that pass the core schema at every step of every scenario', () => {
    for (const scenario of scenarios) {
      for (const step of scenario.steps) {
        parseShipment(playScenario(scenario, { start, now: hoursLater(step.at) }));
      }
    }
  });

  it('refuses a speed that is not a positive number', () => {
    assert.throws(() => playScenario(scenarios[0]!, { start, now: start, speed: 0 }), /speed must be a positive/);
  });
});
