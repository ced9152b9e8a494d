export { findScenario, scenarios } from './scenarios/scenarios.js';
export type { Scenario, ScenarioStep } from './scenarios/scenarios.js';
export { playScenario } from './scenarios/play.js';
export type { PlayOptions } from './scenarios/play.js';
export { StepKind, stepMeaning } from './scenarios/steps.js';
