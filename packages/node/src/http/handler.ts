import type { ServerResponse } from 'node:http';
import { errorResponse, HttpError, jsonResponse, tooLarge } from './errors.js';
import { readFetchRequest, toFetchResponse } from './fetch.js';
import { readNodeRequest, writeNodeResponse, type NodeRequest } from './node.js';
import { defaultMaxBodyBytes, type HttpRequest, type HttpResponse, type ReadOptions } from './types.js';

/**
 * One handler in every shape a server wants. Call it as a `node:http` listener or Express middleware
 * (`handler(req, res)`; it answers itself and never calls `next`), pass `handler.fetch` where a
 * Fetch-API handler is expected (`(request: Request) => Promise<Response>`), or call `handler.handle`
 * with an `HttpRequest` directly.
 */
export interface HttpHandler {
  (request: NodeRequest, response: ServerResponse, next?: (error?: unknown) => void): Promise<void>;
  /** The same as calling the handler: for `http.createServer(handler.node)`. */
  node(request: NodeRequest, response: ServerResponse, next?: (error?: unknown) => void): Promise<void>;
  /** For Fetch-API servers (Deno, Bun, Cloudflare Workers, Next.js route handlers, Hono …). */
  fetch(request: Request): Promise<Response>;
  /** The framework-neutral core. */
  handle(request: HttpRequest): Promise<HttpResponse>;
}

export interface HttpHandlerOptions extends ReadOptions {
  /** Told of unexpected failures (answered 500) so they can be logged. */
  onError?: (error: unknown) => void;
}

/** Wraps a framework-neutral `handle` so it works with node:http, Express and Fetch. */
export function createHttpHandler(
  handle: (request: HttpRequest) => Promise<HttpResponse>,
  options: HttpHandlerOptions = {},
): HttpHandler {
  const safely = async (read: () => Promise<HttpRequest>): Promise<HttpResponse> => {
    try {
      return await handle(await read());
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      options.onError?.(error);
      return jsonResponse(500, { error: 'The request could not be handled. It is safe to send it again.' });
    }
  };
  const node = async (request: NodeRequest, response: ServerResponse): Promise<void> => {
    const answer = await safely(() => readNodeRequest(request, options));
    writeNodeResponse(response, answer);
  };
  const handler = node as HttpHandler;
  handler.node = node;
  handler.fetch = async (request) => toFetchResponse(await safely(() => readFetchRequest(request, options)));
  handler.handle = (request) =>
    safely(async () => {
      const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
      if (request.body.byteLength > limit) throw tooLarge(limit);
      return request;
    });
  return handler;
}
