import type { Customer, MessageState, NewMessage, OutboxMessage } from './types.js';

// Row shapes shared by both stores, and their conversion to the public types. SQLite gives JSON
// columns back as text, PostgreSQL (jsonb) as objects; both give ids as strings here.

export interface MessageRow {
  id: string | number;
  key: string;
  channel: 'email' | 'sms';
  kind: string;
  recipient: string;
  order_number: string | null;
  content: string | Record<string, string>;
  not_before: string;
  state: MessageState;
  attempts: number | string;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
  lease_until: string | null;
  /** Added by migration 2. */
  claim_token: string | null;
}

export function json<T>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export function toMessage(row: MessageRow): OutboxMessage {
  const message: OutboxMessage = {
    id: String(row.id),
    key: row.key,
    channel: row.channel,
    kind: row.kind,
    to: row.recipient,
    content: json<Record<string, string>>(row.content),
    notBefore: row.not_before,
    state: row.state,
    attempts: Number(row.attempts),
    createdAt: row.created_at,
  };
  if (row.order_number !== null) message.orderNumber = row.order_number;
  if (row.sent_at !== null) message.sentAt = row.sent_at;
  if (row.last_error !== null) message.lastError = row.last_error;
  if (row.lease_until !== null) message.leaseUntil = row.lease_until;
  if (row.claim_token !== null && row.claim_token !== undefined) message.claimToken = row.claim_token;
  return message;
}

/** Milliseconds since the epoch of an ISO 8601 instant; due times are compared as numbers, never as text. */
export function epochMs(at: string, what: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) {
    throw new TypeError(
      `${what} must be an ISO 8601 date-time such as 2024-04-26T07:50:00Z; got ${JSON.stringify(at)}.`,
    );
  }
  return ms;
}

export function checkMessage(message: NewMessage): void {
  if (!message.key) throw new TypeError('A message needs a non-empty key; it is what keeps it from being sent twice.');
  if (message.channel !== 'email' && message.channel !== 'sms') {
    throw new TypeError(`A message's channel must be 'email' or 'sms'; got ${JSON.stringify(message.channel)}.`);
  }
  epochMs(message.notBefore, `Message ${message.key}: notBefore`);
}

export function customerOf(value: string | Customer | null | undefined): Customer | undefined {
  return value === null || value === undefined ? undefined : json<Customer>(value);
}

/** The statuses `listActiveShipments` lists: the carrier may still have news, and no answer is final. */
export const activeStatuses = ['pending', 'info_received', 'in_transit', 'out_for_delivery'] as const;
export const defaultActiveLimit = 100;

/** The SQL list of `activeStatuses` (fixed words, no user input), for `status IN (…)`. */
export const activeStatusList = activeStatuses.map((status) => `'${status}'`).join(', ');

/** Checks `listActiveShipments`' options: the numeric cursor after which to read, and how many. */
export function activePage(options: { after?: string; limit?: number } = {}): { after: number; limit: number } {
  const { after, limit = defaultActiveLimit } = options;
  if (after !== undefined && !/^\d{1,15}$/.test(String(after))) {
    throw new TypeError(
      `listActiveShipments: after must be the id of a listed parcel, such as "42"; got ${JSON.stringify(after)}.`,
    );
  }
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`listActiveShipments: limit must be a whole number of 1 or more; got ${limit}.`);
  }
  return { after: after === undefined ? 0 : Number(after), limit };
}

export const defaultLeaseMs = 60_000;
export const defaultPlanLimit = 100;
export const defaultClaimLimit = 10;
export const defaultListLimit = 50;
