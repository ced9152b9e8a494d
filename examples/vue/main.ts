// The browser entry, bundled by esbuild (server.ts): defines <order-tracker> and mounts the app.
import '@trackline/elements/order-tracker';
import { createApp } from 'vue';
import { App } from './app.js';

const link = new URLSearchParams(location.search);
createApp(App, {
  endpoint: '/api/track',
  orderNumber: link.get('order') ?? undefined,
  email: link.get('email') ?? undefined,
}).mount('#root');
