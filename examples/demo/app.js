// The page script: fetches the played scenarios and renders each with <tracking-progress>. Carrier
// text is set with textContent only: it is untrusted and never becomes HTML.
import '@trackline/elements/tracking-progress';

const list = document.querySelector('#shipments');
const locale = document.querySelector('#locale');
const stamp = document.querySelector('#updated');

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function formatTime(iso) {
  // Show the time as the carrier recorded it, in the scan's own offset.
  const offset = iso.slice(19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} (UTC${offset === 'Z' ? '' : offset})`;
}

function card({ order, scenario, shipment, text }) {
  const progress = el('tracking-progress', { locale: locale.value });
  progress.shipment = shipment;
  const events = el(
    'ol',
    { className: 'events' },
    ...[...shipment.events]
      .reverse()
      .map((event) =>
        el(
          'li',
          {},
          el('time', { dateTime: event.at, textContent: formatTime(event.at) }),
          el('span', { textContent: ` ${event.description}` }),
          el('span', { className: 'place', textContent: event.location?.city ? ` · ${event.location.city}` : '' }),
        ),
      ),
  );
  return el(
    'article',
    { className: 'card', id: `${order.orderNumber}-${shipment.trackingNumber}` },
    el('p', {
      className: 'scenario',
      textContent: `${scenario.title} · order ${order.orderNumber} · ${shipment.trackingNumber}`,
    }),
    el('h2', { textContent: text.headline }),
    progress,
    el('p', { textContent: text.whatHappened }),
    el('p', { textContent: text.whatNext }),
    text.whatToDo ? el('p', { className: 'todo', textContent: text.whatToDo }) : '',
    el('details', {}, el('summary', { textContent: `All updates (${shipment.events.length})` }), events),
  );
}

async function refresh() {
  const response = await fetch(`/api/shipments?locale=${encodeURIComponent(locale.value)}`);
  const { shipments, now } = await response.json();
  const open = new Set([...list.querySelectorAll('details[open]')].map((d) => d.closest('article').id));
  list.replaceChildren(...shipments.map(card));
  for (const id of open) list.querySelector(`#${CSS.escape(id)} details`)?.setAttribute('open', '');
  stamp.textContent = new Date(now).toLocaleString(locale.value, { dateStyle: 'medium', timeStyle: 'short' });
}

locale.addEventListener('change', refresh);
await refresh();
setInterval(refresh, 3000);
