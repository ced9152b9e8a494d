/** What went wrong, as a stable string a program can branch on. */
export const ErrorCode = {
  notFound: 'not_found',
  invalidNumber: 'invalid_number',
  auth: 'auth',
  rateLimited: 'rate_limited',
  unavailable: 'unavailable',
  invalidResponse: 'invalid_response',
  timeout: 'timeout',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface TracklineErrorOptions {
  cause?: unknown;
  /** Seconds the caller should wait before trying again (rate limits, outages). */
  retryAfter?: number;
}

/**
 * The one error type Trackline throws. `code` is for programs; `message` says, in plain words,
 * what happened and what to do next. Messages never contain credentials.
 */
export class TracklineError extends Error {
  override readonly name = 'TracklineError';
  readonly code: ErrorCode;
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, options: TracklineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }
}

export function isTracklineError(value: unknown, code?: ErrorCode): value is TracklineError {
  return value instanceof TracklineError && (code === undefined || value.code === code);
}
