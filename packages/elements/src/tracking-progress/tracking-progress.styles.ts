import { css } from 'lit';

/** Its own styles; the element adopts the shared colour `tokens` (internal/tokens.styles.ts) before them. */
export const styles = css`
  :host {
    --_track: var(--trackline-progress-track-color, #818b98);
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
    --_track: var(--trackline-progress-track-color, #656c76);
    --_surface: var(--trackline-color-surface, #0d1117);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_track: var(--trackline-progress-track-color, #656c76);
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
    position: relative;
    display: grid;
    /* A note under the current step makes its row taller: the other steps keep their labels at the top. */
    align-content: start;
    justify-items: center;
    gap: var(--_gap);
    text-align: center;
    font-size: var(--_size-small);
    color: var(--_muted);
  }

  /* The line from a step's marker to the next one's, in the accent colour where the next step is reached. Side by
     side it runs along the inline axis, so it is mirrored in RTL. */
  li:not(:last-child)::after {
    content: '';
    position: absolute;
    inset-block-start: calc(var(--_dot) / 2 - 1px);
    inset-inline-start: calc(50% + var(--_dot) / 2 + 0.25rem);
    inline-size: calc(100% + var(--_gap) - var(--_dot) - 0.5rem);
    block-size: 2px;
    background: var(--_track);
  }

  li.done::after {
    background: var(--_accent);
  }

  .dot {
    --_mark: var(--_track);
    inline-size: var(--_dot);
    block-size: var(--_dot);
    border-radius: 50%;
    border: 2px solid var(--_mark);
    box-sizing: border-box;
  }

  .done,
  .current {
    color: var(--_text);
  }

  .done .dot,
  .current .dot {
    --_mark: var(--_accent);
  }

  .problem .dot {
    --_mark: var(--_problem);
  }

  .problem.action .dot {
    --_mark: var(--_action);
  }

  /* Reached steps, and a current step where the path ends (delivered, returned, cancelled), are filled. */
  .done .dot,
  .end .dot {
    background: var(--_mark);
  }

  .current .dot {
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_mark) 30%, transparent);
  }

  .current {
    font-weight: 600;
  }

  .note {
    display: block;
    font-weight: 400;
    color: var(--_problem);
  }

  /* A problem the shopper must act on takes the action colour, as in the banner and the timeline. */
  .action .note {
    color: var(--_action);
  }

  /* Five labels side by side need about 23rem; narrower (a phone, a card inside a page), the steps stack. */
  @container (max-width: 26rem) {
    ol {
      grid-auto-flow: row;
      grid-auto-columns: auto;
    }

    li {
      /* A known line height puts the marker on the label's first line, and the line below it where the next one is. */
      --_offset: calc((1.25em - var(--_dot)) / 2);
      grid-template-columns: var(--_dot) 1fr;
      align-items: start;
      justify-items: start;
      text-align: start;
      line-height: 1.25;
    }

    .dot {
      margin-block-start: var(--_offset);
    }

    li:not(:last-child)::after {
      /* Stacked, the steps are close together: the line touches the markers so it reads as one track. */
      inset-block: calc(var(--_offset) + var(--_dot)) calc(-1 * (var(--_gap) + var(--_offset)));
      inset-inline-start: calc(var(--_dot) / 2 - 1px);
      inline-size: 2px;
      block-size: auto;
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
    .note,
    .action .note {
      color: CanvasText;
    }
    li:not(:last-child)::after {
      background: GrayText;
    }
    li.done::after {
      background: CanvasText;
    }
  }
`;
