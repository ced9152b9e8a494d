// `@trackline/core/fit`: fitting a transit model needs every country's public holidays (date-holidays,
// about 180 kB), so it has its own entry point for where the history is (Node, a nightly job). The main
// entry point keeps `loadTransitModel` and the model, which estimate anywhere without that data.
export { fitTransitModel } from '../estimate/fit.js';
export type { FitOptions, HistoryRecord } from '../estimate/types.js';
