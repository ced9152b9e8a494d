// Realistic tracking numbers for the major carriers, with their real check digits, computed here from the
// carriers' published rules (independently of the detector under test). A seeded generator keeps the set
// identical from run to run.
import type { CarrierId } from '@trackline/core';

export interface Labelled {
  readonly input: string;
  /** The carrier the number belongs to, or `null` for a number no carrier's rules accept. */
  readonly carrier: CarrierId | null;
  readonly source: 'dataset' | 'generated';
}

/** mulberry32: a tiny, well-distributed seeded PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIGITS = '0123456789';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** UPS: digits count as themselves, letters as their offset from "A" plus 2, mod 10; odd positions double. */
function upsCheck(serial: string): number {
  let total = 0;
  for (let i = 0; i < serial.length; i++) {
    const ch = serial[i] as string;
    const value = ch >= '0' && ch <= '9' ? Number(ch) : (ch.charCodeAt(0) - 63) % 10;
    total += i % 2 === 1 ? value * 2 : value;
  }
  return (10 - (total % 10)) % 10;
}

/** GS1-style mod 10: the rightmost digit weighs `right`, the next `other`, alternating leftwards. */
function gs1Check(serial: string, right: number, other: number): number {
  let total = 0;
  for (let i = serial.length - 1, w = right; i >= 0; i--, w = w === right ? other : right) {
    total += Number(serial[i]) * w;
  }
  return (10 - (total % 10)) % 10;
}

/** FedEx Express: Σ digit × weight (cycling 3 1 7 from the left, or 1 7 3 for 13-digit serials) % 11 % 10. */
function fedexWeighted(serial: string, cycle: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < serial.length; i++) total += Number(serial[i]) * (cycle[i % 3] as number);
  return (total % 11) % 10;
}

function s10Check(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let total = 0;
  for (let i = 0; i < 8; i++) total += Number(serial[i]) * (weights[i] as number);
  const r = total % 11;
  return r === 1 ? 0 : r === 0 ? 5 : 11 - r;
}

/** DHL Express: the serial as a number, mod 7. */
function dhlCheck(serial: string): number {
  return Number(BigInt(serial) % 7n);
}

interface Kind {
  readonly carrier: CarrierId;
  readonly count: number;
  /** A valid number, and the index of its check digit. */
  readonly make: (
    pick: (chars: string, n: number) => string,
    choose: <T>(items: readonly T[]) => T,
  ) => [string, number];
  /** Whether breaking the check digit leaves a number no other carrier's rules accept (by construction). */
  readonly breakable: boolean;
}

const kinds: readonly Kind[] = [
  {
    carrier: 'ups',
    count: 160,
    breakable: true,
    make: (pick, choose) => {
      const serial =
        pick(ALPHANUMERIC, 6) + choose(['01', '02', '03', '03', '03', '12', '13', '42', 'YW', '66']) + pick(DIGITS, 7);
      return [`1Z${serial}${upsCheck(serial)}`, 17];
    },
  },
  {
    carrier: 'fedex',
    count: 110,
    breakable: true, // starts 7-9, so Purolator's 0-5 never applies
    make: (pick, choose) => {
      const serial = choose(['77', '78', '79', '81', '88']) + pick(DIGITS, 9);
      return [`${serial}${fedexWeighted(serial, [3, 1, 7])}`, 11];
    },
  },
  {
    carrier: 'fedex',
    count: 60,
    breakable: false, // a 15-digit number with a broken FedEx check can be a valid DPD (14)
    make: (pick) => {
      const serial = pick(DIGITS, 14);
      return [`${serial}${gs1Check(serial, 3, 1)}`, 14];
    },
  },
  {
    carrier: 'fedex',
    count: 60,
    breakable: true,
    make: (pick, choose) => {
      const serial = pick(DIGITS, 14);
      return [`96${choose(['11', '12', '13'])}${choose(['100', '020', '001'])}${serial}${gs1Check(serial, 3, 1)}`, 21];
    },
  },
  {
    carrier: 'fedex',
    count: 30,
    breakable: true,
    make: (pick) => {
      const express = pick(DIGITS, 11);
      const serial = `00${express}`;
      return [`1${pick(DIGITS, 14)}${pick(DIGITS, 5)}${serial}${fedexWeighted(serial, [1, 7, 3])}`, 33];
    },
  },
  {
    carrier: 'usps',
    count: 130,
    breakable: true,
    make: (pick, choose) => {
      const identifier = choose(['92', '93', '94', '94', '94', '95']);
      const service = choose(['001', '055', '612', '361', '405', '748', '023', '190']);
      const nineDigitMailer = identifier === '92' || (identifier !== '93' && choose([true, false]));
      const mailerAndPackage = nineDigitMailer
        ? `9${pick(DIGITS, 8)}${pick(DIGITS, 7)}`
        : `${pick('012345678', 1)}${pick(DIGITS, 5)}${pick(DIGITS, 10)}`;
      const serial = identifier + service + mailerAndPackage;
      return [`${serial}${gs1Check(serial, 3, 1)}`, 21];
    },
  },
  {
    carrier: 'usps',
    count: 40,
    breakable: true,
    make: (pick) => {
      // 420 + ZIP routing prefix before a 22-digit IMpb N (six-digit mailer ID).
      const body = `94001${pick('012345678', 1)}${pick(DIGITS, 5)}${pick(DIGITS, 10)}`;
      return [`420${pick(DIGITS, 5)}${body}${gs1Check(body, 3, 1)}`, 29];
    },
  },
  {
    carrier: 'usps',
    count: 40,
    breakable: true,
    make: (pick) => {
      // Former FedEx SmartPost / Ground Economy: AI 92, service 612, a 9-digit mailer ID — USPS IMpb C in v2.
      const serial = `926129${pick(DIGITS, 8)}${pick(DIGITS, 7)}`;
      return [`${serial}${gs1Check(serial, 3, 1)}`, 21];
    },
  },
  {
    carrier: 'usps',
    count: 30,
    breakable: true,
    make: (pick, choose) => {
      const serial = pick(DIGITS, 8);
      return [`${choose(['EA', 'EC', 'EE', 'RA', 'RB', 'RE', 'CP', 'LZ'])}${serial}${s10Check(serial)}US`, 10];
    },
  },
  {
    carrier: 'dhl',
    count: 110,
    breakable: true,
    make: (pick) => {
      const serial = pick('123456789', 1) + pick(DIGITS, 8);
      return [`${serial}${dhlCheck(serial)}`, 9];
    },
  },
];

/** Groups of four, as labels and e-mails print long numbers. */
function grouped(number: string): string {
  return number.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The generated set: valid numbers of each kind, a quarter printed in groups, and broken-check variants. */
export function generated(seed = 20_240_817): Labelled[] {
  const next = random(seed);
  const pick = (chars: string, n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += chars[Math.floor(next() * chars.length)];
    return out;
  };
  const choose = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const result: Labelled[] = [];
  for (const kind of kinds) {
    for (let i = 0; i < kind.count; i++) {
      const [number, checkAt] = kind.make(pick, choose);
      const style = next();
      const input = style < 0.25 ? grouped(number) : style < 0.3 ? number.toLowerCase() : number;
      result.push({ input, carrier: kind.carrier, source: 'generated' });
      if (kind.breakable && i % 2 === 0) {
        const wrong = (Number(number[checkAt]) + 1 + Math.floor(next() * 9)) % 10;
        result.push({
          input: number.slice(0, checkAt) + wrong + number.slice(checkAt + 1),
          carrier: null,
          source: 'generated',
        });
      }
    }
  }
  return result;
}
