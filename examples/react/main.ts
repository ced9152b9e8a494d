// The browser entry, bundled by esbuild (server.ts): defines <order-tracker> and mounts the app.
import '@trackline/elements/order-tracker';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

const link = new URLSearchParams(location.search);
createRoot(document.getElementById('root')!).render(
  h(App, {
    endpoint: '/api/track',
    orderNumber: link.get('order') ?? undefined,
    email: link.get('email') ?? undefined,
  }),
);
