import { TracklineError } from '../errors/trackline-error.js';
import type { DeliveryEstimate, Shipment } from '../model/schemas.js';
import { zoneForPlace } from '../time/zone-for-place.js';
import { blendedQuantile, carrierWeight, conditionedSpread, spreadOf, type DayView } from './blend.js';
import { leadBucket, leadBuckets, leadOf } from './carrier-error.js';
import { WorkCalendar, formatDay, readDay, weekendOf } from './calendar.js';
import { instantOf, localDay, localHour, requireInstant, safeOffset } from './clock.js';
import { LaneCache, anyKey, countryOf, isLaneKey, laneKeys, postalLaneKey, siteKey } from './lane.js';
import { stretch } from './pace.js';
import { conditionalQuantile, convolve, cumulative, firstPossible, shifted } from './survival.js';
import type { EstimateInput, LaneInput, SerializedTransitModel, Silence, SilenceInput } from './types.js';

export interface TransitModel {
  /**
   * When this shipment will likely arrive: basis `history`, `sampleSize` = weighted records behind the lane
   * used. With a carrier's own date (`shipment.estimate`, basis `carrier`) blended in, basis `carrier`
   * only where the likely day is the carrier's own likely day.
   */
  estimate(input: EstimateInput): DeliveryEstimate;
  /** A checkout promise: `latest` is the day by which `confidence` of deliveries arrive. */
  promise(input: Omit<EstimateInput, 'confidence'>, confidence?: number): DeliveryEstimate;
  /**
   * How long the parcel has gone without a scan, beside how long silences on this lane normally
   * last; undefined when the model knows nothing about the lane's deliveries.
   */
  silence(input: SilenceInput): Silence | undefined;
  /** The model as compact plain JSON, for `loadTransitModel`. */
  toJSON(): SerializedTransitModel;
}

/** The tables one lane resolves to, built once. */
interface LaneTables {
  handling: Float64Array;
  transit: Float64Array;
  combined: Float64Array;
  /** Working days between scans, when the history had scans. */
  quiet: Float64Array | undefined;
  /** The longest silence, handling or transit that ended in news: past it, only the extrapolated tail. */
  longest: { handling: number; transit: number; quiet: number };
  handlingSamples: number;
  transitSamples: number;
  quietSamples: number;
  /** Mean working days of handling and of transit, which a site or postal area moves from. */
  handlingMean: number;
  transitMean: number;
  /**
   * How far off the carrier's own dates have been, by how far ahead they were given (one table per bucket of
   * `leadBuckets`, undefined where the history had none at any level; see `carrierErrorTable`).
   */
  carrierError: (CarrierErrorTable | undefined)[];
}

/** Working days from the carrier's date to the delivery, as a view from the carrier's day (day 0). */
interface CarrierErrorTable extends DayView {
  /** Variance of the error, rounding included: the smaller, the more the carrier's date weighs. */
  spread: number;
  /** Weighted carrier dates behind the table: the most of any level it draws on. */
  records: number;
}

interface Route {
  lane: LaneTables | null;
  calendar: WorkCalendar;
  destZone: string;
  originZone: string;
  /** How far each origin postal code moves handling, and each destination postal code transit, once worked out. */
  handlingShifts: Map<string | undefined, number>;
  transitShifts: Map<string | undefined, number>;
}

/** Postal codes remembered per lane; past this many the memory starts over, so a server's cache stays bounded. */
const maxShifts = 4096;

/** A carrier's date further than this many calendar days after today is no date: it is left out. */
const maxCarrierDays = 366;

/** Confidence given to "today" once the parcel is out for delivery. */
const outForDeliveryConfidence = 0.95;

/** A silence longer than this share of the lane's silences is unusual: the parcel is stalled. */
const stalledQuantile = 0.95;
/**
 * …but never before this many working days have passed. Silences count working days between the days of
 * two instants, so on a lane whose scans mostly come the same day, a scan at 11 pm and a check at 1 am
 * would otherwise be a stalled parcel after two hours.
 */
const minStalledDays = 1;
/** Twice this quantile of the lane's silences (about the longest that still ended in news) means likely lost… */
const lostQuantile = 0.995;
/** …and never sooner than this many working days after a parcel is called stalled. */
const lostAfterStalled = 5;

const movingStatuses = new Set(['in_transit', 'out_for_delivery', 'available_for_pickup', 'delivered']);

export function createTransitModel(data: SerializedTransitModel): TransitModel {
  const calendars = new Map<string, WorkCalendar>();
  for (const [country, c] of Object.entries(data.calendars)) {
    calendars.set(country, new WorkCalendar(c.weekend, c.holidays.map(readDay), readDay(c.from), readDay(c.to)));
  }
  const weekendsOnly = new Map<string, WorkCalendar>();
  const calendarFor = (country: string): WorkCalendar => {
    const known = calendars.get(country);
    if (known) return known;
    let plain = weekendsOnly.get(country);
    if (!plain) weekendsOnly.set(country, (plain = new WorkCalendar(weekendOf(country), [], 0, -1)));
    return plain;
  };

  const resolve = laneResolver(data);
  // Every lane the history knows gets its tables now, so estimates are look-ups.
  for (const key of Object.keys(data.groups)) {
    if (isLaneKey(key)) resolve(laneKeyChain(key));
  }

  // Sites and postal areas move their lane's handling and transit by how far their own mean is from
  // the lane's, as far as their records can be trusted (shrunk toward zero like a lane toward its region).
  const postal = data.postalCodes;
  const groups = data.groups;
  const moveBy = (key: string | undefined, part: 'handlingMean' | 'transitMean', laneMean: number): number => {
    const own = key === undefined ? undefined : groups[key]?.[part];
    if (!own || !postal) return 0;
    return (own.d / (own.d + postal.minSamples)) * (own.mean - laneMean);
  };
  const shiftsFor = (input: LaneInput, route: Route, lane: LaneTables): { handling: number; transit: number } => {
    if (!postal) return noShift;
    const { carrier, service, origin, destination } = input;
    let handling = route.handlingShifts.get(origin.postalCode);
    if (handling === undefined) {
      handling = moveBy(siteKey(carrier, service, origin, postal), 'handlingMean', lane.handlingMean);
      if (route.handlingShifts.size >= maxShifts) route.handlingShifts.clear();
      route.handlingShifts.set(origin.postalCode, handling);
    }
    let transit = route.transitShifts.get(destination.postalCode);
    if (transit === undefined) {
      transit = moveBy(postalLaneKey(carrier, service, origin, destination, postal), 'transitMean', lane.transitMean);
      if (route.transitShifts.size >= maxShifts) route.transitShifts.clear();
      route.transitShifts.set(destination.postalCode, transit);
    }
    return { handling, transit };
  };

  // What each lane an estimate asks about resolves to, remembered by its raw parts.
  const routes = new LaneCache<Route>();
  const routeFor = ({ carrier, service, origin, destination }: LaneInput): Route => {
    let route = routes.get(carrier, service, origin, destination);
    if (!route) {
      const destZone = zoneForPlace(destination) ?? 'UTC';
      route = {
        lane: resolve(laneKeys(carrier, service, origin, destination)),
        calendar: calendarFor(countryOf(destination)),
        destZone,
        originZone: zoneForPlace(origin) ?? destZone,
        handlingShifts: new Map(),
        transitShifts: new Map(),
      };
      routes.set(carrier, service, origin, destination, route);
    }
    return route;
  };

  // The working day handling starts on: the order's day where it is packed, or the next day when it came
  // in at or after the pick-up cut-off. Estimates and silences before the hand-over both count from it, so
  // an order placed in the evening is not judged a day behind one placed the next morning.
  const handlingStart = (placedMs: number, route: Route): number => {
    const offset = offsetOr0(route.originZone, placedMs);
    const day = localDay(placedMs, offset);
    return route.calendar.onOrAfter(localHour(placedMs, offset) >= data.cutoffHour ? day + 1 : day);
  };

  const forecast = (input: Omit<EstimateInput, 'confidence'>, mode: 'estimate' | 'promise', confidence: number) => {
    if (!(confidence > 0 && confidence < 1)) {
      throw new TracklineError(
        'invalid_response',
        `confidence must be between 0 and 1 (exclusive); got ${confidence}.`,
      );
    }
    const nowMs = requireInstant(input.now, 'now');
    const route = routeFor(input);
    const { lane, calendar, destZone, originZone } = route;
    const today = localDay(nowMs, offsetOr0(destZone, nowMs));
    let basis: DeliveryEstimate['basis'] = mode === 'promise' ? 'promise' : 'history';

    const scans = mode === 'estimate' ? readScans(input.shipment, nowMs) : undefined;
    if (scans?.deliveredMs !== undefined) {
      const day = formatDay(localDay(scans.deliveredMs, offsetOr0(destZone, scans.deliveredMs)));
      return withSamples({ earliest: day, latest: day, likely: day, confidence: 1, basis }, lane?.transitSamples);
    }
    if (scans?.outForDelivery) {
      const day = formatDay(today);
      return withSamples(
        { earliest: day, latest: day, likely: day, confidence: outForDeliveryConfidence, basis },
        lane?.transitSamples,
      );
    }
    if (!lane) {
      throw new TracklineError(
        'not_found',
        'The transit model has no delivered orders to learn from; fit it on a history that includes deliveries.',
      );
    }

    // A hand-over the caller gives must be readable; one read from the scans was checked with them.
    const shippedMs =
      input.shippedAt === undefined ? instantOf(scans?.shippedAt) : requireInstant(input.shippedAt, 'shippedAt');
    const shift = shiftsFor(input, route, lane);
    let base: number;
    let cdf: Float64Array;
    let samples: number;
    if (shippedMs <= nowMs) {
      base = localDay(shippedMs, offsetOr0(originZone, shippedMs));
      cdf = shifted(lane.transit, shift.transit);
      samples = lane.transitSamples;
    } else {
      const placedMs = input.placedAt === undefined ? nowMs : requireInstant(input.placedAt, 'placedAt');
      base = handlingStart(placedMs, route);
      cdf = shifted(lane.combined, shift.handling + shift.transit);
      samples = Math.min(lane.handlingSamples, lane.transitSamples);
    }
    // Time already gone by: a parcel 5 working days on its way cannot arrive in 3.
    const elapsed = calendar.count(base, today);
    const notBefore = calendar.onOrAfter(today);
    const likely = dayAfter(calendar, base, conditionalQuantile(cdf, 0.5, elapsed), today, notBefore);
    const low =
      mode === 'promise' ? firstPossible(cdf, elapsed) : conditionalQuantile(cdf, (1 - confidence) / 2, elapsed);
    const high = conditionalQuantile(cdf, mode === 'promise' ? confidence : (1 + confidence) / 2, elapsed);
    let earliest = dayAfter(calendar, base, low, today, notBefore);
    let latest = dayAfter(calendar, base, high, today, notBefore);
    let likelyDay = Math.min(likely, latest);

    // A carrier's own date for this parcel. It is left out when its likely day is unreadable, when its
    // last day is already gone (stale), when it is before the hand-over (or the day handling starts: the
    // fit skips such dates, which cannot have been given after it), and when it is absurdly far: more
    // than a year after today (no parcel takes that long; counting working days out to a date centuries
    // away would take a long while).
    const carrier = mode === 'estimate' ? input.shipment?.estimate : undefined;
    if (carrier?.basis === 'carrier') {
      const [cEarliest, cLatest, cLikely] = [
        readDay(carrier.earliest),
        readDay(carrier.latest),
        readDay(carrier.likely),
      ];
      // A part of its window that cannot be read is its likely day.
      const cFirst = cEarliest === cEarliest ? cEarliest : cLikely;
      const cLast = cLatest === cLatest ? cLatest : cLikely;
      if (cLikely === cLikely && cLast >= today && cLikely >= base && cLikely <= today + maxCarrierDays) {
        // The errors of dates given as far ahead of their day as this one now is: a date revised the day
        // before delivery is not off by what first dates, given days ahead, were. For a first date not
        // revised since, its lead now is shorter than when it was given, so the correction is the smaller
        // one of nearer dates (errors shrink as the day nears).
        const errors = lane.carrierError[leadBucket(leadOf(calendar, today, cLikely))];
        if (errors) {
          // The history knows how far off carrier dates have been on this lane (or the levels above it,
          // up to the carrier and service everywhere): the carrier's day moved by those errors is a second
          // view of the delivery day, mixed with ours by how reliable the carrier's dates have been. Both
          // in working days from `base`; a carrier day off work counts from the next working day, as the
          // fit measured its errors.
          const offset = calendar.count(base, calendar.onOrAfter(cLikely));
          const ours: DayView = { cdf, from: 0 };
          const theirs: DayView = { cdf: errors.cdf, from: errors.from + offset };
          const weight = carrierWeight(
            errors.spread,
            conditionedSpread(ours, elapsed),
            errors.records,
            data.minSamples,
          );
          const at = (q: number) =>
            dayAfter(calendar, base, blendedQuantile(ours, theirs, weight, q, elapsed), today, notBefore);
          earliest = at((1 - confidence) / 2);
          latest = at((1 + confidence) / 2);
          likelyDay = Math.min(at(0.5), latest);
        } else {
          // Nothing is known of how reliable carrier dates are here: the carrier sees the parcel, so its
          // likely day wins, and our window widens to cover the carrier's.
          earliest = Math.max(Math.min(earliest, cFirst), notBefore);
          latest = Math.max(latest, cLast);
          likelyDay = Math.min(Math.max(cLikely, earliest), latest);
        }
        // `carrier` says the carrier gave this day ("UPS expects it on …"): only where it did. A day the
        // blend moved, or one our window moved, is ours.
        basis = likelyDay === cLikely ? 'carrier' : 'history';
      }
    }
    return withSamples(
      { earliest: formatDay(earliest), latest: formatDay(latest), likely: formatDay(likelyDay), confidence, basis },
      samples,
    );
  };

  return {
    estimate: (input) => forecast(input, 'estimate', input.confidence ?? 0.8),
    promise: (input, confidence = 0.8) => forecast(input, 'promise', confidence),
    silence(input) {
      const nowMs = requireInstant(input.now, 'now');
      const sinceMs = requireInstant(input.since, 'since');
      const route = routeFor(input);
      const { lane, calendar, destZone } = route;
      if (!lane) return undefined;
      const today = localDay(nowMs, offsetOr0(destZone, nowMs));
      // Before the hand-over the wait runs from the day handling starts, as the estimate's does.
      const from = input.moving ? localDay(sinceMs, offsetOr0(destZone, sinceMs)) : handlingStart(sinceMs, route);
      const days = calendar.count(from, today);
      // Before the hand-over the silence is the warehouse's; after it, the gaps between scans when the
      // history has them, else a whole transit time (a parcel silent that long has surely stopped).
      const shift = shiftsFor(input, route, lane);
      const later = (days: number) => Math.max(0, Math.ceil(days));
      const [cdf, basis, sampleSize, longest] = !input.moving
        ? ([
            shifted(lane.handling, shift.handling),
            'handling',
            lane.handlingSamples,
            lane.longest.handling + later(shift.handling),
          ] as const)
        : lane.quiet
          ? ([lane.quiet, 'scans', lane.quietSamples, lane.longest.quiet] as const)
          : ([
              shifted(lane.transit, shift.transit),
              'transit',
              lane.transitSamples,
              lane.longest.transit + later(shift.transit),
            ] as const);
      const stalledAfter = Math.max(minStalledDays, conditionalQuantile(cdf, stalledQuantile));
      // Lost is judged against silences that ended in news, never the extrapolated tail: parcels still
      // waiting (this one included) would otherwise push the threshold ahead of themselves for ever.
      const usual = Math.min(conditionalQuantile(cdf, lostQuantile), longest);
      const lostAfter = Math.max(2 * usual, stalledAfter + lostAfterStalled);
      return { days, stalledAfter, lostAfter, basis, sampleSize };
    },
    // A copy: the tables above were built from `data`, so a caller's change must not reach the next toJSON.
    toJSON: () => structuredClone(data),
  };
}

/**
 * Looks up (and remembers) the tables of a lane by its back-off chain of keys. `combine: false` leaves
 * `combined` empty, for a fit that needs handling and transit alone (the convolution is most of the work).
 */
export function laneResolver(
  data: Pick<SerializedTransitModel, 'groups' | 'minSamples'>,
  combine = true,
): (keys: string[]) => LaneTables | null {
  const groups = new Map(Object.entries(data.groups));
  // Each level of the chain is shrunk toward the level above it, by its weight of deliveries against
  // `minSamples`: a lane with few deliveries mostly speaks with its region's voice, a busy one with its own.
  const shrunk = (
    keys: string[],
    part: 'handling' | 'transit' | 'quiet',
  ): { pmf: number[]; n: number; last: number; mean: number } | undefined => {
    let pmf: number[] | undefined;
    let n = 0;
    let last = 0;
    let pace = 1;
    for (let i = keys.length - 1; i >= 0; i--) {
      const dist = groups.get(keys[i]!)?.[part];
      if (dist?.pace !== undefined) pace = dist.pace; // the most specific level's pace
      if (!dist || dist.pmf.length === 0) continue;
      last = Math.max(last, dist.last ?? dist.pmf.length - 1);
      if (!pmf) {
        [pmf, n] = [dist.pmf, dist.n];
        continue;
      }
      const own = dist.d / (dist.d + data.minSamples);
      const length = Math.max(pmf.length, dist.pmf.length);
      const parent: number[] = pmf;
      pmf = Array.from({ length }, (_, t) => own * (dist.pmf[t] ?? 0) + (1 - own) * (parent[t] ?? 0));
      if (own >= 0.5) n = dist.n; // the sample size shown is that of the level that speaks most
    }
    if (!pmf) return undefined;
    // Recent orders take `pace` times as long: the lane's whole distribution stretches, tail included.
    // Its mean stays as the history had it, since sites and postal areas move from the lane's usual
    // mean by how far their own history was from it.
    const mean = meanDays(pmf);
    return pace === 1 ? { pmf, n, last, mean } : { pmf: stretch(pmf, pace), n, last: Math.ceil(last * pace), mean };
  };
  // The carrier-date errors lean on the levels above the same way, aligned by their error of `from`, but
  // only up to the carrier and service everywhere: one carrier's dates say nothing of another's (a model
  // saved with errors under `*` has them left out here). Each lead bucket gets its own table, from that
  // bucket's errors alone; no table anywhere in the chain for a bucket leaves the fallback rule. The trust
  // their records earn is that of the most carrier dates any level has, of any lead: they say how well the
  // carrier's dates are known at all (the table draws on all the levels, so the trust moves smoothly as a
  // lane gathers records, and records that agree never lower it), and one trust for every bucket keeps a
  // carrier day one day later from weighing less merely because it falls in a bucket with fewer dates.
  // A bucket with few dates of its own then leans on "the carrier's day is right" (what the fallback
  // assumes with none), by its own records against `minSamples`: else a ground lane's one overnight date
  // a week off would be the whole 0–1 table, and move every parcel's "tomorrow" by a week with the trust
  // of all the lane's dates. The leaning widens the table's spread too, so its weight falls smoothly.
  const carrierErrorTable = (keys: string[], bucket: number): CarrierErrorTable | undefined => {
    let pmf: number[] | undefined;
    let from = 0;
    let n = 0;
    let bucketN = 0;
    for (let i = keys.length - 1; i >= 0; i--) {
      if (keys[i] === anyKey) continue;
      const tables = groups.get(keys[i]!)?.carrierErrors;
      if (!tables) continue;
      n = Math.max(
        n,
        tables.reduce((sum, table) => sum + table.n, 0),
      );
      const dist = tables.find((table) => table.lead === leadBuckets[bucket]);
      if (!dist || dist.pmf.length === 0) continue;
      bucketN = Math.max(bucketN, dist.n);
      if (!pmf) {
        [pmf, from] = [dist.pmf, dist.from];
        continue;
      }
      const own = dist.n > 0 ? dist.n / (dist.n + data.minSamples) : 0;
      const low = Math.min(from, dist.from);
      const high = Math.max(from + pmf.length, dist.from + dist.pmf.length);
      const [parent, parentFrom] = [pmf, from];
      pmf = Array.from(
        { length: high - low },
        (_, t) => own * (dist.pmf[t + low - dist.from] ?? 0) + (1 - own) * (parent[t + low - parentFrom] ?? 0),
      );
      from = low;
    }
    if (!pmf) return undefined;
    const own = bucketN > 0 ? bucketN / (bucketN + data.minSamples) : 0;
    const low = Math.min(from, 0);
    const high = Math.max(from + pmf.length, 1);
    const learned: number[] = pmf;
    const learnedFrom = from;
    pmf = Array.from(
      { length: high - low },
      (_, t) => own * (learned[t + low - learnedFrom] ?? 0) + (t + low === 0 ? 1 - own : 0),
    );
    from = low;
    return { cdf: cumulative(pmf), from, spread: spreadOf(pmf), records: n };
  };
  const tables = new Map<string, LaneTables | null>();
  return (keys) => {
    let found = tables.get(keys[0]!);
    if (found !== undefined) return found;
    const handling = shrunk(keys, 'handling');
    const transit = shrunk(keys, 'transit');
    const quiet = shrunk(keys, 'quiet');
    found =
      handling && transit
        ? {
            handling: cumulative(handling.pmf),
            transit: cumulative(transit.pmf),
            combined: combine ? cumulative(convolve(handling.pmf, transit.pmf)) : new Float64Array(0),
            quiet: quiet && cumulative(quiet.pmf),
            handlingSamples: Math.round(handling.n),
            transitSamples: Math.round(transit.n),
            quietSamples: quiet ? Math.round(quiet.n) : 0,
            longest: { handling: handling.last, transit: transit.last, quiet: quiet?.last ?? 0 },
            handlingMean: handling.mean,
            transitMean: transit.mean,
            carrierError: leadBuckets.map((_, bucket) => carrierErrorTable(keys, bucket)),
          }
        : null;
    tables.set(keys[0]!, found);
    return found;
  };
}

/** The back-off chain of a lane key `carrier|service|origin|destination`. */
export function laneKeyChain(key: string): string[] {
  const [carrier, service, , to] = key.split('|');
  const head = `${carrier}|${service}`;
  return [key, `${head}|*|${to}`, `${head}|*|*`, '*'];
}

const noShift = { handling: 0, transit: 0 };

function meanDays(pmf: readonly number[]): number {
  let sum = 0;
  for (let day = 0; day < pmf.length; day++) sum += pmf[day]! * day;
  return sum;
}

function offsetOr0(zone: string, ms: number): number {
  const offset = safeOffset(zone, ms);
  return offset === offset ? offset : 0;
}

function withSamples(estimate: DeliveryEstimate, samples: number | undefined): DeliveryEstimate {
  if (samples !== undefined) estimate.sampleSize = samples;
  return estimate;
}

/** The `k`-th working day after `base`, but never a day already gone: then the first working day from today. */
function dayAfter(calendar: WorkCalendar, base: number, k: number, today: number, notBefore: number): number {
  const day = calendar.add(base, k);
  return day < today ? notBefore : day;
}

interface Scans {
  shippedAt?: string;
  deliveredMs?: number;
  outForDelivery: boolean;
}

/** What the shipment's scans up to `now` say. Scans after `now` are not known yet. */
function readScans(shipment: Shipment | undefined, nowMs: number): Scans | undefined {
  if (!shipment) return undefined;
  let shippedAt: string | undefined;
  let status: string | undefined;
  let deliveredAt: string | undefined;
  for (const event of shipment.events) {
    if (!(instantOf(event.at) <= nowMs)) continue;
    status = event.status;
    if (shippedAt === undefined && movingStatuses.has(event.status)) shippedAt = event.at;
    if (event.status === 'delivered') deliveredAt = event.at;
  }
  if (shipment.events.length === 0) status = shipment.status;
  const delivered = shipment.deliveredAt ?? deliveredAt;
  const deliveredMs = status === 'delivered' && delivered !== undefined ? instantOf(delivered) : Number.NaN;
  return {
    ...(shippedAt === undefined ? {} : { shippedAt }),
    ...(deliveredMs <= nowMs ? { deliveredMs } : {}),
    outForDelivery: status === 'out_for_delivery' || status === 'available_for_pickup',
  };
}
