import type { Place } from '@trackline/core';
import type { StepKind } from './steps.js';

export interface ScenarioStep {
  /** Hours after the scenario starts. */
  at: number;
  kind: StepKind;
  location: Place;
}

/** A parcel's life, in carrier-neutral steps; every sandbox carrier plays every scenario. */
export interface Scenario {
  id: string;
  title: string;
  origin: Place;
  destination: Place;
  /** Days after the start that the store promised delivery by. */
  promisedWithinDays: number;
  steps: readonly ScenarioStep[];
}

const newark: Place = { city: 'Newark', region: 'NJ', country: 'US', postalCode: '07102' };
const louisville: Place = { city: 'Louisville', region: 'KY', country: 'US', postalCode: '40209' };
const chicago: Place = { city: 'Chicago', region: 'IL', country: 'US', postalCode: '60607' };
const denver: Place = { city: 'Denver', region: 'CO', country: 'US', postalCode: '80202' };
const omaha: Place = { city: 'Omaha', region: 'NE', country: 'US', postalCode: '68102' };
const london: Place = { city: 'London', country: 'GB', postalCode: 'EC1A 1BB' };
const newYork: Place = { city: 'New York', region: 'NY', country: 'US', postalCode: '10001' };

// Hour 0 is 13:00 UTC (09:00 on the US east coast in summer), so scans fall at believable local times.
export const scenarios: readonly Scenario[] = [
  {
    id: 'on-time',
    title: 'On-time delivery',
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
  {
    id: 'pickup',
    title: 'Available for pickup',
    origin: newark,
    destination: chicago,
    promisedWithinDays: 4,
    steps: [
      { at: 0, kind: 'label_created', location: newark },
      { at: 6, kind: 'picked_up', location: newark },
      { at: 24, kind: 'arrived', location: chicago },
      { at: 30, kind: 'ready_for_pickup', location: chicago },
      { at: 52, kind: 'collected', location: chicago },
    ],
  },
  {
    id: 'address-problem',
    title: 'Address problem',
    origin: newark,
    destination: chicago,
    promisedWithinDays: 4,
    steps: [
      { at: 0, kind: 'label_created', location: newark },
      { at: 5, kind: 'picked_up', location: newark },
      { at: 22, kind: 'arrived', location: chicago },
      { at: 26, kind: 'out_for_delivery', location: chicago },
      { at: 30, kind: 'address_problem', location: chicago },
      { at: 50, kind: 'out_for_delivery', location: chicago },
      { at: 55, kind: 'delivered', location: chicago },
    ],
  },
  {
    id: 'customs-hold',
    title: 'Customs hold',
    origin: london,
    destination: newYork,
    promisedWithinDays: 6,
    steps: [
      { at: 0, kind: 'label_created', location: london },
      { at: 4, kind: 'picked_up', location: london },
      { at: 10, kind: 'departed', location: london },
      { at: 20, kind: 'arrived', location: newYork },
      { at: 22, kind: 'customs_hold', location: newYork },
      { at: 60, kind: 'customs_cleared', location: newYork },
      { at: 70, kind: 'out_for_delivery', location: newYork },
      { at: 76, kind: 'delivered', location: newYork },
    ],
  },
  {
    id: 'returned',
    title: 'Returned to sender',
    origin: newark,
    destination: chicago,
    promisedWithinDays: 4,
    steps: [
      { at: 0, kind: 'label_created', location: newark },
      { at: 6, kind: 'picked_up', location: newark },
      { at: 24, kind: 'arrived', location: chicago },
      { at: 28, kind: 'out_for_delivery', location: chicago },
      { at: 33, kind: 'failed_attempt', location: chicago },
      { at: 60, kind: 'return_to_sender', location: chicago },
      { at: 80, kind: 'arrived', location: newark },
      { at: 90, kind: 'returned', location: newark },
    ],
  },
  {
    id: 'stalled-lost',
    title: 'Stalled, then lost',
    origin: newark,
    destination: denver,
    promisedWithinDays: 5,
    steps: [
      { at: 0, kind: 'label_created', location: newark },
      { at: 5, kind: 'picked_up', location: newark },
      { at: 9, kind: 'departed', location: newark },
      { at: 24, kind: 'arrived', location: louisville },
      // Then nothing for a week, until the carrier declares it lost.
      { at: 192, kind: 'lost', location: louisville },
    ],
  },
  {
    id: 'second-parcel',
    title: 'Second parcel of a split order',
    origin: louisville,
    destination: chicago,
    promisedWithinDays: 4,
    steps: [
      { at: 3, kind: 'label_created', location: louisville },
      { at: 10, kind: 'picked_up', location: louisville },
      { at: 14, kind: 'departed', location: louisville },
      { at: 34, kind: 'arrived', location: chicago },
      { at: 47, kind: 'out_for_delivery', location: chicago },
      { at: 55, kind: 'delivered', location: chicago },
    ],
  },
];

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((scenario) => scenario.id === id);
}
