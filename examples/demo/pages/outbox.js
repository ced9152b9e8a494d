// The outbox: every email and SMS the notifier planned, newest first, as the shopper would have got them.
// Nothing here was sent: the demo's senders write nowhere but the outbox. An email's HTML is shown only
// inside a sandboxed iframe (`srcdoc`, no scripts, no same-origin), never as part of this page.
import { html } from './html.js';
import { page } from './layout.js';

const kindWords = {
  order_confirmed: 'Order confirmed',
  shipped: 'Shipped',
  arriving: 'Arriving',
  out_for_delivery: 'Out for delivery',
  available_for_pickup: 'Ready for pick-up',
  delivered: 'Delivered',
  delay: 'Delay',
  exception: 'Problem',
  action_required: 'Action needed',
  returned: 'Returned',
};

const time = (iso) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '—');

function stateText(message) {
  if (message.state === 'sent') return `Not actually sent: demo (handed to the demo sender ${time(message.sentAt)})`;
  if (message.state === 'pending') return `Waiting until ${time(message.notBefore)} (quiet hours or not yet due)`;
  if (message.state === 'failed') return `Gave up: ${message.lastError ?? 'unknown error'}`;
  return 'Being handed to the demo sender';
}

function renderMessage(message) {
  const { content } = message;
  const head = html`<header class="message-head">
    <span class="kind">${kindWords[message.kind] ?? message.kind}</span>
    <span class="channel channel-${message.channel}">${message.channel === 'sms' ? 'SMS' : 'Email'}</span>
    <span class="muted">to ${message.to}${message.orderNumber ? ` · order ${message.orderNumber}` : ''}</span>
    <span class="state">${stateText(message)}</span>
  </header>`;
  if (message.channel === 'sms') {
    return html`<li class="card message">
      ${head}
      <p class="sms">${content.text ?? ''}</p>
    </li>`;
  }
  return html`<li class="card message">
    ${head}
    <p class="subject"><strong>${content.subject ?? '(no subject)'}</strong></p>
    ${
      content.html
        ? html`<iframe
            class="email"
            title="Email: ${content.subject ?? message.kind}"
            sandbox=""
            referrerpolicy="no-referrer"
            loading="lazy"
            srcdoc="${content.html}"
          ></iframe>`
        : ''
    }
    ${
      content.text
        ? html`<details>
            <summary>Plain-text version</summary>
            <pre class="text">${content.text}</pre>
          </details>`
        : ''
    }
  </li>`;
}

export function renderOutbox({ messages, missing }) {
  const sms = messages.filter((m) => m.channel === 'sms').length;
  const body = html`
    <h1>Outbox</h1>
    <p class="note" role="note">
      <strong>Not actually sent: demo.</strong> These are the emails and text messages the notifier from
      <code>@trackline/node</code> planned for the demo shoppers as their parcels moved. Its send functions only mark
      them here; no email or SMS leaves this computer.
    </p>
    ${missing ? html`<p class="note" role="status">${missing}</p>` : ''}
    <p class="muted">
      ${messages.length} message${messages.length === 1 ? '' : 's'} (${messages.length - sms} email, ${sms} SMS), newest
      first. <a href="/outbox">Reload</a> to see new ones.
    </p>
    ${
      messages.length === 0
        ? html`<p>Nothing yet: the first parcel update brings the first message.</p>`
        : html`<ol class="messages">
            ${messages.map(renderMessage)}
          </ol>`
    }
  `;
  return page({
    title: 'Outbox',
    path: '/outbox',
    body,
    head: html`<style>
      .messages {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 26rem), 1fr));
      }
      .message {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        min-width: 0;
      }
      .message-head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: baseline;
      }
      .kind {
        font-weight: 700;
      }
      .channel {
        font-size: 0.75rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        padding: 0.125rem 0.5rem;
        border-radius: 999px;
        border: 1px solid var(--line);
      }
      .state {
        flex-basis: 100%;
        font-size: 0.8125rem;
        color: var(--muted);
      }
      .muted {
        color: var(--muted);
        font-size: 0.875rem;
        overflow-wrap: anywhere;
      }
      .subject {
        margin: 0;
      }
      iframe.email {
        width: 100%;
        height: 26rem;
        border: 1px solid var(--line);
        border-radius: 0.5rem;
        background: #fff;
      }
      .sms {
        margin: 0;
        padding: 0.75rem 1rem;
        border-radius: 1rem 1rem 1rem 0.25rem;
        background: color-mix(in srgb, var(--brand) 14%, transparent);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        max-width: 22rem;
      }
      pre.text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font-size: 0.8125rem;
      }
    </style>`,
  });
}
