import { TracklineError } from '../errors/trackline-error.js';
import { readDay } from '../insights/instants.js';
import { leadBuckets, maxCarrierError } from './carrier-error.js';
import { createTransitModel, type TransitModel } from './model.js';
import type {
  SerializedCalendar,
  SerializedCarrierError,
  SerializedDistribution,
  SerializedGroup,
  SerializedMean,
  SerializedPostalCodes,
  SerializedTransitModel,
} from './types.js';

// A model usually arrives over the network or from storage, so it is checked field by field here;
// the error names the first field that is wrong. No zod: this keeps the browser bundle small.

function fail(field: string, expected: string): never {
  throw new TracklineError(
    'invalid_response',
    `The transit model is not valid: ${field} ${expected}. Fit it again with fitTransitModel and store its toJSON().`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown, field: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(field, `must be a number${min > -Infinity ? ` from ${min}` : ''}${max < Infinity ? ` to ${max}` : ''}`);
  }
  return value;
}

/** A count or an index (a weekday, a day, a number of characters): a fraction there is a damaged model. */
function whole(value: unknown, field: string, min: number, max = Infinity): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    fail(field, `must be a whole number from ${min}${max < Infinity ? ` to ${max}` : ''} (got ${String(value)})`);
  }
  return value as number;
}

function date(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(readDay(value))) {
    fail(field, 'must be a calendar date as YYYY-MM-DD');
  }
  return value;
}

function calendar(value: unknown, field: string): SerializedCalendar {
  if (!isRecord(value)) fail(field, 'must be an object');
  if (!Array.isArray(value.weekend)) fail(`${field}.weekend`, 'must be a list of weekdays (0 = Sunday … 6 = Saturday)');
  const weekend = value.weekend.map((d, i) => whole(d, `${field}.weekend[${i}]`, 0, 6));
  if (!Array.isArray(value.holidays)) fail(`${field}.holidays`, 'must be a list of dates');
  const holidays = value.holidays.map((d, i) => date(d, `${field}.holidays[${i}]`));
  return { weekend, from: date(value.from, `${field}.from`), to: date(value.to, `${field}.to`), holidays };
}

function distribution(value: unknown, field: string): SerializedDistribution | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) fail(field, 'must be an object');
  if (!Array.isArray(value.pmf) || value.pmf.length === 0)
    fail(`${field}.pmf`, 'must be a non-empty list of probabilities');
  const pmf = value.pmf.map((p, i) => finite(p, `${field}.pmf[${i}]`, 0, 1));
  const sum = pmf.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-3) fail(`${field}.pmf`, `must sum to 1 (sums to ${sum})`);
  const dist: SerializedDistribution = {
    n: finite(value.n, `${field}.n`, 0),
    d: finite(value.d, `${field}.d`, 0),
    pmf,
  };
  // The last day a record ended on is a day of the pmf: past it the pmf is only the extrapolated tail.
  if (value.last !== undefined) dist.last = whole(value.last, `${field}.last`, 0, pmf.length - 1);
  if (value.pace !== undefined) dist.pace = finite(value.pace, `${field}.pace`, 0.01, 100);
  return dist;
}

/** One table of carrier-date errors; `lead` is checked by `carrierErrors`. */
function carrierError(value: unknown, field: string): Omit<SerializedCarrierError, 'lead'> {
  if (!isRecord(value)) fail(field, 'must be an object');
  const from = whole(value.from, `${field}.from`, -maxCarrierError, maxCarrierError);
  if (!Array.isArray(value.pmf) || value.pmf.length === 0 || from + value.pmf.length - 1 > maxCarrierError) {
    fail(`${field}.pmf`, `must be a non-empty list of probabilities of errors up to ${maxCarrierError} working days`);
  }
  const pmf = value.pmf.map((p, i) => finite(p, `${field}.pmf[${i}]`, 0, 1));
  const sum = pmf.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-3) fail(`${field}.pmf`, `must sum to 1 (sums to ${sum})`);
  return { n: finite(value.n, `${field}.n`, 0), from, pmf };
}

/**
 * A lane's carrier-date errors, one table per lead bucket. A model fitted before carrier dates were
 * learned has none: its estimates keep the carrier's likely day.
 */
function carrierErrors(value: unknown, field: string): SerializedCarrierError[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(field, 'must be a list of tables, one per lead');
  let previous = -1;
  return value.map((table: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(table)) fail(at, `must be an object { lead, n, from, pmf } (got ${JSON.stringify(table)})`);
    const lead = table.lead;
    if (typeof lead !== 'number' || !leadBuckets.includes(lead) || lead <= previous) {
      fail(
        `${at}.lead`,
        `must be one of ${leadBuckets.join(', ')}, each once and in that order (got ${JSON.stringify(lead)})`,
      );
    }
    previous = lead;
    return { lead, ...carrierError(table, at) };
  });
}

function postalCodes(value: unknown): SerializedPostalCodes | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) fail('postalCodes', 'must be an object');
  const out: SerializedPostalCodes = { minSamples: finite(value.minSamples, 'postalCodes.minSamples', 0) };
  // Characters of the postal code kept, as the fit's options have them.
  if (value.origin !== undefined) out.origin = whole(value.origin, 'postalCodes.origin', 1);
  if (value.destination !== undefined) out.destination = whole(value.destination, 'postalCodes.destination', 1);
  return out;
}

function mean(value: unknown, field: string): SerializedMean | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) fail(field, 'must be an object');
  return {
    d: finite(value.d, `${field}.d`, 0),
    mean: finite(value.mean, `${field}.mean`, 0),
  };
}

/** Checks a model serialized by `toJSON()` and makes it ready to estimate, with no holiday library needed. */
export function loadTransitModel(json: unknown): TransitModel {
  const value = typeof json === 'string' ? parseText(json) : json;
  if (!isRecord(value)) fail('the model', 'must be an object');
  if (value.version !== 1) fail('version', 'must be 1');
  if (typeof value.fittedAt !== 'string' || Number.isNaN(Date.parse(value.fittedAt))) {
    fail('fittedAt', 'must be an ISO 8601 date-time');
  }
  const cutoffHour = finite(value.cutoffHour, 'cutoffHour', 0, 24);
  const minSamples = finite(value.minSamples, 'minSamples', 0);
  const postal = postalCodes(value.postalCodes);
  if (!isRecord(value.calendars)) fail('calendars', 'must be an object keyed by country');
  const calendars: Record<string, SerializedCalendar> = {};
  for (const [country, c] of Object.entries(value.calendars)) calendars[country] = calendar(c, `calendars.${country}`);
  if (!isRecord(value.groups)) fail('groups', 'must be an object keyed by lane');
  const groups: Record<string, SerializedGroup> = {};
  for (const [key, g] of Object.entries(value.groups)) {
    const field = `groups["${key}"]`;
    if (!isRecord(g)) fail(field, 'must be an object');
    const group: SerializedGroup = {};
    const handling = distribution(g.handling, `${field}.handling`);
    const transit = distribution(g.transit, `${field}.transit`);
    if (handling) group.handling = handling;
    if (transit) group.transit = transit;
    const quiet = distribution(g.quiet, `${field}.quiet`);
    if (quiet) group.quiet = quiet;
    const errors = carrierErrors(g.carrierErrors, `${field}.carrierErrors`);
    if (errors) group.carrierErrors = errors;
    // A model saved before carrier dates were told apart by lead has one table for dates given however far
    // ahead: applied to a date revised the day before delivery it would move that date by the first date's
    // error. It is checked, as a damaged model should still say so, and left out: the carrier's likely day
    // wins until the model is fitted again.
    if (g.carrierError !== undefined) carrierError(g.carrierError, `${field}.carrierError`);
    const handlingMean = mean(g.handlingMean, `${field}.handlingMean`);
    if (handlingMean) group.handlingMean = handlingMean;
    const transitMean = mean(g.transitMean, `${field}.transitMean`);
    if (transitMean) group.transitMean = transitMean;
    groups[key] = group;
  }
  const data: SerializedTransitModel = {
    version: 1,
    fittedAt: value.fittedAt,
    cutoffHour,
    minSamples,
    ...(postal ? { postalCodes: postal } : {}),
    calendars,
    groups,
  };
  return createTransitModel(data);
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new TracklineError('invalid_response', 'The transit model is not valid JSON; store the result of toJSON().', {
      cause,
    });
  }
}
