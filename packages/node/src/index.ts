export * from './webhooks/index.js';
export type { HttpHandler, HttpRequest, HttpResponse } from './http/index.js';
export * from './store/index.js';
export * from './lookup/index.js';
export * from './notify/index.js';
export * from './delays/index.js';
