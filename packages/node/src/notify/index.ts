export { createNotifier } from './notifier.js';
export type { Notifier, NotifierOptions, RunResult } from './notifier.js';
export { defaultPreferences } from './plan.js';
export type { TrackingPageUrl } from './plan.js';
export { smtpSender } from './smtp.js';
export type { SmtpSender, SmtpSenderOptions } from './smtp.js';
export { isGsm7, smsLength, toGsm7 } from './gsm7.js';
export type { SmsLength } from './gsm7.js';
export { MessageKind, messageKinds } from './types.js';
export type {
  Brand,
  EmailMessage,
  KindPreference,
  Preferences,
  QuietHours,
  RetryPolicy,
  SendOptions,
  Senders,
  SmsMessage,
} from './types.js';
