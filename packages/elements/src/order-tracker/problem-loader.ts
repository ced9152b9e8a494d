/**
 * How `<order-tracker>` gets what only a parcel with a problem needs, the first time it shows one: `<delay-banner>`
 * and the English problem copy of `describeShipment`. Most pages show parcels on time or delivered and never
 * download either. An object, so a test can slow a load down or make it fail and see what the shopper gets then.
 * Not exported from the package.
 */
export const problemLoader = {
  banner: (): Promise<unknown> => import('../define/delay-banner.js'),
  copy: () => import('../internal/describe-problems.js'),
};
