import type { CarrierId } from '@trackline/core';

// Tracking numbers for the sandbox's parcels, with real check digits, so they pass `detectCarrier` for
// their carrier as real labels do. Deterministic: parcel `n` of a carrier always has the same number.

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** UPS 1Z: digits count as themselves, letters as (char code − 63) mod 10; odd positions double. */
function upsCheck(serial: string): number {
  let total = 0;
  for (let i = 0; i < serial.length; i++) {
    const ch = serial.charAt(i);
    const value = ch >= '0' && ch <= '9' ? Number(ch) : (ch.charCodeAt(0) - 63) % 10;
    total += i % 2 === 1 ? value * 2 : value;
  }
  return (10 - (total % 10)) % 10;
}

/** FedEx Express 12: Σ digit × (3, 1, 7, …) mod 11 mod 10. */
function fedexCheck(serial: string): number {
  const weights = [3, 1, 7];
  let total = 0;
  for (let i = 0; i < serial.length; i++) total += Number(serial.charAt(i)) * weights[i % 3]!;
  return (total % 11) % 10;
}

/** USPS IMpb (GS1 mod 10): from the right, weights 3, 1, 3, … */
function gs1Check(serial: string): number {
  let total = 0;
  for (let i = serial.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) {
    total += Number(serial.charAt(i)) * weight;
  }
  return (10 - (total % 10)) % 10;
}

/** DHL Express: the serial as a number, mod 7. */
function dhlCheck(serial: string): number {
  return Number(BigInt(serial) % 7n);
}

const makers: Partial<Record<CarrierId, (n: number) => string>> = {
  ups: (n) => {
    const serial = `TRKLN1${'03'}${pad(n, 7)}`;
    return `1Z${serial}${upsCheck(serial)}`;
  },
  fedex: (n) => {
    const serial = `77${pad(1_000_000 + n, 9)}`;
    return `${serial}${fedexCheck(serial)}`;
  },
  usps: (n) => {
    const serial = `94001912345678${pad(n, 7)}`;
    return `${serial}${gs1Check(serial)}`;
  },
  dhl: (n) => {
    const serial = pad(123_400_000 + n, 9);
    return `${serial}${dhlCheck(serial)}`;
  },
};

/** The carriers the sandbox plays parcels for: those with their own tracking API. */
export const sandboxCarriers = ['ups', 'fedex', 'usps', 'dhl'] as const satisfies readonly CarrierId[];
export type SandboxCarrier = (typeof sandboxCarriers)[number];

export function trackingNumberFor(carrier: SandboxCarrier, n: number): string {
  return makers[carrier]!(n);
}
