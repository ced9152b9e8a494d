export { loadTransitModel } from './load.js';
export type { TransitModel } from './model.js';
export type {
  Area,
  EstimateInput,
  FitOptions,
  HistoryRecord,
  LaneInput,
  SerializedCalendar,
  SerializedDistribution,
  SerializedGroup,
  SerializedTransitModel,
  Silence,
  SilenceInput,
} from './types.js';
