// Everything <order-tracker> needs for an endpoint look-up and nothing else: the controller that fetches and
// refreshes, and the form, skeleton and notices with their styles. The element loads this with `import()` once
// `endpoint` is set; ky and the schemas come later still, with the first request (fetch-lookup.ts).
export { LookupController } from './lookup-controller.js';
export { LookupForm, renderForm, renderNotice, renderSkeleton } from './lookup-view.js';
export { lookupStyles } from './lookup.styles.js';
export { statusChanges } from './status-changes.js';
export { lookupEn } from './messages-lookup.js';
