import type { LookupMessageKey, TrackerMessages } from './messages.js';

/** The English copy of the look-up (form, validation, skeleton, notices), loaded with it (lookup.ts). */
export const lookupEn: Pick<TrackerMessages, LookupMessageKey> = {
  formTitle: 'Track your order',
  formIntro: 'Enter your order number with the email or postal code you used at checkout, or a tracking number.',
  lookupBy: 'Look up by',
  byOrder: 'Order number',
  byTracking: 'Tracking number',
  orderNumber: 'Order number',
  contact: 'Email or postal code',
  contactHint: 'The one you used at checkout.',
  trackingNumber: 'Tracking number',
  submit: 'Track',
  orderNumberMissing: 'Enter your order number.',
  contactMissing: 'Enter the email or postal code you used at checkout.',
  emailInvalid: 'Enter an email address like name@example.com.',
  postalCodeInvalid: 'Enter a postal code using letters, digits, spaces or dashes.',
  trackingNumberMissing: 'Enter your tracking number.',
  trackingNumberInvalid: 'A tracking number has 6 to 40 letters and digits. Check it and try again.',
  loading: 'Loading tracking information…',
  notFound:
    "We couldn't find an order with these details. Check the order number and the email or postal code, then try again.",
  notFoundTracking: "We couldn't find this tracking number. Check it and try again.",
  invalidResponse: "We couldn't read the tracking information the store sent. Try again in a moment.",
};
