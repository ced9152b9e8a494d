// Test helpers shared by the adapters' tests (not exported from the package): a `fetch` that answers
// from a function and records every request with its body, and a JSON response.

export interface RecordedRequest {
  request: Request;
  body: string;
}

/** A `fetch` that answers with `reply` and records each request. */
export function fakeFetch(reply: (request: Request, body: string) => Response | Promise<Response>) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const body = await request.clone().text();
    requests.push({ request, body });
    return reply(request, body);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** A response with `body` as JSON (a string is sent as it is). */
export function json(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': type },
  });
}
