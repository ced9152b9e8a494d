import type { EmailMessage, SendOptions } from './types.js';

export interface SmtpSenderOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). Default false: the connection is upgraded with STARTTLS when offered. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** The sender, e.g. `Acme <orders@acme.example>`. */
  from: string;
  /** Also sets a `Reply-To`, e.g. the store's support address. */
  replyTo?: string;
  /** Connection, greeting and socket timeouts. Default 20 000 ms, so a send ends well within the notifier's lease. */
  timeoutMs?: number;
  /** Extra nodemailer SMTP transport options (TLS settings, pooling, DKIM). */
  transport?: Record<string, unknown>;
}

export interface SmtpSender {
  (message: EmailMessage, options?: SendOptions): Promise<{ messageId: string; response: string }>;
  /** Closes the transport's connections. */
  close(): Promise<void>;
}

interface Transport {
  sendMail(mail: Record<string, unknown>): Promise<{ messageId: string; response: string }>;
  close(): void;
}

/** Basic reply codes that refuse the mailbox itself (RFC 5321): unknown, not local, not a valid name. */
const refusedMailbox = new Set([550, 551, 553]);

/**
 * Enhanced status codes (RFC 3463) that say the recipient's address is wrong: 5.1.1 bad mailbox,
 * 5.1.2 bad domain, 5.1.3 bad syntax, 5.1.4 ambiguous, 5.1.6 moved, 5.1.10 null MX. Left out are
 * 5.1.7 and 5.1.8, which are about the sender's address.
 */
const recipientStatus = /^5\.1\.(?:1|2|3|4|6|10)$/;

/**
 * Decides whether retrying can help, and says so in `permanent` (nodemailer sets `permanent` on
 * every 5xx itself, so it is overwritten either way). Only a refusal of the recipient is permanent:
 * it will be refused the same way tomorrow. A refused login (535), a sender-level refusal on MAIL
 * FROM ("554 Sending paused: daily quota exceeded"), a refused DATA (content or policy) or "relaying
 * denied" is the store's account or setup, the same for every message, and ends once it is fixed:
 * failing every message for good over it would lose them all.
 */
function permanence(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { responseCode, response, command } = error as {
    responseCode?: unknown;
    response?: unknown;
    command?: unknown;
  };
  const enhanced = typeof response === 'string' ? /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(response)?.[1] : undefined;
  const aboutRecipient = command === 'RCPT TO' || command === 'DATA';
  const permanent =
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode < 600 &&
    aboutRecipient &&
    // An enhanced status, when the server gives one, says what was refused; without one, the basic
    // code of a refused RCPT TO does.
    (enhanced ? recipientStatus.test(enhanced) : command === 'RCPT TO' && refusedMailbox.has(responseCode));
  (error as { permanent?: boolean }).permanent = permanent;
  return error;
}

/**
 * `send.email` over SMTP with nodemailer (an optional peer dependency, loaded on the first send so
 * `@trackline/node` works without it). The notifier's `Message-ID` is kept, so a message sent twice
 * (the crash window described in docs/node.md) carries the same id both times. Only refusals of
 * the recipient (RCPT TO answered 550, 551 or 553, or an enhanced status 5.1.x that
 * names the recipient's address) are marked `permanent` and not retried; every other failure is
 * retried, see `permanence`.
 */
export function smtpSender(options: SmtpSenderOptions): SmtpSender {
  const timeout = options.timeoutMs ?? 20_000;
  let transport: Promise<Transport> | undefined;

  const load = (): Promise<Transport> => {
    transport ??= import('nodemailer').then(
      (nodemailer) =>
        nodemailer.createTransport({
          ...options.transport,
          host: options.host,
          port: options.port,
          secure: options.secure ?? false,
          auth: options.auth,
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
        }) as unknown as Transport,
      (error: unknown) => {
        transport = undefined;
        throw new Error('smtpSender needs the nodemailer package: install it with `npm install nodemailer`.', {
          cause: error,
        });
      },
    );
    return transport;
  };

  const send = async (message: EmailMessage, sendOptions?: SendOptions) => {
    const { 'Message-ID': messageId, ...headers } = message.headers;
    const mail: Record<string, unknown> = {
      from: options.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers,
    };
    if (messageId) mail.messageId = messageId;
    if (options.replyTo) mail.replyTo = options.replyTo;
    if (sendOptions?.signal) mail.signal = sendOptions.signal;
    const mailer = await load();
    try {
      return await mailer.sendMail(mail);
    } catch (error) {
      throw permanence(error);
    }
  };

  return Object.assign(send, {
    async close() {
      if (!transport) return;
      const mailer = await transport.catch(() => undefined);
      transport = undefined;
      mailer?.close();
    },
  });
}
