// The English problem copy on its own, for `import()`: `<order-tracker>` loads it with the first parcel that has
// a problem (see internal/describe.ts).
export { enProblems } from '@trackline/core';
