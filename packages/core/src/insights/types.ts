import type { CarrierId } from '../model/carrier.js';
import type { ProblemReason } from '../model/problem.js';
import type { Shipment } from '../model/schemas.js';

/**
 * A shipment as `summarize` reads it: the core's `Shipment`, plus when the order was placed and when
 * the parcel left (both ISO 8601 with an offset). `shippedAt` defaults to the first scan that shows the
 * parcel moving; without `placedAt` the shipment adds nothing to the handling time. A time left out is
 * missing; one that is there but is not an ISO 8601 string with an offset (`2024-05-03T10:00:00` without
 * its offset, `05/03/2024`, `''`, a `Date`, `null`) throws a `TypeError` naming the shipment and the field.
 */
export type InsightShipment = Shipment & { placedAt?: string; shippedAt?: string };

/** What shipments can be grouped by. `origin` and `destination` mean country plus region (`US-CA`). */
export const GroupDimension = {
  carrier: 'carrier',
  service: 'service',
  origin: 'origin',
  destination: 'destination',
} as const;
export type GroupDimension = (typeof GroupDimension)[keyof typeof GroupDimension];

export interface SummarizeOptions {
  /**
   * The dimensions that together make one group, as `GROUP BY` does. Default `['carrier']`. A value
   * that is not one of the dimensions throws a `TypeError`.
   */
  by?: readonly GroupDimension[];
  /**
   * The moment the figures are as of: the end of the current period, and the time after which an
   * undelivered parcel past its promised day counts as late. Nothing after it has happened yet: a
   * shipment whose order was placed after it (without `placedAt`, whose first scan came after it) is
   * left out altogether; a hand-over, delivery, return or cancellation after it has not happened, so
   * the parcel is taken as still waiting or on its way; a problem reported after it (a scan's `at`, the
   * open problem's `since`) is not counted. Default: the latest time in the data (any time it reads:
   * placed, shipped, delivered, a problem's, a return's or a cancellation's), so the result depends on
   * the data alone and equals the one for that `now` given. Anything but a valid `Date` or epoch
   * milliseconds throws a `TypeError`.
   */
  now?: Date | number;
  /**
   * Length of the current and the previous period that `worsening` compares, in days. Default 30. Anything
   * but a positive number throws a `TypeError`.
   */
  period?: number;
  /**
   * Shipments with a known on-time outcome a group needs in each period to be listed in `worsening`.
   * Default 20; below 1 counts as 1; NaN or a non-number throws a `TypeError`.
   */
  minVolume?: number;
  /** At most this many lanes in `worsening`. Default 10; a fraction, NaN or a non-number throws a `TypeError`. */
  limit?: number;
}

/** A country and region, as a place is grouped (`US` + `CA`); `null` where the shipment does not say. */
export interface AreaKey {
  country: string | null;
  region: string | null;
}

/** The values of one group; only the dimensions grouped by are present. `null`: the shipments do not say. */
export interface GroupKey {
  carrier?: CarrierId;
  service?: string | null;
  origin?: AreaKey;
  destination?: AreaKey;
}

/** How many of `of` shipments have some property, and the share (0–1; `null` when `of` is 0). */
export interface Rate {
  count: number;
  of: number;
  rate: number | null;
}

/** A duration over the shipments that inform it, in days (fractional); `null` when `count` is 0. */
export interface DurationSummary {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface GroupSummary {
  key: GroupKey;
  /** The key for people: `ups · UPS Ground · US-CA`. */
  label: string;
  /** Every shipment of the group, whatever it is missing (as of a given `now`, those begun by then). */
  volume: number;
  /** From the order being placed to the parcel leaving. */
  handlingDays: DurationSummary;
  /** From the parcel leaving to its delivery. */
  transitDays: DurationSummary;
  /** Delivered on or before the promised latest day, of the shipments whose outcome against a promise is known. */
  onTime: Rate;
  /** Per problem reason seen: shipments that had it at least once, of the group's volume. */
  problems: Partial<Record<ProblemReason, Rate>>;
  /** Reported lost and since neither delivered nor on the way back, of the group's volume. */
  lost: Rate;
}

/** An interval as ISO 8601 UTC instants, `from` excluded and `to` included (`(from, to]`). */
export interface Interval {
  from: string;
  to: string;
}

export interface PeriodFigures {
  /** Shipments that left (or, unshipped, were ordered) in the period. */
  volume: number;
  onTime: Rate;
}

export interface WorseningLane {
  key: GroupKey;
  label: string;
  current: PeriodFigures;
  previous: PeriodFigures;
  /**
   * Current on-time rate minus the previous one: negative, the drop (−0.12 is twelve points worse).
   * Computed from the counts in one division, so equal drops are equal numbers and tie-break by label.
   */
  change: number;
}

export interface Summary {
  by: GroupDimension[];
  /** What `now` was taken to be, or `null` when the data holds no time at all. */
  now: string | null;
  /** The periods `worsening` compares, or `null` without a `now`. */
  periods: { current: Interval; previous: Interval } | null;
  /** Every shipment together. */
  overall: GroupSummary;
  /** One per group, most shipments first. */
  groups: GroupSummary[];
  /** The groups whose on-time rate fell most from the previous period to the current one, worst first (ties by label). */
  worsening: WorseningLane[];
}
