export * from './errors/index.js';
export * from './model/index.js';
export * from './status/index.js';
export * from './detect/index.js';
export * from './describe/index.js';
export * from './time/index.js';
export * from './carriers/index.js';
export * from './tracker/index.js';
