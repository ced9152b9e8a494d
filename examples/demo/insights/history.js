// A year of GENERATED shipment history for the insights page: no real shipment is in it. A seeded random
// generator draws plausible orders per carrier and destination (handling time, transit time, promised
// dates, problems), with a busy, slower December, winter weather in the north, and one lane — FedEx to
// Texas — that gets worse in the last 30 days, so that `summarize()` has a real signal to find.
// The same seed and end date always give the same history.

const day = 86_400_000;

const warehouse = { city: 'Newark', region: 'NJ', country: 'US', postalCode: '07102' };

/** Destinations: a city per region and its zone. */
/** Where winter weather is usual. */
const wintry = new Set(['US-NY', 'US-IL', 'US-WA', 'CA']);

const places = {
  'US-CA': { city: 'Los Angeles', region: 'CA', country: 'US', timeZone: 'America/Los_Angeles' },
  'US-NY': { city: 'New York', region: 'NY', country: 'US', timeZone: 'America/New_York' },
  'US-TX': { city: 'Dallas', region: 'TX', country: 'US', timeZone: 'America/Chicago' },
  'US-IL': { city: 'Chicago', region: 'IL', country: 'US', timeZone: 'America/Chicago' },
  'US-FL': { city: 'Miami', region: 'FL', country: 'US', timeZone: 'America/New_York' },
  'US-WA': { city: 'Seattle', region: 'WA', country: 'US', timeZone: 'America/Los_Angeles' },
  GB: { city: 'London', country: 'GB', timeZone: 'Europe/London' },
  DE: { city: 'Berlin', country: 'DE', timeZone: 'Europe/Berlin' },
  CA: { city: 'Toronto', region: 'ON', country: 'CA', timeZone: 'America/Toronto' },
};

/**
 * Each carrier's lanes: typical transit in days (median) from Newark, how much it varies, how many days
 * the store promises (after the parcel leaves), and the lane's share of the carrier's volume.
 */
const carriers = {
  ups: {
    service: 'UPS Ground',
    share: 0.34,
    spread: 0.18,
    lanes: {
      'US-NY': [1.2, 2, 4],
      'US-IL': [2.3, 3, 3],
      'US-FL': [2.6, 3, 2],
      'US-TX': [3.2, 4, 3],
      'US-CA': [4.4, 5, 3],
      'US-WA': [4.6, 5, 1],
    },
  },
  fedex: {
    service: 'FedEx Ground',
    share: 0.3,
    spread: 0.2,
    lanes: {
      'US-NY': [1.3, 2, 3],
      'US-IL': [2.2, 3, 3],
      'US-FL': [2.7, 3, 2],
      'US-TX': [3.0, 4, 4],
      'US-CA': [4.3, 5, 3],
      'US-WA': [4.5, 5, 1],
    },
  },
  usps: {
    service: 'USPS Ground Advantage',
    share: 0.26,
    spread: 0.3,
    lanes: {
      'US-NY': [1.8, 3, 4],
      'US-IL': [2.7, 4, 3],
      'US-FL': [3.0, 4, 2],
      'US-TX': [3.6, 5, 2],
      'US-CA': [4.6, 6, 3],
      'US-WA': [4.9, 6, 1],
    },
  },
  dhl: {
    service: 'DHL Express Worldwide',
    share: 0.1,
    spread: 0.22,
    lanes: {
      GB: [2.6, 4, 4],
      DE: [2.9, 4, 3],
      CA: [2.2, 3, 3],
    },
  },
};

/** The worsening lane: its transit grows by this many days, and carrier delays become common, in the last 30 days. */
export const worseningLane = { carrier: 'fedex', destination: 'US-TX', extraDays: 1.6, since: 30 };

/** mulberry32: a small, fast, seeded generator (uniform in [0, 1)). */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick(random, weighted) {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted.at(-1)[0];
}

function normal(random) {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

function event(at, status, description, location, problem) {
  return {
    at: iso(at),
    timeSource: 'utc',
    status,
    ...(problem ? { problem } : {}),
    code: problem?.reason ?? status,
    description,
    location,
  };
}

/**
 * Generates `InsightShipment`s for the year up to `end`: about `perDay` orders a day (more in December),
 * each shipped by one carrier to one destination. Parcels still on their way at `end` are not delivered yet.
 */
export function generateHistory({ end = Date.now(), days = 365, perDay = 32, seed = 7 } = {}) {
  const random = seeded(seed);
  const endMs = typeof end === 'number' ? end : end.getTime();
  const firstDay = Math.floor(endMs / day) * day - days * day;
  const carrierList = Object.entries(carriers).map(([id, c]) => [id, c.share]);
  const shipments = [];
  let n = 0;
  for (let d = 0; d <= days; d++) {
    const dayStart = firstDay + d * day;
    const date = new Date(dayStart);
    const month = date.getUTCMonth();
    const weekday = date.getUTCDay();
    const peak = month === 11 || (month === 10 && date.getUTCDate() >= 24); // Black Friday to Christmas
    const winter = month === 0 || month === 1 || month === 11;
    const count = Math.round(perDay * (peak ? 1.9 : 1) * (weekday === 0 || weekday === 6 ? 0.6 : 1.1));
    for (let i = 0; i < count; i++) {
      const carrier = pick(random, carrierList);
      const spec = carriers[carrier];
      const region = pick(
        random,
        Object.entries(spec.lanes).map(([key, lane]) => [key, lane[2]]),
      );
      const [median, promiseDays] = spec.lanes[region];
      const destination = places[region];

      // Ordered during the (US Eastern) day; handed to the carrier the next working afternoon or so.
      const placedAt = dayStart + (13 + random() * 12) * 3_600_000;
      if (placedAt > endMs) continue;
      const handling = (peak ? 0.8 : 0.35) + random() * (peak ? 1.6 : 0.9);
      const shippedAt = placedAt + handling * day;

      const worse =
        carrier === worseningLane.carrier &&
        region === worseningLane.destination &&
        shippedAt > endMs - worseningLane.since * day;
      // Transit: log-normal around the lane's median; slower in the peak, in northern winters, on the bad lane.
      let transit = median * Math.exp(spec.spread * normal(random));
      if (peak) transit += 0.6 + random() * 0.6;
      if (winter && wintry.has(region) && random() < 0.12) transit += 1 + random() * 2;
      if (worse) transit += worseningLane.extraDays * (0.6 + random() * 0.8);

      const problems = [];
      if (winter && wintry.has(region) && random() < 0.06) problems.push('weather');
      if (random() < (worse ? 0.3 : peak ? 0.05 : 0.015)) problems.push('delayed');
      if (random() < (carrier === 'usps' ? 0.035 : 0.02)) problems.push('failed_attempt');
      if (random() < 0.008) problems.push('address');
      if (destination.country !== 'US' && random() < 0.09) problems.push('customs');
      if (problems.includes('failed_attempt')) transit += 1;
      if (problems.includes('address')) transit += 1.5 + random();
      if (problems.includes('customs')) transit += 0.5 + random() * 2;
      const lost = random() < (carrier === 'usps' ? 0.0025 : 0.0012);
      if (lost) problems.push('lost');

      const promisedLatest = isoDay(shippedAt + promiseDays * day + 0.5 * day);
      const deliveredAt = shippedAt + transit * day;
      const number = `DEMO${String(++n).padStart(7, '0')}`;
      const events = [event(placedAt + handling * day * 0.5, 'info_received', 'Label created', warehouse)];
      if (shippedAt <= endMs) {
        events.push(event(shippedAt, 'in_transit', 'Picked up', warehouse));
        problems.forEach((reason, k) => {
          const at = shippedAt + ((k + 1) / (problems.length + 1)) * transit * day * (lost ? 0.5 : 1);
          if (at > endMs) return;
          events.push(
            event(at, 'in_transit', `Problem: ${reason.replace('_', ' ')}`, destination, {
              reason,
              actionRequired: reason === 'address' || reason === 'customs',
            }),
          );
        });
      }
      const delivered = !lost && deliveredAt <= endMs;
      if (delivered) events.push(event(deliveredAt, 'delivered', 'Delivered', destination));
      events.sort((a, b) => a.at.localeCompare(b.at));
      const last = events.at(-1);
      shipments.push({
        carrier,
        trackingNumber: number,
        service: spec.service,
        status: last.status,
        ...(last.problem && !delivered ? { problem: { ...last.problem, since: last.at } } : {}),
        events,
        promised: { earliest: promisedLatest, latest: promisedLatest },
        ...(delivered ? { deliveredAt: iso(deliveredAt) } : {}),
        origin: warehouse,
        destination,
        updatedAt: last.at,
        placedAt: iso(placedAt),
        ...(shippedAt <= endMs ? { shippedAt: iso(shippedAt) } : {}),
      });
    }
  }
  return shipments;
}
