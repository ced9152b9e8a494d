// The branded tracking page: `<order-tracker>` against the demo's look-up endpoint. Given `order` and `email`
// in the address it looks the order up at once; otherwise it shows its look-up form, holding the order number
// when the address has one (the notifier's SMS and email links carry `order` alone), with focus on the email
// field: a page opened from such a link is opened for that form (`autofocus`).
import { html } from './html.js';
import { page } from './layout.js';

export function renderTracking({ orderNumber, email, customers }) {
  const given = orderNumber && email;
  // The order number alone: the element fills its form with it and, with `autofocus`, focuses the empty email field.
  const attributes = given
    ? html`order-number="${orderNumber}" email="${email}"`
    : orderNumber
      ? html`order-number="${orderNumber}" autofocus`
      : '';
  const body = html`
    <div class="track-layout">
      <div>
        <h1>Track your order</h1>
        <order-tracker
          endpoint="/api/track"
          ${attributes}
          refresh-interval="10"
          contact-href="mailto:help@fernhill.example"
          locale="en"
        >
          <p slot="help">
            Questions about your order? Write to <a href="mailto:help@fernhill.example">help@fernhill.example</a> and
            quote your order number.
          </p>
        </order-tracker>
      </div>
      <aside class="card try" aria-labelledby="try">
        <h2 id="try">Demo orders to try</h2>
        <p class="muted">
          Each plays one sandbox scenario. This page looks again every 10 seconds; sandbox time runs fast.
        </p>
        <ul>
          ${customers.map(
            ({ order, customer }) =>
              html`<li>
                <a
                  href="/track?order=${encodeURIComponent(order.orderNumber)}&email=${encodeURIComponent(customer.email)}"
                  ${order.orderNumber === orderNumber ? html`aria-current="page"` : ''}
                  >${order.orderNumber}</a
                >
                <span class="muted">${customer.email}</span>
              </li>`,
          )}
        </ul>
      </aside>
    </div>
  `;
  return page({
    title: given ? `Order ${orderNumber}` : 'Track your order',
    path: '/track',
    body,
    head: html`<script type="module" src="/track.js"></script>
      <style>
        .track-layout {
          display: grid;
          gap: 1.5rem;
          grid-template-columns: minmax(0, 1fr);
        }
        @media (min-width: 60rem) {
          .track-layout {
            grid-template-columns: minmax(0, 1fr) 18rem;
            align-items: start;
          }
        }
        order-tracker {
          display: block;
          --trackline-color-accent: var(--brand);
          --trackline-max-width: 46rem;
        }
        order-tracker:not(:defined) {
          min-height: 24rem;
        }
        /* Lines the tracker up with the page's heading instead of centring it in its column. */
        order-tracker::part(base) {
          margin-inline: 0;
          padding-inline: 0;
        }
        @media (max-width: 30rem) {
          main {
            padding-inline: 0.5rem;
          }
        }
        .try ul {
          list-style: none;
          padding: 0;
          margin: 0;
          display: grid;
          gap: 0.25rem;
        }
        .try li {
          display: grid;
        }
        .try a {
          min-height: 32px;
          display: inline-flex;
          align-items: end;
          justify-self: start;
          font-weight: 600;
        }
        .try a[aria-current='page'] {
          text-decoration-thickness: 3px;
        }
        .try h2 {
          font-size: 1rem;
        }
        .muted {
          color: var(--muted);
          font-size: 0.875rem;
          overflow-wrap: anywhere;
        }
      </style>`,
  });
}
