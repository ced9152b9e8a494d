import { LitElement, html, nothing } from 'lit';
import { milestones, relevantProblem, shipmentProgress, type Shipment } from '@trackline/core';
import { LanguageController } from '../internal/languages.js';
import { progressCopy } from './messages.js';
import { tokens } from '../internal/tokens.styles.js';
import { styles } from './tracking-progress.styles.js';

/** What the progress bar reads of a shipment. */
type Progressable = Pick<Shipment, 'status' | 'events' | 'problem'>;

/**
 * @summary Where a parcel is on its way to the shopper: ordered → packed → shipped → out for delivery → delivered.
 *
 * A problem shows on the step where it happened, and a return shows as its own last step. Rendered as an
 * ordered list whose current step carries `aria-current="step"`; state is also spelled out in text, never
 * by colour alone.
 *
 * @csspart base - The list of steps.
 * @csspart step - One step.
 * @csspart step__dot - The marker of a step.
 * @csspart step__label - The text of a step.
 * @csspart step__note - The problem or return note under the current step.
 *
 * @cssproperty [--trackline-color-accent=#1f5fbf] - Reached and current steps.
 * @cssproperty [--trackline-color-text=#1b1f24] - Text of reached steps.
 * @cssproperty [--trackline-color-muted=#59636e] - Text of steps not reached yet.
 * @cssproperty [--trackline-color-problem=#b35900] - The marker and note of a step with a problem.
 * @cssproperty [--trackline-progress-track-color=#d0d7de] - Markers of steps not reached yet.
 * @cssproperty [--trackline-progress-dot-size=1rem] - Size of the step markers.
 * @cssproperty [--trackline-space=0.5rem] - Gap between steps.
 * @cssproperty [--trackline-font-family=system-ui, sans-serif] - Font.
 * @cssproperty [--trackline-font-size=1rem] - Base size of the text.
 * @cssproperty [--trackline-font-size-small=0.875rem] - Size of the step labels and notes.
 */
export class TrackingProgress extends LitElement {
  static override styles = [tokens, styles];
  // Lit reads these rather than decorators, whose helpers cost <order-tracker>'s first paint 0.4 KB gzip more.
  static override properties = {
    shipment: { attribute: false },
    locale: {},
    theme: { reflect: true },
  };

  #language = new LanguageController(this, [progressCopy]);

  /**
   * The shipment to show.
   * @default none: Ordered shows as the current step
   */
  shipment?: Progressable;

  /**
   * Language of the labels (`en`, `es`, `fr`, `de`); others fall back to English.
   * @default the nearest `lang` attribute, else `en`
   */
  locale?: string;

  /**
   * Colour scheme: `light` or `dark`.
   * @default the system setting (`prefers-color-scheme`)
   */
  theme?: 'light' | 'dark';

  /** Also waits for the copy of a language the page asked for, and the update that shows it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#language.settled();
    return super.getUpdateComplete();
  }

  override render() {
    const messages = progressCopy.get(this.#language.use(this.locale).language);
    const shipment: Progressable = this.shipment ?? { status: 'pending', events: [] };
    const progress = shipmentProgress(shipment);
    // The same problems as the banner and the copy: not a delay on a delivered parcel.
    const problem = relevantProblem(shipment);
    const reached = milestones.indexOf(progress.milestone);
    const note =
      progress.path === 'return'
        ? shipment.status === 'returned'
          ? messages.returned
          : messages.returning
        : progress.path === 'cancelled'
          ? messages.cancelled
          : problem
            ? problem.actionRequired
              ? messages.actionRequired
              : messages.problem
            : undefined;

    return html`<ol part="base" aria-label=${messages.label}>
      ${milestones.map((milestone, index) => {
        const state = index < reached ? 'done' : index === reached ? 'current' : 'upcoming';
        const current = state === 'current';
        return html`<li
          part="step step--${state}"
          class="${state}${current && note ? ' problem' : ''}"
          aria-current=${current ? 'step' : nothing}
        >
          <span part="step__dot" class="dot" aria-hidden="true"></span>
          <span part="step__label">${messages.steps[milestone]}</span>
          ${current && note ? html`<span part="step__note" class="note">${note}</span>` : nothing}
        </li>`;
      })}
    </ol>`;
  }
}
