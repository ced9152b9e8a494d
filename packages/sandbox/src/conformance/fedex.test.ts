import { fedex } from '@trackline/core';
import { conformance, conformanceSecret } from './conformance.js';

conformance({
  name: 'FedEx',
  api: 'fedex',
  tokenPath: '/oauth/token',
  carriers: ['fedex'],
  make: (baseUrl, options) => fedex({ clientId: 'sandbox', clientSecret: conformanceSecret, baseUrl, ...options }),
});
