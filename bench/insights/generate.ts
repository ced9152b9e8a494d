// A million shipments that look like a year-end quarter of a mid-sized store: several carriers and
// services, warehouses on both US coasts and in Europe, transit times that depend on the service and
// the distance, a few percent with problems, promises made at checkout, and one lane (FedEx Ground
// into Texas) that got slower in the last month. Deterministic: the same seed gives the same data.
import type { CarrierId, ProblemReason, Status, TrackingEvent } from '@trackline/core';
import type { InsightShipment } from '@trackline/core';

/** mulberry32: small, fast, and good enough for synthetic data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Service {
  carrier: CarrierId;
  name: string;
  /** Typical transit in days, before distance. */
  days: number;
  share: number;
  international?: boolean;
}

const services: Service[] = [
  { carrier: 'ups', name: 'UPS Ground', days: 3, share: 22 },
  { carrier: 'ups', name: 'UPS 2nd Day Air', days: 2, share: 6 },
  { carrier: 'fedex', name: 'FedEx Ground', days: 3, share: 18 },
  { carrier: 'fedex', name: 'FedEx Express Saver', days: 2.5, share: 5 },
  { carrier: 'usps', name: 'USPS Ground Advantage', days: 3.5, share: 24 },
  { carrier: 'usps', name: 'Priority Mail', days: 2.2, share: 12 },
  { carrier: 'dhl', name: 'DHL Express Worldwide', days: 4, share: 5, international: true },
  { carrier: 'canada_post', name: 'Expedited Parcel', days: 4, share: 4, international: true },
  { carrier: 'royal_mail', name: 'International Tracked', days: 6, share: 4, international: true },
];

interface Area {
  country: string;
  region?: string;
  /** Standard-time offset in minutes, to write local times as a carrier would. */
  offset: number;
  timeZone?: string;
  /** Rough distance class from the warehouses (adds days). */
  far: number;
}

const domestic: Area[] = [
  { country: 'US', region: 'CA', offset: -480, far: 1 },
  { country: 'US', region: 'TX', offset: -360, far: 0.8 },
  { country: 'US', region: 'NY', offset: -300, far: 0.6 },
  { country: 'US', region: 'FL', offset: -300, far: 1 },
  { country: 'US', region: 'IL', offset: -360, far: 0.5 },
  { country: 'US', region: 'WA', offset: -480, far: 1.3 },
  { country: 'US', region: 'CO', offset: -420, far: 0.9 },
  { country: 'US', region: 'GA', offset: -300, far: 0.7 },
  { country: 'US', region: 'AZ', offset: -420, far: 1, timeZone: 'America/Phoenix' },
  { country: 'US', region: 'MA', offset: -300, far: 0.6 },
  { country: 'US', region: 'OH', offset: -300, far: 0.4 },
  { country: 'US', region: 'HI', offset: -600, far: 3 },
];
const abroad: Area[] = [
  { country: 'CA', region: 'ON', offset: -300, far: 1 },
  { country: 'CA', region: 'BC', offset: -480, far: 1.5 },
  { country: 'GB', offset: 0, far: 2 },
  { country: 'DE', offset: 60, far: 2, timeZone: 'Europe/Berlin' },
  { country: 'AU', region: 'NSW', offset: 600, far: 4 },
];
const warehouses: Area[] = [
  { country: 'US', region: 'NJ', offset: -300, far: 0 },
  { country: 'US', region: 'NV', offset: -480, far: 0 },
];

const problemsSeen: Array<[ProblemReason, number]> = [
  ['delayed', 0.025],
  ['weather', 0.01],
  ['failed_attempt', 0.015],
  ['address', 0.004],
  ['customs', 0.003],
  ['damaged', 0.002],
];

// Times are written digit by digit into a flat one-byte string, as JSON.parse would leave them (strings
// built by concatenation are ropes, slower to read, which would time the generator rather than summarize).
const chars = new Array<number>(25);
const put2 = (at: number, value: number) => {
  chars[at] = 48 + Math.floor(value / 10);
  chars[at + 1] = 48 + (value % 10);
};

function writeDate(dayNumber: number): void {
  // H. Hinnant's civil_from_days.
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  put2(0, Math.floor(y / 100));
  put2(2, y % 100);
  chars[4] = 45;
  put2(5, m);
  chars[7] = 45;
  put2(8, d);
}

/** A local time as a carrier writes it: wall clock plus offset (`2025-06-02T14:05:09-05:00`). */
function local(ms: number, offset: number): string {
  const wall = Math.floor(ms / 1000) * 1000 + offset * 60_000;
  const dayNumber = Math.floor(wall / DAY);
  const seconds = Math.floor((wall - dayNumber * DAY) / 1000);
  writeDate(dayNumber);
  chars[10] = 84;
  put2(11, Math.floor(seconds / 3600));
  chars[13] = 58;
  put2(14, Math.floor(seconds / 60) % 60);
  chars[16] = 58;
  put2(17, seconds % 60);
  chars[19] = offset < 0 ? 45 : 43;
  put2(20, Math.floor(Math.abs(offset) / 60));
  chars[22] = 58;
  put2(23, Math.abs(offset) % 60);
  return String.fromCharCode(...chars);
}

/** The calendar day (`YYYY-MM-DD`) of an instant at a UTC offset. */
function day(ms: number, offset: number): string {
  writeDate(Math.floor((ms + offset * 60_000) / DAY));
  return String.fromCharCode(...chars.slice(0, 10));
}

/** Standard normal by Box–Muller. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function event(at: string, status: Status, code: string, description: string, reason?: ProblemReason): TrackingEvent {
  const e: TrackingEvent = { at, timeSource: 'carrier', status, code, description };
  if (reason) e.problem = { reason, actionRequired: reason === 'address' || reason === 'customs' };
  return e;
}

export interface Generated {
  shipments: InsightShipment[];
  /** The end of the data: what `now` is. */
  now: number;
}

export function generate(count: number, seed = 20_250_630): Generated {
  const random = prng(seed);
  const now = Date.UTC(2025, 5, 30, 23, 0);
  const span = 120 * DAY;
  const totalShare = services.reduce((sum, s) => sum + s.share, 0);
  const pickService = () => {
    let x = random() * totalShare;
    for (const s of services) if ((x -= s.share) < 0) return s;
    return services[0]!;
  };
  const shipments: InsightShipment[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const service = pickService();
    const origin = warehouses[random() < 0.6 ? 0 : 1]!;
    const destination = service.international
      ? abroad[Math.floor(random() * abroad.length)]!
      : domestic[Math.floor(random() * domestic.length)]!;
    const placed = now - span + Math.floor(random() * span) - 6 * DAY;
    const handling = Math.exp(Math.log(0.8) + 0.7 * normal(random)) * DAY;
    const shipped = placed + handling;
    // The lane that got worse: FedEx Ground into Texas, in the last month.
    const slow = service.name === 'FedEx Ground' && destination.region === 'TX' && shipped > now - 30 * DAY ? 1.6 : 1;
    let transit = (service.days + destination.far) * slow * Math.exp(0.25 * normal(random)) * DAY;
    let reason: ProblemReason | undefined;
    const roll = random();
    let acc = 0;
    for (const [r, p] of problemsSeen)
      if (roll < (acc += p)) {
        reason = r;
        break;
      }
    if (reason) transit += (1 + random() * 3) * DAY;
    const isLost = random() < 0.004;
    const isReturned = !isLost && random() < 0.008;
    // Deliveries land between 9:00 and 20:00 at the destination.
    let delivered = shipped + transit;
    const localHour = ((((delivered + destination.offset * 60_000) % DAY) + DAY) % DAY) / HOUR;
    if (localHour < 9 || localHour > 20)
      delivered += ((localHour < 9 ? 9 - localHour : 33 - localHour) + random() * 3) * HOUR;
    const promiseDays = Math.ceil(1 + service.days + destination.far + 1);
    const promisedLatest = day(placed + promiseDays * DAY, destination.offset);

    const events: TrackingEvent[] = [
      event(local(placed + handling * 0.5, origin.offset), 'info_received', 'MP', 'Shipper created a label'),
      event(local(shipped, origin.offset), 'in_transit', 'OR', 'Picked up'),
    ];
    let status: Status = 'in_transit';
    let deliveredAt: string | undefined;
    if (reason) events.push(event(local(shipped + transit / 2, origin.offset), 'in_transit', 'DL', 'Delay', reason));
    if (isLost) {
      events.push(event(local(shipped + 8 * DAY, origin.offset), 'in_transit', 'LS', 'Lost', 'lost'));
    } else if (isReturned) {
      status = 'returned';
      events.push(
        event(local(shipped + transit, destination.offset), 'returning', 'RS', 'Returning to sender', 'refused'),
      );
    } else if (delivered <= now) {
      events.push(event(local(delivered - 4 * HOUR, destination.offset), 'out_for_delivery', 'OT', 'Out for delivery'));
      deliveredAt = local(delivered, destination.offset);
      events.push(event(deliveredAt, 'delivered', 'DL', 'Delivered'));
      status = 'delivered';
    }
    const shipment: InsightShipment = {
      carrier: service.carrier,
      trackingNumber: `TL${i.toString(36).toUpperCase().padStart(10, '0')}`,
      service: service.name,
      status,
      events,
      promised: { earliest: day(placed + (promiseDays - 2) * DAY, destination.offset), latest: promisedLatest },
      origin: { country: origin.country, region: origin.region },
      destination: { country: destination.country, region: destination.region, timeZone: destination.timeZone },
      updatedAt: events[events.length - 1]!.at,
    };
    if (deliveredAt) shipment.deliveredAt = deliveredAt;
    if (random() < 0.95) shipment.placedAt = local(placed, origin.offset);
    if (random() < 0.7) shipment.shippedAt = events[1]!.at;
    if (isLost) shipment.problem = { reason: 'lost', actionRequired: false, since: events[events.length - 1]!.at };
    shipments[i] = shipment;
  }
  return { shipments, now };
}
