import type { Channel } from '../store/types.js';

/** What a notification is about. An `as const` object plus its union, like the core's enumerations. */
export const MessageKind = {
  /** The order was placed (from `notifier.orderPlaced`, not from a shipment change). */
  orderConfirmed: 'order_confirmed',
  /** The carrier picked the parcel up: the first scan that shows it moving. */
  shipped: 'shipped',
  /** A rare in-transit milestone: the parcel reached the shopper's own region. */
  arriving: 'arriving',
  outForDelivery: 'out_for_delivery',
  availableForPickup: 'available_for_pickup',
  delivered: 'delivered',
  /** Running late (carrier delay, weather, no scans for too long) or the estimated date moved later. */
  delay: 'delay',
  /** A problem the shopper need not act on (held in customs, damaged, lost, …). */
  exception: 'exception',
  /** A problem the shopper must act on (pay duties, fix the address, arrange redelivery). */
  actionRequired: 'action_required',
  /** On its way back to the store, or back there. */
  returned: 'returned',
} as const;
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];

export const messageKinds: readonly MessageKind[] = Object.values(MessageKind);

/** An email as the notifier hands it to `send.email`. */
export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Includes a `Message-ID` derived from the message's key, the same on every retry. */
  headers: Record<string, string>;
}

/** A text message as the notifier hands it to `send.sms`. */
export interface SmsMessage {
  /** E.164, e.g. `+14155550123`. */
  to: string;
  text: string;
}

/** What a sender gets beside the message. */
export interface SendOptions {
  /** Aborted when the notifier stops waiting (`sendTimeoutMs`); the send should give up then. */
  signal: AbortSignal;
}

/**
 * The functions that reach the outside world. A rejected promise means "not sent": it is retried,
 * unless the error has `permanent: true` (the provider refused for good, e.g. an invalid number).
 */
export interface Senders {
  email?: (message: EmailMessage, options: SendOptions) => Promise<unknown>;
  sms?: (message: SmsMessage, options: SendOptions) => Promise<unknown>;
}

/** How messages look: the store's own name, colour, logo and where shoppers get help. */
export interface Brand {
  /** The store's name as shoppers know it; starts every SMS and email subject. */
  name: string;
  /** Accent colour for the email header and button, as `#rgb` or `#rrggbb`. Default `#1f6feb`. */
  color?: string;
  /** An https URL of the logo shown at the top of emails. */
  logoUrl?: string;
  supportUrl?: string;
  supportEmail?: string;
}

/** Which channels carry one kind of message. */
export interface KindPreference {
  /** Every channel listed here that can reach the shopper gets the message. */
  channels: Channel[];
  /** Used when none of `channels` can reach the shopper (no phone number, SMS declined). */
  fallback?: Channel;
}

/** Per kind: which channels, or `false` to send none of that kind. */
export type Preferences = Partial<Record<MessageKind, KindPreference | false>>;

/** A daily window in which no SMS is sent, in the shopper's time zone (`HH:MM`, 24-hour). */
export interface QuietHours {
  start: string;
  end: string;
}

/**
 * When a failed send is tried again. A temporary failure (the provider is down, refuses the store's
 * login, is over its quota) is retried for `giveUpAfterMs`; a permanent one (`permanent: true`, an
 * unknown mailbox) fails at once. `store.retryFailed()` puts failed messages back.
 */
export interface RetryPolicy {
  /**
   * How long temporary failures are retried, in waits between tries: the message is `failed` after
   * the first failed try that comes at least this long after its first try. Waits are counted, not
   * the clock, so a notifier that was stopped does not use up the time. Default 86 400 000 (24 hours)
   * when `attempts` is not set.
   */
  giveUpAfterMs?: number;
  /**
   * Tries in all, the first included: after the last failure the message is `failed`. No count limit
   * by default. Set alone, it is the only limit (as before `giveUpAfterMs` existed); set with
   * `giveUpAfterMs`, whichever is reached first ends the retries.
   */
  attempts?: number;
  /** Wait after the first failure; doubled after each further one. Default 60 000 (1 minute). */
  baseMs?: number;
  /** Longest wait between two tries. Default 3 600 000 (1 hour). */
  maxMs?: number;
}
