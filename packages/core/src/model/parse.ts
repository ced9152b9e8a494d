import type * as z from 'zod/mini';
import { TracklineError } from '../errors/trackline-error.js';
import { OrderSchema, ShipmentSchema, type Order, type Shipment } from './schemas.js';

type Issue = z.core.$ZodIssue;

/** `events[2].location.country` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(the value itself)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function expectation(issue: Issue): string {
  // A message set on the schema (zod's default is the bare "Invalid input") says it best.
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return `expected the ${issue.format} format`;
    case 'unrecognized_keys':
      return `unexpected field(s) ${issue.keys.join(', ')}`;
    default:
      return 'this value is not allowed here';
  }
}

/** One line per problem: the field, what was expected, and what came instead. */
export function describeIssues(issues: readonly Issue[], input: unknown): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const got = issue.code === 'unrecognized_keys' ? '' : ` (got ${describeValue(valueAt(input, issue.path))})`;
      return `${formatPath(issue.path)}: ${expectation(issue)}${got}`;
    })
    .concat(issues.length > 5 ? [`…and ${issues.length - 5} more`] : [])
    .join('; ');
}

/**
 * Checks `input` against `schema`. Bad data throws a `TracklineError` (`invalid_response`) whose message
 * names each wrong field and what was wrong with it.
 */
export function parseWith<T extends z.ZodMiniType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data as z.infer<T>;
  throw new TracklineError('invalid_response', `Invalid ${what}: ${describeIssues(result.error.issues, input)}.`, {
    cause: result.error,
  });
}

export function parseShipment(input: unknown): Shipment {
  return parseWith(ShipmentSchema, input, 'shipment');
}

export function parseOrder(input: unknown): Order {
  return parseWith(OrderSchema, input, 'order');
}
