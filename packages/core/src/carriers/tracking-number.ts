import { TracklineError } from '../errors/trackline-error.js';

/**
 * The tracking number as an adapter sends it: upper case, without the spaces and dashes people type between
 * digit groups, and made of letters and digits only — else `invalid_number`, before anything is sent.
 *
 * Adapters put the number in a URL path (`/details/{number}`, `/tracks/{carrier}/{number}`) or a query.
 * `encodeURIComponent` leaves dots alone, so `..` would reach another path of the carrier's API with the
 * adapter's credentials, and a comma would ask AfterShip for a list of the store's parcels. Every carrier's
 * numbers are letters and digits (the formats in `detect/`; LaserShip's `1LS7…-1` loses its dash like any
 * other), which is also what `createTracker` accepts, so an adapter called directly refuses the same input.
 * `testNumbers` admits an API's own test numbers written otherwise (Shippo's `SHIPPO_DELIVERED`).
 */
export function cleanTrackingNumber(input: unknown, testNumbers?: RegExp): string {
  const number = String(input ?? '')
    .replace(/[\s-]+/g, '')
    .toUpperCase();
  if (!number) throw new TracklineError('invalid_number', 'Enter a tracking number: it is empty.');
  if (!/^[A-Z0-9]+$/.test(number) && !testNumbers?.test(number)) {
    throw new TracklineError(
      'invalid_number',
      'A tracking number has only letters and digits: remove anything else, such as dots, commas or slashes.',
    );
  }
  return number;
}
