import { css } from 'lit';

/** Its own styles; the element adopts the shared colour `tokens` (internal/tokens.styles.ts) before them. */
export const styles = css`
  :host {
    --_bg: var(--trackline-banner-background, #fff4e5);
    --_action-bg: var(--trackline-banner-action-background, #fdecea);
    --_border: var(--trackline-banner-border-width, 0.25rem);
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
  }

  :host([theme='dark']) {
    --_bg: var(--trackline-banner-background, #2d2012);
    --_action-bg: var(--trackline-banner-action-background, #3a1a17);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_bg: var(--trackline-banner-background, #2d2012);
      --_action-bg: var(--trackline-banner-action-background, #3a1a17);
    }
  }

  :host([hidden]) {
    display: none;
  }

  .banner {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: calc(var(--_gap) * 1.5);
    padding: calc(var(--_gap) * 2);
    border: 1px solid var(--_problem);
    border-inline-start-width: var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }

  .banner.action {
    border-color: var(--_action);
    background: var(--_action-bg);
  }

  .icon {
    color: var(--_problem);
  }

  .action .icon {
    color: var(--_action);
  }

  .icon svg {
    display: block;
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }

  .headline {
    font-size: calc(var(--_size) * 1.125);
    font-weight: 700;
  }

  .badge {
    display: inline-block;
    margin-inline-end: var(--_gap);
    padding-inline: var(--_gap);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    color: var(--_action);
    font-size: var(--_size-small);
    font-weight: 700;
    vertical-align: 0.1em;
  }

  dl {
    display: grid;
    gap: var(--_gap);
    margin: var(--_gap) 0 0;
  }

  dt {
    font-size: var(--_size-small);
    font-weight: 600;
    color: var(--_muted);
  }

  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .new-date dd {
    font-weight: 700;
  }

  .action .todo dd {
    font-weight: 700;
  }

  .action .todo {
    padding-inline-start: var(--_gap);
    border-inline-start: var(--_border) solid var(--_action);
  }

  .contact {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    /* Two links side by side (the carrier's, the store's) must not read as one. */
    gap: var(--_gap) calc(var(--_gap) * 3);
    margin-block-start: var(--_gap);
  }

  .contact[hidden] {
    display: none;
  }

  a {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_tap);
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
  }

  a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    border-radius: 2px;
  }

  @media (forced-colors: active) {
    .banner,
    .banner.action,
    .action .todo {
      border-color: CanvasText;
    }
    .icon,
    .action .icon,
    .badge {
      color: CanvasText;
    }
    a {
      color: LinkText;
    }
    a:focus-visible {
      outline-color: Highlight;
    }
  }
`;
