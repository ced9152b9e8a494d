// "My orders": every demo order, one per sandbox scenario, with the order number and email shown so anyone
// can look it up, its parcels' state as the store has it now, and the latest webhooks that brought it.
import { carrierName, describeShipment } from '@trackline/core';
import { html } from './html.js';
import { page } from './layout.js';

/** What each made-up order contains, by position. */
const items = [
  'Linen apron',
  'Enamel mug set',
  'Wool throw',
  'Cast-iron skillet',
  'Ceramic planter',
  'Hiking socks, 3 pairs',
  'Desk lamp',
  'Notebook bundle',
  'Tea sampler and kettle',
  'Garden tool set',
];

const statusWords = {
  pending: 'Waiting for the carrier',
  info_received: 'Label created',
  in_transit: 'On its way',
  out_for_delivery: 'Out for delivery',
  available_for_pickup: 'Ready for pick-up',
  delivered: 'Delivered',
  returning: 'Returning to us',
  returned: 'Returned to us',
  cancelled: 'Cancelled',
};

const time = (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export function renderOrders({ customers, stored, webhookLog, now, speed, provider, providerName }) {
  const cards = customers.map(({ order, customer }, i) => {
    const saved = stored[i];
    const link = `/track?order=${encodeURIComponent(order.orderNumber)}&email=${encodeURIComponent(customer.email)}`;
    const scenarios = [...new Set(order.parcels.map((p) => p.scenario.title))].join(' + ');
    return html`<li class="card order">
      <div class="order-head">
        <h2><a href="${link}">Order ${order.orderNumber}</a></h2>
        <span class="scenario">Sandbox scenario: ${scenarios}</span>
      </div>
      <p class="item">${items[i % items.length]}</p>
      <dl class="proof">
        <div>
          <dt>Order number</dt>
          <dd><code>${order.orderNumber}</code></dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd><code>${customer.email}</code></dd>
        </div>
        <div>
          <dt>Postal code</dt>
          <dd><code>${customer.postalCode}</code></dd>
        </div>
      </dl>
      <ul class="parcels">
        ${(saved?.shipments ?? []).map((shipment) => {
          const text = describeShipment(shipment, { locale: 'en', now });
          return html`<li>
            <span class="status status-${shipment.status}${shipment.problem ? ' has-problem' : ''}"
              >${statusWords[shipment.status] ?? shipment.status}${shipment.problem ? ' · needs attention' : ''}</span
            >
            <span class="muted">${carrierName(shipment.carrier)} ${shipment.trackingNumber}</span>
            ${text.headline === statusWords[shipment.status] ? '' : html`<span class="headline">${text.headline}</span>`}
          </li>`;
        })}
      </ul>
      <a class="button" href="${link}">Track order ${order.orderNumber}</a>
    </li>`;
  });

  const body = html`
    <h1>My orders</h1>
    <p class="lead">
      Demo orders, one for each scenario of the offline carrier sandbox. Their order numbers and emails are shown so
      that anyone can look them up on the <a href="/track">tracking page</a>. Sandbox time runs ${speed}× faster than
      real time (now ${time(now.toISOString())}), so parcels move while you watch: reload to see them.
    </p>
    <ol class="orders">
      ${cards}
    </ol>

    <section class="card" aria-labelledby="webhooks">
      <h2 id="webhooks">Latest webhooks</h2>
      <p class="muted">
        Signed ${providerName} webhooks the sandbox posted to <code>/webhooks/${provider}</code>, verified and stored by
        <code>createWebhookHandler</code> from <code>@trackline/node</code>. Newest first; sandbox time.
        ${
          webhookLog.others
            ? `Another ${webhookLog.others} were about sandbox parcels that belong to no demo order (the sandbox plays
            every scenario for every carrier); they were stored too.`
            : ''
        }
      </p>
      ${
        webhookLog.length === 0
          ? html`<p>None yet: the next scan of any parcel sends one.</p>`
          : html`<div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Received</th>
                    <th scope="col">Order</th>
                    <th scope="col">Parcel</th>
                    <th scope="col">Status</th>
                    <th scope="col">Told the shopper?</th>
                  </tr>
                </thead>
                <tbody>
                  ${webhookLog.map(
                    (entry) =>
                      html`<tr>
                        <td>${time(entry.at)}</td>
                        <td>${entry.orderNumber ?? '—'}</td>
                        <td>${carrierName(entry.carrier)} ${entry.trackingNumber}</td>
                        <td>
                          ${statusWords[entry.status] ?? entry.status}${entry.problem ? ` (${entry.problem.replace('_', ' ')})` : ''}
                        </td>
                        <td>${entry.changed ? 'Yes: a change for the notifier' : 'No change'}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>
  `;
  return page({
    title: 'My orders',
    path: '/',
    body,
    head: html`<style>
      .orders {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 21rem), 1fr));
        margin: 1rem 0 2rem;
      }
      .order {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      .order-head h2 {
        margin: 0;
        font-size: 1.125rem;
      }
      .scenario,
      .muted {
        color: var(--muted);
        font-size: 0.875rem;
      }
      .item {
        margin: 0;
        font-weight: 600;
      }
      .proof {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0 0.75rem;
        margin: 0;
        font-size: 0.875rem;
      }
      .proof div {
        display: contents;
      }
      .proof dt {
        color: var(--muted);
      }
      .proof dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .parcels {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      .parcels li {
        display: grid;
        gap: 0.125rem;
      }
      .status {
        font-weight: 600;
      }
      .status-delivered {
        color: #0b6e4f;
      }
      .has-problem {
        color: #b35900;
      }
      .headline {
        font-size: 0.875rem;
      }
      .button {
        margin-top: auto;
        align-self: start;
        background: var(--brand);
        color: var(--brand-ink);
        text-decoration: none;
        border-radius: 0.5rem;
        padding: 0.5rem 1rem;
        min-height: 44px;
        display: inline-flex;
        align-items: center;
        font-weight: 600;
      }
      @media (prefers-color-scheme: dark) {
        .status-delivered {
          color: #5fd3a6;
        }
        .has-problem {
          color: #f0a050;
        }
      }
    </style>`,
  });
}
