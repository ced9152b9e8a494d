import type { Status } from '@trackline/core';
import type { Customer, NewMessage, NewOrder, OutboxMessage, ShipmentChange, Store } from '../store/types.js';
import { planChange, messagesFor, type PlanSettings, type TrackingPageUrl } from './plan.js';
import { parseClock, defaultQuietHours, endOfQuietHours, isTimeZone } from './quiet-hours.js';
import {
  MessageKind,
  type Brand,
  type EmailMessage,
  type Preferences,
  type QuietHours,
  type RetryPolicy,
  type SendOptions,
  type Senders,
  type SmsMessage,
} from './types.js';
import { endOfQuietHoursIn } from './zone-guess.js';
import { defaultMaxAgeMs, outForDeliveryMaxAgeMs } from './decide.js';

export interface NotifierOptions {
  store: Store;
  /** The senders; a channel without one is never planned. */
  send: Senders;
  /** Which channels carry which kind; merged over the defaults per kind (`false` turns a kind off). */
  preferences?: Preferences;
  brand?: Brand;
  /**
   * The store's tracking page, as a template with `{orderNumber}` and `{trackingNumber}`
   * (`https://shop.example/track?order={orderNumber}`) or a function. Without it, messages link to
   * the carrier's page when the shipment has one.
   */
  trackingPageUrl?: TrackingPageUrl;
  /** The clock. Default: the system clock. */
  now?: () => Date;
  /** No SMS in this window of the shopper's day; `false` for none. Default 21:00–08:00. */
  quietHours?: QuietHours | false;
  /**
   * The zone for a text's quiet hours when not even the shopper's country is known (no `timeZone`,
   * no destination, a phone number from a country not listed, no origin) and the shopper has no email
   * address to send it to instead: set it to your market's zone. Default `UTC`.
   */
  defaultTimeZone?: string;
  retry?: RetryPolicy;
  /** How long a claimed message is ours; a send must finish well within it. Default 60 000. */
  leaseMs?: number;
  /** A send still running after this is counted as failed and retried. Default half of `leaseMs`. */
  sendTimeoutMs?: number;
  /** Changes planned per batch. Default 50. */
  batchSize?: number;
  /**
   * Messages claimed and sent at once. Default 4. Claims are this small so that every claimed
   * message starts sending at once and finishes (or times out) well within its lease.
   */
  concurrency?: number;
  /** The right-hand side of each `Message-ID`. Default: the domain of `brand.supportEmail`, else `trackline.invalid`. */
  messageIdDomain?: string;
  /**
   * News older than this is not told at all (a backfill, a notifier that was down for days), nor sent once its
   * message has waited this long ("out for delivery": twelve hours). Default 3 days.
   */
  maxAgeMs?: number;
  /**
   * Where errors of background runs (`start`) and of the store around a send go, and a note for each
   * text whose quiet hours had to be guessed (no `customer.timeZone`, no destination zone). Default `console.error`.
   */
  onError?: (error: unknown) => void;
}

export interface RunResult {
  /** Changes turned into messages (or found not worth one). */
  planned: number;
  sent: number;
  /** Given up on: the last try failed, or the error was permanent. */
  failed: number;
  /** Not sent because the parcel moved on (an "out for delivery" SMS held by quiet hours, then delivered). */
  skipped: number;
  /** Failed this time; tried again later. */
  retrying: number;
  /**
   * Claims that ran out before their outcome was recorded: another run had taken the message over,
   * so what this run did (sent, failed) was not written and that run's outcome stands. Each is also
   * reported to `onError`; one that was sent may reach the shopper twice.
   */
  lost: number;
}

export interface Notifier {
  /** The messages one change calls for, without touching the store (the function `run` hands to `planMessages`). */
  plan(change: ShipmentChange): NewMessage[];
  /** The order confirmation messages for a new order, without touching the store. */
  planOrder(order: { orderNumber: string; customer: Customer }): NewMessage[];
  /**
   * Saves the order and puts its confirmation in the outbox, sent by the next `run`. Safe to call
   * again for the same order (a retry): a confirmation already queued is not queued twice. Resolves
   * to how many messages were new (0 when it was already queued).
   */
  orderPlaced(order: NewOrder): Promise<number>;
  /** Plans every unprocessed change, then sends the messages that are due. */
  run(): Promise<RunResult>;
  /** Runs now and then every `intervalMs` after the previous run ends (never two at once). */
  start(intervalMs?: number): void;
  /** Stops the timer; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

/** A store written before `enqueueMessages` joined the interface may still lack it at run time. */
const hasEnqueue = (store: Store): boolean =>
  typeof (store as Partial<Pick<Store, 'enqueueMessages'>>).enqueueMessages === 'function';

/**
 * Whether a mark applied. A store written before marks returned a boolean resolves to undefined:
 * that is taken as applied, as those stores always did.
 */
const applied = (result: boolean | void): boolean => result !== false;

/** Kinds that a later stage makes pointless, and the statuses that do. */
const overtakenBy: Partial<Record<MessageKind, ReadonlySet<Status>>> = (() => {
  const done = new Set<Status>(['delivered', 'returning', 'returned', 'cancelled']);
  const doneOrAtPickup = new Set<Status>([...done, 'available_for_pickup']);
  const pastTransit = new Set<Status>([...doneOrAtPickup, 'out_for_delivery']);
  return {
    shipped: pastTransit,
    arriving: pastTransit,
    delay: done,
    out_for_delivery: doneOrAtPickup,
  };
})();

/** Bounds one `run`, so it ends even while messages keep coming; the next run takes the rest. */
const maxSendRounds = 100;

/** An error from a sender that says retrying cannot help (`permanent: true`, e.g. an SMTP 5xx for an unknown mailbox). */
function isPermanent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { permanent?: unknown }).permanent === true;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000) || 'send failed';
}

type Waits = Required<Pick<RetryPolicy, 'baseMs' | 'maxMs'>>;

/** Wait before try `attempt + 1`: base · 2^(attempt − 1), capped, plus up to 10% spread fixed by the message id. */
export function backoffMs(attempt: number, policy: Waits, id: string): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return Math.round(exponential * (1 + (hash % 1000) / 10_000));
}

/**
 * How long a message has been retried when try number `tries` (the first is 1) is made: the sum of
 * the waits before it, without their spread (which only lengthens them). Closed form once the waits
 * reach `maxMs`, so a long limit with short waits costs no long loop.
 */
export function retriedForMs(tries: number, policy: Waits): number {
  let total = 0;
  for (let attempt = 1; attempt < tries; attempt++) {
    const wait = policy.baseMs * 2 ** (attempt - 1);
    if (wait >= policy.maxMs) return total + (tries - attempt) * policy.maxMs;
    total += wait;
  }
  return total;
}

/** Calls a sender, aborting its signal and giving up waiting after `ms`. */
function sendWithin(ms: number, call: (options: SendOptions) => Promise<unknown>): Promise<unknown> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`The sender did not answer within ${ms} ms.`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  const sending = Promise.resolve().then(() => call({ signal: controller.signal }));
  return Promise.race([sending, timeout]).finally(() => clearTimeout(timer));
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`createNotifier: ${name} must be a positive number.`);
  return value;
}

/**
 * Proactive notifications through the store's outbox: `run()` turns stored shipment changes into
 * messages and sends the due ones, with retries; see docs/node.md#notifications.
 */
export function createNotifier(options: NotifierOptions): Notifier {
  const { store, send } = options;
  const clock = options.now ?? (() => new Date());
  const now = () => clock().getTime();
  const onError = options.onError ?? ((error: unknown) => console.error('[trackline notifier]', error));
  const leaseMs = positive(options.leaseMs, 60_000, 'leaseMs');
  const sendTimeoutMs = positive(options.sendTimeoutMs, leaseMs / 2, 'sendTimeoutMs');
  const batchSize = Math.floor(positive(options.batchSize, 50, 'batchSize'));
  const concurrency = Math.floor(positive(options.concurrency, 4, 'concurrency'));
  if (sendTimeoutMs >= leaseMs) throw new RangeError('createNotifier: sendTimeoutMs must be shorter than leaseMs.');
  const retry: Waits = {
    baseMs: positive(options.retry?.baseMs, 60_000, 'retry.baseMs'),
    maxMs: positive(options.retry?.maxMs, 3_600_000, 'retry.maxMs'),
  };
  // A count alone is what a store that set `attempts` asked for, and keeps; without one, temporary
  // failures are retried for a time (24 hours by default), long enough to outlast a provider's outage.
  const maxAttempts =
    options.retry?.attempts === undefined
      ? undefined
      : Math.floor(positive(options.retry.attempts, 1, 'retry.attempts'));
  const giveUpAfterMs =
    options.retry?.giveUpAfterMs === undefined && maxAttempts !== undefined
      ? undefined
      : positive(options.retry?.giveUpAfterMs, 86_400_000, 'retry.giveUpAfterMs');
  const quietHours = options.quietHours === undefined ? defaultQuietHours : options.quietHours;
  if (quietHours) {
    parseClock(quietHours.start);
    parseClock(quietHours.end);
  }
  const defaultTimeZone = options.defaultTimeZone ?? 'UTC';
  if (!isTimeZone(defaultTimeZone)) throw new RangeError(`createNotifier: unknown time zone "${defaultTimeZone}".`);
  const brand: Brand = options.brand ?? { name: 'Your store' };
  const supportDomain = brand.supportEmail?.split('@')[1];
  const settings: PlanSettings = {
    brand,
    preferences: options.preferences ?? {},
    quietHours,
    defaultTimeZone,
    trackingPageUrl: options.trackingPageUrl,
    messageIdDomain:
      options.messageIdDomain ??
      (supportDomain && /^[\w.-]+$/.test(supportDomain) ? supportDomain : 'trackline.invalid'),
    senders: { email: typeof send.email === 'function', sms: typeof send.sms === 'function' },
    maxAgeMs: options.maxAgeMs,
    report: onError,
  };

  function plan(change: ShipmentChange): NewMessage[] {
    return planChange(change, now(), settings);
  }

  /** `plan` as handed to the store: one broken change must not hold up every later one. */
  function planSafely(change: ShipmentChange): NewMessage[] {
    try {
      return plan(change);
    } catch (error) {
      onError(new Error(`Could not plan messages for change ${change.id}; it is skipped.`, { cause: error }));
      return [];
    }
  }

  function planOrder(order: { orderNumber: string; customer: Customer }): NewMessage[] {
    return messagesFor(
      { kind: MessageKind.orderConfirmed, orderNumber: order.orderNumber, customer: order.customer },
      now(),
      settings,
    );
  }

  /** Why a message is no longer worth sending, or undefined. */
  async function overtaken(message: OutboxMessage): Promise<string | undefined> {
    const statuses = overtakenBy[message.kind as MessageKind];
    const trackingNumber = message.content.trackingNumber;
    if (!statuses || !trackingNumber) return undefined;
    const current = await store.getShipment(trackingNumber, message.content.carrier as never);
    return current && statuses.has(current.status) ? `overtaken: the parcel is now ${current.status}` : undefined;
  }

  /** Marks the message failed for this claim; counts the outcome, or the lost claim. */
  async function fail(
    message: OutboxMessage,
    error: string,
    retryAt: string | undefined,
    result: RunResult,
    outcome: 'skipped' | 'failed' | 'retrying',
  ): Promise<void> {
    if (applied(await store.markFailed(message.id, error, retryAt, message.claimToken))) {
      result[outcome]++;
      return;
    }
    result.lost++;
    onError(
      new Error(
        `Message ${message.id} (${message.key}) could not be marked failed (${error}): its claim had run out and ` +
          'another run had taken it over, so that run decides. If this happens often, raise leaseMs.',
      ),
    );
  }

  /**
   * When a failed message is tried again: after its backoff, and a text not in the quiet hours of the
   * zones it was planned for (retries go on for a day, through the night).
   */
  function retryTime(message: OutboxMessage): number {
    const at = now() + backoffMs(message.attempts, retry, message.id);
    const zones = message.content.quietZones?.split(' ').filter(isTimeZone) ?? [];
    if (message.channel !== 'sms' || !quietHours || zones.length === 0) return at;
    return endOfQuietHoursIn(at, zones, quietHours) ?? endOfQuietHours(at, zones[0]!, quietHours);
  }

  /**
   * A message planned longer ago than its news stays fresh (as `decide` judges freshness: twelve hours for
   * "out for delivery", `maxAgeMs` for the rest), after a long outage or a `retryFailed`: its words were written
   * for then ("today at 7:50 AM"), so it is not sent late.
   */
  function stale(message: OutboxMessage): string | undefined {
    const limit =
      message.kind === MessageKind.outForDelivery ? outForDeliveryMaxAgeMs : (options.maxAgeMs ?? defaultMaxAgeMs);
    const age = now() - Date.parse(message.createdAt);
    return age > limit
      ? `stale: planned ${Math.round(age / 3_600_000)} h ago, news older than ${limit / 3_600_000} h is not sent`
      : undefined;
  }

  async function deliver(message: OutboxMessage, result: RunResult): Promise<void> {
    const reason = stale(message) ?? (await overtaken(message));
    if (reason) {
      await fail(message, reason, undefined, result, 'skipped');
      return;
    }
    const { content } = message;
    const { email, sms } = send;
    let call: (options: SendOptions) => Promise<unknown>;
    if (message.channel === 'email' && email) {
      const headers: Record<string, string> = { 'X-Trackline-Key': message.key };
      if (content.messageId) headers['Message-ID'] = content.messageId;
      const payload: EmailMessage = {
        to: message.to,
        subject: content.subject ?? '',
        html: content.html ?? '',
        text: content.text ?? '',
        headers,
      };
      call = (options) => email(payload, options);
    } else if (message.channel === 'sms' && sms) {
      const payload: SmsMessage = { to: message.to, text: content.text ?? '' };
      call = (options) => sms(payload, options);
    } else {
      await fail(message, `No ${message.channel} sender is configured.`, undefined, result, 'failed');
      return;
    }

    try {
      await sendWithin(sendTimeoutMs, call);
    } catch (error) {
      // `attempts` counts this try: the store raised it when the message was claimed.
      const giveUp =
        isPermanent(error) ||
        (maxAttempts !== undefined && message.attempts >= maxAttempts) ||
        (giveUpAfterMs !== undefined && retriedForMs(message.attempts, retry) >= giveUpAfterMs);
      const retryAt = giveUp ? undefined : new Date(retryTime(message)).toISOString();
      await fail(message, errorText(error), retryAt, result, giveUp ? 'failed' : 'retrying');
      return;
    }
    if (applied(await store.markSent(message.id, new Date(now()).toISOString(), message.claimToken))) {
      result.sent++;
      return;
    }
    result.lost++;
    onError(
      new Error(
        `Message ${message.id} (${message.key}) was sent, but its claim had run out before it was marked sent and ` +
          'another run had taken it over: the shopper may get it twice. Raise leaseMs well above sendTimeoutMs, ' +
          'or look for what delays this process (a slow database, a blocked event loop).',
      ),
    );
  }

  async function run(): Promise<RunResult> {
    const result: RunResult = { planned: 0, sent: 0, failed: 0, skipped: 0, retrying: 0, lost: 0 };
    // Bounded, so one run ends even while changes keep arriving; the next run takes the rest.
    for (let batch = 0; batch < 20; batch++) {
      const planned = await store.planMessages(planSafely, { limit: batchSize });
      result.planned += planned;
      if (planned < batchSize) break;
    }
    for (let round = 0; round < maxSendRounds; round++) {
      const claimed = await store.claimMessages({ now: new Date(now()).toISOString(), limit: concurrency, leaseMs });
      await Promise.all(
        claimed.map(async (message) => {
          try {
            await deliver(message, result);
          } catch (error) {
            // The store failed around the send; the lease runs out and the message is claimed again.
            onError(error);
          }
        }),
      );
      if (claimed.length < concurrency) break;
    }
    return result;
  }

  async function orderPlaced(order: NewOrder): Promise<number> {
    if (!hasEnqueue(store)) {
      throw new TypeError(
        'orderPlaced needs a store with enqueueMessages(messages) to queue the order confirmation; this store has none.',
      );
    }
    // Two transactions: a crash between them leaves the order without its confirmation, which the
    // caller's retry of orderPlaced queues (the key keeps it from being queued twice).
    await store.saveOrder(order);
    return store.enqueueMessages(planOrder(order));
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let started = false;

  function start(intervalMs = 10_000): void {
    positive(intervalMs, intervalMs, 'intervalMs');
    if (started) return;
    started = true;
    const tick = () => {
      timer = undefined;
      running = run()
        .catch(onError)
        .finally(() => {
          running = undefined;
          if (started) timer = setTimeout(tick, intervalMs);
        });
    };
    tick();
  }

  async function stop(): Promise<void> {
    started = false;
    if (timer) clearTimeout(timer);
    timer = undefined;
    await running;
  }

  return { plan, planOrder, orderPlaced, run, start, stop };
}
