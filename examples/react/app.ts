// The React component: `<order-tracker>` is a custom element, so React renders it like any tag. Strings go in
// as attributes (kebab-case, as in HTML); the `trackline-*` events are listened to through a ref, which works
// the same in every React version. `createElement` (as `h`) instead of JSX keeps this example free of a JSX
// build step; `<order-tracker endpoint={endpoint} order-number={orderNumber} … />` is the same thing.
import { createElement as h, useEffect, useRef, useState } from 'react';
import type { OrderTracker } from '@trackline/elements';

export interface AppProps {
  /** The shop's look-up endpoint (createTrackingHandler). */
  endpoint: string;
  /** Look this order up at once (from the link in the shipping email); without it, the element shows its form. */
  orderNumber?: string | undefined;
  email?: string | undefined;
  locale?: string;
}

export function App({ endpoint, orderNumber, email, locale = 'en' }: AppProps) {
  const tracker = useRef<OrderTracker>(null);
  const [theme, setTheme] = useState<'light' | 'dark'>('light');
  const [news, setNews] = useState('');

  useEffect(() => {
    const element = tracker.current;
    if (!element) return;
    const listening = new AbortController();
    const { signal } = listening;
    element.addEventListener(
      'trackline-loaded',
      (event) =>
        setNews(
          `Showing ${event.detail.shipments.length} parcel(s) of order ${event.detail.order?.orderNumber ?? '—'}.`,
        ),
      { signal },
    );
    element.addEventListener('trackline-error', (event) => setNews(`The look-up failed (${event.detail.code}).`), {
      signal,
    });
    element.addEventListener(
      'trackline-status-change',
      (event) => setNews(`Parcel ${event.detail.trackingNumber} is now ${event.detail.status}.`),
      { signal },
    );
    return () => listening.abort();
  }, []);

  return h(
    'main',
    null,
    h('h1', null, 'Where is my order?'),
    h(
      'label',
      null,
      h('input', {
        type: 'checkbox',
        checked: theme === 'dark',
        onChange: (event: { target: { checked: boolean } }) => setTheme(event.target.checked ? 'dark' : 'light'),
      }),
      ' Dark theme',
    ),
    h('order-tracker', {
      ref: tracker,
      endpoint,
      'order-number': orderNumber,
      email,
      locale,
      theme,
      'contact-href': 'mailto:help@shop.example',
    }),
    h('p', { role: 'status' }, news),
  );
}
