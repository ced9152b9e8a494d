/**
 * How `<order-tracker>` gets its look-up module (`lookup.ts`: controller, form, skeleton, notices) the first
 * time an `endpoint` is set. An object, so a test can make the load fail and see what the shopper gets then.
 * Not exported from the package.
 */
export const lookupLoader = {
  load: () => import('./lookup.js'),
};
