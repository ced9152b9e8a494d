export { fitTransitModel } from './fit.js';
export { loadTransitModel } from './load.js';
export type { TransitModel } from './model.js';
export type {
  Area,
  EstimateInput,
  FitOptions,
  HistoryRecord,
  SerializedCalendar,
  SerializedDistribution,
  SerializedGroup,
  SerializedTransitModel,
} from './types.js';
