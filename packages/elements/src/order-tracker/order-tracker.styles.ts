import { css } from 'lit';

/**
 * Its own styles; the element adopts the shared colour `tokens` (internal/tokens.styles.ts) before them, and the
 * look-up's (lookup.styles.ts) after them once an endpoint is set.
 */
export const styles = css`
  :host {
    --_on-accent: var(--trackline-color-on-accent, #ffffff);
    --_surface: var(--trackline-color-surface, #ffffff);
    --_border: var(--trackline-color-border, #d0d7de);
    --_font-size: var(--trackline-font-size, 1rem);
    --_size-small: var(--trackline-font-size-small, 0.875rem);
    --_radius: var(--trackline-radius, 0.5rem);
    --_space: var(--trackline-space, 0.5rem);
    --_tap: var(--trackline-tap-target, 2.75rem);
    --_max-width: var(--trackline-max-width, 40rem);
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
  }

  /* The tracker paints its own surface: the embedded elements paint theirs only when they stand alone, so a
     store that colours a parcel's card through ::part(shipment) sees that colour behind them too. */
  tracking-progress,
  tracking-timeline {
    background: none;
  }

  :host([theme='dark']) {
    --_on-accent: var(--trackline-color-on-accent, #0d1117);
    --_surface: var(--trackline-color-surface, #0d1117);
    --_border: var(--trackline-color-border, #3d444d);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_on-accent: var(--trackline-color-on-accent, #0d1117);
      --_surface: var(--trackline-color-surface, #0d1117);
      --_border: var(--trackline-color-border, #3d444d);
    }
  }

  * {
    box-sizing: border-box;
  }

  .base {
    display: grid;
    gap: calc(var(--_space) * 2);
    max-inline-size: var(--_max-width);
    margin-inline: auto;
    /* Padding inside its surface only where there is room for it: none once the element is narrower than 24rem
       (a phone), where every pixel goes to the text. A percentage of padding is one of the element's own width,
       so this is a container query without the containment that would collapse the element in a shrink-to-fit
       layout (a flex row, a float): 0 under 24rem, twice the spacing unit above. */
    padding: clamp(0px, (100% - 24rem) * 1000, calc(var(--_space) * 2));
    background: var(--_surface);
    color: var(--_text);
    /* Carrier text can hold one long unbroken word (a Welsh place name): it breaks rather than widening the page. */
    overflow-wrap: anywhere;
  }

  h2,
  h3,
  p,
  dl,
  dd {
    margin: 0;
  }

  h2,
  h3 {
    font-size: 1.375em;
    line-height: 1.25;
  }

  /* What the element moves focus to (a result's heading, a failure notice): a ring only where the browser shows one. */
  [tabindex='-1']:focus {
    outline: none;
  }

  [tabindex='-1']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .card {
    /* A grid item's least width is its content's by default; let it shrink to the column instead. */
    min-inline-size: 0;
    display: grid;
    gap: calc(var(--_space) * 1.5);
    /* Less padding in a narrow column (under 24rem, as above): 1.5 times the spacing unit, else twice it. */
    padding: clamp(calc(var(--_space) * 1.5), (100% - 24rem) * 1000, calc(var(--_space) * 2));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .muted {
    color: var(--_muted);
  }

  .label {
    font-size: var(--_size-small);
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }

  .updated {
    font-size: var(--_size-small);
  }

  /* Inside <delay-banner>: the parcel's date is told once, in the estimate block (or not at all while a problem
     leaves none to give), never again as the banner's "New delivery date". Important, so it wins over a page's
     own ::part(banner__new-date) rule. */
  delay-banner::part(new-date) {
    display: none !important;
  }

  .summary {
    display: grid;
    gap: var(--_space);
    overflow-wrap: anywhere;
  }

  .todo {
    font-weight: 600;
  }

  .estimate {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_accent);
  }

  .estimate-date {
    font-size: 1.25em;
    font-weight: 600;
  }

  .details {
    display: grid;
    gap: var(--_space);
  }

  .details dt {
    font-size: var(--_size-small);
    color: var(--_muted);
  }

  .number-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .number {
    font-family: var(--trackline-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
    direction: ltr;
  }

  .button {
    min-block-size: var(--_tap);
    border-radius: var(--_radius);
    font: inherit;
  }

  .button {
    min-inline-size: var(--_tap);
    padding-inline: calc(var(--_space) * 2);
    border: 2px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
    font-weight: 600;
    cursor: pointer;
    justify-self: start;
  }

  .button:focus-visible,
  input:focus-visible,
  .link:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  .link {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_tap);
    color: var(--_accent);
    font-weight: 600;
    text-underline-offset: 0.2em;
  }

  .field-error {
    color: var(--_action);
    font-size: var(--_size-small);
    font-weight: 600;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (min-width: 40rem) {
    .details {
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    }
  }

  @media (forced-colors: active) {
    .estimate {
      border-color: CanvasText;
    }
    [tabindex='-1']:focus-visible,
    .button:focus-visible,
    input:focus-visible,
    .link:focus-visible {
      outline-color: Highlight;
    }
  }
`;
