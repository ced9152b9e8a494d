export const EstimateBasis = {
  /**
   * The carrier's own expected date, or a model's estimate that rests mostly on it (the carrier's date
   * corrected by how far off its dates have been on the lane).
   */
  carrier: 'carrier',
  /** Learned from the store's own past deliveries. */
  history: 'history',
  /** The date the store promised at checkout. */
  promise: 'promise',
} as const;
export type EstimateBasis = (typeof EstimateBasis)[keyof typeof EstimateBasis];

export type { DeliveryEstimate } from './schemas.js';
