import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import {
  aftership,
  describeIssues,
  easypost,
  isTracklineError,
  parseShipment,
  shippo,
  TracklineError,
  type CarrierAdapter,
  type Shipment,
} from '@trackline/core';
import type { ShipmentUpdate } from '../store/types.js';
import type { HeaderBag, WebhookProvider } from './verify.js';

export interface ParseWebhookOptions {
  /** The request's headers: Standard Webhooks carries its delivery id in `webhook-id`. */
  headers?: HeaderBag;
  /** When the webhook arrived (`receivedAt`, and the shipment's `updatedAt`). Default: now. */
  now?: Date;
}

/** The body, decoded: bytes and text are parsed as JSON; anything else is taken as JSON already parsed. */
type Body = string | Uint8Array | ArrayBuffer | Record<string, unknown>;

const providerNames: Record<WebhookProvider, string> = {
  easypost: 'EasyPost',
  shippo: 'Shippo',
  aftership: 'AfterShip',
  standard: 'Standard Webhooks',
};

/** The events that carry a shipment, by provider; any other event is acknowledged and carries none. */
const shipmentEvents = {
  // EasyPost Event `description` (`<object>.<event>`).
  easypost: (type: string) => type === 'tracker.created' || type === 'tracker.updated',
  // Shippo `event`.
  shippo: (type: string) => type === 'track_updated',
  // AfterShip `event`: a new checkpoint, or a revised estimated delivery date.
  aftership: (type: string) => type === 'tracking_update' || type === 'edd_revise',
  // Standard Webhooks `type`: Trackline's own `shipment.*` events.
  standard: (type: string) => type.startsWith('shipment.'),
} satisfies Record<WebhookProvider, (type: string) => boolean>;

function invalid(provider: WebhookProvider, detail: string): TracklineError {
  return new TracklineError('invalid_response', `Invalid ${providerNames[provider]} webhook: ${detail}.`);
}

function bytesOf(body: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return body instanceof ArrayBuffer ? new Uint8Array(body) : body;
}

function decode(provider: WebhookProvider, raw: Uint8Array): Record<string, unknown> {
  // isUtf8 + toString is several times faster than a fatal TextDecoder.
  if (!isUtf8(raw)) throw invalid(provider, 'the body is not UTF-8 text');
  // Some senders start the body with a byte order mark, which JSON.parse refuses. The signature was checked
  // over the raw bytes already, so dropping one leading BOM here changes nothing that was verified.
  const decoded = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  const text = decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded;
  if (!text.trim()) throw invalid(provider, 'the body is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(provider, `the body is not JSON (${(error as Error).message})`);
  }
  if (!isObject(value)) throw invalid(provider, 'the body is not a JSON object');
  return value;
}

// The adapters whose `parse` reads the webhooks, made once (making one builds an HTTP client) and reading
// the time of the webhook being parsed: parsing is synchronous, so one parse never sees another's time.
let parseTime = new Date();
let readers: Record<'easypost' | 'shippo' | 'aftership', CarrierAdapter> | undefined;
function reader(provider: 'easypost' | 'shippo' | 'aftership'): (raw: unknown) => Shipment {
  readers ??= makeReaders();
  return readers[provider].parse;
}

function makeReaders(): NonNullable<typeof readers> {
  const options = { apiKey: '', now: () => parseTime };
  return { easypost: easypost(options), shippo: shippo(options), aftership: aftership(options) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function requireString(provider: WebhookProvider, payload: Record<string, unknown>, field: string): string {
  const value = payload[field];
  if (typeof value !== 'string' || !value.trim()) {
    throw invalid(provider, `${field}: expected a non-empty string (got ${describe(value)})`);
  }
  return value.trim();
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * Runs a core parser on the part of the body at `field`, and names the body's own fields in its errors
 * (`result.tracking_code`, not `tracking_code`). Returns undefined for a parcel the provider cannot track.
 */
function inner(
  provider: WebhookProvider,
  payload: Record<string, unknown>,
  field: string,
  parse: (raw: unknown) => Shipment,
): Shipment | undefined {
  const part = payload[field];
  if (!isObject(part)) throw invalid(provider, `${field}: expected an object (got ${describe(part)})`);
  try {
    return parse(part);
  } catch (error) {
    // An EasyPost tracker in status `error`, a Shippo track UNKNOWN without history: nothing to store.
    if (isTracklineError(error, 'not_found')) return undefined;
    const issues = (error as { cause?: { issues?: unknown } }).cause?.issues;
    if (isTracklineError(error) && Array.isArray(issues)) {
      const prefixed = issues.map((issue: { path: PropertyKey[] }) => ({ ...issue, path: [field, ...issue.path] }));
      throw invalid(provider, describeIssues(prefixed as unknown as Parameters<typeof describeIssues>[0], payload));
    }
    if (isTracklineError(error)) throw invalid(provider, `${field}: ${error.message}`);
    throw error;
  }
}

function header(headers: HeaderBag | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (key.toLowerCase() === name && value !== undefined) return typeof value === 'string' ? value : value[0];
  }
  return undefined;
}

/** A delivery id for a provider that sends none (Shippo): the hash of the body. */
function bodyHash(raw: Uint8Array | undefined, payload: Record<string, unknown>): string {
  return `sha256:${createHash('sha256')
    .update(raw ?? JSON.stringify(payload))
    .digest('hex')}`;
}

/**
 * Reads a webhook body, already verified with `verifyWebhook`, into the shipment updates it carries, in the
 * core's model: the same `Shipment` the provider's adapter gives when polling.
 *
 * - `easypost`: an Event whose `description` is `tracker.created`/`tracker.updated`; `result` is the Tracker.
 * - `shippo`: a `track_updated` event; `data` is the Track.
 * - `aftership`: a `tracking_update` or `edd_revise` event; `msg` is the Tracking.
 * - `standard`: a Standard Webhooks envelope `{ type, timestamp, data }` whose `type` starts with
 *   `shipment.` (e.g. `shipment.updated`) and whose `data` is a Trackline `Shipment` as JSON.
 *
 * Other event types carry no shipment: the answer is `[]`. Each update's `webhookId` is
 * `<provider>:<delivery id>`: EasyPost's event `id`, AfterShip's `event_id`, Standard Webhooks'
 * `webhook-id` header, and for Shippo (which documents no delivery id) `sha256:` and the body's hash.
 * A malformed body throws a `TracklineError` (`invalid_response`) whose message names the field.
 */
export function parseWebhook(
  provider: WebhookProvider,
  body: Body,
  options: ParseWebhookOptions = {},
): ShipmentUpdate[] {
  if (!Object.hasOwn(shipmentEvents, provider)) {
    throw new TracklineError(
      'invalid_response',
      `Unknown webhook provider "${String(provider)}": use one of ${Object.keys(shipmentEvents).join(', ')}.`,
    );
  }
  const raw =
    typeof body === 'string' || body instanceof ArrayBuffer || body instanceof Uint8Array ? bytesOf(body) : undefined;
  const payload = raw ? decode(provider, raw) : (body as Record<string, unknown>);
  const now = options.now ?? new Date();

  let type: string;
  let id: string | undefined;
  let shipment: Shipment | undefined;
  parseTime = now;
  switch (provider) {
    case 'easypost':
      type = requireString(provider, payload, 'description');
      id = optionalString(payload.id);
      if (shipmentEvents.easypost(type)) shipment = inner(provider, payload, 'result', reader('easypost'));
      break;
    case 'shippo':
      type = requireString(provider, payload, 'event');
      if (shipmentEvents.shippo(type)) shipment = inner(provider, payload, 'data', reader('shippo'));
      break;
    case 'aftership':
      type = requireString(provider, payload, 'event');
      id = optionalString(payload.event_id);
      if (shipmentEvents.aftership(type)) shipment = inner(provider, payload, 'msg', reader('aftership'));
      break;
    case 'standard':
      type = requireString(provider, payload, 'type');
      id = optionalString(header(options.headers, 'webhook-id'));
      if (shipmentEvents.standard(type)) shipment = inner(provider, payload, 'data', parseShipment);
      break;
  }
  if (!shipment) return [];
  const delivery = id ?? bodyHash(raw, payload);
  return [{ shipment, source: provider, receivedAt: now.toISOString(), webhookId: `${provider}:${delivery}` }];
}
