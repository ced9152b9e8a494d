export { WebhookProvider, verifyWebhook } from './verify.js';
export type { HeaderBag, VerifyWebhookInput, WebhookVerification } from './verify.js';
export { parseWebhook } from './parse.js';
export type { ParseWebhookOptions } from './parse.js';
export { createWebhookHandler } from './handler.js';
export type { WebhookAnswer, WebhookHandlerOptions, WebhookSecrets } from './handler.js';
