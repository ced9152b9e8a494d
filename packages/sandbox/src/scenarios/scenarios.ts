import type { CarrierId, Place } from '@trackline/core';
import type { StepKind } from './steps.js';

export interface ScenarioStep {
  /** Hours after the scenario starts. */
  at: number;
  kind: StepKind;
  location: Place;
}

export interface Scenario {
  id: string;
  title: string;
  carrier: CarrierId;
  trackingNumber: string;
  service: string;
  origin: Place;
  destination: Place;
  /** Days after the start that the store promised delivery by. */
  promisedWithinDays: number;
  steps: readonly ScenarioStep[];
}

const newark: Place = { city: 'Newark', region: 'NJ', country: 'US' };
const louisville: Place = { city: 'Louisville', region: 'KY', country: 'US' };
const chicago: Place = { city: 'Chicago', region: 'IL', country: 'US' };
const denver: Place = { city: 'Denver', region: 'CO', country: 'US' };
const omaha: Place = { city: 'Omaha', region: 'NE', country: 'US' };

// Hour 0 is 13:00 UTC (09:00 on the US east coast in summer), so scans fall at believable local times.
export const scenarios: readonly Scenario[] = [
  {
    id: 'on-time',
    title: 'On-time delivery',
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    service: 'UPS Ground',
    origin: newark,
    destination: chicago,
    promisedWithinDays: 4,
    steps: [
      { at: 0, kind: 'label_created', location: newark },
      { at: 8, kind: 'picked_up', location: newark },
      { at: 11, kind: 'departed', location: newark },
      { at: 20, kind: 'arrived', location: louisville },
      { at: 24, kind: 'departed', location: louisville },
      { at: 43, kind: 'arrived', location: chicago },
      { at: 47, kind: 'out_for_delivery', location: chicago },
      { at: 53, kind: 'delivered', location: chicago },
    ],
  },
  {
    id: 'weather-delay',
    title: 'Weather delay',
    carrier: 'fedex',
    trackingNumber: '776094337676',
    service: 'FedEx Ground',
    origin: chicago,
    destination: denver,
    promisedWithinDays: 4,
    steps: [
      { at: 0, kind: 'label_created', location: chicago },
      { at: 6, kind: 'picked_up', location: chicago },
      { at: 10, kind: 'departed', location: chicago },
      { at: 22, kind: 'weather_delay', location: omaha },
      { at: 46, kind: 'departed', location: omaha },
      { at: 59, kind: 'arrived', location: denver },
      { at: 73, kind: 'out_for_delivery', location: denver },
      { at: 80, kind: 'delivered', location: denver },
    ],
  },
  {
    id: 'failed-attempt',
    title: 'Failed attempt, then delivered',
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    service: 'UPS 2nd Day Air',
    origin: newark,
    destination: chicago,
    promisedWithinDays: 3,
    steps: [
      { at: 0, kind: 'label_created', location: newark },
      { at: 4, kind: 'picked_up', location: newark },
      { at: 20, kind: 'arrived', location: chicago },
      { at: 23, kind: 'out_for_delivery', location: chicago },
      { at: 30, kind: 'failed_attempt', location: chicago },
      { at: 47, kind: 'out_for_delivery', location: chicago },
      { at: 52, kind: 'delivered', location: chicago },
    ],
  },
];

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((scenario) => scenario.id === id);
}
