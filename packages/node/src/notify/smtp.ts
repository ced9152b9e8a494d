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

/** A sender error that retrying cannot fix: the server refused for good (5xx), e.g. an unknown mailbox. */
function permanence(error: unknown): unknown {
  const code =
    typeof error === 'object' && error !== null ? (error as { responseCode?: unknown }).responseCode : undefined;
  if (typeof code === 'number' && code >= 500 && code < 600) (error as { permanent?: boolean }).permanent = true;
  return error;
}

/**
 * `send.email` over SMTP with nodemailer (an optional peer dependency, loaded on the first send so
 * `@trackline/node` works without it). The notifier's `Message-ID` is kept, so a message sent twice
 * (the crash window described in docs/node.md) carries the same id both times. Server refusals with
 * a 5xx code are marked `permanent` and not retried.
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
