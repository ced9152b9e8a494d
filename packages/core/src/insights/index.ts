export { summarize } from './summarize.js';
export { GroupDimension } from './types.js';
export type {
  AreaKey,
  DurationSummary,
  GroupKey,
  GroupSummary,
  InsightShipment,
  Interval,
  PeriodFigures,
  Rate,
  Summary,
  SummarizeOptions,
  WorseningLane,
} from './types.js';
