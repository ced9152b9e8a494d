import { ups } from '@trackline/core';
import { conformance, conformanceSecret } from './conformance.js';

conformance({
  name: 'UPS',
  api: 'ups',
  tokenPath: '/security/v1/oauth/token',
  carriers: ['ups'],
  make: (baseUrl, options) => ups({ clientId: 'sandbox', clientSecret: conformanceSecret, baseUrl, ...options }),
});
