import { createHmac, timingSafeEqual } from 'node:crypto';

export const WebhookProvider = {
  easypost: 'easypost',
  shippo: 'shippo',
  aftership: 'aftership',
  /** The Standard Webhooks scheme (`webhook-id`, `webhook-timestamp`, `webhook-signature`). */
  standard: 'standard',
} as const;
export type WebhookProvider = (typeof WebhookProvider)[keyof typeof WebhookProvider];

export type HeaderBag = Headers | Record<string, string | readonly string[] | undefined>;

export interface VerifyWebhookInput {
  headers: HeaderBag;
  /** The raw request body, exactly as received (string, Buffer, Uint8Array or ArrayBuffer). Parsed JSON cannot be checked. */
  body: string | Uint8Array | ArrayBuffer;
  /** The webhook secret; give several during a rotation and any of them is accepted. */
  secret: string | readonly string[];
  /** The current time, for schemes with a timestamp. Default: now. */
  now?: Date | number;
  /** How far a signed timestamp may be from `now`, in seconds. Default 300, as the schemes recommend. */
  toleranceSeconds?: number;
}

export type WebhookVerification = { ok: true; id?: string; timestamp?: number } | { ok: false; reason: string };

function header(headers: HeaderBag, name: string, separator = ','): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  const record = headers as Record<string, string | readonly string[] | undefined>;
  // Node, Express and our own adapters give the names in lower case: looked up first, without a scan.
  const exact = Object.hasOwn(record, wanted) ? record[wanted] : undefined;
  if (exact !== undefined) return typeof exact === 'string' ? exact : exact.join(separator);
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(separator);
  }
  return undefined;
}

/** The raw body as bytes, or `undefined` for anything that is not a raw body (parsed JSON, say). */
function bytes(body: unknown): Buffer | undefined {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return undefined;
}

function hmac(key: Buffer | string, ...parts: Buffer[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Constant-time equality of a computed digest and the one the request carried. */
function sameDigest(expected: Buffer, given: Buffer): boolean {
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function secretsOf(secret: string | readonly string[]): string[] {
  return (typeof secret === 'string' ? [secret] : [...secret]).filter((s) => s.length > 0);
}

function checkTimestamp(seconds: number, input: VerifyWebhookInput): WebhookVerification | undefined {
  const now = input.now === undefined ? Date.now() : Number(input.now);
  const tolerance = input.toleranceSeconds ?? 300;
  // Fail closed: a clock or tolerance that is not a number would let every old message through.
  if (!Number.isFinite(now)) return { ok: false, reason: '`now` is not a valid time: pass a Date or milliseconds.' };
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    return { ok: false, reason: '`toleranceSeconds` must be a number of seconds, 0 or more.' };
  }
  const drift = Math.floor(now / 1000) - seconds;
  if (drift > tolerance)
    return {
      ok: false,
      reason: `The webhook timestamp is ${drift} s old (limit ${tolerance} s): a replay or a slow delivery.`,
    };
  if (drift < -tolerance)
    return {
      ok: false,
      reason: `The webhook timestamp is ${-drift} s in the future (limit ${tolerance} s): check the server clock.`,
    };
  return undefined;
}

// The bytes of each EasyPost secret, made once: normalizing and encoding it again for every webhook showed
// in the profile of the handler. A handful of secrets at most; emptied should it ever hold more than 64.
const easypostKeys = new Map<string, Buffer>();

/** EasyPost keys the HMAC with the NFKD form of the secret, in UTF-8. */
function easypostKey(secret: string): Buffer {
  let key = easypostKeys.get(secret);
  if (key === undefined) {
    if (easypostKeys.size >= 64) easypostKeys.clear();
    key = Buffer.from(secret.normalize('NFKD'), 'utf8');
    easypostKeys.set(secret, key);
  }
  return key;
}

function verifyEasypost(input: VerifyWebhookInput, secrets: string[], body: Buffer): WebhookVerification {
  const given = header(input.headers, 'x-hmac-signature');
  if (!given) return { ok: false, reason: 'The X-Hmac-Signature header is missing.' };
  const match = /^hmac-sha256-hex=([0-9a-f]{64})$/i.exec(given.trim());
  if (!match) return { ok: false, reason: 'The X-Hmac-Signature header is not "hmac-sha256-hex=<64 hex digits>".' };
  const digest = Buffer.from(match[1]!, 'hex');
  const valid = secrets.some((secret) => sameDigest(hmac(easypostKey(secret), body), digest));
  return valid ? { ok: true } : { ok: false, reason: 'The EasyPost signature does not match this body and secret.' };
}

function verifyAftership(input: VerifyWebhookInput, secrets: string[], body: Buffer): WebhookVerification {
  const given = header(input.headers, 'aftership-hmac-sha256');
  if (!given) return { ok: false, reason: 'The aftership-hmac-sha256 header is missing.' };
  const digest = Buffer.from(given.trim(), 'base64');
  const valid = secrets.some((secret) => sameDigest(hmac(secret, body), digest));
  return valid ? { ok: true } : { ok: false, reason: 'The AfterShip signature does not match this body and secret.' };
}

function verifyShippo(input: VerifyWebhookInput, secrets: string[], body: Buffer): WebhookVerification {
  const given = header(input.headers, 'shippo-auth-signature');
  if (!given) return { ok: false, reason: 'The Shippo-Auth-Signature header is missing.' };
  const fields = new Map<string, string[]>();
  for (const pair of given.split(',')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key && rest.length) fields.set(key, [...(fields.get(key) ?? []), rest.join('=')]);
  }
  const t = fields.get('t')?.[0];
  if (!t || !/^\d{1,12}$/.test(t))
    return { ok: false, reason: 'The Shippo-Auth-Signature header has no t=<unix seconds>.' };
  const stale = checkTimestamp(Number(t), input);
  if (stale) return stale;
  const signatures = (fields.get('v1') ?? [])
    .filter((v) => /^[0-9a-f]{64}$/i.test(v))
    .map((v) => Buffer.from(v, 'hex'));
  if (!signatures.length) return { ok: false, reason: 'The Shippo-Auth-Signature header has no v1=<64 hex digits>.' };
  const signed = [Buffer.from(`${t}.`, 'utf8'), body];
  const valid = secrets.some((secret) => {
    const expected = hmac(secret, ...signed);
    return signatures.some((signature) => sameDigest(expected, signature));
  });
  return valid
    ? { ok: true, timestamp: Number(t) }
    : { ok: false, reason: 'The Shippo signature does not match this body and secret.' };
}

function standardKey(secret: string): Buffer | undefined {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (!encoded || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
  return Buffer.from(encoded, 'base64');
}

function verifyStandard(input: VerifyWebhookInput, secrets: string[], body: Buffer): WebhookVerification {
  const id = header(input.headers, 'webhook-id');
  const timestamp = header(input.headers, 'webhook-timestamp');
  // Repeated headers join with a space, the list's own separator (its entries contain commas).
  const signature = header(input.headers, 'webhook-signature', ' ');
  if (!id || !timestamp || !signature) {
    return { ok: false, reason: 'A webhook-id, webhook-timestamp or webhook-signature header is missing.' };
  }
  if (!/^\d{1,12}$/.test(timestamp.trim()))
    return { ok: false, reason: 'The webhook-timestamp header is not unix seconds.' };
  const seconds = Number(timestamp.trim());
  const stale = checkTimestamp(seconds, input);
  if (stale) return stale;
  const keys = secrets.map(standardKey);
  if (keys.some((key) => !key)) {
    return { ok: false, reason: 'A Standard Webhooks secret is not base64 (with or without the whsec_ prefix).' };
  }
  const expected = keys.map((key) => hmac(key!, Buffer.from(`${id}.${timestamp.trim()}.`, 'utf8'), body));
  // A space-separated list, during a key rotation; versions other than v1 are ignored.
  for (const entry of signature.trim().split(/\s+/)) {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (expected.some((digest) => sameDigest(digest, given))) return { ok: true, id, timestamp: seconds };
  }
  return { ok: false, reason: 'No v1 signature in webhook-signature matches this body and secret.' };
}

const verifiers: Record<
  WebhookProvider,
  (input: VerifyWebhookInput, secrets: string[], body: Buffer) => WebhookVerification
> = {
  easypost: verifyEasypost,
  shippo: verifyShippo,
  aftership: verifyAftership,
  standard: verifyStandard,
};

/**
 * Checks that a webhook really comes from `provider`: an HMAC over the raw body bytes, compared in
 * constant time, with a timestamp tolerance where the scheme signs one. Never throws for a bad
 * request; says why it refused.
 */
export function verifyWebhook(provider: WebhookProvider, input: VerifyWebhookInput): WebhookVerification {
  const verify = verifiers[provider];
  if (!verify) {
    return {
      ok: false,
      reason: `Unknown webhook provider "${String(provider)}": use one of ${Object.keys(verifiers).join(', ')}.`,
    };
  }
  const secrets = secretsOf(input.secret);
  if (!secrets.length)
    return { ok: false, reason: 'No webhook secret is configured: set the secret your provider shows.' };
  const body = bytes(input.body);
  if (!body) {
    return {
      ok: false,
      reason: 'Pass the raw request body (a string or bytes), not parsed JSON: the signature covers the exact bytes.',
    };
  }
  return verify(input, secrets, body);
}
