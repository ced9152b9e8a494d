import { carrierName } from '@trackline/core';
import { sandboxCarriers, trackingNumberFor, type SandboxCarrier } from './numbers.js';
import { scenarios, type Scenario } from './scenarios.js';

/** One parcel the sandbox answers for: a scenario played by one carrier under one tracking number. */
export interface Parcel {
  carrier: SandboxCarrier;
  trackingNumber: string;
  scenario: Scenario;
  /** The service name as the carrier writes it. */
  service: string;
}

const services: Record<SandboxCarrier, string> = {
  ups: 'UPS Ground',
  fedex: 'FedEx Ground',
  usps: 'USPS Ground Advantage',
  dhl: 'DHL Express Worldwide',
};

/** Every scenario for every carrier: parcel n of a carrier plays scenario n. */
export const parcels: readonly Parcel[] = sandboxCarriers.flatMap((carrier) =>
  scenarios.map((scenario, n) => ({
    carrier,
    trackingNumber: trackingNumberFor(carrier, n),
    scenario,
    service: services[carrier],
  })),
);

const byNumber = new Map(parcels.map((parcel) => [parcel.trackingNumber, parcel]));

/** The parcel with this number (spaces and case ignored), if the sandbox has it. */
export function findParcel(trackingNumber: string): Parcel | undefined {
  return byNumber.get(trackingNumber.replace(/\s+/g, '').toUpperCase());
}

/** The parcel that plays `scenarioId` for `carrier`. */
export function parcelFor(carrier: SandboxCarrier, scenarioId: string): Parcel {
  const parcel = parcels.find((p) => p.carrier === carrier && p.scenario.id === scenarioId);
  if (!parcel) throw new Error(`The sandbox has no "${scenarioId}" scenario for ${carrierName(carrier)}.`);
  return parcel;
}

/** A store order, as the demo and the Node helper see it: one shopper, one or more parcels. */
export interface SandboxOrder {
  orderNumber: string;
  email: string;
  postalCode: string;
  parcels: readonly Parcel[];
}

/**
 * One order per single-parcel scenario, plus an order shipped in two parcels by two carriers. No parcel is
 * in two orders (a store keeps each parcel in one order): the split order's first parcel is USPS's on-time
 * parcel, which no single-parcel order uses.
 */
export const orders: readonly SandboxOrder[] = [
  ...scenarios
    .filter((scenario) => scenario.id !== 'second-parcel')
    .map((scenario, n) => ({
      orderNumber: `TL-${1001 + n}`,
      email: `${scenario.id}@example.com`,
      postalCode: scenario.destination.postalCode ?? '',
      parcels: [parcelFor(sandboxCarriers[n % sandboxCarriers.length]!, scenario.id)],
    })),
  {
    orderNumber: 'TL-1099',
    email: 'split-order@example.com',
    postalCode: '60607',
    parcels: [parcelFor('usps', 'on-time'), parcelFor('fedex', 'second-parcel')],
  },
];
