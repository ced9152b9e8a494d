import { css } from 'lit';

/**
 * The styles of the look-up form, the skeleton and the notices (lookup-view.ts). They load with them, and the
 * element adopts them after its own (order-tracker.styles.ts), whose private properties they use; a page that
 * hands the element its data never downloads them.
 */
export const lookupStyles = css`
  .button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .form {
    gap: calc(var(--_space) * 2);
  }

  .mode {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    border: 0;
  }

  .mode legend {
    padding: 0;
    margin-block-end: calc(var(--_space) / 2);
    font-weight: 600;
  }

  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    min-block-size: var(--_tap);
    cursor: pointer;
  }

  .choice input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  .field label {
    font-weight: 600;
  }

  .hint {
    font-size: var(--_size-small);
    color: var(--_muted);
  }

  input[type='text'] {
    min-block-size: var(--_tap);
    border-radius: var(--_radius);
    font: inherit;
    inline-size: 100%;
    padding-inline: var(--_space);
    border: 1px solid var(--_muted);
    background: var(--_surface);
    color: var(--_text);
  }

  input[aria-invalid='true'] {
    border: 2px solid var(--_action);
  }

  .notice {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_problem);
    border-radius: var(--_radius);
  }

  .notice.failure {
    border-inline-start-color: var(--_action);
  }

  .skeleton {
    gap: calc(var(--_space) * 1.5);
  }

  .bone {
    block-size: 1rem;
    inline-size: 60%;
    border-radius: var(--_radius);
    background: var(--_border);
    animation: pulse 1.5s ease-in-out infinite;
  }

  .bone.wide {
    block-size: 1.75rem;
    inline-size: 80%;
  }

  .bone.steps {
    block-size: 2.5rem;
    inline-size: 100%;
  }

  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .button.primary {
      background: ButtonText;
      color: ButtonFace;
    }
    .notice {
      border-color: CanvasText;
    }
    .bone {
      background: GrayText;
    }
  }
`;
