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
      { at: 6, kind: 'picked_up', location: newark },
      { at: 14, kind: 'departed', location: newark },
      { at: 30, kind: 'arrived', location: louisville },
      { at: 34, kind: 'departed', location: louisville },
      { at: 52, kind: 'arrived', location: chicago },
      { at: 60, kind: 'out_for_delivery', location: chicago },
      { at: 66, kind: 'delivered', location: chicago },
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
      { at: 5, kind: 'picked_up', location: chicago },
      { at: 20, kind: 'departed', location: chicago },
      { at: 40, kind: 'weather_delay', location: { city: 'Omaha', region: 'NE', country: 'US' } },
      { at: 80, kind: 'departed', location: { city: 'Omaha', region: 'NE', country: 'US' } },
      { at: 96, kind: 'arrived', location: denver },
      { at: 104, kind: 'out_for_delivery', location: denver },
      { at: 110, kind: 'delivered', location: denver },
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
      { at: 24, kind: 'arrived', location: chicago },
      { at: 32, kind: 'out_for_delivery', location: chicago },
      { at: 38, kind: 'failed_attempt', location: chicago },
      { at: 56, kind: 'out_for_delivery', location: chicago },
      { at: 61, kind: 'delivered', location: chicago },
    ],
  },
];

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((scenario) => scenario.id === id);
}
