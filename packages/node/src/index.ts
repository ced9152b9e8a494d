export { WebhookProvider, verifyWebhook } from './webhooks/verify.js';
export type { HeaderBag, VerifyWebhookInput, WebhookVerification } from './webhooks/verify.js';
