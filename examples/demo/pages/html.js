// A tiny HTML template tag: every interpolated value is escaped unless it is already `raw` (made by `html`
// itself or `raw()`), so data — carrier text, email addresses — never becomes markup by accident.

const marker = Symbol('raw html');

const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export const escape = (value) => String(value).replace(/[&<>"']/g, (c) => escapes[c]);

/** Marks a string as HTML that is safe as it is. Only for markup built here, never for outside data. */
export const raw = (text) => ({ [marker]: true, text: String(text) });

function render(value) {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && value[marker]) return value.text;
  return escape(value);
}

/** `html\`<p>${text}</p>\`` → a raw HTML value with `text` escaped; arrays are joined. */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return raw(out);
}

/** The string of a raw HTML value. */
export const toString = (value) => render(value);
