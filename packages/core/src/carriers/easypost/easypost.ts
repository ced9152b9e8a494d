import { HTTPError } from 'ky';
import { TracklineError } from '../../errors/trackline-error.js';
import type { AdapterOptions, CarrierAdapter } from '../adapter.js';
import { createHttpClient } from '../http/client.js';
import { toTracklineError } from '../http/errors.js';
import { cleanTrackingNumber } from '../tracking-number.js';
import { easypostCarriers, toEasypostCarrier } from './carriers.js';
import { parseTracker } from './parse.js';

export type EasypostOptions = AdapterOptions & {
  /** An EasyPost API key: a test key (`EZTK…`) tracks only EasyPost's test numbers, a production key (`EZAK…`) real ones. */
  apiKey: string;
};

const name = 'EasyPost';

/** HTTP Basic with the API key as the user name and no password, as EasyPost's docs (`curl -u "$KEY":`) do. */
function basicAuth(apiKey: string): string {
  try {
    return `Basic ${btoa(`${apiKey}:`)}`;
  } catch {
    // btoa refuses characters outside Latin-1, which no EasyPost key has.
    throw new TracklineError(
      'auth',
      'The EasyPost API key has characters no API key has. Copy it again from the EasyPost dashboard.',
    );
  }
}

/**
 * EasyPost answers 422 when it will not create a tracker: a test key given a real number
 * (`TRACKER.INVALID_TEST_CODE`), or a number it cannot track (`TRACKER.CREATE.ERROR`).
 */
async function explainRefusal(error: unknown): Promise<unknown> {
  if (!(error instanceof HTTPError) || error.response.status !== 422) return error;
  let code = '';
  let message = '';
  try {
    const body = (await error.response.json()) as { error?: { code?: unknown; message?: unknown } };
    code = typeof body?.error?.code === 'string' ? body.error.code : '';
    message = typeof body?.error?.message === 'string' ? body.error.message : '';
  } catch {
    return error;
  }
  // "In test mode, only test tracking numbers are valid. Test tracking numbers are EZ1000000001, …"
  if (code === 'TRACKER.INVALID_TEST_CODE' || /only test tracking numbers/i.test(message)) {
    return new TracklineError(
      'invalid_number',
      'EasyPost test keys track only its test numbers (EZ1000000001 to EZ7000000007). Use a production key for real parcels.',
    );
  }
  if (code.startsWith('TRACKER.')) {
    return new TracklineError('invalid_number', 'EasyPost cannot track this number. Check the number and the carrier.');
  }
  return error;
}

/**
 * EasyPost's Trackers API. `track` creates a tracker (`POST /v2/trackers`); EasyPost answers a repeated
 * number with the tracker it already has, so calling it again costs nothing extra.
 */
export function easypost(options: EasypostOptions): CarrierAdapter {
  const client = createHttpClient({ ...options, baseUrl: options.baseUrl ?? 'https://api.easypost.com' });
  const now = options.now ?? (() => new Date());
  return {
    id: 'easypost',
    carriers: easypostCarriers,
    async track(trackingNumber, { signal, carrier } = {}) {
      try {
        if (!options.apiKey) {
          throw new TracklineError('auth', 'EasyPost needs an API key: pass { apiKey } to easypost().');
        }
        const code = cleanTrackingNumber(trackingNumber);
        const tracker: { tracking_code: string; carrier?: string } = { tracking_code: code };
        const carrierName = toEasypostCarrier(carrier);
        if (carrierName) tracker.carrier = carrierName;
        const raw = await client
          .post('v2/trackers', { json: { tracker }, headers: { authorization: basicAuth(options.apiKey) }, signal })
          .json();
        return parseTracker(raw, now());
      } catch (error) {
        throw toTracklineError(name, await explainRefusal(error), signal);
      }
    },
    parse: (raw) => parseTracker(raw, now()),
  };
}
