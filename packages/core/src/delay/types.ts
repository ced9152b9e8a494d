import type { DateWindow, DeliveryEstimate, Problem } from '../model/schemas.js';
import type { TransitModel } from '../estimate/model.js';
import type { LaneInput } from '../estimate/types.js';

/** Why `detectDelay` found a problem. */
export const DelayCause = {
  /** Today is past the last promised day and the parcel has not arrived. */
  late: 'late',
  /** The new estimate falls a day or more after the promise (or the estimate shown before). */
  later: 'later',
  /** No scan for longer than this lane's silences normally last. */
  stalled: 'stalled',
  /** No scan for so long that the parcel has likely been lost. */
  lost: 'lost',
} as const;
export type DelayCause = (typeof DelayCause)[keyof typeof DelayCause];

/** A problem `detectDelay` found: a `Problem` (reason `delayed`, `stalled` or `lost`) and what it rests on. */
export interface DelayProblem extends Problem {
  cause: DelayCause;
  /**
   * How far off: for `late` and `later`, calendar days past the promise (or the earlier estimate); for
   * `stalled` and `lost`, working days without a scan.
   */
  days: number;
  /**
   * The date the problem was judged on, when there is one. For `late` and `later`, the carrier's own date
   * while the shipment has one whose last day has not gone by; otherwise the model's estimate (conditioned
   * on the scans, a stale carrier date left out), or without a model the carrier's date. For `stalled`
   * and `lost`, the model's estimate without the carrier's date, which rests on scans that stopped coming.
   */
  estimate?: DeliveryEstimate;
}

export interface DetectDelayOptions {
  now: Date | string;
  /** A model fitted on the store's history: it gives the new estimate and the lane's usual silences. */
  model?: TransitModel;
  /**
   * What the shopper was last told: a promise window or an estimate shown before. Defaults to the
   * shipment's `promised`; with neither, only silence is judged.
   */
  previous?: DateWindow | DeliveryEstimate;
  /** When the order was placed, for the estimate and the silence before the first scan. */
  placedAt?: string;
  /**
   * The lane as the model's history names it, where the shipment says it differently: a carrier or
   * service named otherwise in the store's records, or regions as codes (`BY`) where the carrier wrote
   * names (`Bavaria`). Parts given here win over the shipment's.
   */
  lane?: Partial<LaneInput>;
}
