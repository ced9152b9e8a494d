import type { CarrierSandbox } from '../server/types.js';
import { aftershipSandbox } from './aftership.js';
import { dhlSandbox } from './dhl.js';
import { easypostSandbox } from './easypost.js';
import { fedexSandbox } from './fedex.js';
import { shippoSandbox } from './shippo.js';
import { upsSandbox } from './ups.js';
import { uspsSandbox } from './usps.js';

/** Every API the sandbox speaks. */
export const carrierSandboxes: readonly CarrierSandbox[] = [
  upsSandbox,
  fedexSandbox,
  uspsSandbox,
  dhlSandbox,
  easypostSandbox,
  shippoSandbox,
  aftershipSandbox,
];
