import type { StatusSource } from '../model/carrier.js';
import type { ProblemDetail } from '../model/problem.js';
import type { Status } from '../model/status.js';

/**
 * One documented code: what the carrier means by it and what Trackline makes of it. A row names a
 * stage, a problem, or both (an aggregator's detail code may say what went wrong but not where the
 * parcel is).
 */
export interface StatusRow {
  readonly code: string;
  /** The carrier's own meaning, as documented. */
  readonly meaning: string;
  readonly status?: Status;
  readonly problem?: ProblemDetail;
  /**
   * The code is too coarse to name the problem on its own (DHL `failure`, AfterShip `Exception_001`):
   * the event's description may name it instead.
   */
  readonly refine?: boolean;
}

/** One code list of a carrier (UPS has three: status codes, activity codes and activity types). */
export interface StatusSection {
  /** What the list is and where it is documented. */
  readonly about: string;
  readonly rows: readonly StatusRow[];
}

/**
 * A carrier's or aggregator's codes, as data a reader can audit. `key` says how the raw code that an
 * adapter stores in `TrackingEvent.code` is looked up: which section, which key, most specific first.
 */
export interface StatusTable {
  readonly source: StatusSource;
  /** Where the codes come from (URLs or repository paths with their commit). */
  readonly references: readonly string[];
  /** The shape of `TrackingEvent.code` for this source, e.g. `"<type>/<code>"`. */
  readonly codeFormat: string;
  readonly sections: Readonly<Record<string, StatusSection>>;
  /** Look-ups to try for one raw code, most specific first. Must not throw. */
  readonly key: (code: string) => ReadonlyArray<readonly [section: string, key: string]>;
}

/** A row that maps a code to a problem; `actionRequired` defaults to false. */
export function problem(reason: ProblemDetail['reason'], actionRequired = false): ProblemDetail {
  return { reason, actionRequired };
}

/** Builds a code → row index per section once, so a look-up is one `Map.get`. */
export function indexTable(table: StatusTable): ReadonlyMap<string, ReadonlyMap<string, StatusRow>> {
  const index = new Map<string, Map<string, StatusRow>>();
  for (const [name, section] of Object.entries(table.sections)) {
    const rows = new Map<string, StatusRow>();
    for (const row of section.rows) rows.set(row.code, row);
    index.set(name, rows);
  }
  return index;
}
