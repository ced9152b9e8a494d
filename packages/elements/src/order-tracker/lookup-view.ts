// What <order-tracker> shows only around an endpoint look-up: the form, its state and validation, the skeleton
// and the failure notices. Loaded with `import()` (through lookup.ts) once `endpoint` is set, so a page that hands
// the element its data never downloads it. The form keeps what the shopper types here and hands the element a
// valid query; the element owns the rest (what to look up, focus, the result).
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { LookupErrorCode } from './events.js';
import type { LookupQuery } from './fetch-lookup.js';
import type { LookupMessageKey, TrackerMessages } from './messages.js';

export type Mode = 'order' | 'tracking';
export type Field = 'orderNumber' | 'contact' | 'trackingNumber';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const POSTAL_CODE = /^[\p{L}\p{N}][\p{L}\p{N} -]{1,11}$/u;
const TRACKING_NUMBER = /^[A-Za-z0-9]{6,40}$/;

/** A field's validation message, by its key: the text is looked up at render, in the language shown then. */
export type FieldErrors = Partial<Record<Field, LookupMessageKey>>;

/** The form's state and where the shopper's input goes. */
export interface FormState {
  mode: Mode;
  draft: Record<Field, string>;
  fieldErrors: FieldErrors;
  onMode(mode: Mode): void;
  onInput(field: Field, event: Event): void;
  onSubmit(event: SubmitEvent): void;
}

/** What the form needs from the element that shows it. */
export interface LookupFormOptions {
  /** The shopper asked for this look-up, every field valid. */
  submitted(query: LookupQuery): void;
  /** The shopper submitted with `field` (the first to fix) invalid: it should take focus once shown. */
  invalid(field: Field): void;
}

/** The form's fields, in the order they are shown. */
const fields: readonly Field[] = ['orderNumber', 'contact', 'trackingNumber'];

/**
 * The look-up form's state: the chosen mode, what the shopper typed and the validation messages. Each change
 * updates the element (`host`), as its own reactive state would.
 */
export class LookupForm implements FormState {
  mode: Mode = 'order';
  draft: Record<Field, string> = { orderNumber: '', contact: '', trackingNumber: '' };
  fieldErrors: FieldErrors = {};
  readonly #host: ReactiveControllerHost;
  readonly #options: LookupFormOptions;

  constructor(host: ReactiveControllerHost, options: LookupFormOptions) {
    this.#host = host;
    this.#options = options;
  }

  /**
   * Fills the form from what the page gave (`order-number`, `email` or `postal-code`, `tracking-number`): a link
   * that carries the order number alone (a shipping SMS) opens on a form that already holds it, and a look-up that
   * found nothing leaves its details to correct. Only the fields given are filled; what the shopper typed in the
   * others stays. A tracking number alone switches to that mode.
   */
  prefill(given: { orderNumber?: string; email?: string; postalCode?: string; trackingNumber?: string }): void {
    const orderNumber = given.orderNumber?.trim() ?? '';
    const contact = given.email?.trim() || given.postalCode?.trim() || '';
    const trackingNumber = given.trackingNumber?.trim() ?? '';
    if (!orderNumber && !contact && !trackingNumber) return;
    this.mode = trackingNumber && !orderNumber && !contact ? 'tracking' : 'order';
    this.draft = {
      orderNumber: orderNumber || this.draft.orderNumber,
      contact: contact || this.draft.contact,
      trackingNumber: trackingNumber || this.draft.trackingNumber,
    };
    this.fieldErrors = {};
    this.#host.requestUpdate();
  }

  /**
   * Focuses the first field of the mode shown that is still empty, if the form is in `root` and nothing on the
   * page has focus (`<body>` has it). Whether the form was there: only then has the attempt been made.
   */
  focusFirstEmpty(root: ParentNode): boolean {
    if (!root.querySelector('form')) return false;
    const shown: readonly Field[] = this.mode === 'tracking' ? ['trackingNumber'] : ['orderNumber', 'contact'];
    const field = shown.find((name) => !this.draft[name].trim());
    const active = document.activeElement;
    if (field && (active === null || active === document.body)) {
      root.querySelector<HTMLElement>(`#field-${field}`)?.focus();
    }
    return true;
  }

  onMode(mode: Mode): void {
    this.mode = mode;
    this.fieldErrors = {};
    this.#host.requestUpdate();
  }

  onInput(field: Field, event: Event): void {
    this.draft = { ...this.draft, [field]: (event.target as HTMLInputElement).value };
    this.#host.requestUpdate();
  }

  onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const errors = validate(this.mode, this.draft);
    this.fieldErrors = errors;
    this.#host.requestUpdate();
    const first = fields.find((field) => errors[field]);
    if (first) this.#options.invalid(first);
    else this.#options.submitted(this.#query());
  }

  /** The look-up the valid draft asks for: a tracking number alone, or an order number with an email or postal code. */
  #query(): LookupQuery {
    if (this.mode === 'tracking') return { trackingNumber: this.draft.trackingNumber.replace(/[\s-]/g, '') };
    const orderNumber = this.draft.orderNumber.trim();
    const contact = this.draft.contact.trim();
    return contact.includes('@') ? { orderNumber, email: contact } : { orderNumber, postalCode: contact };
  }
}

/** The key of the validation message of each field the shopper must fix. */
export function validate(mode: Mode, draft: Record<Field, string>): FieldErrors {
  const errors: FieldErrors = {};
  if (mode === 'tracking') {
    const number = draft.trackingNumber.replace(/[\s-]/g, '');
    if (!number) errors.trackingNumber = 'trackingNumberMissing';
    else if (!TRACKING_NUMBER.test(number)) errors.trackingNumber = 'trackingNumberInvalid';
    return errors;
  }
  const contact = draft.contact.trim();
  if (!draft.orderNumber.trim()) errors.orderNumber = 'orderNumberMissing';
  if (!contact) errors.contact = 'contactMissing';
  else if (contact.includes('@')) {
    if (!EMAIL.test(contact)) errors.contact = 'emailInvalid';
  } else if (!POSTAL_CODE.test(contact)) errors.contact = 'postalCodeInvalid';
  return errors;
}

function renderField(
  form: FormState,
  m: TrackerMessages,
  field: Field,
  label: string,
  options: { type: string; autocomplete: string; hint?: string },
) {
  const id = `field-${field}`;
  const errorKey = form.fieldErrors[field];
  const error = errorKey ? m[errorKey] : '';
  const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div part="form__field" class="field">
    <label part="form__label" for=${id}>${label}</label>
    ${options.hint ? html`<p part="form__hint" class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
    <input
      part="form__input"
      id=${id}
      name=${field}
      type=${options.type}
      autocomplete=${options.autocomplete}
      spellcheck="false"
      required
      .value=${form.draft[field]}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${(event: Event) => form.onInput(field, event)}
    />
    ${
      error
        ? html`<p part="form__error" class="field-error" id="${id}-error">
            <span aria-hidden="true">⚠ </span>${error}
          </p>`
        : nothing
    }
  </div>`;
}

export function renderForm(form: FormState, m: TrackerMessages) {
  const mode = form.mode;
  return html`<form
    part="form"
    class="card form"
    novalidate
    aria-labelledby="form-title"
    @submit=${(event: SubmitEvent) => form.onSubmit(event)}
  >
    <h2 part="form__title" id="form-title">${m.formTitle}</h2>
    <p class="muted">${m.formIntro}</p>
    <fieldset part="form__mode" class="mode">
      <legend>${m.lookupBy}</legend>
      ${(['order', 'tracking'] as const).map(
        (value) =>
          html`<label class="choice">
            <input
              type="radio"
              name="mode"
              value=${value}
              .checked=${mode === value}
              @change=${() => form.onMode(value)}
            />
            <span>${value === 'order' ? m.byOrder : m.byTracking}</span>
          </label>`,
      )}
    </fieldset>
    ${
      mode === 'order'
        ? html`${renderField(form, m, 'orderNumber', m.orderNumber, { type: 'text', autocomplete: 'off' })}
          ${renderField(form, m, 'contact', m.contact, { type: 'text', autocomplete: 'email', hint: m.contactHint })}`
        : renderField(form, m, 'trackingNumber', m.trackingNumber, { type: 'text', autocomplete: 'off' })
    }
    <button part="form__submit" class="button primary" type="submit">${m.submit}</button>
  </form>`;
}

/**
 * A not-found or failure message, with a "try again" button when `onRetry` is given, and `updated` ("Last updated
 * …") when older data stays on screen below it: the shopper reads how old it is where they read that it is.
 */
export function renderNotice(
  m: TrackerMessages,
  code: LookupErrorCode,
  text: string,
  onRetry?: () => void,
  updated?: string,
) {
  // tabindex: it takes focus when the shopper's own look-up fails (the form or "Try again" they were on is gone).
  return html`<div part="notice" class="notice ${code === 'not_found' ? '' : 'failure'}" tabindex="-1">
    <p><span aria-hidden="true">⚠ </span>${text}</p>
    ${updated ? html`<p part="updated" class="muted updated">${updated}</p>` : nothing}
    ${onRetry ? html`<button part="retry" class="button" type="button" @click=${onRetry}>${m.retry}</button>` : nothing}
  </div>`;
}

export function renderSkeleton(m: TrackerMessages) {
  return html`<div part="skeleton" class="card skeleton">
    <p class="visually-hidden">${m.loading}</p>
    <div class="bone wide" aria-hidden="true"></div>
    <div class="bone" aria-hidden="true"></div>
    <div class="bone steps" aria-hidden="true"></div>
    <div class="bone" aria-hidden="true"></div>
    <div class="bone" aria-hidden="true"></div>
  </div>`;
}
