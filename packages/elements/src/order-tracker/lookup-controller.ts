import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ErrorDetail } from './events.js';
import type { LookupQuery, LookupResult } from './fetch-lookup.js';

export type LookupState = 'idle' | 'loading' | 'ready' | 'error';

export interface LookupCallbacks {
  /** A look-up succeeded; `previous` is what the one before it returned for the same query. */
  loaded(result: LookupResult, previous: LookupResult | undefined): void;
  /** A look-up failed; `background` when it was a refresh on the interval rather than one someone asked for. */
  failed(error: ErrorDetail, background: boolean): void;
  /** The host's clock, read as an answer arrives for `updatedAt`; without it, the device's. */
  now?(): Date;
}

/**
 * Fetches `<order-tracker>`'s data from the merchant's endpoint and keeps it fresh: one request at a time
 * (a new one aborts the old), the last good result kept through failures, and an optional refresh interval.
 * ky and the schemas load with `import()` on the first look-up, so pages that pass data in never fetch them.
 */
export class LookupController implements ReactiveController {
  state: LookupState = 'idle';
  result?: LookupResult;
  error?: ErrorDetail;
  /** When the data shown was last fetched, on the host's clock (`LookupCallbacks.now`). */
  updatedAt?: Date;

  #host: ReactiveControllerHost;
  #callbacks: LookupCallbacks;
  #endpoint?: string;
  #query?: LookupQuery;
  #key = '';
  #intervalSeconds = 0;
  #abort?: AbortController;
  #timer?: ReturnType<typeof setInterval>;
  #connected = false;

  constructor(host: ReactiveControllerHost, callbacks: LookupCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    // Reconnected after a move in the DOM: pick up where it was; the first connection waits for `sync`.
    if (this.#key && this.state !== 'ready') void this.refresh();
    this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#abort?.abort();
    this.#abort = undefined;
    if (this.state === 'loading') this.state = this.result ? 'ready' : 'idle';
    this.#schedule();
  }

  /** What to look up; a different endpoint or query starts a new look-up and forgets the old result. */
  sync(endpoint: string | undefined, query: LookupQuery | undefined, intervalSeconds: number): void {
    const key = endpoint && query ? JSON.stringify([endpoint, query]) : '';
    const intervalChanged = intervalSeconds !== this.#intervalSeconds;
    this.#intervalSeconds = intervalSeconds;
    if (key !== this.#key) {
      this.#key = key;
      this.#endpoint = endpoint;
      this.#query = query;
      this.#abort?.abort();
      this.result = undefined;
      this.error = undefined;
      this.updatedAt = undefined;
      this.state = 'idle';
      if (key && this.#connected) void this.refresh();
      this.#schedule();
    } else if (intervalChanged) {
      this.#schedule();
    }
  }

  /** Fetches the current query again, keeping what is shown until the answer arrives. */
  refresh(): Promise<void> {
    return this.#fetch(false);
  }

  async #fetch(background: boolean): Promise<void> {
    const endpoint = this.#endpoint;
    const query = this.#query;
    if (!endpoint || !query) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.state = 'loading';
    this.#host.requestUpdate();
    try {
      const { fetchLookup } = await import('./fetch-lookup.js');
      if (abort.signal.aborted) return;
      const result = await fetchLookup(endpoint, query, abort.signal);
      if (abort.signal.aborted) return;
      const previous = this.result;
      this.result = result;
      this.error = undefined;
      this.updatedAt = this.#callbacks.now?.() ?? new Date();
      this.state = 'ready';
      this.#callbacks.loaded(result, previous);
    } catch (error) {
      if (abort.signal.aborted) return;
      const code =
        typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
          ? (error.code as ErrorDetail['code'])
          : 'network';
      this.error = { code, message: error instanceof Error ? error.message : String(error) };
      this.state = 'error';
      this.#callbacks.failed(this.error, background);
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
      this.#host.requestUpdate();
    }
  }

  #schedule(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    if (!this.#connected || !this.#key || !(this.#intervalSeconds > 0)) return;
    // Never more often than every 10 seconds, whatever the attribute says: the endpoint is the store's.
    const ms = Math.max(10, this.#intervalSeconds) * 1000;
    this.#timer = setInterval(() => {
      // A hidden tab does not poll; it catches up on the next tick after it is shown again.
      if (document.visibilityState !== 'hidden' && this.state !== 'loading') void this.#fetch(true);
    }, ms);
  }
}
