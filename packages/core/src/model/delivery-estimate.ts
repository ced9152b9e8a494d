export const EstimateBasis = {
  /**
   * The carrier's own expected date, or a model's estimate whose likely day is the carrier's own likely
   * day (see `TransitModel.estimate`).
   */
  carrier: 'carrier',
  /** Learned from the store's own past deliveries. */
  history: 'history',
  /** The date the store promised at checkout. */
  promise: 'promise',
} as const;
export type EstimateBasis = (typeof EstimateBasis)[keyof typeof EstimateBasis];

export type { DeliveryEstimate } from './schemas.js';
