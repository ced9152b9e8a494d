import type { CarrierId, Order, Shipment } from '@trackline/core';

// The contract every store keeps. Two real implementations: sqliteStore (better-sqlite3, embedded)
// and postgresStore (pg, shared by several helper processes). The shared store test suite runs the
// same tests against both.
//
// Durability model (a transactional outbox): a webhook or a tracker refresh is stored with
// `applyUpdate`, which in ONE transaction records the webhook id, merges the events, recomputes the
// shipment's status from all of them (so out-of-order deliveries still end right) and, when what a
// shopper would be told changed, appends a `ShipmentChange`. The notifier later turns unprocessed
// changes into outbox messages with `planMessages` (again one transaction; a message's `key` is
// unique, so planning twice never makes a second message) and sends them with `claimMessages` /
// `markSent` / `markFailed`. A message no change caused (the order confirmation) goes in with
// `enqueueMessages`, under the same unique key. A crash at any point loses nothing: an unanswered
// webhook is redelivered, an unprocessed change is planned on the next run, a claimed message whose
// lease runs out is claimed again. Each claim carries a token, and `markSent` / `markFailed` with
// that token apply only while that claim is the current one, so a sender whose lease ran out cannot
// undo what the sender that took the message over recorded.

/** The shopper an order belongs to: how to match a look-up and how to reach them. */
export interface Customer {
  email?: string;
  /** E.164, e.g. `+14155550123`. */
  phone?: string;
  postalCode?: string;
  name?: string;
  /** BCP 47, e.g. `en`, `es-MX`; messages are written in it. */
  locale?: string;
  /** IANA zone of the shopper (SMS quiet hours). */
  timeZone?: string;
  /** Channels the shopper agreed to; a channel left out is allowed when the store has the address. */
  channels?: { email?: boolean; sms?: boolean };
}

/** What a store records when an order is placed. */
export interface NewOrder {
  orderNumber: string;
  /** ISO 8601 with offset. */
  placedAt: string;
  customer: Customer;
  /** Parcels known at the time; more can be attached later with `attachShipment`. */
  shipments?: { carrier: CarrierId; trackingNumber: string }[];
}

/** An order as stored: the core's `Order` (with its shipments' current state) and its customer. */
export interface StoredOrder extends Order {
  customer: Customer;
  updatedAt: string;
}

/** One piece of news about one shipment, from a webhook or a tracker refresh. */
export interface ShipmentUpdate {
  /** The parsed shipment; its events may be all of them or only the new ones. */
  shipment: Shipment;
  /** Where it came from: a provider id (`easypost`, `shippo`, `aftership`, `standard`) or `tracker`. */
  source: string;
  /** ISO 8601; when it reached us. */
  receivedAt: string;
  /** The provider's delivery id; a second update with the same id changes nothing. */
  webhookId?: string;
}

/** What `applyUpdate` did. */
export interface ApplyResult {
  /** The webhook id was seen before: nothing was written. */
  duplicate: boolean;
  /** The order the shipment belongs to, when one is known. */
  orderNumber?: string;
  /** The shipment before the update (undefined when it was new). */
  before?: Shipment;
  /** The shipment as stored now. */
  after: Shipment;
  /** A change was appended for the notifier. */
  change?: ShipmentChange;
}

/** A parcel still on its way, as `listActiveShipments` lists it. */
export interface ActiveShipment {
  /** The store's own id for the parcel: pass the last one as `after` to read the next page. */
  id: string;
  shipment: Shipment;
  /** The order the parcel belongs to, when one claims it. */
  orderNumber?: string;
  /** When that order was placed (ISO 8601), for judging a parcel the carrier has not scanned yet. */
  placedAt?: string;
}

/** A stored change in what a shopper could be told: status, problem, estimated date, or arrival in their region. */
export interface ShipmentChange {
  id: string;
  orderNumber?: string;
  /**
   * The shopper of that order, read when the change is planned (so `plan` can address messages
   * without a second, asynchronous look-up). `planMessages` only hands over changes whose parcel
   * belongs to an order, so it is set there; `applyUpdate`'s result has it when the order was known.
   */
  customer?: Customer;
  /** The shipment before and after, as stored at the time of the change. */
  before?: Shipment;
  after: Shipment;
  at: string;
}

export type Channel = 'email' | 'sms';

/** A message the notifier decided to send; its `key` makes it unique. */
export interface NewMessage {
  /** e.g. `A1001:1Z999AA10123456784:delivered:email`; a second message with the same key is dropped. */
  key: string;
  channel: Channel;
  /** What the message is about (`shipped`, `out_for_delivery`, `delivered`, `delay`, …). */
  kind: string;
  /** Email address or E.164 number. */
  to: string;
  orderNumber?: string;
  /** What the sender needs, e.g. `{ subject, html, text }` or `{ text }`. */
  content: Record<string, string>;
  /** ISO 8601; not sent before (quiet hours). */
  notBefore: string;
}

export type MessageState = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxMessage extends NewMessage {
  id: string;
  state: MessageState;
  attempts: number;
  createdAt: string;
  sentAt?: string;
  lastError?: string;
  /** ISO 8601; when a `sending` claim runs out and the message may be claimed again. */
  leaseUntil?: string;
  /**
   * Names the claim that holds the message (state `sending`); a new one for every claim. Hand it to
   * `markSent` / `markFailed`, so they apply only while this claim is still the current one.
   */
  claimToken?: string;
}

export interface Store {
  /** Closes connections; the store cannot be used afterwards. */
  close(): Promise<void>;

  /** Records an order, or updates its customer and adds parcels when it exists. */
  saveOrder(order: NewOrder): Promise<void>;
  getOrder(orderNumber: string): Promise<StoredOrder | undefined>;
  /** Adds a parcel to an existing order. */
  attachShipment(orderNumber: string, parcel: { carrier: CarrierId; trackingNumber: string }): Promise<void>;
  /** The current state of one parcel, by tracking number (and carrier when the number alone is ambiguous). */
  getShipment(trackingNumber: string, carrier?: CarrierId): Promise<Shipment | undefined>;
  /** Order number of the order a parcel belongs to. */
  orderOf(trackingNumber: string, carrier?: CarrierId): Promise<string | undefined>;

  /** Stores an update atomically (see the durability model above). Safe to call concurrently from several processes. */
  applyUpdate(update: ShipmentUpdate): Promise<ApplyResult>;

  /**
   * Parcels still on their way (`pending`, `info_received`, `in_transit`, `out_for_delivery`), in the
   * order they were first stored, up to `limit` (default 100) from just after the cursor `after` (the
   * `id` of the last one of the previous page). For jobs that look at every open parcel, such as the
   * delay check; each parcel comes with its order when it has one.
   */
  listActiveShipments(options?: { after?: string; limit?: number }): Promise<ActiveShipment[]>;

  /**
   * Turns up to `limit` unprocessed changes into messages, in one transaction per batch: `plan` is
   * called for each change (it must be synchronous), its messages are inserted unless their key
   * exists, and the changes are marked processed. Returns how many changes were processed.
   * Several processes may run it at once; each change is planned by exactly one of them.
   */
  planMessages(plan: (change: ShipmentChange) => NewMessage[], options?: { limit?: number }): Promise<number>;
  /**
   * Inserts messages that no shipment change caused (the order confirmation), in one transaction;
   * a message whose key exists is skipped. Returns how many were new.
   */
  enqueueMessages(messages: NewMessage[]): Promise<number>;
  /**
   * Claims up to `limit` messages that are due (`pending` and `notBefore` ≤ now, or `sending` with a
   * lapsed lease), each with a new `claimToken`.
   */
  claimMessages(options: { now: string; limit?: number; leaseMs?: number }): Promise<OutboxMessage[]>;
  /**
   * Records that the message was sent. Applies only to a message in `sending` and, given a
   * `claimToken`, only while that claim is the current one; resolves to whether it applied (false:
   * the claim ran out and another one took the message over, or it was already sent or failed).
   */
  markSent(id: string, at: string, claimToken?: string): Promise<boolean>;
  /**
   * Records a failed send: `retryAt` undefined means give up (`failed`), else the message is
   * `pending` again from then. Applies, and resolves, like `markSent`.
   */
  markFailed(id: string, error: string, retryAt?: string, claimToken?: string): Promise<boolean>;
  /**
   * Puts `failed` messages back in the queue (`pending`, due now, tries counted from 0), after an
   * outage outlasted the notifier's retries or a wrong setting failed them; the next `run` sends them.
   * Only `failed` messages change, in one statement: a message sent, still queued or being sent is
   * left alone, so none is sent twice. `since` (ISO 8601) keeps to messages whose last try was due
   * at or after it (the start of the outage), so old news is not sent late; `kind` and `channel`
   * narrow it further. Resolves to how many were put back.
   */
  retryFailed(options?: { since?: string; kind?: string; channel?: Channel }): Promise<number>;
  /** Newest first, for an outbox page. */
  listMessages(options?: { limit?: number; orderNumber?: string }): Promise<OutboxMessage[]>;
}
