import { createHash } from 'node:crypto';
import type { CarrierId, Shipment } from '@trackline/core';
import { withCarrierEventsOnly } from '../delays/events.js';
import { parcelIdPart } from '../store/merge.js';
import type { Channel, Customer, NewMessage, ShipmentChange } from '../store/types.js';
import { decide, type DecideOptions } from './decide.js';
import { composeEmail } from './email.js';
import { endOfQuietHours } from './quiet-hours.js';
import { composeSms } from './sms.js';
import type { Brand, KindPreference, MessageKind, Preferences, QuietHours } from './types.js';
import { wordsFor } from './words.js';
import { endOfQuietHoursIn, quietZonesFor } from './zone-guess.js';

// From a decision to outbox messages: which channels, which address, what words, when. Pure: the
// clock comes in as a number and nothing here touches the store.

/** SMS for what is time-sensitive (out for delivery, delivered, something to do), email for the full story. */
export const defaultPreferences: Readonly<Record<MessageKind, KindPreference>> = {
  order_confirmed: { channels: ['email'] },
  shipped: { channels: ['email'] },
  arriving: { channels: ['email'] },
  out_for_delivery: { channels: ['sms'], fallback: 'email' },
  available_for_pickup: { channels: ['sms', 'email'] },
  delivered: { channels: ['sms'], fallback: 'email' },
  delay: { channels: ['email'] },
  exception: { channels: ['email'] },
  action_required: { channels: ['sms', 'email'] },
  returned: { channels: ['email'] },
};

/** Builds the link to the store's tracking page for one order (and parcel, when the message is about one). */
export type TrackingPageUrl =
  string | ((link: { orderNumber: string; trackingNumber?: string; carrier?: CarrierId }) => string | undefined);

export interface PlanSettings extends DecideOptions {
  brand: Brand;
  preferences: Preferences;
  quietHours: QuietHours | false;
  /** The zone for quiet hours when not even the shopper's country is known and the text cannot go as an email. */
  defaultTimeZone: string;
  /** Told when the zone of a text's quiet hours had to be guessed (the notifier's `onError`). */
  report?: (error: Error) => void;
  trackingPageUrl?: TrackingPageUrl;
  /** The right-hand side of every `Message-ID`. */
  messageIdDomain: string;
  /** Which channels have a sender; a channel without one is treated as unreachable. */
  senders: Record<Channel, boolean>;
}

const e164 = /^\+[1-9]\d{6,14}$/;

/** The shopper's address on a channel, when the store has one and the shopper did not decline that channel. */
export function addressOf(customer: Customer | undefined, channel: Channel): string | undefined {
  if (!customer || customer.channels?.[channel] === false) return undefined;
  if (channel === 'email') {
    const email = customer.email?.trim();
    return email && /^[^\s@]+@[^\s@]+$/.test(email) ? email : undefined;
  }
  const phone = customer.phone?.replace(/[\s().-]/g, '');
  return phone && e164.test(phone) ? phone : undefined;
}

function channelsFor(kind: MessageKind, customer: Customer | undefined, settings: PlanSettings): Channel[] {
  const preference = settings.preferences[kind] ?? defaultPreferences[kind];
  if (!preference) return [];
  const reachable = (channel: Channel) => settings.senders[channel] && addressOf(customer, channel) !== undefined;
  const chosen = [...new Set(preference.channels)].filter(reachable);
  if (chosen.length === 0 && preference.fallback && reachable(preference.fallback)) return [preference.fallback];
  return chosen;
}

function linkFor(settings: PlanSettings, orderNumber: string, shipment: Shipment | undefined): string | undefined {
  const page = settings.trackingPageUrl;
  let url: string | undefined;
  if (typeof page === 'function') {
    url = page({ orderNumber, trackingNumber: shipment?.trackingNumber, carrier: shipment?.carrier });
  } else if (typeof page === 'string') {
    url = page
      .replaceAll('{orderNumber}', encodeURIComponent(orderNumber))
      .replaceAll('{trackingNumber}', encodeURIComponent(shipment?.trackingNumber ?? ''));
  }
  return url || shipment?.trackingUrl;
}

/** A `Message-ID` that is the same for every try of one message, so mail systems can drop a repeat. */
export function messageIdFor(key: string, domain: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

/** `order:parcel:kind[@variant]:channel` — unique per thing told, so the outbox never holds it twice. */
export function messageKey(
  orderNumber: string,
  shipment: Shipment | undefined,
  kind: MessageKind,
  variant: string | undefined,
  channel: Channel,
): string {
  const parcel = shipment ? `${parcelIdPart(shipment.trackingNumber)}:` : '';
  return `${orderNumber}:${parcel}${kind}${variant ? `@${variant}` : ''}:${channel}`;
}

interface Subject {
  kind: MessageKind;
  variant?: string;
  orderNumber: string;
  customer: Customer | undefined;
  shipment?: Shipment;
}

export function messagesFor(subject: Subject, now: number, settings: PlanSettings): NewMessage[] {
  const { kind, variant, orderNumber, customer } = subject;
  // The delay check's notes are no scans: "last scanned" and "latest update from the carrier" name the carrier's.
  const shipment = subject.shipment && withCarrierEventsOnly(subject.shipment);
  const link = linkFor(settings, orderNumber, shipment);
  const parcel: Record<string, string> = shipment
    ? { trackingNumber: shipment.trackingNumber, carrier: shipment.carrier }
    : {};
  const messages: NewMessage[] = [];
  let channels = channelsFor(kind, customer, settings);
  let zones: string[] = [];
  if (settings.quietHours && channels.includes('sms')) {
    const found = quietZonesFor(customer, shipment);
    zones = found.zones;
    let guess = found.guess;
    if (zones.length === 0) {
      // Not even the country: any hour may be night for the shopper, so the news goes by email when it can.
      if (settings.senders.email && addressOf(customer, 'email')) {
        channels = [...new Set([...channels.filter((channel) => channel !== 'sms'), 'email' as const])];
        guess = `${guess}, so it goes as an email instead`;
      } else {
        zones = [settings.defaultTimeZone];
        guess = `${guess} and there is no email address, so it keeps them by defaultTimeZone (${settings.defaultTimeZone})`;
      }
    }
    if (guess) {
      settings.report?.(
        new Error(
          `Order ${orderNumber}: the shopper's time zone is unknown (no customer.timeZone, and the parcel's ` +
            `destination does not say), so the ${kind} text's quiet hours were guessed: ${guess}. Save the ` +
            "shopper's timeZone with the order to keep them exactly.",
        ),
      );
    }
  }
  for (const channel of channels) {
    const to = addressOf(customer, channel);
    if (!to) continue;
    const key = messageKey(orderNumber, shipment, kind, variant, channel);
    if (channel === 'email') {
      const words = wordsFor(kind, shipment, customer?.locale, now, orderNumber);
      const email = composeEmail({
        words,
        brand: settings.brand,
        orderNumber,
        customerName: customer?.name,
        link,
        shipment,
      });
      const messageId = messageIdFor(key, settings.messageIdDomain);
      messages.push({
        key,
        channel,
        kind,
        to,
        orderNumber,
        content: { ...email, messageId, ...parcel },
        notBefore: new Date(now).toISOString(),
      });
    } else {
      // Day in every zone the shopper may be in; should no hour be, the first (most populous) zone's.
      const due = settings.quietHours
        ? (endOfQuietHoursIn(now, zones, settings.quietHours) ?? endOfQuietHours(now, zones[0]!, settings.quietHours))
        : now;
      // Written for the moment it goes out, so "today" still means today after a night in the outbox.
      const words = wordsFor(kind, shipment, customer?.locale, due, orderNumber);
      const text = composeSms({ words, brandName: settings.brand.name, link });
      messages.push({
        key,
        channel,
        kind,
        to,
        orderNumber,
        // The zones are kept so that a retry after a failed send waits for daytime too.
        content: { text, ...parcel, ...(settings.quietHours ? { quietZones: zones.join(' ') } : {}) },
        notBefore: new Date(due).toISOString(),
      });
    }
  }
  return messages;
}

/** The messages one stored change calls for; empty when it is not news worth telling. */
export function planChange(change: ShipmentChange, now: number, settings: PlanSettings): NewMessage[] {
  if (!change.orderNumber) return [];
  const decision = decide(change, now, settings);
  if (!decision) return [];
  return messagesFor(
    { ...decision, orderNumber: change.orderNumber, customer: change.customer, shipment: change.after },
    now,
    settings,
  );
}
