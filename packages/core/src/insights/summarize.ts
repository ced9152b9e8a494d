import { problemReasons, type ProblemReason } from '../model/problem.js';
import type { Place } from '../model/schemas.js';
import { zoneForPlace } from '../time/zone-for-place.js';
import { ZoneOffsets, parseDay, parseInstant, readDay } from './instants.js';
import { quantilesInPlace } from './quantile.js';
import {
  GroupDimension,
  type AreaKey,
  type DurationSummary,
  type GroupKey,
  type GroupSummary,
  type InsightShipment,
  type Interval,
  type PeriodFigures,
  type Rate,
  type Summary,
  type SummarizeOptions,
  type WorseningLane,
} from './types.js';

// One pass over the shipments reads what each one says straight into its group's counters and
// duration buffers (typed arrays that grow by doubling). Nothing is allocated per shipment, and when
// `now` is given nothing of size n at all; without it, each shipment's time and on-time verdict are kept
// in two typed arrays until the pass has found the latest time in the data.

const reasonCount = problemReasons.length;
const reasonBit: Readonly<Record<string, number>> = Object.fromEntries(problemReasons.map((reason, i) => [reason, i]));
const otherBit = reasonBit.other!;
const lostBit = 1 << reasonBit.lost!;

const DAY = 86_400_000;
/** Where no zone is known, a promised day has surely ended everywhere twelve hours after it ends in UTC. */
const LATEST_DAY_END_MS = 12 * 3_600_000;

// A shipment's verdict against its promise, as one number: on time, late, unknown, or — not delivered —
// the instant its promised day ends at the destination, after which it is late.
const ON_TIME = Number.POSITIVE_INFINITY;
const LATE = Number.NEGATIVE_INFINITY;
const UNKNOWN = Number.NaN;

const defaults = { by: [GroupDimension.carrier], period: 30, minVolume: 20, limit: 10 } as const;

class Durations {
  values = new Float64Array(16);
  count = 0;

  push(value: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.count * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = value;
  }
}

class Period {
  volume = 0;
  known = 0;
  onTime = 0;
}

class Group {
  volume = 0;
  lost = 0;
  known = 0;
  onTime = 0;
  readonly problems = new Float64Array(reasonCount);
  readonly handling = new Durations();
  readonly transit = new Durations();
  readonly current = new Period();
  readonly previous = new Period();
  constructor(
    readonly key: GroupKey,
    readonly label: string,
  ) {}
}

interface Node {
  children: Map<string, Node>;
  group: Group | undefined;
}

type Level = (shipment: InsightShipment) => string;

// Each dimension is one or two levels of a tree of maps from value to child, so finding a shipment's
// group costs a few map look-ups and no key string. A missing value is the empty string.
const levelsOf: Record<GroupDimension, Level[]> = {
  carrier: [(s) => s.carrier],
  service: [(s) => s.service ?? ''],
  origin: [(s) => s.origin?.country ?? '', (s) => s.origin?.region ?? ''],
  destination: [(s) => s.destination?.country ?? '', (s) => s.destination?.region ?? ''],
};

/** Counts one verdict and, when it falls in a period, its period's figures. Periods are (from, to]. */
function tally(group: Group, verdict: number, at: number, now: number, periodMs: number): void {
  const known = verdict === ON_TIME || verdict <= now;
  if (known) {
    group.known++;
    if (verdict === ON_TIME) group.onTime++;
  }
  const age = now - at;
  const period =
    age >= 0 && age < periodMs ? group.current : age >= periodMs && age < 2 * periodMs ? group.previous : null;
  if (period !== null) {
    period.volume++;
    if (known) {
      period.known++;
      if (verdict === ON_TIME) period.onTime++;
    }
  }
}

/**
 * Shipping insights for a set of shipments, per group (`by` carrier, service, origin, destination, or
 * several together): volume, handling and transit times (median and 90th percentile, in days), the
 * on-time rate against the promise, the rate of each problem, the lost rate, and the groups whose
 * on-time rate fell most from the previous period to the current one. Pure: the same input and
 * options give the same result, and nothing outside is read.
 */
export function summarize(shipments: readonly InsightShipment[], options: SummarizeOptions = {}): Summary {
  const by = dimensionsOf(options.by);
  const levels = by.flatMap((dimension) => levelsOf[dimension]);
  const n = shipments.length;
  const periodMs = periodOf(options.period) * DAY;
  const givenNow = nowOf(options.now);
  const nowGiven = options.now !== undefined;
  const minVolume = Math.max(1, minVolumeOf(options.minVolume));
  const limit = limitOf(options.limit);

  // Only without `now`: kept until the latest time in the data is known.
  const groupOf: Group[] = nowGiven ? [] : new Array<Group>(n);
  const reference = new Float64Array(nowGiven ? 0 : n);
  const verdicts = new Float64Array(nowGiven ? 0 : n);

  const groups: Group[] = [];
  const root: Node = { children: new Map(), group: undefined };

  const offsets = new ZoneOffsets();
  const zones = new Map<string, Map<string, string | null>>();
  const destinationZone = (place: Place | undefined): string | undefined => {
    if (place === undefined) return undefined;
    if (place.timeZone) return place.timeZone;
    const country = place.country ?? '';
    let regions = zones.get(country);
    if (regions === undefined) zones.set(country, (regions = new Map()));
    let zone = regions.get(place.region ?? '');
    if (zone === undefined) regions.set(place.region ?? '', (zone = zoneForPlace(place) ?? null));
    return zone ?? undefined;
  };

  // The default `now` is the latest of every time read below, so that nothing read lies after it:
  // `summarize(x)` gives the same figures as `summarize(x, { now: summarize(x).now })`.
  let latest = Number.NEGATIVE_INFINITY;
  let counted = 0;

  for (let i = 0; i < n; i++) {
    const s = shipments[i]!;

    // What the scans say: the first one that shows the parcel moving, the last delivery, the first sign
    // of a return or a cancellation, and every problem reported by `now`. (Scans are held by index, so
    // that an unreadable time can be named in the error.)
    let moved = -1;
    let deliveredScan = -1;
    let returnScan = -1;
    let cancelScan = -1;
    let problems = 0;
    const events = s.events;
    if (!Array.isArray(events)) {
      throw new TypeError(`summarize: ${shipmentName(s, i)} has no \`events\` array; give [] when it has no scans.`);
    }
    for (let e = 0; e < events.length; e++) {
      const event = events[e]!;
      const status = event.status;
      if (
        moved < 0 &&
        (status === 'in_transit' ||
          status === 'out_for_delivery' ||
          status === 'available_for_pickup' ||
          status === 'delivered')
      ) {
        moved = e;
      }
      if (status === 'delivered') deliveredScan = e;
      else if (returnScan < 0 && (status === 'returning' || status === 'returned')) returnScan = e;
      else if (cancelScan < 0 && status === 'cancelled') cancelScan = e;
      if (event.problem !== undefined) {
        // A problem's time is that of the scan that reported it. One without a time is still counted: it
        // was reported, only when is unknown.
        const reported = readTime(event.at, s, i, e);
        if (reported > latest) latest = reported;
        if (!(reported > givenNow)) problems |= 1 << (reasonBit[event.problem.reason] ?? otherBit);
      }
    }
    if (s.problem !== undefined) {
      // The open problem's time is when it began.
      const since = readTime(s.problem.since, s, i, 'problem.since');
      if (since > latest) latest = since;
      if (!(since > givenNow)) problems |= 1 << (reasonBit[s.problem.reason] ?? otherBit);
    }

    let shipped = readTime(s.shippedAt, s, i, 'shippedAt');
    if (shipped !== shipped && moved >= 0) shipped = readTime(events[moved]!.at, s, i, moved);
    const placed = readTime(s.placedAt, s, i, 'placedAt');
    let deliveredTime = readTime(s.deliveredAt, s, i, 'deliveredAt');
    let deliveredText = s.deliveredAt;
    if (s.deliveredAt === undefined && s.status === 'delivered' && deliveredScan >= 0) {
      deliveredText = events[deliveredScan]!.at;
      deliveredTime = readTime(deliveredText, s, i, deliveredScan);
    }
    // When the shipment began: its order, or, without one, its first scan (or its hand-over or delivery,
    // should those come first in bad data). As of a given `now`, a shipment that had not begun does not
    // exist yet: it is left out of every figure, the volume included.
    let begun = earlier(earlier(placed, shipped), deliveredTime);
    if (placed !== placed && events.length > 0) begun = earlier(begun, readTime(events[0]!.at, s, i, 0));
    // A return or a cancellation began with its first scan; without one, the status is all there is.
    const status = s.status;
    const returnedAt =
      returnScan >= 0 && (status === 'returning' || status === 'returned')
        ? readTime(events[returnScan]!.at, s, i, returnScan)
        : Number.NaN;
    const cancelledAt =
      cancelScan >= 0 && status === 'cancelled' ? readTime(events[cancelScan]!.at, s, i, cancelScan) : Number.NaN;
    // (A comparison with an unknown time, NaN, is false: it moves nothing.)
    if (begun > latest) latest = begun;
    if (placed > latest) latest = placed;
    if (shipped > latest) latest = shipped;
    if (deliveredTime > latest) latest = deliveredTime;
    if (returnedAt > latest) latest = returnedAt;
    if (cancelledAt > latest) latest = cancelledAt;
    if (begun > givenNow) continue;

    let node = root;
    for (let l = 0; l < levels.length; l++) {
      const value = levels[l]!(s);
      let child = node.children.get(value);
      if (child === undefined) node.children.set(value, (child = { children: new Map(), group: undefined }));
      node = child;
    }
    let group = node.group;
    if (group === undefined) {
      const key = keyOf(s, by);
      group = node.group = new Group(key, labelOf(key));
      groups.push(group);
    }
    group.volume++;
    counted++;

    // As of a given `now`, a hand-over or delivery after it has not happened yet: the parcel is still
    // waiting or on its way then, and is judged as such. (Without `now`, givenNow is NaN and nothing is.)
    if (shipped > givenNow) shipped = Number.NaN;
    const delivered = deliveredTime > givenNow ? Number.NaN : deliveredTime;
    // What had happened by then. A delivery without a time is taken at its status's word; a return or a
    // cancellation whose first scan came after `now` had not begun.
    const deliveredByNow = delivered === delivered || (status === 'delivered' && deliveredTime !== deliveredTime);
    const returningByNow = (status === 'returning' || status === 'returned') && !(returnedAt > givenNow);
    const cancelledByNow = status === 'cancelled' && !(cancelledAt > givenNow);

    // A negative duration is a data error (clocks or zones mixed up): it informs nothing.
    if (shipped >= placed) group.handling.push((shipped - placed) / DAY);
    if (delivered >= shipped) group.transit.push((delivered - shipped) / DAY);
    const at = shipped === shipped ? shipped : placed;

    if (problems !== 0) {
      for (let r = 0; r < reasonCount; r++) if ((problems >> r) & 1) group.problems[r]!++;
      if (problems & lostBit && !deliveredByNow && !returningByNow) group.lost++;
    }

    // On time: delivered on or before the promised latest day, as a calendar day at the destination.
    let verdict = UNKNOWN;
    const promised = s.promised;
    const promisedDay = promised === undefined || cancelledByNow ? Number.NaN : parseDay(promised.latest);
    if (promisedDay === promisedDay) {
      const zone = destinationZone(s.destination);
      if (delivered === delivered) {
        const offset = zone === undefined ? Number.NaN : offsets.offsetAt(zone, delivered);
        // Without a zone, the day the carrier wrote the delivery in is the best there is.
        const day = offset === offset ? Math.floor((delivered + offset * 60_000) / DAY) : readDay(deliveredText!);
        verdict = day <= promisedDay ? ON_TIME : LATE;
      } else {
        const dayEnd = (promisedDay + 1) * DAY;
        const offset = zone === undefined ? Number.NaN : offsets.offsetAt(zone, dayEnd);
        verdict = offset === offset ? localMidnight(offsets, zone!, dayEnd, offset) : dayEnd + LATEST_DAY_END_MS;
      }
    }
    if (nowGiven) {
      tally(group, verdict, at, givenNow, periodMs);
    } else {
      groupOf[i] = group;
      reference[i] = at;
      verdicts[i] = verdict;
    }
  }

  const now = nowGiven ? givenNow : latest > Number.NEGATIVE_INFINITY ? latest : Number.NaN;
  if (!nowGiven) for (let i = 0; i < n; i++) tally(groupOf[i]!, verdicts[i]!, reference[i]!, now, periodMs);

  const summaries: GroupSummary[] = groups.map((group) => ({
    key: group.key,
    label: group.label,
    volume: group.volume,
    handlingDays: durationSummary(group.handling.values, 0, group.handling.count),
    transitDays: durationSummary(group.transit.values, 0, group.transit.count),
    onTime: rate(group.onTime, group.known),
    problems: problemsOf(group.problems, group.volume),
    lost: rate(group.lost, group.volume),
  }));
  summaries.sort((a, b) => b.volume - a.volume || compareText(a.label, b.label));

  const overallProblems = new Float64Array(reasonCount);
  let lost = 0;
  let known = 0;
  let onTime = 0;
  for (const group of groups) {
    for (let r = 0; r < reasonCount; r++) overallProblems[r]! += group.problems[r]!;
    lost += group.lost;
    known += group.known;
    onTime += group.onTime;
  }
  const overall: GroupSummary = {
    key: {},
    label: 'all shipments',
    volume: counted,
    handlingDays: overallDurations(groups.map((group) => group.handling)),
    transitDays: overallDurations(groups.map((group) => group.transit)),
    onTime: rate(onTime, known),
    problems: problemsOf(overallProblems, counted),
    lost: rate(lost, counted),
  };

  const worsening: WorseningLane[] = [];
  for (const { key, label, current, previous } of groups) {
    if (current.known < minVolume || previous.known < minVolume) continue;
    // As one division of whole numbers, so that equal drops are equal numbers and ties go by label
    // (0.7 − 0.8 is −0.10000000000000009 in floating point, 0.1 − 0.2 is −0.1).
    const change =
      (current.onTime * previous.known - previous.onTime * current.known) / (current.known * previous.known);
    if (!(change < 0)) continue;
    worsening.push({ key, label, current: periodFigures(current), previous: periodFigures(previous), change });
  }
  worsening.sort((a, b) => a.change - b.change || compareText(a.label, b.label));
  worsening.length = Math.min(worsening.length, limit);

  const readable = Math.abs(now) <= 8.64e15 && Math.abs(now - 2 * periodMs) <= 8.64e15;
  return {
    by,
    now: readable ? new Date(now).toISOString() : null,
    periods: readable
      ? { current: interval(now - periodMs, now), previous: interval(now - 2 * periodMs, now - periodMs) }
      : null,
    overall,
    groups: summaries,
    worsening,
  };
}

/**
 * The instant at which the local date in `zone` reaches the day that starts at `dayEnd` (as UTC
 * midnight), given the zone's offset at that UTC midnight. That offset is right unless the clocks change
 * between the two midnights, which happens where they change at midnight itself: Beirut springs forward
 * at 00:00, so 30 March 2024 ends there at 22:00 UTC, not at 21:00.
 */
function localMidnight(offsets: ZoneOffsets, zone: string, dayEnd: number, offset: number): number {
  const end = dayEnd - offset * 60_000;
  const then = offsets.offsetAt(zone, end);
  if (then === offset || then !== then) return end;
  // Of the two readings, the earlier one at which the local date has moved on.
  const other = dayEnd - then * 60_000;
  const dateMovedOn = (at: number) => at + offsets.offsetAt(zone, at) * 60_000 >= dayEnd;
  return !dateMovedOn(end) || (other < end && dateMovedOn(other)) ? other : end;
}

/** The earlier of two times, either of which may be unknown (NaN). */
function earlier(a: number, b: number): number {
  return a <= b || b !== b ? a : b;
}

function shipmentName(s: InsightShipment, index: number): string {
  return `shipments[${index}] (${String(s.carrier)} ${String(s.trackingNumber)})`;
}

/**
 * A time of shipment `s` (number `index` of the input) as epoch milliseconds; NaN when it is left out,
 * which the figures treat as missing (not happened yet). `field` names it in the error: a property of the
 * shipment, or the index of the scan whose `at` it is.
 */
function readTime(value: string | undefined, s: InsightShipment, index: number, field: string | number): number {
  if (typeof value === 'string') {
    const ms = parseInstant(value);
    if (ms === ms) return ms;
  } else if (value === undefined) {
    return Number.NaN;
  }
  throw notATime(value, s, index, field);
}

// Anything but undefined or an ISO 8601 string with an offset (a Date, a number, null, a time without an
// offset as many databases give them out, '') is a caller's mistake that would otherwise surface as a
// puzzling error from deep inside, or quietly empty the figures. (Apart from `readTime`, so that the hot
// path stays small enough to inline.)
function notATime(value: unknown, s: InsightShipment, index: number, field: string | number): TypeError {
  const name = typeof field === 'number' ? `events[${field}].at` : field;
  const got =
    typeof value === 'string'
      ? JSON.stringify(value)
      : value instanceof Date
        ? 'a Date object'
        : value === null
          ? 'null'
          : `${typeof value} ${String(value)}`;
  const fix =
    value instanceof Date
      ? ' (date.toISOString())'
      : typeof value === 'string' && readDay(value) === readDay(value) && /^.{10}[Tt ]\d\d:\d\d(:[\d.,]*)?$/.test(value)
        ? ' (this one has no offset: add the one it was written in, Z for UTC, as its instant would otherwise depend on the machine)'
        : '';
  // The model allows only these to be left out; a scan's `at` and a problem's `since` it requires.
  const optional = field === 'placedAt' || field === 'shippedAt' || field === 'deliveredAt';
  return new TypeError(
    `summarize: ${shipmentName(s, index)} has ${name} = ${got}; give an ISO 8601 date-time string with an offset, such as 2024-04-26T07:50:00-07:00${fix}${optional ? ', or leave it out' : ''}.`,
  );
}

const dimensions: readonly string[] = Object.values(GroupDimension);

// Callers in plain JavaScript get no type check, so a misspelt dimension or a period that is not a
// number would otherwise quietly change the figures (a group too few, no periods at all).
function dimensionsOf(by: readonly GroupDimension[] | undefined): GroupDimension[] {
  const wanted = by ?? defaults.by;
  if (!Array.isArray(wanted)) {
    throw new TypeError(
      `summarize: \`by\` must be an array of dimensions (${dimensions.join(', ')}), e.g. ['carrier'], not ${String(wanted)}.`,
    );
  }
  for (const dimension of wanted) {
    if (!dimensions.includes(dimension)) {
      throw new TypeError(
        `summarize: unknown dimension ${JSON.stringify(dimension)} in \`by\`; give any of ${dimensions.join(', ')}.`,
      );
    }
  }
  return Object.values(GroupDimension).filter((dimension) => wanted.includes(dimension));
}

// A `now` that is not a moment (an invalid Date, NaN, a string) would otherwise quietly leave every
// late parcel without a verdict, and the on-time rate at 100 %.
function nowOf(now: Date | number | undefined): number {
  if (now === undefined) return Number.NaN;
  const given: unknown = now;
  const ms = given instanceof Date ? given.getTime() : typeof given === 'number' ? given : Number.NaN;
  if (!(Math.abs(ms) <= 8.64e15)) {
    const got =
      given instanceof Date
        ? 'an invalid Date'
        : typeof given === 'number'
          ? String(given)
          : `${typeof given} ${String(given)}`;
    throw new TypeError(
      `summarize: \`now\` must be a valid Date or epoch milliseconds (such as Date.now()), not ${got}; leave it out for the latest time in the data.`,
    );
  }
  return ms;
}

// NaN would otherwise pass every comparison with it and list lanes of a single shipment.
function minVolumeOf(minVolume: number | undefined): number {
  if (minVolume === undefined) return defaults.minVolume;
  if (typeof minVolume !== 'number' || minVolume !== minVolume) {
    throw new TypeError(
      `summarize: \`minVolume\` must be a number of shipments (default ${defaults.minVolume}), not ${String(minVolume)}.`,
    );
  }
  return minVolume;
}

// A fraction or NaN would otherwise end in a bare "Invalid array length"; a negative limit lists none.
function limitOf(limit: number | undefined): number {
  if (limit === undefined) return defaults.limit;
  if (typeof limit !== 'number' || !(Number.isInteger(limit) || limit === Number.POSITIVE_INFINITY)) {
    throw new TypeError(
      `summarize: \`limit\` must be a whole number of lanes (default ${defaults.limit}), not ${String(limit)}.`,
    );
  }
  return Math.max(0, limit);
}

function periodOf(period: number | undefined): number {
  if (period === undefined) return defaults.period;
  if (typeof period !== 'number' || !(period > 0) || period === Number.POSITIVE_INFINITY) {
    throw new TypeError(
      `summarize: \`period\` must be a positive number of days (default ${defaults.period}), not ${String(period)}.`,
    );
  }
  return period;
}

// An empty value groups with a missing one (both are '' in the tree), so both read as null: otherwise the
// key and label of that group would depend on which of its shipments came first.
function areaOf(place: Place | undefined): AreaKey {
  return { country: place?.country || null, region: place?.region || null };
}

function keyOf(s: InsightShipment, by: readonly GroupDimension[]): GroupKey {
  const key: GroupKey = {};
  for (const dimension of by) {
    if (dimension === 'carrier') key.carrier = s.carrier;
    else if (dimension === 'service') key.service = s.service || null;
    else if (dimension === 'origin') key.origin = areaOf(s.origin);
    else key.destination = areaOf(s.destination);
  }
  return key;
}

function areaLabel(area: AreaKey): string {
  if (area.country === null) return area.region ?? 'unknown place';
  return area.region === null ? area.country : `${area.country}-${area.region}`;
}

function labelOf(key: GroupKey): string {
  const parts: string[] = [];
  if (key.carrier !== undefined) parts.push(key.carrier);
  if (key.service !== undefined) parts.push(key.service ?? 'no service');
  if (key.origin !== undefined) parts.push(`from ${areaLabel(key.origin)}`);
  if (key.destination !== undefined) parts.push(`to ${areaLabel(key.destination)}`);
  return parts.length > 0 ? parts.join(' · ') : 'all shipments';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rate(count: number, of: number): Rate {
  return { count, of, rate: of > 0 ? count / of : null };
}

function problemsOf(counts: Float64Array, of: number): Partial<Record<ProblemReason, Rate>> {
  const result: Partial<Record<ProblemReason, Rate>> = {};
  for (let r = 0; r < reasonCount; r++) {
    if (counts[r]! > 0) result[problemReasons[r]!] = rate(counts[r]!, of);
  }
  return result;
}

function periodFigures(period: Period): PeriodFigures {
  return { volume: period.volume, onTime: rate(period.onTime, period.known) };
}

function interval(from: number, to: number): Interval {
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

const wanted = [0.5, 0.9];

/** Median and 90th percentile of `values[from..to)`, which it reorders. */
function durationSummary(values: Float64Array, from: number, to: number): DurationSummary {
  if (to <= from) return { count: 0, median: null, p90: null };
  const [median, p90] = quantilesInPlace(values, from, to, wanted);
  return { count: to - from, median: median!, p90: p90! };
}

function overallDurations(parts: readonly Durations[]): DurationSummary {
  let total = 0;
  for (const part of parts) total += part.count;
  const all = new Float64Array(total);
  let at = 0;
  for (const part of parts) {
    all.set(part.values.subarray(0, part.count), at);
    at += part.count;
  }
  return durationSummary(all, 0, total);
}
