import { LitElement, html, nothing } from 'lit';
import {
  collectedFromPickup,
  milestones,
  relevantProblem,
  shipmentProgress,
  type Problem,
  type Shipment,
  type TrackingEvent,
} from '@trackline/core';
import { LanguageController } from '../internal/languages.js';
import { progressCopy, type ProgressMessages } from './messages.js';
import { tokens } from '../internal/tokens.styles.js';
import { styles } from './tracking-progress.styles.js';

/** What the progress bar reads of a shipment. */
type Progressable = Pick<Shipment, 'status' | 'events' | 'problem'>;

interface Step {
  label: string;
  state: 'done' | 'current' | 'upcoming';
  /** Set on the step that ends a return or a cancellation. */
  path?: 'return' | 'cancelled';
  /** The current step is where the parcel's path ends (delivered, returned, cancelled): reached, not under way. */
  end?: boolean;
}

/** Statuses that end a parcel's path: nothing more happens after them. */
const ends: ReadonlySet<Shipment['status']> = new Set(['delivered', 'returned', 'cancelled']);

/** Statuses that say nothing of how the parcel was to reach the shopper. */
const notOnTheWay: ReadonlySet<Shipment['status']> = new Set(['delivered', 'returning', 'returned', 'cancelled']);

/**
 * Whether the parcel went to a pickup point rather than to the door. Delivered: collected there, by the core's rule
 * (`collectedFromPickup`, as `describeShipment` says "Collected"). Going back or cancelled: its latest scan on the
 * way (by time; scans without a readable time left out, the later entry on a tie) said it was waiting at one.
 */
function viaPickup(shipment: Progressable): boolean {
  if (shipment.status === 'available_for_pickup') return true;
  if (shipment.status === 'delivered') return collectedFromPickup(shipment);
  if (!notOnTheWay.has(shipment.status)) return false;
  let latest: TrackingEvent | undefined;
  let latestAt = -Infinity;
  for (const event of shipment.events ?? []) {
    const at = Date.parse(event.at);
    if (notOnTheWay.has(event.status) || Number.isNaN(at) || at < latestAt) continue;
    [latest, latestAt] = [event, at];
  }
  return latest?.status === 'available_for_pickup';
}

/** What went wrong, in words (`Lost`, `Held in customs · Needs your action`), as the timeline says it on the event. */
function problemNote(problem: Problem, messages: ProgressMessages): string {
  const reason = messages.problems[problem.reason] ?? messages.problems.other;
  return problem.actionRequired ? `${reason} · ${messages.actionRequired}` : reason;
}

/**
 * The steps to show. On the way to the shopper, the five milestones. A parcel heading back, or a cancelled
 * shipment, will not reach the steps ahead of it: they give way to one last step that says what happens
 * instead, so "Delivered" never waits as an upcoming step of a parcel going back.
 */
function stepsOf(shipment: Progressable, messages: ProgressMessages): Step[] {
  const progress = shipmentProgress(shipment);
  const reached = milestones.indexOf(progress.milestone);
  const pickup = viaPickup(shipment);
  const labelOf = (milestone: (typeof milestones)[number]) =>
    pickup && milestone === 'out_for_delivery'
      ? messages.pickup
      : pickup && milestone === 'delivered'
        ? messages.collected
        : messages.steps[milestone];
  const end = ends.has(shipment.status);
  if (progress.path === 'forward') {
    return milestones.map((milestone, index): Step => {
      const step: Step = {
        label: labelOf(milestone),
        state: index < reached ? 'done' : index === reached ? 'current' : 'upcoming',
      };
      // Only the last step can be where the path ends: a "delivered" status always reaches it.
      if (end && index === reached && index === milestones.length - 1) step.end = true;
      return step;
    });
  }
  const last =
    progress.path === 'cancelled'
      ? messages.cancelled
      : shipment.status === 'returned'
        ? messages.returned
        : messages.returning;
  return [
    ...milestones.slice(0, reached + 1).map((milestone): Step => ({ label: labelOf(milestone), state: 'done' })),
    { label: last, state: 'current', path: progress.path, ...(end ? { end } : {}) },
  ];
}

/**
 * @summary Where a parcel is on its way to the shopper: ordered → packed → shipped → out for delivery → delivered.
 *
 * A problem shows, named, on the step where it happened. A return or a cancellation shows as its own last step
 * ("Returning to the store", "Returned to the store", "Cancelled") in place of the steps the parcel will no longer
 * reach. A parcel sent to a pickup point shows "Ready for pickup" in place of "Out for delivery", then "Collected".
 * A line joins the markers; the marker of a step where the path ends (delivered, returned, cancelled) is filled.
 * Rendered as an ordered list whose current step carries `aria-current="step"`; state is also spelled out in text,
 * never by colour alone.
 *
 * @csspart base - The list of steps.
 * @csspart step - One step; also `step--done`, `step--current`, `step--upcoming`, `step--return`, `step--cancelled`.
 * @csspart step__dot - The marker of a step.
 * @csspart step__label - The text of a step.
 * @csspart step__note - The problem under the current step, in words.
 *
 * @cssproperty [--trackline-color-accent=#1f5fbf] - Reached and current steps, and the line between reached steps.
 * @cssproperty [--trackline-color-text=#1b1f24] - Text of reached steps.
 * @cssproperty [--trackline-color-muted=#59636e] - Text of steps not reached yet.
 * @cssproperty [--trackline-color-problem=#b35900] - The marker and note of a step with a problem.
 * @cssproperty [--trackline-color-action=#b42318] - The marker and note of a problem the shopper must act on (dark: #ff8a7a).
 * @cssproperty [--trackline-color-surface=#ffffff] - Background, so the text stays readable on any page (dark: #0d1117).
 * @cssproperty [--trackline-progress-track-color=#818b98] - Markers of steps not reached yet and the line to them (dark: #656c76; 3:1 or more on the surface).
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
    const { language, tag } = this.#language.use(this.locale);
    const messages = progressCopy.get(language);
    const shipment: Progressable = this.shipment ?? { status: 'pending', events: [] };
    // The same problems as the banner and the copy: not a delay on a delivered parcel.
    const problem = relevantProblem(shipment);
    const note = problem ? problemNote(problem, messages) : undefined;
    // The note and marker take the colour the banner and timeline give the same problem: the action colour when
    // the shopper must act (the note also says so in words).
    const problemClass = note ? (problem!.actionRequired ? ' problem action' : ' problem') : '';

    return html`<ol part="base" lang=${tag} aria-label=${messages.label}>
      ${stepsOf(shipment, messages).map(({ label, state, path, end }) => {
        const current = state === 'current';
        return html`<li
          part="step step--${state}${path ? ` step--${path}` : ''}"
          class="${state}${end ? ' end' : ''}${current ? problemClass : ''}"
          aria-current=${current ? 'step' : nothing}
        >
          <span part="step__dot" class="dot" aria-hidden="true"></span>
          <span part="step__label">${label}</span>
          ${current && note ? html`<span part="step__note" class="note">${note}</span>` : nothing}
        </li>`;
      })}
    </ol>`;
  }
}
