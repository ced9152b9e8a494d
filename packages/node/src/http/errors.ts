import type { HttpResponse } from './types.js';

/** A request the adapters refuse before any handler sees it: its status and a message a person can act on. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/** A JSON answer. */
export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(value),
  };
}

/** The answer for an `HttpError`: `{ "error": message }`. */
export function errorResponse(error: HttpError): HttpResponse {
  return jsonResponse(error.status, { error: error.message }, error.headers);
}

export function tooLarge(limit: number): HttpError {
  // The rest of the body is not read; the connection closes after the answer.
  return new HttpError(413, `The request body is larger than ${limit} bytes.`, { connection: 'close' });
}
