import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShipment } from '@trackline/core';
import { findScenario, playScenario, scenarios } from '@trackline/sandbox';

const start = new Date('2024-05-06T13:00:00Z');
const hoursLater = (hours: number) => new Date(start.getTime() + hours * 3_600_000);

describe('playScenario', () => {
  it('shows only what has happened so far', () => {
    const shipment = playScenario(findScenario('on-time')!, { start, now: hoursLater(21) });
    assert.equal(shipment.status, 'in_transit');
    assert.deepEqual(
      shipment.events.map((e) => e.code),
      ['label_created', 'picked_up', 'departed', 'arrived'],
    );
  });

  it('reports scan times in the local time of the scan, with the offset', () => {
    const shipment = playScenario(findScenario('on-time')!, { start, now: hoursLater(21) });
    // 13:00Z is 09:00 in Newark (EDT); 53 h later it is 13:00 in Chicago (CDT).
    assert.equal(shipment.events[0]!.at, '2024-05-06T09:00:00-04:00');
    assert.equal(shipment.events[0]!.timeSource, 'carrier');
    const chicago = playScenario(findScenario('on-time')!, { start, now: hoursLater(53) }).events.at(-1)!;
    assert.equal(chicago.at, '2024-05-08T13:00:00-05:00');
  });

  it('opens a weather delay and clears it at the next good scan', () => {
    const scenario = findScenario('weather-delay')!;
    assert.equal(playScenario(scenario, { start, now: hoursLater(23) }).problem?.reason, 'weather');
    assert.equal(playScenario(scenario, { start, now: hoursLater(47) }).problem, undefined);
  });

  it('ends delivered once every step has happened', () => {
    for (const scenario of scenarios) {
      const last = scenario.steps.at(-1)!.at;
      assert.equal(playScenario(scenario, { start, now: hoursLater(last) }).status, 'delivered', scenario.id);
      assert.equal(playScenario(scenario, { start, now: hoursLater(last - 0.5) }).status !== 'delivered', true);
    }
  });

  it('produces shipments that pass the core schema at every step of every scenario', () => {
    for (const scenario of scenarios) {
      for (const step of scenario.steps) {
        parseShipment(playScenario(scenario, { start, now: hoursLater(step.at) }));
      }
    }
  });
});
