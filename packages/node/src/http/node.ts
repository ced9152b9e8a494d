import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, tooLarge } from './errors.js';
import { defaultMaxBodyBytes, type HttpRequest, type HttpResponse, type ReadOptions } from './types.js';

/** A `node:http` request, or Express's (which adds `originalUrl`, and `body` when a body parser ran). */
export type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

function limitOf(options: ReadOptions): number {
  const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
  if (!(limit >= 0)) throw new RangeError(`maxBodyBytes must be 0 or more, got ${limit}.`);
  return limit;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const given = request.headers;
  // Node joins repeated headers itself except a few (set-cookie) it gives as a list: only then is a copy
  // needed, and a webhook never has one, so most requests are read without copying their headers.
  let plain = true;
  for (const name in given) {
    if (typeof given[name] !== 'string') {
      plain = false;
      break;
    }
  }
  if (plain) return given as Record<string, string>;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** A body a body parser left in `req.body`: bytes or text are usable; parsed JSON is not (the signature covers bytes). */
function parsedBody(request: NodeRequest, limit: number): Uint8Array | undefined {
  const body = request.body;
  if (body === undefined) return undefined;
  let bytes: Uint8Array | undefined;
  if (typeof body === 'string') bytes = Buffer.from(body, 'utf8');
  else if (body instanceof Uint8Array) bytes = body;
  else if (request.readableEnded) {
    // Express's json()/urlencoded() ran first and consumed the stream.
    throw new HttpError(
      500,
      'A body parser consumed this request before the Trackline handler: mount the handler before express.json(), or give it express.raw({ type: "*/*" }).',
    );
  } else return undefined;
  if (bytes.byteLength > limit) throw tooLarge(limit);
  return bytes;
}

function readStream(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  if (request.readableEnded) return Promise.resolve(new Uint8Array(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Once the body is settled the listeners stay, turned off by this flag: the request is done with, and
    // removing four listeners (and making four named functions to remove) cost every webhook a few µs.
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        // Stop here: the rest is never buffered, and the answer closes the connection.
        settled = true;
        request.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
    });
    request.on('error', (error: Error) => {
      if (settled) return;
      settled = true;
      reject(new HttpError(400, `The request body could not be read: ${error.message}`));
    });
    request.on('close', () => {
      if (settled) return;
      settled = true;
      reject(new HttpError(400, 'The client closed the connection before the body ended.'));
    });
  });
}

/**
 * Reads a `node:http` or Express request into an `HttpRequest`: the raw body up to `maxBodyBytes`
 * (413 past it, without reading the rest), or the Buffer/string a raw body parser left in `req.body`.
 * Throws `HttpError`.
 */
export async function readNodeRequest(request: NodeRequest, options: ReadOptions = {}): Promise<HttpRequest> {
  const limit = limitOf(options);
  const body = parsedBody(request, limit) ?? (await readStream(request, limit));
  const read: HttpRequest = {
    method: (request.method ?? 'GET').toUpperCase(),
    url: request.originalUrl ?? request.url ?? '/',
    headers: headersOf(request),
    body,
  };
  const remote = request.socket?.remoteAddress;
  if (remote) read.remoteAddress = remote;
  return read;
}

/** Writes an `HttpResponse` to a `node:http` (or Express) response. */
export function writeNodeResponse(response: ServerResponse, answer: HttpResponse): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const body = answer.body === undefined ? undefined : answer.body;
  const headers: Record<string, string | number> = { ...answer.headers };
  if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
  response.writeHead(answer.status, headers);
  response.end(body);
}
