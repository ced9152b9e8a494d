import { HttpError, tooLarge } from './errors.js';
import { defaultMaxBodyBytes, type HttpRequest, type HttpResponse, type ReadOptions } from './types.js';

async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(limit);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (error) {
      throw new HttpError(400, `The request body could not be read: ${(error as Error).message}`);
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > limit) {
      // Stop reading: cancelling tells the server runtime to drop the rest.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(step.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Reads a Fetch-API `Request` into an `HttpRequest` (the raw body up to `maxBodyBytes`, 413 past it). Throws `HttpError`. */
export async function readFetchRequest(request: Request, options: ReadOptions = {}): Promise<HttpRequest> {
  const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    method: request.method.toUpperCase(),
    url: url.pathname + url.search,
    headers,
    body: await readBody(request, limit),
  };
}

/** An `HttpResponse` as a Fetch-API `Response`. */
export function toFetchResponse(answer: HttpResponse): Response {
  const headers = new Headers(answer.headers);
  // The runtime manages the connection itself.
  headers.delete('connection');
  const body = answer.body === undefined || [204, 304].includes(answer.status) ? null : answer.body;
  return new Response(body as BodyInit | null, { status: answer.status, headers });
}
