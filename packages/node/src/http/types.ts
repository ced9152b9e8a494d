// The framework-neutral shape every Trackline handler works on. Adapters turn a `node:http` /
// Express request or a Fetch `Request` into an `HttpRequest`, and write an `HttpResponse` back, so a
// handler is written once and tested without a server.

/** A request as a handler sees it, whatever server received it. */
export interface HttpRequest {
  /** Upper case, e.g. `POST`. */
  method: string;
  /** The path and query as received, e.g. `/webhooks/easypost?x=1` (Express: the full `originalUrl`). */
  url: string;
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The raw body bytes (empty when there is none). */
  body: Uint8Array;
  /** The peer's IP address when the server knows it (node:http, Express); for rate limits. */
  remoteAddress?: string;
}

/** What a handler answers. */
export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Options shared by the request readers. */
export interface ReadOptions {
  /** Bodies longer than this are refused with 413 before they are read to the end. Default 1 MiB. */
  maxBodyBytes?: number;
}

export const defaultMaxBodyBytes = 1024 * 1024;
