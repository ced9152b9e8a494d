import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findParcel, parcels, type Parcel } from '../scenarios/parcels.js';
import { playSteps, promisedDate } from '../scenarios/play.js';
import { FaultQueue, parseFault, type Fault } from './faults.js';
import { createTokenStore } from './tokens.js';
import type { CarrierSandbox, SandboxContext, SandboxRequest, SandboxResponse } from './types.js';

const maxBody = 1_048_576;

/** An answer as the server sends it: `stallMs` pauses it halfway through the body (the `stall_body` fault). */
type Served = SandboxResponse & { stallMs?: number };

export interface SandboxOptions {
  /** The carrier APIs to serve, each mounted at `/<id>`. */
  carriers: readonly CarrierSandbox[];
  /**
   * Scenario hours per real hour: 600 plays a day in under two and a half minutes. Default 1. Only the scenarios
   * speed up: OAuth tokens expire and webhooks are signed on the real clock, which is what clients check them by.
   */
  speed?: number;
  /**
   * When the scenarios start (their hour 0), on the sandbox clock. Default: when the sandbox is created.
   * A time in the past gives parcels a history from the first request on.
   */
  start?: Date;
  /**
   * The real clock. Default: the system clock. The sandbox clock reads the same when the sandbox is
   * created and then runs `speed` times as fast.
   */
  now?: () => Date;
  /** Where webhooks may be sent. Default: loopback addresses only. */
  allowWebhookUrl?: (url: URL) => boolean;
}

export interface WebhookSubscription {
  provider: string;
  url: string;
  secret: string;
}

export interface Sandbox {
  /** Serves one request (for `node:http`, Express, or a test). */
  handle(request: IncomingMessage, response: ServerResponse): void;
  /** Starts listening; port 0 picks a free port. Resolves to the base URL, e.g. `http://127.0.0.1:4010`. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** The base URL of a carrier's API once listening: `${url}/ups`. */
  baseUrl(carrier: string): string;
  now(): Date;
  /** Every request served, oldest first (method, carrier, path): for tests that count calls. */
  readonly requests: readonly { method: string; carrier: string; path: string }[];
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Sends the aggregator's webhook for a parcel's current state, signed as that aggregator signs. */
  sendWebhook(provider: string, url: string, secret: string, trackingNumber: string): Promise<number>;
  /** From now on, sends a webhook whenever a parcel gets a new scan. */
  subscribe(subscription: WebhookSubscription): void;
}

const loopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

export function createSandbox(options: SandboxOptions): Sandbox {
  const realNow = options.now ?? (() => new Date());
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new RangeError(`speed must be a positive number, got ${speed}.`);
  // The sandbox clock shows the real time when the sandbox is created, then runs `speed` times as fast.
  const createdAt = realNow().getTime();
  const start = options.start ?? new Date(createdAt);
  const now = () => new Date(createdAt + (realNow().getTime() - createdAt) * speed);
  const mounts = new Map(options.carriers.map((carrier) => [carrier.id, carrier]));
  const faults = new FaultQueue();
  // Tokens live on the real clock: clients count a token's `expires_in` in real seconds.
  const tokens = createTokenStore(realNow);
  const allowWebhook = options.allowWebhookUrl ?? loopback;
  const subscriptions: { subscription: WebhookSubscription; seen: Map<string, number> }[] = [];
  const requests: { method: string; carrier: string; path: string }[] = [];
  let server: Server | undefined;
  let baseUrl = '';
  let ticker: ReturnType<typeof setInterval> | undefined;

  const context: SandboxContext = {
    now,
    realNow,
    start,
    parcel: findParcel,
    steps: (parcel) => playSteps(parcel.scenario, { start, now: now() }),
    promised: (parcel) => promisedDate(parcel.scenario, start),
    tokens,
  };

  async function deliver(provider: string, url: string, secret: string, parcel: Parcel): Promise<number> {
    const target = new URL(url);
    if (!allowWebhook(target)) throw new Error(`Webhooks go to loopback addresses only, not ${target.host}.`);
    const sender = mounts.get(provider as CarrierSandbox['id'])?.webhook;
    if (!sender) throw new Error(`"${provider}" sends no webhooks here; use easypost, shippo or aftership.`);
    const delivery = sender(parcel, context, secret);
    const response = await fetch(target, { method: 'POST', headers: delivery.headers, body: delivery.body });
    await response.arrayBuffer();
    return response.status;
  }

  async function tick(): Promise<void> {
    for (const entry of subscriptions) {
      for (const parcel of parcels) {
        const count = context.steps(parcel).length;
        if (count === 0 || entry.seen.get(parcel.trackingNumber) === count) continue;
        entry.seen.set(parcel.trackingNumber, count);
        const { provider, url, secret } = entry.subscription;
        await deliver(provider, url, secret, parcel).catch(() => undefined);
      }
    }
  }

  function control(request: SandboxRequest): SandboxResponse | Promise<SandboxResponse> {
    const json = () => (request.body ? (JSON.parse(request.body) as unknown) : {});
    if (request.path === '/faults' && request.method === 'POST') {
      faults.add(parseFault(json()));
      return { status: 204 };
    }
    if (request.path === '/faults' && request.method === 'DELETE') {
      faults.clear();
      return { status: 204 };
    }
    if (request.path === '/parcels' && request.method === 'GET') {
      return {
        status: 200,
        body: parcels.map((p) => ({ carrier: p.carrier, trackingNumber: p.trackingNumber, scenario: p.scenario.id })),
      };
    }
    if (request.path === '/clock' && request.method === 'GET') {
      return { status: 200, body: { now: now().toISOString(), start: start.toISOString(), speed } };
    }
    if (request.path === '/webhooks' && request.method === 'POST') {
      const { provider, url, secret, trackingNumber } = json() as Record<string, string>;
      const parcel = findParcel(String(trackingNumber ?? ''));
      if (!parcel) return { status: 404, body: { error: `No sandbox parcel has the number "${trackingNumber}".` } };
      return deliver(String(provider), String(url), String(secret ?? ''), parcel).then((status) => ({
        status: 200,
        body: { delivered: status },
      }));
    }
    return { status: 404, body: { error: `No sandbox control at ${request.path}.` } };
  }

  async function answer(mount: string, request: SandboxRequest): Promise<Served> {
    if (mount === '_sandbox') return control(request);
    const carrier = mounts.get(mount as CarrierSandbox['id']);
    if (!carrier) {
      return {
        status: 404,
        body: {
          error: `No API at /${mount}. This sandbox serves ${[...mounts.keys()].map((id) => `/${id}`).join(', ')}.`,
        },
      };
    }
    requests.push({ method: request.method, carrier: carrier.id, path: request.path });
    // A long-running sandbox (the demo) keeps the latest requests only.
    if (requests.length > 10_000) requests.splice(0, requests.length - 5_000);
    const fault = faults.take(carrier.id, /^bearer\s/i.test(String(request.headers.authorization ?? '')));
    if (fault?.kind === 'rate_limited') {
      return {
        status: 429,
        headers: { 'retry-after': String(fault.retryAfter ?? 1) },
        body: { error: 'Too many requests' },
      };
    }
    if (fault?.kind === 'server_error') return { status: 500, body: { error: 'Internal server error' } };
    if (fault?.kind === 'unavailable') {
      return {
        status: 503,
        headers: { 'retry-after': String(fault.retryAfter ?? 1) },
        body: { error: 'Service unavailable' },
      };
    }
    if (fault?.kind === 'malformed')
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"truncated": [' };
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 15_000));
    if (fault?.kind === 'expired_token') tokens.expireAll();

    const sameMethod = carrier.routes.filter((route) => route.method === request.method);
    for (const route of sameMethod) {
      const match = route.path.exec(request.path);
      if (!match) continue;
      const result = route.handle(request, context, match);
      return fault?.kind === 'stall_body' ? { ...result, stallMs: fault.delayMs ?? 15_000 } : result;
    }
    const other = carrier.routes.some((route) => route.path.test(request.path));
    return other
      ? { status: 405, body: { error: `${request.method} is not served at ${request.path}.` } }
      : { status: 404, body: { error: `No ${carrier.id} endpoint at ${request.path}.` } };
  }

  function handle(incoming: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
    });
    incoming.on('end', () => {
      let url: URL;
      try {
        url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      } catch {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'The request target is not a valid URL.' }));
        return;
      }
      const [, mount = '', ...rest] = url.pathname.split('/');
      const request: SandboxRequest = {
        method: incoming.method ?? 'GET',
        path: `/${rest.join('/')}`,
        query: url.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const reply: Promise<Served> =
        size > maxBody
          ? Promise.resolve<Served>({ status: 413, body: { error: 'The request body is over 1 MiB.' } })
          : Promise.resolve()
              .then(() => answer(decodeURIComponent(mount), request))
              .catch((error: unknown): Served => ({
                status: 400,
                body: { error: error instanceof Error ? error.message : String(error) },
              }));
      void reply.then((result) => {
        if (response.destroyed) return;
        const text =
          typeof result.body === 'string' ? result.body : result.body === undefined ? '' : JSON.stringify(result.body);
        response.writeHead(result.status, {
          'content-type': 'application/json',
          ...result.headers,
        });
        if (result.stallMs === undefined) {
          response.end(text);
          return;
        }
        // Headers and half the body now, so the client has its response and is reading the body when the
        // stall starts; a client that gives up closes the connection, which ends the wait.
        const bytes = Buffer.from(text);
        const half = Math.floor(bytes.length / 2);
        response.flushHeaders();
        response.write(bytes.subarray(0, half));
        const rest = setTimeout(() => response.end(bytes.subarray(half)), result.stallMs);
        response.once('close', () => clearTimeout(rest));
      });
    });
  }

  return {
    handle,
    async listen(port = 0, host = '127.0.0.1') {
      server = createServer(handle);
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      baseUrl = `http://${host}:${address.port}`;
      return baseUrl;
    },
    async close() {
      if (ticker) clearInterval(ticker);
      if (!server) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
    baseUrl(carrier) {
      if (!baseUrl) throw new Error('The sandbox is not listening yet: await sandbox.listen() first.');
      return `${baseUrl}/${carrier}`;
    },
    now,
    requests,
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    sendWebhook(provider, url, secret, trackingNumber) {
      const parcel = findParcel(trackingNumber);
      if (!parcel) return Promise.reject(new Error(`No sandbox parcel has the number "${trackingNumber}".`));
      return deliver(provider, url, secret, parcel);
    },
    subscribe(subscription) {
      // Only scans from now on: what each parcel already shows is taken as seen.
      const seen = new Map(parcels.map((parcel) => [parcel.trackingNumber, context.steps(parcel).length]));
      subscriptions.push({ subscription, seen });
      ticker ??= setInterval(() => void tick(), 1000);
      ticker.unref?.();
    },
  };
}
