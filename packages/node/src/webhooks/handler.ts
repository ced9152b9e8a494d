import { isTracklineError } from '@trackline/core';
import { createHttpHandler, type HttpHandler } from '../http/handler.js';
import { HttpError, jsonResponse } from '../http/errors.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';
import type { ApplyResult, ShipmentUpdate, Store } from '../store/types.js';
import { parseWebhook } from './parse.js';
import { verifyWebhook, WebhookProvider } from './verify.js';

/** One provider's webhook secret, or several during a rotation (any of them is accepted). */
export type WebhookSecrets = { secret: string; secrets?: never } | { secrets: readonly string[]; secret?: never };

export interface WebhookHandlerOptions {
  /** The providers this endpoint accepts, each with its secret(s). */
  providers: Partial<Record<WebhookProvider, WebhookSecrets>>;
  /** Where updates are stored; only `applyUpdate` is used. */
  store: Pick<Store, 'applyUpdate'>;
  /**
   * Called once per stored update, after the write is durable (duplicates are not passed on). The answer
   * waits for it; an error it throws goes to `onError` and does not change the answer, since the update is
   * stored and a redelivery would change nothing.
   */
  onUpdate?: (result: ApplyResult, update: ShipmentUpdate) => void | Promise<void>;
  /** Told of unexpected failures: a store that failed (answered 500, so the provider delivers again) or `onUpdate`. */
  onError?: (error: unknown) => void;
  /** Bodies longer than this are refused with 413 before they are read to the end. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Seconds a signed timestamp may be off (Shippo, Standard Webhooks). Default 300. */
  toleranceSeconds?: number;
  /** The clock. Default: the system clock. */
  now?: () => Date;
}

/** What a webhook request is answered with (as JSON) when it is accepted. */
export interface WebhookAnswer {
  ok: true;
  /** How many shipment updates the webhook carried (0 for events that are not about a shipment). */
  updates: number;
  /** The webhook was delivered before: nothing changed. */
  duplicate: boolean;
}

const providerIds = Object.values(WebhookProvider) as string[];

/** The last non-empty segment of a path (`easypost` of `/webhooks/easypost/`), or undefined for `/`. */
function lastSegment(pathname: string): string | undefined {
  let end = pathname.length;
  while (end > 0 && pathname[end - 1] === '/') end--;
  const segment = pathname.slice(pathname.lastIndexOf('/', end - 1) + 1, end);
  return segment || undefined;
}

/**
 * Which provider sent a request: the `provider` query parameter, else the last path segment
 * (`/webhooks/easypost`), else the only provider configured.
 */
function providerOf(request: HttpRequest, configured: readonly string[]): WebhookProvider {
  // Split by hand rather than with `new URL`, which showed in the profile of every webhook: the query
  // is parsed only when there is one, and only the last path segment is needed.
  const query = request.url.indexOf('?');
  const pathname = query === -1 ? request.url : request.url.slice(0, query);
  const fromQuery = query === -1 ? null : new URLSearchParams(request.url.slice(query + 1)).get('provider');
  const named = fromQuery ?? lastSegment(pathname);
  if (named && configured.includes(named)) return named as WebhookProvider;
  if (!named || !providerIds.includes(named)) {
    if (configured.length === 1) return configured[0] as WebhookProvider;
  }
  throw new HttpError(
    404,
    `No webhook provider at ${pathname}: post to a URL ending in /${configured.join(', /')} or add ?provider=<name>.`,
  );
}

/**
 * An HTTP endpoint for carrier and aggregator webhooks: verifies the signature, parses the body and stores
 * each update with `store.applyUpdate`, answering 2xx only once that resolved (a provider redelivers
 * anything not answered 2xx, so a crash loses nothing). 401 for a bad signature, 400 for a malformed
 * body, 404 for an unknown provider, 405 for anything but POST, 413 past `maxBodyBytes`, 500 when the
 * store failed. A redelivered webhook is answered 200 and changes nothing.
 *
 * Works as a `node:http` listener and Express middleware (`handler(req, res)`; with Express, mount it before
 * any JSON body parser, or after `express.raw()`), and as a Fetch-API handler (`handler.fetch(request)`).
 */
export function createWebhookHandler(options: WebhookHandlerOptions): HttpHandler {
  const configured = Object.entries(options.providers)
    .filter(([name, secrets]) => providerIds.includes(name) && secrets)
    .map(([name]) => name);
  const unknown = Object.keys(options.providers).filter((name) => !providerIds.includes(name));
  if (unknown.length) {
    throw new TypeError(`Unknown webhook provider(s) ${unknown.join(', ')}: use ${providerIds.join(', ')}.`);
  }
  if (!configured.length) throw new TypeError('createWebhookHandler needs at least one provider with its secret.');
  const now = options.now ?? (() => new Date());
  const { onUpdate, toleranceSeconds } = options;

  async function handle(request: HttpRequest): Promise<HttpResponse> {
    if (request.method !== 'POST') {
      throw new HttpError(405, 'Webhooks are delivered with POST.', { allow: 'POST' });
    }
    const provider = providerOf(request, configured);
    const secrets = options.providers[provider]!;
    const at = now();
    const verification = verifyWebhook(provider, {
      headers: request.headers,
      body: request.body,
      secret: secrets.secrets ?? secrets.secret ?? '',
      now: at,
      toleranceSeconds,
    });
    if (!verification.ok) throw new HttpError(401, verification.reason);

    let updates: ShipmentUpdate[];
    try {
      updates = parseWebhook(provider, request.body, { headers: request.headers, now: at });
    } catch (error) {
      if (isTracklineError(error)) throw new HttpError(400, error.message);
      throw error;
    }
    let duplicate = false;
    for (const update of updates) {
      const result = await options.store.applyUpdate(update);
      if (result.duplicate) {
        duplicate = true;
        continue;
      }
      if (!onUpdate) continue;
      try {
        await onUpdate(result, update);
      } catch (error) {
        options.onError?.(error);
      }
    }
    const answer: WebhookAnswer = { ok: true, updates: updates.length, duplicate };
    return jsonResponse(200, answer);
  }

  return createHttpHandler(handle, {
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
