export { orders, parcelFor, parcels, findParcel } from './scenarios/parcels.js';
export type { Parcel, SandboxOrder } from './scenarios/parcels.js';
export { sandboxCarriers, trackingNumberFor } from './scenarios/numbers.js';
export type { SandboxCarrier } from './scenarios/numbers.js';
export { playParcel, playSteps, promisedDate } from './scenarios/play.js';
export type { PlayOptions, PlayedStep } from './scenarios/play.js';
export { findScenario, scenarios } from './scenarios/scenarios.js';
export type { Scenario, ScenarioStep } from './scenarios/scenarios.js';
export { StepKind, stepMeaning } from './scenarios/steps.js';
export { carrierSandboxes } from './carriers/index.js';
export { createSandbox } from './server/server.js';
export type { Sandbox, SandboxOptions, WebhookSubscription } from './server/server.js';
export { FaultKind, faultKinds } from './server/faults.js';
export type { Fault } from './server/faults.js';
export type { TokenStore } from './server/tokens.js';
export type {
  CarrierSandbox,
  Route,
  SandboxContext,
  SandboxRequest,
  SandboxResponse,
  WebhookDelivery,
} from './server/types.js';
