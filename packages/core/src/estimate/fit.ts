import { TracklineError } from '../errors/trackline-error.js';
import { zoneForPlace } from '../time/zone-for-place.js';
import { ZoneOffsets } from '../insights/instants.js';
import { DAY_MS, WorkCalendar, formatDay, weekendOf } from './calendar.js';
import { CarrierErrorsByLead, carrierDayOf, carrierErrorOf, leadOf } from './carrier-error.js';
import { historyTime, localDay, localHour, requireInstant, writtenLocal } from './clock.js';
import { publicHolidays } from './holidays.js';
import { LaneCache, anyKey, countryOf, laneKeys, postalLaneKey, siteKey } from './lane.js';
import { createTransitModel, laneKeyChain, laneResolver, type TransitModel } from './model.js';
import { estimatePace, type PaceObservation } from './pace.js';
import { SurvivalCounts, kaplanMeier } from './survival.js';
import type {
  FitOptions,
  HistoryRecord,
  PostalCodeOptions,
  SerializedCalendar,
  SerializedDistribution,
  SerializedGroup,
  SerializedMean,
  SerializedPostalCodes,
  SerializedTransitModel,
} from './types.js';

/** Days before the oldest record and after `now` that the holiday lists cover. */
const holidaysBefore = 30;
const holidaysAfter = 120;

interface Route {
  key: string;
  lane: Lane;
  /** The site of each origin postal code and the postal lane of each destination postal code seen on this lane. */
  sites: Map<string | undefined, SurvivalCounts | undefined>;
  postalLanes: Map<string | undefined, SurvivalCounts | undefined>;
  calendar: WorkCalendar;
  originZone: string | undefined;
  destZone: string | undefined;
}

interface Lane {
  handling: SurvivalCounts;
  transit: SurvivalCounts;
  quiet: SurvivalCounts;
  /** Working days from the carrier's own date to the delivery. */
  carrierError: CarrierErrorsByLead;
}

const emptyLane = (): Lane => ({
  handling: new SurvivalCounts(),
  transit: new SurvivalCounts(),
  quiet: new SurvivalCounts(),
  carrierError: new CarrierErrorsByLead(),
});

/**
 * Learns, per lane, how many working days orders take to hand over to the carrier (handling) and
 * to arrive (transit), from the store's own history as it was known at `now`. Parcels still on
 * their way count as "at least this long so far" (Kaplan–Meier), recent weeks weigh more, and days
 * are counted in working days of the destination country. With `postalCodes`, it also learns the
 * mean handling of each origin site and the mean transit into each destination postal area.
 */
export function fitTransitModel(history: readonly HistoryRecord[], options: FitOptions = {}): TransitModel {
  const nowMs = requireInstant(options.now ?? new Date(), 'now');
  const halfLifeDays = checkedOption(
    'halfLifeDays',
    options.halfLifeDays,
    45,
    (v) => v > 0,
    'a number of days above 0',
  );
  const minSamples = checkedOption('minSamples', options.minSamples, 30, (v) => v >= 0, 'a number from 0');
  const cutoffHour = checkedOption(
    'cutoffHour',
    options.cutoffHour,
    14,
    (v) => v >= 0 && v <= 24,
    'an hour from 0 to 24',
  );
  const giveUpDays = checkedOption('giveUpDays', options.giveUpDays, 60, (v) => v >= 0, 'a number of days from 0');
  const postalCodes = postalOptions(options.postalCodes);
  const decayPerMs = Math.LN2 / (halfLifeDays * DAY_MS);
  const pace = paceOptions(options.pace);
  // With a pace, the lanes' distributions learn from the orders that started before the last `pace.days`
  // (sites and postal areas from all), and those of the last days, finished or not, say how much faster
  // or slower things go now: counted in the distributions too, they would already pull its early days
  // their way and leave nothing to read.
  const recentMs = pace ? nowMs - pace.days * DAY_MS : Infinity;
  const recent: Record<Part, Recent[]> = { handling: [], transit: [] };
  // Each working day a record waits brings it about 7/5 calendar days nearer to `now`.
  const growth = Math.exp((decayPerMs * DAY_MS * 7) / 5);
  const weightAt = (ms: number) => Math.exp(-decayPerMs * (nowMs - ms));

  // First pass: what is known at `now`, and which countries and days the calendars must cover. Every
  // time is read once, here, and one that is there but cannot be read throws, naming the record: skipped,
  // it would quietly leave the model empty. Of a record placed after `now` only `placedAt` is read (the
  // fit never looks into the future), so an unreadable `placedAt` throws wherever it is: whether its
  // record is in the future cannot be told. The other times throw on every record placed by `now`,
  // whether or not they teach anything, so that a walk-forward does not fail only at some later `now`.
  const records: KnownRecord[] = [];
  const countries = new Set<string>();
  let firstMs = nowMs;
  for (let index = 0; index < history.length; index++) {
    const record = history[index]!;
    const placedMs = historyTime(record.placedAt, index, 'placedAt');
    if (!(placedMs <= nowMs)) continue; // placed after `now` (or not given): not known yet
    const shippedMs = historyTime(record.shippedAt, index, 'shippedAt', 'while the parcel waits at the warehouse');
    const deliveredMs = historyTime(record.deliveredAt, index, 'deliveredAt', 'while the parcel is on its way');
    let scanMs: Float64Array | undefined;
    if (record.scans) {
      scanMs = new Float64Array(record.scans.length);
      for (let i = 0; i < scanMs.length; i++) scanMs[i] = historyTime(record.scans[i], index, `scans[${i}]`);
    }
    records.push({ record, placedMs, shippedMs, deliveredMs, scanMs, index });
    countries.add(countryOf(record.destination));
    if (placedMs < firstMs) firstMs = placedMs;
  }
  const from = Math.floor(firstMs / DAY_MS) - holidaysBefore;
  const to = Math.floor(nowMs / DAY_MS) + holidaysAfter;
  const calendars: Record<string, SerializedCalendar> = {};
  const workCalendars = new Map<string, WorkCalendar>();
  for (const country of countries) {
    const holidays = options.holidays === false ? [] : publicHolidays(country, from, to).sort((a, b) => a - b);
    const weekend = weekendOf(country);
    workCalendars.set(country, new WorkCalendar(weekend, holidays, from, to));
    calendars[country] = { weekend, from: formatDay(from), to: formatDay(to), holidays: holidays.map(formatDay) };
  }

  // Second pass: each record's handling and transit, as an event or as censored at `now`.
  const offsets = new ZoneOffsets();
  const lanes = new Map<string, Lane>();
  const todays = new Map<string, number>();
  const todayIn = (zone: string | undefined): number => {
    const key = zone ?? 'UTC';
    let day = todays.get(key);
    if (day === undefined) todays.set(key, (day = localDay(nowMs, zone ? offsetOr0(offsets, zone, nowMs) : 0)));
    return day;
  };
  // Records of one lane share their key, zones and calendar: look them up once per lane.
  const routes = new LaneCache<Route>();
  // Sites (handling by origin postal code) and postal lanes (transit by destination postal area).
  const sites = new Map<string, SurvivalCounts>();
  const postalLanes = new Map<string, SurvivalCounts>();
  const countsFor = (map: Map<string, SurvivalCounts>, key: string | undefined) => {
    if (key === undefined) return undefined;
    let counts = map.get(key);
    if (!counts) map.set(key, (counts = new SurvivalCounts()));
    return counts;
  };
  for (const { record, placedMs, shippedMs, deliveredMs, scanMs, index } of records) {
    const { carrier, service, origin, destination } = record;
    let route = routes.get(carrier, service, origin, destination);
    if (!route) {
      const key = laneKeys(carrier, service, origin, destination)[0]!;
      let lane = lanes.get(key);
      if (!lane) lanes.set(key, (lane = emptyLane()));
      const originZone = zoneForPlace(origin);
      route = {
        key,
        lane,
        sites: new Map(),
        postalLanes: new Map(),
        calendar: workCalendars.get(countryOf(destination))!,
        originZone,
        destZone: zoneForPlace(destination) ?? originZone,
      };
      routes.set(carrier, service, origin, destination, route);
    }
    const { lane, calendar, originZone, destZone } = route;
    const weight = weightAt(placedMs);
    let site: SurvivalCounts | undefined;
    let postalLane: SurvivalCounts | undefined;
    if (postalCodes) {
      site = route.sites.get(origin.postalCode);
      if (site === undefined && !route.sites.has(origin.postalCode)) {
        site = countsFor(sites, siteKey(carrier, service, origin, postalCodes));
        route.sites.set(origin.postalCode, site);
      }
      postalLane = route.postalLanes.get(destination.postalCode);
      if (postalLane === undefined && !route.postalLanes.has(destination.postalCode)) {
        postalLane = countsFor(postalLanes, postalLaneKey(carrier, service, origin, destination, postalCodes));
        route.postalLanes.set(destination.postalCode, postalLane);
      }
    }

    // Orders after the cut-off, or on a day off, start handling the next working day.
    const placedOffset = originZone ? offsetOr0(offsets, originZone, placedMs) : Number.NaN;
    const placed = originZone
      ? { day: localDay(placedMs, placedOffset), hour: localHour(placedMs, placedOffset) }
      : writtenLocal(record.placedAt);
    const start = calendar.onOrAfter(placed.hour >= cutoffHour ? placed.day + 1 : placed.day);

    if (!(shippedMs <= nowMs)) {
      // Delivered without a pick-up time: neither handling nor transit can be read from it.
      if (deliveredMs <= nowMs) continue;
      // Still at the warehouse at `now`: handling takes longer than the working days gone by so far.
      const waited = calendar.count(start, todayIn(originZone)) - 1;
      if (placedMs >= recentMs && waited >= 0) recent.handling.push({ key: route.key, days: waited, done: false });
      if (waited <= giveUpDays) {
        if (placedMs < recentMs) lane.handling.addCensored(waited, weight, growth);
        site?.addCensored(waited, weight, growth);
      }
      continue;
    }
    // A hand-over before the order was placed, or a delivery before the hand-over, is a wrong clock or a
    // wrong record; which of its times is wrong cannot be told, so it teaches nothing (counted, it would
    // pass for a same-day hand-over or delivery).
    if (shippedMs < placedMs || deliveredMs < shippedMs) continue;
    const shipDay = originZone
      ? localDay(shippedMs, offsetOr0(offsets, originZone, shippedMs))
      : writtenLocal(record.shippedAt!).day;
    const handlingDays = calendar.count(start, shipDay);
    if (placedMs < recentMs) lane.handling.addEvent(handlingDays, weight, growth);
    else recent.handling.push({ key: route.key, days: handlingDays, done: true });
    site?.addEvent(handlingDays, weight, growth);
    const shippedWeight = weightAt(shippedMs);

    const dayIn = (ms: number, iso: string) =>
      destZone ? localDay(ms, offsetOr0(offsets, destZone, ms)) : writtenLocal(iso).day;
    const delivered = deliveredMs <= nowMs;
    if (delivered) {
      const transitDays = calendar.count(shipDay, dayIn(deliveredMs, record.deliveredAt!));
      if (shippedMs < recentMs) lane.transit.addEvent(transitDays, shippedWeight, growth);
      else recent.transit.push({ key: route.key, days: transitDays, done: true });
      postalLane?.addEvent(transitDays, shippedWeight, growth);
      // How far off the carrier's date was, in working days of the destination. It is checked here, on
      // the records that teach it, like the times above: a record not known or not delivered at `now` is
      // skipped whatever it holds, but a wrong format on one that counts is the caller's to fix. A date
      // before the hand-over cannot have been given after it (a wrong date, or another parcel's): it
      // teaches nothing.
      const carrierDay = carrierDayOf(record.carrierEstimate, index);
      if (carrierDay !== undefined && carrierDay >= shipDay) {
        const deliveryDay = dayIn(deliveredMs, record.deliveredAt!);
        // Kept apart by how far ahead of its day the date was given (from the hand-over): the estimate
        // corrects a date by the errors of dates given as far ahead as it now is.
        const lead = leadOf(calendar, shipDay, carrierDay);
        lane.carrierError.add(lead, carrierErrorOf(calendar, carrierDay, deliveryDay), shippedWeight);
      }
    } else {
      const waited = calendar.count(shipDay, todayIn(destZone)) - 1;
      if (shippedMs >= recentMs && waited >= 0) recent.transit.push({ key: route.key, days: waited, done: false });
      if (waited <= giveUpDays) {
        if (shippedMs < recentMs) lane.transit.addCensored(waited, shippedWeight, growth);
        postalLane?.addCensored(waited, shippedWeight, growth);
      }
    }

    // Silences between scans: hand-over, each scan known at `now`, delivery. The one still going on is censored.
    if (scanMs) {
      const days = [dayIn(shippedMs, record.shippedAt!)];
      for (let i = 0; i < scanMs.length; i++) {
        const ms = scanMs[i]!;
        if (ms <= nowMs) days.push(dayIn(ms, record.scans![i]!));
      }
      if (delivered) days.push(dayIn(deliveredMs, record.deliveredAt!));
      days.sort((a, b) => a - b);
      const today = todayIn(destZone);
      const weightOf = (day: number) => weightAt(nowMs - (today - day) * DAY_MS);
      for (let i = 1; i < days.length; i++) {
        lane.quiet.addEvent(calendar.count(days[i - 1]!, days[i]!), weightOf(days[i - 1]!), growth);
      }
      if (!delivered) lane.quiet.addCensored(calendar.count(days.at(-1)!, today) - 1, weightOf(days.at(-1)!), growth);
    }
  }

  // Every back-off level sums the lanes below it.
  const levels = new Map<string, Lane>();
  for (const [key, lane] of lanes) {
    const [carrier, service, , destination] = key.split('|');
    for (const level of [key, `${carrier}|${service}|*|${destination}`, `${carrier}|${service}|*|*`, anyKey]) {
      let sum = levels.get(level);
      if (!sum) levels.set(level, (sum = emptyLane()));
      sum.handling.merge(lane.handling);
      sum.transit.merge(lane.transit);
      sum.quiet.merge(lane.quiet);
      // A carrier's dates say nothing of another carrier's, nor of another service's (whose lanes and
      // promises differ): their errors stop at the carrier and service everywhere.
      if (level !== anyKey) sum.carrierError.merge(lane.carrierError);
    }
  }
  const groups: Record<string, SerializedGroup> = {};
  for (const [key, level] of levels) {
    const group: SerializedGroup = {};
    const handling = distribution(level.handling);
    const transit = distribution(level.transit);
    if (handling) group.handling = handling;
    if (transit) group.transit = transit;
    const quiet = distribution(level.quiet);
    if (quiet) group.quiet = quiet;
    const carrierErrors = level.carrierError.serialize(round);
    if (carrierErrors) group.carrierErrors = carrierErrors;
    groups[key] = group;
  }
  for (const [key, counts] of sites) {
    const handlingMean = meanOf(counts);
    if (handlingMean) groups[key] = { handlingMean };
  }
  for (const [key, counts] of postalLanes) {
    const transitMean = meanOf(counts);
    if (transitMean) groups[key] = { transitMean };
  }

  if (pace) {
    // Each carrier and service gets one pace for handling and one for transit: its recent orders
    // against their own lanes' distributions (a slow lane's orders are not a slowdown).
    const reference = laneResolver({ minSamples, groups }, false);
    const paces: [SerializedDistribution, number][] = [];
    for (const part of ['handling', 'transit'] as const) {
      const byCarrier = new Map<string, PaceObservation[]>();
      for (const { key, days, done } of recent[part]) {
        const chain = laneKeyChain(key);
        const cdf = reference(chain)?.[part];
        if (!cdf) continue;
        const carrierKey = chain[2]!;
        let observations = byCarrier.get(carrierKey);
        if (!observations) byCarrier.set(carrierKey, (observations = []));
        observations.push({ days, done, cdf });
      }
      for (const [carrierKey, observations] of byCarrier) {
        const dist = groups[carrierKey]?.[part];
        if (dist) paces.push([dist, estimatePace(observations, { spread: pace.spread })]);
      }
    }
    // Only now: the reference above resolves lanes from these same groups, without their paces.
    for (const [dist, value] of paces) dist.pace = round(value, 100);
  }

  const data: SerializedTransitModel = {
    version: 1,
    fittedAt: new Date(nowMs).toISOString(),
    cutoffHour,
    minSamples,
    ...(postalCodes ? { postalCodes } : {}),
    calendars,
    groups,
  };
  return createTransitModel(data);
}

type Part = 'handling' | 'transit';

/** A record placed by `now`, with its times read (NaN where left out). */
interface KnownRecord {
  record: HistoryRecord;
  placedMs: number;
  shippedMs: number;
  deliveredMs: number;
  /** The times of its `scans`, when it has them. */
  scanMs: Float64Array | undefined;
  /** Its place in the history, for errors. */
  index: number;
}

/** A recent order's handling or transit: ended after `days` working days, or waiting that long so far. */
interface Recent {
  /** Its lane. */
  key: string;
  days: number;
  done: boolean;
}

function distribution(counts: SurvivalCounts): SerializedDistribution | undefined {
  const pmf = kaplanMeier(counts);
  if (pmf.length === 0) return undefined;
  return {
    n: round(counts.weight, 100),
    d: round(counts.eventWeight, 100),
    pmf: pmf.map((p) => round(p, 1e6)),
    last: counts.events.length - 1,
  };
}

function meanOf(counts: SurvivalCounts): SerializedMean | undefined {
  const pmf = kaplanMeier(counts);
  if (pmf.length === 0) return undefined;
  const mean = pmf.reduce((sum, p, day) => sum + p * day, 0);
  return { d: round(counts.eventWeight, 100), mean: round(mean, 1000) };
}

function round(value: number, scale: number): number {
  return Math.round(value * scale) / scale;
}

function offsetOr0(offsets: ZoneOffsets, zone: string, ms: number): number {
  const offset = offsets.offsetAt(zone, ms);
  return offset === offset ? offset : 0;
}

/** `FitOptions.pace`, checked and with its defaults; undefined when off. */
/** A numeric fit option, or its default when left out; throws, naming it, when it is not a finite number that `ok`. */
function checkedOption(
  name: string,
  value: number | undefined,
  fallback: number,
  ok: (value: number) => boolean,
  expected: string,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
    throw new TracklineError(
      'invalid_response',
      `${name} must be ${expected} (got ${String(value)}); leave it out for the default of ${fallback}.`,
    );
  }
  return value;
}

function paceOptions(options: FitOptions['pace']): { days: number; spread: number } | undefined {
  if (!options) return undefined;
  const { days = 21, spread = 0.2 } = options === true ? {} : options;
  if (!(days > 0 && Number.isFinite(days))) {
    throw new TracklineError(
      'invalid_response',
      `pace.days must be a number of calendar days above 0 (got ${days}); leave it out for the default of 21.`,
    );
  }
  if (!(spread > 0 && Number.isFinite(spread))) {
    throw new TracklineError(
      'invalid_response',
      `pace.spread must be a number above 0 (got ${spread}); leave it out for the default of 0.2.`,
    );
  }
  return { days, spread };
}

/** `FitOptions.postalCodes`, checked; undefined when neither side is refined. */
function postalOptions(options: PostalCodeOptions | undefined): SerializedPostalCodes | undefined {
  if (!options || (options.origin === undefined && options.destination === undefined)) return undefined;
  const out: SerializedPostalCodes = { minSamples: options.minSamples ?? 5 };
  if (!(out.minSamples >= 0 && Number.isFinite(out.minSamples))) {
    throw new TracklineError(
      'invalid_response',
      `postalCodes.minSamples must be a number from 0 (got ${options.minSamples}); leave it out for the default of 5.`,
    );
  }
  for (const side of ['origin', 'destination'] as const) {
    const value = options[side];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) {
      throw new TracklineError(
        'invalid_response',
        `postalCodes.${side} must be a whole number of postal-code characters from 1 (got ${value}); leave it out to keep that side by region.`,
      );
    }
    out[side] = value;
  }
  return out;
}
