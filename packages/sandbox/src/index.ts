export { orders, parcelFor, parcels, findParcel } from './scenarios/parcels.js';
export type { Parcel, SandboxOrder } from './scenarios/parcels.js';
export { sandboxCarriers, trackingNumberFor } from './scenarios/numbers.js';
export type { SandboxCarrier } from './scenarios/numbers.js';
export { playParcel, playSteps, promisedDate } from './scenarios/play.js';
export type { PlayOptions, PlayedStep } from './scenarios/play.js';
export { findScenario, scenarios } from './scenarios/scenarios.js';
export type { Scenario, ScenarioStep } from './scenarios/scenarios.js';
export { StepKind, stepMeaning } from './scenarios/steps.js';
