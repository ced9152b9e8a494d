// The Vue component, written with `h()` so no SFC compiler or build plugin is needed. `<order-tracker>` is a
// custom element: Vue passes strings to it (as attributes when rendered on the server) and `onTracklineLoaded`
// listens to its `trackline-loaded` event. In a template (SFC or runtime-compiled), tell Vue the tag is not a
// component: `app.config.compilerOptions.isCustomElement = (tag) => tag.includes('-')` — or, with Vite,
// `vue({ template: { compilerOptions: { isCustomElement: … } } })` — then write
// `<order-tracker endpoint="/api/track" :order-number="orderNumber" @trackline-loaded="…" />`.
import { defineComponent, h, ref, type PropType } from 'vue';
import type { TracklineErrorEvent, TracklineLoadedEvent, TracklineStatusChangeEvent } from '@trackline/elements';

export const App = defineComponent({
  name: 'TrackingPage',
  props: {
    /** The shop's look-up endpoint (createTrackingHandler). */
    endpoint: { type: String, required: true },
    /** Look this order up at once (from the link in the shipping email); without it, the element shows its form. */
    orderNumber: { type: String as PropType<string | undefined>, default: undefined },
    email: { type: String as PropType<string | undefined>, default: undefined },
    locale: { type: String, default: 'en' },
  },
  setup(props) {
    const theme = ref<'light' | 'dark'>('light');
    const news = ref('');
    return () =>
      h('main', [
        h('h1', 'Where is my order?'),
        h('label', [
          h('input', {
            type: 'checkbox',
            checked: theme.value === 'dark',
            onChange: (event: Event) => {
              theme.value = (event.target as HTMLInputElement).checked ? 'dark' : 'light';
            },
          }),
          ' Dark theme',
        ]),
        h('order-tracker', {
          endpoint: props.endpoint,
          'order-number': props.orderNumber,
          email: props.email,
          locale: props.locale,
          theme: theme.value,
          'contact-href': 'mailto:help@shop.example',
          onTracklineLoaded: (event: TracklineLoadedEvent) => {
            news.value = `Showing ${event.detail.shipments.length} parcel(s) of order ${event.detail.order?.orderNumber ?? '—'}.`;
          },
          onTracklineError: (event: TracklineErrorEvent) => {
            news.value = `The look-up failed (${event.detail.code}).`;
          },
          onTracklineStatusChange: (event: TracklineStatusChangeEvent) => {
            news.value = `Parcel ${event.detail.trackingNumber} is now ${event.detail.status}.`;
          },
        }),
        h('p', { role: 'status' }, news.value),
      ]);
  },
});
