import type { Shipment } from '../model/schemas.js';

/** Where a parcel comes from or goes to, as coarse as the history knows it. */
export interface Area {
  /** ISO 3166-1 alpha-2 (`US`, `BR`). */
  country: string;
  /** State, province or region code (`CA`, `SP`). */
  region?: string;
  postalCode?: string;
}

/** One past order as the store saw it. Times are ISO 8601 instants with their UTC offset. */
export interface HistoryRecord {
  carrier: string;
  service?: string;
  origin: Area;
  destination: Area;
  placedAt: string;
  /** When the carrier took the parcel (first pick-up scan). Missing while it waits at the warehouse. */
  shippedAt?: string;
  /** Missing while the parcel is still on its way. */
  deliveredAt?: string;
  /**
   * When the carrier scanned the parcel on its way, in any order. Given (even empty), the record
   * teaches how long this lane goes without a scan, which `detectDelay` uses to call a parcel stalled.
   */
  scans?: readonly string[];
  /**
   * The delivery day the carrier gave for this parcel: the first one it gave after the pick-up, which is
   * the date the shopper saw while waiting (the `likely` of the shipment's `estimate` with basis
   * `carrier`, as first tracked after the hand-over). A calendar date `YYYY-MM-DD` in the destination's
   * time zone, as `DeliveryEstimate` has it. Records that are delivered and have one teach how reliable
   * the carrier's dates are on their lane, which estimates then use to weigh a carrier's date against
   * the history (see `docs/estimation.md`). Leave it out when the carrier gave none.
   */
  carrierEstimate?: string;
}

export interface FitOptions {
  /**
   * The fit's "today". Records placed after it are ignored; shipments and deliveries after it are
   * treated as not yet happened. Defaults to the current time.
   */
  now?: Date | string;
  /** Age in days at which a record counts half as much as one from today. Default 45. */
  halfLifeDays?: number;
  /**
   * How many weighted deliveries count as much as the level above: a lane with `minSamples` of them is
   * mixed half and half with its region, one with ten times as many mostly speaks for itself. Default 30.
   */
  minSamples?: number;
  /** Skip the destination country's public holidays as well as weekends. Default true. */
  holidays?: boolean;
  /**
   * Working days after which an order still waiting (at the warehouse, or on its way) is taken as lost
   * or forgotten and no longer counts: otherwise a few parcels that will never arrive keep saying
   * "longer than anything seen" for ever. Default 60 (about three months).
   */
  giveUpDays?: number;
  /** The carrier's pick-up cut-off: local hour at the origin after which an order starts the next working day. Default 14. */
  cutoffHour?: number;
  /**
   * Learn finer than the region where the history has postal codes: how fast each origin site hands
   * orders over (a warehouse, or a marketplace's seller: who packs decides how fast an order leaves),
   * and how fast parcels reach each destination postal area (a state's capital and its interior are
   * days apart). Each site or area moves its lane's distribution earlier or later by how much its
   * own mean differs, leaning on the lane while it has few records; the lane keeps the shape and the
   * tail, which a handful of records cannot tell. Estimates use them when the input's
   * `origin`/`destination` has a `postalCode`. Off by default.
   *
   * @example `{ origin: 5, destination: 2 }` for Olist's sellers (5-digit zip prefixes) and Brazil's CEP sub-regions.
   */
  postalCodes?: PostalCodeOptions;
  /**
   * Notice a slowdown (or a speed-up) before it is over: read how the orders of the last few days are
   * doing, finished or not, against what the orders before them took. Fewer handed over or delivered by
   * each age than their lanes' earlier orders at the same age means everything now takes longer; the
   * fit turns it into one factor (the `pace`) for handling and one for transit per carrier and service,
   * and estimates stretch the distributions by it. With it, the distributions themselves learn
   * from the orders that started before those days. `true` for the defaults. Off by default.
   */
  pace?: boolean | PaceFitOptions;
}

/** How `FitOptions.pace` reads the latest orders. */
export interface PaceFitOptions {
  /** Calendar days back from `now` whose orders (by purchase for handling, by hand-over for transit) set the pace. Default 21. */
  days?: number;
  /**
   * How far the pace may stray from 1 while the recent orders are few: the standard deviation of
   * log(pace) expected before seeing them. Default 0.2 (a pace of 1.2 is a one-standard-deviation change).
   */
  spread?: number;
}

/** Which postal codes refine the lanes, and how much they are trusted (see `FitOptions.postalCodes`). */
export interface PostalCodeOptions {
  /** Leading letters and digits of the origin's postal code that make one site: for a warehouse or seller, all of them. */
  origin?: number;
  /** Leading letters and digits of the destination's postal code that make one area: in the US 3 (a sectional center), in Brazil 2 or 3. */
  destination?: number;
  /**
   * Weighted records at which a site or area moves its lane half as far as its own mean says; with ten
   * times as many, almost all the way. Default 5: a site's mean settles after a few orders, where a
   * whole distribution (`minSamples`) needs many.
   */
  minSamples?: number;
}

export interface EstimateInput {
  carrier: string;
  service?: string;
  origin: Area;
  destination: Area;
  /** When the order was placed; defaults to `now` (a checkout). */
  placedAt?: string;
  /** When the carrier took the parcel; when given, only transit is estimated. */
  shippedAt?: string;
  now: Date | string;
  /** Probability that delivery falls between `earliest` and `latest`. Default 0.8. */
  confidence?: number;
  /** The shipment as tracked so far; its scans condition the estimate. */
  shipment?: Shipment;
}

/** One learned day distribution, serialized: weights of whole working days 0, 1, 2 … */
export interface SerializedDistribution {
  /** Decay-weighted number of records (delivered and still in flight). */
  n: number;
  /** Decay-weighted number of records whose outcome is known (shipped, or delivered). */
  d: number;
  /** Probability of each whole number of working days; sums to 1. */
  pmf: number[];
  /** The last day on which a record ended (was shipped, delivered, scanned); the `pmf` beyond it is the extrapolated tail. */
  last?: number;
  /**
   * How many times as long as this distribution the orders that started lately are taking (or took), read
   * from them finished or not when the model was fitted; estimates stretch the distribution by it, and
   * every lane below it. Set on the carrier-and-service level when the fit had `pace`.
   */
  pace?: number;
}

/**
 * How far off the carrier's own delivery dates were on a lane: the probability of each signed number of
 * working days from the carrier's day to the real delivery day (positive: delivered later than the
 * carrier said), over the days `from`, `from + 1` … of `pmf`.
 */
export interface SerializedCarrierError {
  /**
   * How far ahead of its day the carrier's dates behind this table were given: working days from the
   * hand-over to the carrier's day, from this one (0, 2 or 4) to the next table's first (0–1, 2–3, 4 and more).
   */
  lead: number;
  /** Decay-weighted number of delivered records with a carrier date. */
  n: number;
  /** The error of `pmf[0]`, in working days (negative: delivered before the carrier's day). */
  from: number;
  /** Probability of each error from `from` on; sums to 1. */
  pmf: number[];
}

export interface SerializedCalendar {
  /** Days of the week that are not working days, 0 = Sunday … 6 = Saturday. */
  weekend: number[];
  /** First and last day the holiday list covers, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** Public holidays, `YYYY-MM-DD`. */
  holidays: string[];
}

/** `FitOptions.postalCodes` as the fit used them, `minSamples` filled in. */
export interface SerializedPostalCodes {
  origin?: number;
  destination?: number;
  minSamples: number;
}

/** A site or postal area, kept as its mean alone: it moves its lane's distribution, never reshapes it. */
export interface SerializedMean {
  /** Decay-weighted number of records whose outcome is known (shipped, or delivered). */
  d: number;
  /** Mean working days, of the same Kaplan–Meier distribution a lane keeps whole. */
  mean: number;
}

export interface SerializedGroup {
  handling?: SerializedDistribution;
  transit?: SerializedDistribution;
  /** Working days between one scan and the next (hand-over and delivery included), from records with `scans`. */
  quiet?: SerializedDistribution;
  /**
   * Working days from the carrier's own date to the delivery, from records with `carrierEstimate`: one table
   * per lead bucket that has records, in the order of their `lead`. (Models saved before dates were told
   * apart by lead had one table, `carrierError`, with no lead: `loadTransitModel` checks and ignores it.)
   */
  carrierErrors?: SerializedCarrierError[];
  /** Sites: the mean handling of orders from one origin postal code. */
  handlingMean?: SerializedMean;
  /** Postal lanes: the mean transit into one destination postal area. */
  transitMean?: SerializedMean;
}

/** A fitted model as plain JSON: what `toJSON()` gives and `loadTransitModel` takes. */
export interface SerializedTransitModel {
  version: 1;
  /** The fit's "today", ISO 8601. */
  fittedAt: string;
  cutoffHour: number;
  minSamples: number;
  /** The `postalCodes` of the fit, when it learned sites and postal areas. */
  postalCodes?: SerializedPostalCodes;
  calendars: Record<string, SerializedCalendar>;
  /**
   * Keyed by lane (`carrier|service|origin|destination`), by each back-off level (`*` for any), by site
   * (`carrier|service|origin:postal|*`, `handlingMean` only) and by postal lane (`…|destination:postal`, `transitMean` only).
   */
  groups: Record<string, SerializedGroup>;
}

/** Where a parcel travels, as `TransitModel.silence` takes it. */
export interface LaneInput {
  carrier: string;
  service?: string;
  origin: Area;
  destination: Area;
}

export interface SilenceInput extends LaneInput {
  /** The last scan so far (or, before any scan, when the order was placed). */
  since: string;
  now: Date | string;
  /** Whether the carrier has the parcel yet; before the hand-over, silence is judged against handling. */
  moving: boolean;
}

/** How long a parcel has gone without news, beside how long this lane normally does. */
export interface Silence {
  /**
   * Working days of the destination to today: from the day of `since` once the parcel is moving; before the
   * hand-over, from the day handling starts after `since` (the next working day when it is at or after the
   * pick-up cut-off), as the estimate counts it.
   */
  days: number;
  /** Silences up to this many working days are usual (95% of them end by then), and never fewer than 1. */
  stalledAfter: number;
  /** Past this many working days without news, the parcel is likely lost. */
  lostAfter: number;
  /** What the thresholds were learned from: gaps between scans, or (when the history has no scans) whole transit or handling times. */
  basis: 'scans' | 'transit' | 'handling';
  /** Weighted records behind the thresholds. */
  sampleSize: number;
}
