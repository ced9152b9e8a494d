export { loadTransitModel } from './load.js';
export type { TransitModel } from './model.js';
export type {
  Area,
  EstimateInput,
  FitOptions,
  HistoryRecord,
  LaneInput,
  PaceFitOptions,
  PostalCodeOptions,
  SerializedCalendar,
  SerializedCarrierError,
  SerializedDistribution,
  SerializedGroup,
  SerializedMean,
  SerializedPostalCodes,
  SerializedTransitModel,
  Silence,
  SilenceInput,
} from './types.js';
