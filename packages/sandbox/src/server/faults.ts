/** Failures the sandbox produces on demand, so adapters can be tested against each. */
export const FaultKind = {
  /** 429 with `Retry-After`. */
  rateLimited: 'rate_limited',
  /** 500. */
  serverError: 'server_error',
  /** 503 with `Retry-After`. */
  unavailable: 'unavailable',
  /** The normal answer, after `delayMs`: past a client's timeout. */
  slow: 'slow',
  /**
   * The normal answer's status, headers and first half of its body at once, then nothing for `delayMs`, then
   * the rest: a carrier that stalls in the middle of its answer, which a timeout that stops counting once the
   * headers arrive never ends.
   */
  stallBody: 'stall_body',
  /** 200 with a body that is not valid JSON. */
  malformed: 'malformed',
  /** Every live OAuth token expires before the request is served, as when a token dies early. */
  expiredToken: 'expired_token',
} as const;
export type FaultKind = (typeof FaultKind)[keyof typeof FaultKind];

export interface Fault {
  kind: FaultKind;
  /** How many requests it applies to. Default 1. */
  times?: number;
  /** Only requests to this carrier's API (`ups`, `easypost`, …). Default: any. */
  carrier?: string;
  /** Seconds in `Retry-After` for `rate_limited` and `unavailable`. Default 1. */
  retryAfter?: number;
  /** Milliseconds `slow` waits before answering, and `stall_body` in the middle of the body. Default 15 000. */
  delayMs?: number;
}

export const faultKinds: readonly FaultKind[] = Object.values(FaultKind);

/** Checks a fault given over HTTP; says what is wrong in words a tester can act on. */
export function parseFault(input: unknown): Fault {
  if (typeof input !== 'object' || input === null)
    throw new Error('Send a JSON object such as {"kind":"rate_limited"}.');
  const { kind, times, carrier, retryAfter, delayMs } = input as Record<string, unknown>;
  if (!faultKinds.includes(kind as FaultKind)) throw new Error(`"kind" must be one of ${faultKinds.join(', ')}.`);
  const positive = (value: unknown, name: string) => {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
      throw new Error(`"${name}" must be a number of 0 or more.`);
    }
    return value;
  };
  if (carrier !== undefined && typeof carrier !== 'string')
    throw new Error('"carrier" must be a string such as "ups".');
  const fault: Fault = { kind: kind as FaultKind };
  const t = positive(times, 'times');
  const r = positive(retryAfter, 'retryAfter');
  const d = positive(delayMs, 'delayMs');
  if (t !== undefined) fault.times = t;
  if (typeof carrier === 'string') fault.carrier = carrier;
  if (r !== undefined) fault.retryAfter = r;
  if (d !== undefined) fault.delayMs = d;
  return fault;
}

/** Faults waiting to happen, used up one request at a time. */
export class FaultQueue {
  #faults: { fault: Fault; left: number }[] = [];

  add(fault: Fault): void {
    this.#faults.push({ fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.#faults = [];
  }

  /**
   * The fault for the next request to `carrier`, if any, counting it as used. `expired_token` waits for a
   * request that carries a bearer token, so a token request never uses it up.
   */
  take(carrier: string, hasBearerToken: boolean): Fault | undefined {
    const entry = this.#faults.find(
      (f) =>
        f.left > 0 &&
        (f.fault.carrier === undefined || f.fault.carrier === carrier) &&
        (f.fault.kind !== 'expired_token' || hasBearerToken),
    );
    if (!entry) return undefined;
    entry.left--;
    this.#faults = this.#faults.filter((f) => f.left > 0);
    return entry.fault;
  }
}
