import { css } from 'lit';

/** Its own styles; the element adopts the shared colour `tokens` (internal/tokens.styles.ts) before them. */
export const styles = css`
  :host {
    --_line: var(--trackline-timeline-line-color, #818b98);
    --_surface: var(--trackline-color-surface, #ffffff);
    --_dot: var(--trackline-timeline-dot-size, 0.75rem);
    --_tooltip-bg: var(--trackline-tooltip-background, #1b1f24);
    --_tooltip-text: var(--trackline-tooltip-color, #ffffff);
    --_gap: var(--trackline-space, 0.5rem);
    --_radius: var(--trackline-radius, 0.5rem);
    --_tap: var(--trackline-tap-target, 2.75rem);
    --_size: var(--trackline-font-size, 1rem);
    --_size-small: var(--trackline-font-size-small, 0.875rem);
    display: block;
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.4;
    color: var(--_text);
    /* The text turns light with the system's dark mode, also on a store page that stays white: the element paints
       the surface it was made for (as <order-tracker> does) rather than trusting the page behind it. */
    background: var(--_surface);
  }

  :host([theme='dark']) {
    --_line: var(--trackline-timeline-line-color, #656c76);
    --_surface: var(--trackline-color-surface, #0d1117);
    --_tooltip-bg: var(--trackline-tooltip-background, #e6edf3);
    --_tooltip-text: var(--trackline-tooltip-color, #1b1f24);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_line: var(--trackline-timeline-line-color, #656c76);
      --_surface: var(--trackline-color-surface, #0d1117);
      --_tooltip-bg: var(--trackline-tooltip-background, #e6edf3);
      --_tooltip-text: var(--trackline-tooltip-color, #1b1f24);
    }
  }

  :host([hidden]) {
    display: none;
  }

  p {
    margin: 0;
  }

  .day + .day {
    margin-block-start: calc(var(--_gap) * 2);
  }

  .day-heading {
    margin-block-end: var(--_gap);
    font-size: var(--_size-small);
    font-weight: 600;
  }

  .events {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .event {
    position: relative;
    display: grid;
    grid-template-columns: var(--_dot) minmax(0, 1fr) var(--_tap);
    column-gap: calc(var(--_gap) * 1.5);
    align-items: start;
    padding-block-end: var(--_gap);
  }

  /* The line joining the markers runs down the inline-start side, so it moves to the right in RTL. */
  .event::before {
    content: '';
    position: absolute;
    inset-block: calc(var(--_dot) + 0.5rem) 0;
    inset-inline-start: calc(var(--_dot) / 2 - 1px);
    inline-size: 2px;
    background: var(--_line);
  }

  .event:last-child::before {
    display: none;
  }

  .marker {
    box-sizing: border-box;
    inline-size: var(--_dot);
    block-size: var(--_dot);
    margin-block-start: 0.35em;
    border: 2px solid var(--_line);
    border-radius: 50%;
    background: transparent;
  }

  .latest .marker {
    border-color: var(--_accent);
    background: var(--_accent);
  }

  .has-problem .marker {
    border-color: var(--_problem);
  }

  /* A problem the shopper must act on: its marker in the action colour, as its note and the progress bar's. */
  .has-action .marker {
    border-color: var(--_action);
  }

  .description {
    overflow-wrap: anywhere;
  }

  .latest .description {
    font-weight: 600;
  }

  .problem {
    font-size: var(--_size-small);
    font-weight: 600;
    color: var(--_problem);
  }

  .problem.action {
    color: var(--_action);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_gap);
    font-size: var(--_size-small);
    color: var(--_muted);
  }

  .meta > * {
    overflow-wrap: anywhere;
  }

  button {
    box-sizing: border-box;
    min-inline-size: var(--_tap);
    min-block-size: var(--_tap);
    margin: 0;
    font: inherit;
    color: var(--_accent);
    cursor: pointer;
  }

  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .details {
    display: grid;
    place-items: center;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    margin-block-start: calc((1.4em - var(--_tap)) / 2);
  }

  .details svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }

  .toggle {
    margin-block-start: var(--_gap);
    padding-inline: calc(var(--_gap) * 2);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: transparent;
    font-size: var(--_size-small);
    font-weight: 600;
  }

  .empty {
    color: var(--_muted);
  }

  /* Physical left/top on purpose: floating-ui writes physical coordinates, in RTL too. */
  .tooltip {
    position: fixed;
    top: 0;
    left: 0;
    z-index: 1;
    box-sizing: border-box;
    inline-size: max-content;
    max-inline-size: min(20rem, calc(100vw - 1rem));
    padding: var(--_gap) calc(var(--_gap) * 1.5);
    border-radius: var(--_radius);
    background: var(--_tooltip-bg);
    color: var(--_tooltip-text);
    font-size: var(--_size-small);
    overflow-wrap: anywhere;
  }

  .tooltip[hidden] {
    display: none;
  }

  /* Where @floating-ui/dom could not be loaded, the tooltip opens in the flow under its event. */
  .tooltip[data-placement='inline'] {
    position: static;
    grid-column: 2 / -1;
  }

  .tooltip-row {
    display: block;
  }

  .tooltip-label {
    font-weight: 600;
  }

  @media (forced-colors: active) {
    .event::before {
      background: CanvasText;
    }
    .marker,
    .latest .marker,
    .has-problem .marker {
      border-color: CanvasText;
    }
    .latest .marker {
      background: CanvasText;
    }
    .problem,
    .problem.action {
      color: CanvasText;
    }
    button {
      color: ButtonText;
    }
    .toggle {
      border-color: ButtonText;
    }
    button:focus-visible {
      outline-color: Highlight;
    }
    .tooltip {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
