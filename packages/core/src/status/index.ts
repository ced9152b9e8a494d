export { normalizeStatus, statusTables } from './normalize.js';
export type { NormalizedStatus } from './normalize.js';
export { statusFromDescription } from './classify-description.js';
export { problem } from './table.js';
export type { StatusRow, StatusSection, StatusTable } from './table.js';
export { Milestone, deriveShipmentState, milestones, shipmentProgress, sortEvents } from './derive.js';
export type { Progress, ShipmentState } from './derive.js';
