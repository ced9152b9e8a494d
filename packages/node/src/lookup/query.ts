// The look-up endpoint's query string, checked at the edge, each problem with a message that says what
// to fix. Checked by hand, not with zod: the input is four optional text fields, and nearly every rule
// here (a field given twice, empty after trimming, "either trackingNumber or orderNumber with email or
// postalCode") would need a custom zod message or a cross-field refinement anyway, so a schema would be
// no shorter and the messages no better, while @trackline/node would gain a dependency to keep in step
// with the core's. Revisit if the query grows structured fields.

/** What a shopper asked for: an order (with proof it is theirs) or one parcel. */
export type LookupQuery =
  | { kind: 'order'; orderNumber: string; email: string; postalCode?: undefined }
  | { kind: 'order'; orderNumber: string; postalCode: string; email?: undefined }
  | { kind: 'parcel'; trackingNumber: string };

export type QueryResult = { ok: true; query: LookupQuery } | { ok: false; message: string };

const limits = { orderNumber: 64, email: 254, postalCode: 16, trackingNumber: 40 } as const;
type Field = keyof typeof limits;

// Control characters are never part of what a shopper types; refusing them keeps them out of the store query.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;

function field(params: URLSearchParams, name: Field): { value?: string; error?: string } {
  const all = params.getAll(name);
  if (all.length === 0) return {};
  if (all.length > 1) return { error: `${name}: give it once, not ${all.length} times.` };
  const value = all[0]!.trim();
  if (value === '') return { error: `${name}: it is empty; fill it in or leave it out.` };
  if (value.length > limits[name])
    return { error: `${name}: at most ${limits[name]} characters, got ${value.length}.` };
  if (controlCharacters.test(value)) return { error: `${name}: remove the control characters (such as line breaks).` };
  return { value };
}

/** Checks the query string of a look-up and says what to fix when it is wrong. */
export function parseLookupQuery(params: URLSearchParams): QueryResult {
  const fields = {
    orderNumber: field(params, 'orderNumber'),
    email: field(params, 'email'),
    postalCode: field(params, 'postalCode'),
    trackingNumber: field(params, 'trackingNumber'),
  };
  const errors = Object.values(fields).flatMap((f) => (f.error ? [f.error] : []));
  if (errors.length > 0) return { ok: false, message: errors.join(' ') };
  const { orderNumber, email, postalCode, trackingNumber } = {
    orderNumber: fields.orderNumber.value,
    email: fields.email.value,
    postalCode: fields.postalCode.value,
    trackingNumber: fields.trackingNumber.value,
  };

  if (trackingNumber !== undefined) {
    if (orderNumber !== undefined || email !== undefined || postalCode !== undefined) {
      return {
        ok: false,
        message: 'Give either trackingNumber alone, or orderNumber with email or postalCode, not both.',
      };
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9 -]*$/.test(trackingNumber)) {
      return { ok: false, message: 'trackingNumber: use only the letters and digits of the tracking number.' };
    }
    return { ok: true, query: { kind: 'parcel', trackingNumber: trackingNumber.replace(/[\s-]+/g, '').toUpperCase() } };
  }

  if (orderNumber === undefined) {
    return {
      ok: false,
      message:
        email !== undefined || postalCode !== undefined
          ? 'orderNumber: enter the order number as well, from the order confirmation.'
          : 'Give orderNumber with email or postalCode, or a trackingNumber.',
    };
  }
  if (email !== undefined && postalCode !== undefined) {
    return { ok: false, message: 'Give either email or postalCode with the order number, not both.' };
  }
  if (email !== undefined) {
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
      return { ok: false, message: 'email: enter the address the order was placed with, such as jane@example.com.' };
    }
    return { ok: true, query: { kind: 'order', orderNumber, email } };
  }
  if (postalCode !== undefined) {
    if (!/^[A-Za-z0-9][A-Za-z0-9 -]*$/.test(postalCode)) {
      return { ok: false, message: 'postalCode: use only the letters, digits, spaces and dashes of the postal code.' };
    }
    return { ok: true, query: { kind: 'order', orderNumber, postalCode } };
  }
  return {
    ok: false,
    message: 'Give the email address or the postal code of the order with the order number.',
  };
}
