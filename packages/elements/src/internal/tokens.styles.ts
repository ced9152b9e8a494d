import { css } from 'lit';

/**
 * The colour tokens every element reads, light and dark, in one sheet that all four adopt (Lit makes one
 * CSSStyleSheet of it per page). Each element reads the public `--trackline-*` token once into a private
 * `--_name` here; tokens of its own (`--trackline-timeline-line-color`, …) stay in its own styles.
 * Dark applies with `theme="dark"`, or with the system's dark mode unless `theme="light"`.
 */
export const tokens = css`
  :host {
    --_accent: var(--trackline-color-accent, #1f5fbf);
    --_text: var(--trackline-color-text, #1b1f24);
    --_muted: var(--trackline-color-muted, #59636e);
    --_problem: var(--trackline-color-problem, #b35900);
    --_action: var(--trackline-color-action, #b42318);
    --_font: var(--trackline-font-family, system-ui, sans-serif);
  }

  :host([theme='dark']) {
    --_accent: var(--trackline-color-accent, #6ea8fe);
    --_text: var(--trackline-color-text, #e6edf3);
    --_muted: var(--trackline-color-muted, #9198a1);
    --_problem: var(--trackline-color-problem, #f0a04b);
    --_action: var(--trackline-color-action, #ff8a7a);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_accent: var(--trackline-color-accent, #6ea8fe);
      --_text: var(--trackline-color-text, #e6edf3);
      --_muted: var(--trackline-color-muted, #9198a1);
      --_problem: var(--trackline-color-problem, #f0a04b);
      --_action: var(--trackline-color-action, #ff8a7a);
    }
  }
`;
