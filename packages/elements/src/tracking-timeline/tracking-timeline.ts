import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { sortEvents, type Shipment, type TrackingEvent } from '@trackline/core';
import { numberFormat } from '../internal/intl-cache.js';
import { plainText } from '../internal/intl-locale.js';
import { LanguageController } from '../internal/languages.js';
import { createTimelineFormat, readClock, type EventClock, type TimelineFormat } from './format.js';
import { timelineCopy, type TimelineMessageOverrides, type TimelineMessages } from './messages.js';
import { TooltipController } from './tooltip-controller.js';
import { tokens } from '../internal/tokens.styles.js';
import { styles } from './tracking-timeline.styles.js';

const DEFAULT_COLLAPSED_COUNT = 5;

interface Day {
  /** Whole days since 1970-01-01 on the events' own clocks, or null for events whose time cannot be read. */
  day: number | null;
  entries: { event: TrackingEvent; clock: EventClock | null; index: number }[];
}

/**
 * One heading per calendar day on the events' own clocks: the day a shopper reads beside each time. Events from
 * several time zones can interleave (a scan in New York at 21:00 on May 7 comes after one in Frankfurt at 01:00
 * on May 8), so every event joins its day's group wherever it falls, days go newest first, and each day's events
 * stay newest first. Events whose time cannot be read come last, under one heading.
 */
function groupByDay(events: readonly TrackingEvent[]): Day[] {
  const byDay = new Map<number | null, Day>();
  events.forEach((event, index) => {
    const clock = readClock(event);
    const day = clock?.day ?? null;
    let group = byDay.get(day);
    if (!group) byDay.set(day, (group = { day, entries: [] }));
    group.entries.push({ event, clock, index });
  });
  // `events` comes newest first, so each group's entries already are too.
  return [...byDay.values()].sort((a, b) => (b.day ?? -Infinity) - (a.day ?? -Infinity));
}

const infoIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
  <circle cx="10" cy="10" r="8.25" fill="none" stroke="currentColor" stroke-width="1.5" />
  <path d="M10 9v5" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" />
  <circle cx="10" cy="6.25" r="1.1" fill="currentColor" />
</svg>`;

/**
 * @summary A parcel's tracking history: newest first, grouped by day, with local times, time zones and places.
 *
 * Long histories show the latest few events and a "Show all N" button. Each event has a details button whose
 * tooltip (positioned with `@floating-ui/dom`, loaded the first time one opens) shows the carrier's own code and
 * text; it opens on hover and on keyboard focus, and Escape closes it. A problem on an event is spelled out in
 * text. Carrier text is untrusted and always rendered as text.
 *
 * @csspart base - The whole timeline.
 * @csspart history - The days, the element `toggle` controls.
 * @csspart day - One day: its heading and its events.
 * @csspart day__heading - The date above a day's events.
 * @csspart events - The list of one day's events.
 * @csspart event - One event (also `event--latest`, `event--problem`).
 * @csspart event__marker - The dot beside an event.
 * @csspart event__description - What happened, in the carrier's words (or ours when it gave none).
 * @csspart event__problem - The problem an event reported, in words.
 * @csspart event__meta - The time and place of an event.
 * @csspart event__time - The local time with its time zone.
 * @csspart event__location - Where the event happened.
 * @csspart event__details - The button that opens an event's tooltip.
 * @csspart tooltip - The tooltip with the carrier's code and text.
 * @csspart toggle - The "Show all N" / "Show fewer" button.
 * @csspart empty - The text shown before the carrier has sent any event.
 *
 * @cssproperty [--trackline-color-accent=#1f5fbf] - The latest event's marker, buttons and focus rings (dark: #6ea8fe).
 * @cssproperty [--trackline-color-text=#1b1f24] - Text (dark: #e6edf3).
 * @cssproperty [--trackline-color-muted=#59636e] - Times, places and the empty text (dark: #9198a1).
 * @cssproperty [--trackline-color-problem=#b35900] - An event's problem and its marker (dark: #f0a04b).
 * @cssproperty [--trackline-color-action=#b42318] - A problem the shopper must act on (dark: #ff8a7a).
 * @cssproperty [--trackline-color-surface=#ffffff] - Background, so the text stays readable on any page (dark: #0d1117).
 * @cssproperty [--trackline-timeline-line-color=#818b98] - The line joining the events and empty markers (dark: #656c76; 3:1 or more on the surface).
 * @cssproperty [--trackline-timeline-dot-size=0.75rem] - Size of the event markers.
 * @cssproperty [--trackline-tooltip-background=#1b1f24] - Tooltip background (dark: #e6edf3).
 * @cssproperty [--trackline-tooltip-color=#ffffff] - Tooltip text (dark: #1b1f24).
 * @cssproperty [--trackline-space=0.5rem] - The base spacing unit.
 * @cssproperty [--trackline-radius=0.5rem] - Corner radius of buttons and the tooltip.
 * @cssproperty [--trackline-tap-target=2.75rem] - Minimum size of buttons (44 px at the default font size).
 * @cssproperty [--trackline-font-family=system-ui, sans-serif] - Font.
 * @cssproperty [--trackline-font-size=1rem] - Size of the event text.
 * @cssproperty [--trackline-font-size-small=0.875rem] - Size of headings, times, places, problems and the tooltip.
 */
export class TrackingTimeline extends LitElement {
  static override styles = [tokens, styles];
  // Lit reads these rather than decorators, whose helpers cost <order-tracker>'s first paint 0.4 KB gzip more.
  static override properties = {
    openIndex: { state: true },
    expanded: { state: true },
    shipment: { attribute: false },
    locale: {},
    collapsedCount: { type: Number, attribute: 'collapsed-count' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    theme: { reflect: true },
    messages: { attribute: false },
    now: { attribute: false },
  };

  private readonly tooltips = new TooltipController(this);
  readonly #language = new LanguageController(this, [timelineCopy]);

  /** The newest-first index of the event whose tooltip is open. */
  private openIndex: number | null = null;

  /** Whether every event shows, after the shopper chose "Show all". */
  private expanded = false;

  /**
   * The shipment whose events to show (in any order; duplicates are dropped).
   * @default none: it says there are no updates yet
   */
  shipment?: Pick<Shipment, 'events'> & Partial<Pick<Shipment, 'destination'>>;

  /**
   * Language of the labels and dates (`en`, `es`, `fr`, `de`, or a regional tag such as `en-GB`); others fall back to English.
   * @default the nearest `lang` attribute, else `en`
   */
  locale?: string;

  /** How many of the latest events show before "Show all N". */
  collapsedCount = DEFAULT_COLLAPSED_COUNT;

  /** The `aria-level` of the day headings, to fit the page's outline. */
  headingLevel = 3;

  /**
   * Colour scheme: `light` or `dark`.
   * @default the system setting (`prefers-color-scheme`)
   */
  theme?: 'light' | 'dark';

  /**
   * Replacement copy for some of the chosen language's messages (single status and problem labels too).
   * @default the built-in copy of the chosen language
   */
  messages?: TimelineMessageOverrides;

  /**
   * The moment treated as now (the year is left out of dates in its year).
   * @default the device's clock, read at each render
   */
  now?: Date;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new history may not have the event whose tooltip is open.
    if (changed.has('shipment') && this.openIndex !== null) this.tooltips.hide();
  }

  /** Also waits for the copy of a language the page asked for, and the update that shows it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#language.settled();
    return super.getUpdateComplete();
  }

  private get limit(): number {
    const count = Math.floor(this.collapsedCount);
    return Number.isFinite(count) && count >= 1 ? count : DEFAULT_COLLAPSED_COUNT;
  }

  private tooltipFor(trigger: HTMLElement): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#${trigger.getAttribute('aria-describedby')}`);
  }

  private isFocused(element: Element | null): boolean {
    return element !== null && (this.renderRoot as ShadowRoot).activeElement === element;
  }

  private openTooltip(trigger: HTMLElement): void {
    const index = Number(trigger.dataset.index);
    const tooltip = this.tooltipFor(trigger);
    if (!tooltip || this.tooltips.trigger === trigger) return;
    void this.tooltips.show(trigger, tooltip, () => {
      if (this.openIndex === index) this.openIndex = null;
    });
    this.openIndex = index;
  }

  // Event handlers are methods: Lit calls listeners in templates with the element as `this`.
  private onTriggerEnter(event: Event): void {
    this.openTooltip(event.currentTarget as HTMLElement);
  }

  private onTriggerBlur(): void {
    this.tooltips.hide();
  }

  /** Pointer left the trigger or its tooltip: close, unless it moved from one to the other or focus keeps it open. */
  private onPointerLeave(event: PointerEvent): void {
    const trigger = this.tooltips.trigger;
    if (!trigger) return;
    const tooltip = this.tooltipFor(trigger);
    const to = event.relatedTarget as Node | null;
    if (to && (trigger.contains(to) || tooltip?.contains(to))) return;
    if (!this.isFocused(trigger)) this.tooltips.hide();
  }

  private onToggle(): void {
    this.tooltips.hide();
    this.expanded = !this.expanded;
  }

  private renderEvent(
    { event, clock, index }: Day['entries'][number],
    messages: TimelineMessages,
    format: TimelineFormat,
    home: string | undefined,
  ) {
    const status = messages.statuses[event.status] ?? '';
    const carrierText = plainText(event.description);
    const code = plainText(event.code);
    const place = format.place(event.location, home);
    const problem = event.problem;
    const problemText = problem ? (messages.problems[problem.reason] ?? messages.problems.other) : '';
    const latest = index === 0;
    const time = clock ? format.time(clock, event.location?.timeZone) : '';
    const parts = ['event', latest ? 'event--latest' : '', problem ? 'event--problem' : ''].filter(Boolean).join(' ');
    return html`<li
      part=${parts}
      class="event${latest ? ' latest' : ''}${problem ? ' has-problem' : ''}${problem?.actionRequired ? ' has-action' : ''}"
    >
      <span part="event__marker" class="marker" aria-hidden="true"></span>
      <div>
        <p part="event__description" class="description" dir="auto">${carrierText || status}</p>
        ${
          problem
            ? html`<p part="event__problem" class="problem${problem.actionRequired ? ' action' : ''}">
                ${problem.actionRequired ? `${problemText} · ${messages.actionRequired}` : problemText}
              </p>`
            : nothing
        }
        ${
          time || place
            ? html`<p part="event__meta" class="meta">
                ${time ? html`<time part="event__time" datetime=${event.at}>${time}</time>` : nothing}
                ${place ? html`<span part="event__location" dir="auto">${place}</span>` : nothing}
              </p>`
            : nothing
        }
      </div>
      <button
        part="event__details"
        class="details"
        type="button"
        aria-label=${messages.details}
        aria-describedby="tooltip-${index}"
        data-index=${index}
        @focus=${this.onTriggerEnter}
        @click=${this.onTriggerEnter}
        @pointerenter=${this.onTriggerEnter}
        @pointerleave=${this.onPointerLeave}
        @blur=${this.onTriggerBlur}
      >
        ${infoIcon}
      </button>
      <div
        part="tooltip"
        class="tooltip"
        id="tooltip-${index}"
        role="tooltip"
        ?hidden=${this.openIndex !== index}
        @pointerleave=${this.onPointerLeave}
      >
        ${
          code
            ? html`<span class="tooltip-row"
                ><span class="tooltip-label">${messages.code}:</span> <span dir="auto">${code}</span></span
              >`
            : nothing
        }
        ${
          carrierText
            ? html`<span class="tooltip-row"
                ><span class="tooltip-label">${messages.text}:</span> <span dir="auto">${carrierText}</span></span
              >`
            : nothing
        }
        <span class="tooltip-row"><span class="tooltip-label">${messages.status}:</span> ${status}</span>
      </div>
    </li>`;
  }

  override render() {
    const { language, tag } = this.#language.use(this.locale);
    const builtIn = timelineCopy.get(language);
    const messages: TimelineMessages = {
      ...builtIn,
      ...this.messages,
      statuses: { ...builtIn.statuses, ...this.messages?.statuses },
      problems: { ...builtIn.problems, ...this.messages?.problems },
    };
    const events = Array.isArray(this.shipment?.events) ? sortEvents(this.shipment.events).reverse() : [];

    if (events.length === 0) {
      return html`<section part="base" lang=${tag} aria-label=${messages.label}>
        <p part="empty" class="empty">${messages.empty}</p>
      </section>`;
    }

    const collapsible = events.length > this.limit;
    const shown = collapsible && !this.expanded ? events.slice(0, this.limit) : events;
    const format = createTimelineFormat(tag, this.now?.getTime());
    const home = this.shipment?.destination?.country;
    const count = numberFormat(tag)?.format(events.length) ?? String(events.length);

    return html`<section part="base" lang=${tag} aria-label=${messages.label}>
      <div part="history" id="history">
        ${groupByDay(shown).map(
          (day) =>
            html`<div part="day" class="day">
              <div part="day__heading" class="day-heading" role="heading" aria-level=${this.headingLevel}>
                ${day.day === null ? messages.unknownDate : format.day(day.day)}
              </div>
              <ol part="events" class="events">
                ${day.entries.map((entry) => this.renderEvent(entry, messages, format, home))}
              </ol>
            </div>`,
        )}
      </div>
      ${
        collapsible
          ? html`<button
              part="toggle"
              class="toggle"
              type="button"
              aria-expanded=${this.expanded ? 'true' : 'false'}
              aria-controls="history"
              @click=${this.onToggle}
            >
              ${this.expanded ? messages.showFewer : messages.showAll(count)}
            </button>`
          : nothing
      }
    </section>`;
  }
}
