import { css } from 'lit';

/** Its own styles; the element adopts the shared colour `tokens` (internal/tokens.styles.ts) before them. */
export const styles = css`
  :host {
    --_track: var(--trackline-progress-track-color, #d0d7de);
    --_surface: var(--trackline-color-surface, #ffffff);
    --_dot: var(--trackline-progress-dot-size, 1rem);
    --_gap: var(--trackline-space, 0.5rem);
    --_size: var(--trackline-font-size, 1rem);
    --_size-small: var(--trackline-font-size-small, 0.875rem);
    display: block;
    /* Its own width picks the layout (below), wherever it is placed. */
    container-type: inline-size;
    font-family: var(--_font);
    font-size: var(--_size);
    color: var(--_text);
    /* The text turns light with the system's dark mode, also on a store page that stays white: the element paints
       the surface it was made for (as <order-tracker> does) rather than trusting the page behind it. */
    background: var(--_surface);
  }

  :host([theme='dark']) {
    --_track: var(--trackline-progress-track-color, #3d444d);
    --_surface: var(--trackline-color-surface, #0d1117);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_track: var(--trackline-progress-track-color, #3d444d);
      --_surface: var(--trackline-color-surface, #0d1117);
    }
  }

  ol {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 1fr;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  li {
    display: grid;
    justify-items: center;
    gap: var(--_gap);
    text-align: center;
    font-size: var(--_size-small);
    color: var(--_muted);
  }

  .dot {
    inline-size: var(--_dot);
    block-size: var(--_dot);
    border-radius: 50%;
    border: 2px solid var(--_track);
    box-sizing: border-box;
  }

  .done,
  .current {
    color: var(--_text);
  }

  .done .dot {
    background: var(--_accent);
    border-color: var(--_accent);
  }

  .current .dot {
    border-color: var(--_accent);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_accent) 30%, transparent);
  }

  .current {
    font-weight: 600;
  }

  .problem .dot {
    border-color: var(--_problem);
  }

  .note {
    display: block;
    font-weight: 400;
    color: var(--_problem);
  }

  /* Five labels side by side need about 23rem; narrower (a phone, a card inside a page), the steps stack. */
  @container (max-width: 26rem) {
    ol {
      grid-auto-flow: row;
      grid-auto-columns: auto;
    }

    li {
      grid-template-columns: var(--_dot) 1fr;
      align-items: center;
      justify-items: start;
      text-align: start;
    }

    .note {
      grid-column: 2;
    }
  }

  @media (forced-colors: active) {
    .done .dot,
    .current .dot {
      background: CanvasText;
      border-color: CanvasText;
    }
    /* The halo that marks the current step is a box shadow, which forced colours remove: a ring instead. */
    .current .dot {
      outline: 2px solid Highlight;
      outline-offset: 2px;
    }
    .note {
      color: CanvasText;
    }
  }
`;
