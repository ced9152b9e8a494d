import type { StatusSource } from '../model/carrier.js';
import type { ProblemDetail } from '../model/problem.js';
import { Status } from '../model/status.js';
import { statusFromDescription } from './classify-description.js';
import { indexTable, type StatusRow, type StatusTable } from './table.js';
import { aftershipStatusTable } from './tables/aftership.js';
import { dhlStatusTable } from './tables/dhl.js';
import { easypostStatusTable } from './tables/easypost.js';
import { fedexStatusTable } from './tables/fedex.js';
import { shippoStatusTable } from './tables/shippo.js';
import { upsStatusTable } from './tables/ups.js';
import { uspsStatusTable } from './tables/usps.js';

export interface NormalizedStatus {
  status: Status;
  problem?: ProblemDetail;
  /** What decided the result: a documented code, the carrier's text, or neither (a safe default). */
  matchedBy: 'code' | 'description' | 'default';
}

/** Every table Trackline ships, by the source whose codes it maps. */
export const statusTables: readonly StatusTable[] = [
  upsStatusTable,
  fedexStatusTable,
  uspsStatusTable,
  dhlStatusTable,
  easypostStatusTable,
  shippoStatusTable,
  aftershipStatusTable,
];

const earlyStages: ReadonlySet<Status> = new Set([Status.pending, Status.infoReceived]);

let indexes: Map<string, { table: StatusTable; index: ReturnType<typeof indexTable> }> | undefined;

function tableFor(source: string) {
  // Built on first use, not at import, so importing the core costs nothing until a code is mapped.
  indexes ??= new Map(statusTables.map((table) => [table.source, { table, index: indexTable(table) }]));
  return indexes.get(source);
}

function matchRows(source: string, code: string): StatusRow[] {
  const entry = tableFor(source);
  if (!entry) return [];
  let keys: ReadonlyArray<readonly [string, string]>;
  try {
    keys = entry.table.key(code);
  } catch {
    return [];
  }
  const rows: StatusRow[] = [];
  for (const [section, key] of keys) {
    const row = entry.index.get(section)?.get(key);
    if (row) rows.push(row);
  }
  return rows;
}

// A carrier repeats the same few codes and texts in every answer, and reading a text against the rules costs
// many times a Map look-up: answers are remembered. Bounded twice: only short texts are kept (a carrier's
// event text is a line), and the whole memory is dropped once it holds `maxRemembered` answers.
const remembered = new Map<string, NormalizedStatus>();
const maxRemembered = 4_000;
const maxRememberedText = 300;

/**
 * Maps one raw carrier or aggregator code to Trackline's stage and, where one applies, problem.
 * The documented code decides; the carrier's description fills in what a coarse or unknown code
 * leaves open. Never throws, whatever it is given.
 */
export function normalizeStatus(source: StatusSource, code: string, description?: string): NormalizedStatus {
  const key = memoryKey(source, code, description);
  let result = key === undefined ? undefined : remembered.get(key);
  if (!result) {
    result = normalizeUncached(source, code, description);
    if (key !== undefined) {
      if (remembered.size >= maxRemembered) remembered.clear();
      remembered.set(key, result);
    }
  }
  // A copy, so a caller that changes its answer does not change the next caller's.
  return result.problem ? { ...result, problem: { ...result.problem } } : { ...result };
}

/** Where an answer is remembered; none for inputs that are not short strings. */
function memoryKey(source: unknown, code: unknown, description: unknown): string | undefined {
  if (typeof source !== 'string' || typeof code !== 'string') return undefined;
  if (description !== undefined && typeof description !== 'string') return undefined;
  const text = description ?? '';
  if (code.length + text.length > maxRememberedText) return undefined;
  // Lengths first, so no two different inputs spell the same key.
  return `${source.length}:${source}${code.length}:${code}${text}`;
}

function normalizeUncached(source: StatusSource, code: string, description?: string): NormalizedStatus {
  const raw = asString(code);
  const text = typeof description === 'string' ? description : '';
  const rows = raw.trim() ? matchRows(asString(source), raw) : [];

  let status = rows.find((row) => row.status)?.status;
  let problem = rows.find((row) => row.problem)?.problem;
  const refine = rows.length === 0 || rows.some((row) => row.refine);

  if (rows.length > 0 && status && !refine) return withProblem({ status, matchedBy: 'code' }, problem);

  const fromText = statusFromDescription(text);
  if (fromText) {
    // A coarse "in transit" code (DHL `transit`) may hide a more telling stage that only its text names:
    // out for delivery, waiting at a pickup point, on its way back. Never a step back to label data.
    const textMovesOn = status === Status.inTransit && refine && !earlyStages.has(fromText.status);
    if (!status || textMovesOn) status = fromText.status;
    if (refine && fromText.problem) problem = fromText.problem;
  }
  if (status) return withProblem({ status, matchedBy: rows.length > 0 ? 'code' : 'description' }, problem);
  // Nothing documented and nothing recognisable: something was scanned, so the parcel is moving.
  return withProblem(
    { status: raw.trim() || text.trim() ? Status.inTransit : Status.pending, matchedBy: 'default' },
    problem,
  );
}

/** JavaScript callers may pass anything, even objects whose `toString` throws. */
function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value == null) return '';
  try {
    return String(value);
  } catch {
    return '';
  }
}

function withProblem(result: NormalizedStatus, problem: ProblemDetail | undefined): NormalizedStatus {
  return problem ? { ...result, problem } : result;
}
