import { LitElement, adoptStyles, html, noChange, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  dayHasPassed,
  deliveryDateHolds,
  outForDeliveryToday,
  shopperCarrierName,
  relevantProblem,
  type DateWindow,
  type DescribeLocale,
  type Order,
  type Shipment,
} from '@trackline/core';
import { addProblemCopy, describe, describeCopy, hasProblemCopy } from '../internal/describe.js';
import { pickLocale, plainText } from '../internal/intl-locale.js';
import { LanguageController } from '../internal/languages.js';
import { timelineCopy } from '../tracking-timeline/messages.js';
import {
  TracklineErrorEvent,
  TracklineLoadedEvent,
  TracklineStatusChangeEvent,
  shownAs,
  type LookupErrorCode,
} from './events.js';
import type { LookupQuery, LookupResult } from './fetch-lookup.js';
import { trackerFormat, type TrackerFormat } from './format.js';
import type * as Lookup from './lookup.js';
import { lookupLoader } from './lookup-loader.js';
import { problemLoader } from './problem-loader.js';
import type { LookupController } from './lookup-controller.js';
import type { LookupForm } from './lookup-view.js';
import { trackerCopy, type TrackerMessageOverrides, type TrackerMessages } from './messages.js';
import { tokens } from '../internal/tokens.styles.js';
import { styles } from './order-tracker.styles.js';

/** How long the live region stays empty before a message: several frames, so the emptying is seen on its own. */
const announceDelayMs = 100;

/**
 * `exportparts` of an embedded element: its `base` as `name`, and every other part under `name` and `separator`
 * (`step` of the progress as `progress-step`, `event__time` of the timeline as `timeline__event__time`).
 */
const exported = (name: string, separator: string, parts: string) =>
  ['base:' + name, ...parts.split(' ').map((part) => `${part}:${name}${separator}${part}`)].join(', ');
const progressParts = exported(
  'progress',
  '-',
  'step step--done step--current step--upcoming step--return step--cancelled step__dot step__label step__note',
);
const bannerParts = exported(
  'banner',
  '__',
  'icon headline badge details what-happened what-next new-date what-to-do contact contact-link carrier-link',
);
const timelineParts = exported(
  'timeline',
  '__',
  'history day day__heading events event event--latest event--problem event__marker event__description ' +
    'event__problem event__meta event__time event__location event__details tooltip toggle empty',
);

const safeUrl = (url: unknown): string | null =>
  typeof url === 'string' && /^https?:\/\//i.test(url.trim()) ? url.trim() : null;

/**
 * @summary The whole tracking page in one tag: look-up form, each parcel's status in plain language, its
 * delivery estimate, progress, problems and history.
 *
 * Give it data (`.order` or `.shipment`), or an `endpoint` plus `order-number` and `email` or `postal-code`
 * (or `tracking-number` alone). With an `endpoint` and nothing to look up yet it shows a look-up form, filled with
 * whatever of these attributes it was given (a link with the order number alone); with `autofocus`, the form's
 * first empty field takes focus when it first shows, unless something else on the page has focus.
 * Carrier text is shown as text, never as HTML.
 *
 * @slot header - Above everything: the store's logo or title.
 * @slot help - Under the form and the parcels: how to reach the store.
 * @slot footer - At the very end.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The wrapper of the `header` slot.
 * @csspart form - The look-up form.
 * @csspart form__title - The form's heading.
 * @csspart form__mode - The choice between order number and tracking number.
 * @csspart form__field - A label, its input and its messages.
 * @csspart form__label - A field's label.
 * @csspart form__input - A text input.
 * @csspart form__hint - A field's hint.
 * @csspart form__error - A field's validation message.
 * @csspart form__submit - The submit button.
 * @csspart skeleton - The placeholder shown while the first look-up loads.
 * @csspart notice - A not-found or network-failure message.
 * @csspart retry - The "try again" button.
 * @csspart updated - "Last updated …".
 * @csspart order - The order's heading block.
 * @csspart order__title - "Order 1001".
 * @csspart order__placed - The order date.
 * @csspart shipment - One parcel.
 * @csspart shipment__label - "Parcel 1 of 2".
 * @csspart shipment__headline - The status headline (`describeShipment`).
 * @csspart shipment__summary - What happened, what next and what to do.
 * @csspart estimate - The delivery estimate block.
 * @csspart estimate__date - The estimated date or window.
 * @csspart estimate__basis - How sure the estimate is and where it comes from.
 * @csspart details - Carrier, tracking number and link.
 * @csspart tracking-number - The tracking number.
 * @csspart copy-button - The button that copies the tracking number.
 * @csspart carrier-link - The link to the carrier's own tracking page.
 * @csspart track-another - The button that goes back to the form.
 * @csspart help - The wrapper of the `help` slot.
 * @csspart footer - The wrapper of the `footer` slot.
 * @csspart progress - `<tracking-progress>`'s `base`; its other parts pass through as `progress-` and their name (`progress-step`, `progress-step--done`, `progress-step--current`, `progress-step--upcoming`, `progress-step--return`, `progress-step--cancelled`, `progress-step__dot`, `progress-step__label`, `progress-step__note`).
 * @csspart banner - `<delay-banner>`'s `base`; its other parts pass through as `banner__` and their name (`banner__icon`, `banner__headline`, `banner__badge`, `banner__details`, `banner__what-happened`, `banner__what-next`, `banner__new-date`, `banner__what-to-do`, `banner__contact`, `banner__contact-link`, `banner__carrier-link`).
 * @csspart timeline - `<tracking-timeline>`'s `base`; its other parts pass through as `timeline__` and their name (`timeline__history`, `timeline__day`, `timeline__day__heading`, `timeline__events`, `timeline__event`, `timeline__event--latest`, `timeline__event--problem`, `timeline__event__marker`, `timeline__event__description`, `timeline__event__problem`, `timeline__event__meta`, `timeline__event__time`, `timeline__event__location`, `timeline__event__details`, `timeline__tooltip`, `timeline__toggle`, `timeline__empty`).
 *
 * @cssproperty [--trackline-color-accent=#1f5fbf] - Buttons, links and reached steps.
 * @cssproperty [--trackline-color-on-accent=#ffffff] - Text on accent-coloured buttons.
 * @cssproperty [--trackline-color-text=#1b1f24] - Body text.
 * @cssproperty [--trackline-color-muted=#59636e] - Secondary text.
 * @cssproperty [--trackline-color-problem=#b35900] - Problems (also used by the embedded components).
 * @cssproperty [--trackline-color-action=#b42318] - Validation messages and failed look-ups.
 * @cssproperty [--trackline-color-surface=#ffffff] - Background.
 * @cssproperty [--trackline-color-border=#d0d7de] - Borders and the skeleton.
 * @cssproperty [--trackline-font-family=system-ui, sans-serif] - Font.
 * @cssproperty [--trackline-font-family-mono=ui-monospace, SFMono-Regular, Menlo, monospace] - Font of the tracking number.
 * @cssproperty [--trackline-font-size=1rem] - Base font size.
 * @cssproperty [--trackline-font-size-small=0.875rem] - Size of the labels ("Carrier", "Estimated delivery"), form hints and messages, and "Last updated".
 * @cssproperty [--trackline-radius=0.5rem] - Corner radius of cards, inputs and buttons.
 * @cssproperty [--trackline-space=0.5rem] - The spacing unit.
 * @cssproperty [--trackline-tap-target=2.75rem] - Least height and width of buttons and inputs (44 px).
 * @cssproperty [--trackline-max-width=40rem] - Widest the tracker grows.
 *
 * @fires trackline-loaded - A look-up from the endpoint succeeded (`detail: { order?, shipments }`).
 * @fires trackline-error - A look-up failed (`detail: { code: 'not_found' | 'network' | 'invalid_response', message }`); data shown before stays.
 * @fires trackline-status-change - A parcel's status, or the problem that matters at it (its reason or whether the shopper must act), differs from the previous look-up's (`detail: { trackingNumber, previous, status, previousProblem?, problem? }`).
 */
export class OrderTracker extends LitElement {
  static override styles = [tokens, styles];
  // Lit reads these rather than decorators, whose helpers cost <order-tracker>'s first paint 0.4 KB gzip more.
  static override properties = {
    lookupUnavailable: { state: true },
    copied: { state: true },
    announcement: { state: true },
    order: { attribute: false },
    shipment: { attribute: false },
    endpoint: {},
    orderNumber: { attribute: 'order-number' },
    email: {},
    postalCode: { attribute: 'postal-code' },
    trackingNumber: { attribute: 'tracking-number' },
    refreshInterval: { attribute: 'refresh-interval', type: Number },
    contactHref: { attribute: 'contact-href' },
    locale: {},
    theme: { reflect: true },
    messages: { attribute: false },
    now: { attribute: false },
  };

  // The parcel label on each timeline comes from the timeline's copy; the embedded elements load their own.
  #language = new LanguageController(this, [trackerCopy, timelineCopy, describeCopy]);
  /** What was last shown of each tracking number (`shownAs`), to announce changes. */
  #shown = new Map<string, string>();
  /** The last look-up came from the form: offer "track another" and move focus to the result. */
  #fromForm = false;
  /** The look-up just submitted: its answer takes focus once (a later refresh or retry must not move it). */
  #focusNextResult = false;
  #focusAfterUpdate: string | null = null;
  /** `autofocus` has been dealt with: it acts once, on the first form shown. */
  #autofocused = false;
  /** The failure last said through the live region, so a background refresh failing the same way stays quiet. */
  #failureSaid?: string;
  #copyTimer?: ReturnType<typeof setTimeout>;
  /**
   * The look-up's controller, its form and its view (form, skeleton, notices), from lookup.ts, loaded once an
   * endpoint is set (`#loadLookup`): a page that hands the element its data never downloads them.
   */
  #lookup?: LookupController;
  #form?: LookupForm;
  #view?: typeof Lookup;
  #lookupLoading?: Promise<void>;
  /**
   * `<delay-banner>` and the English problem copy, loading (`#loadProblemParts`): the tracker loads them the first
   * time a parcel has a problem, so pages of parcels on time or delivered never download them. While they load,
   * `render` keeps what is on screen.
   */
  #problemPartsLoading?: Promise<void>;
  /** A load of them failed: not tried again until new data. Parcels then tell their problem in their summary. */
  #problemPartsFailed = false;

  /** The look-up module could not be loaded (offline, a deploy removed the file): say so, offer a retry. */
  private lookupUnavailable = false;
  private copied: { trackingNumber: string; ok: boolean } | null = null;
  private announcement = '';
  /** Counts calls to `#announce`: only the latest one's text is put in the live region. */
  #announcements = 0;
  /** Settles once the latest announcement's text is set (`updateComplete` then waits for its update too). */
  #announcing?: Promise<void>;

  /** An order to show (takes precedence over `shipment` and the endpoint). */
  order?: Order;

  /** One parcel to show, without an order. */
  shipment?: Shipment;

  /** The merchant's look-up URL: `GET endpoint?orderNumber=…&email=…` (or `postalCode=…`, or `trackingNumber=…`). */
  endpoint?: string;

  /** The order to look up at `endpoint`, with `email` or `postal-code`. */
  orderNumber?: string;

  /** The email used at checkout, proving the order is the shopper's. */
  email?: string;

  /** The delivery postal code, proving the order is the shopper's (instead of `email`). */
  postalCode?: string;

  /** A parcel to look up at `endpoint` on its own (shows the parcel, not the order). */
  trackingNumber?: string;

  /** Look up again every this many seconds (at least 10) while the page is visible; 0 or absent: never. */
  refreshInterval = 0;

  /** Where the delay banner's "contact the store" link points. */
  contactHref?: string;

  /**
   * Language of the copy (`en`, `es`, `fr`, `de`; others fall back to English); dates follow the full tag. Set it
   * to switch language at run time: the nearest `lang` is read when the element renders, and a change to it alone
   * is not watched.
   * @default the nearest `lang` attribute, else `en`
   */
  locale?: string;

  /**
   * Colour scheme: `light` or `dark`.
   * @default the system setting (`prefers-color-scheme`)
   */
  theme?: 'light' | 'dark';

  /**
   * Replacement copy for some keys of the chosen language.
   * @default the built-in copy of the chosen language
   */
  messages?: TrackerMessageOverrides;

  /**
   * The moment the page treats as now, for words like "today" and for whether a date has passed, and the time
   * "Last updated" shows for a look-up answered while it is set (`now` as it is then: a page whose clock runs on
   * moves it along). Set it where the shipment's times run on another clock (a replay, a demo, a screenshot).
   * @default the device's clock, read at each render
   */
  now?: Date;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#copyTimer);
  }

  /**
   * Also waits for the copy of a language the page asked for, the text of an announcement just made, and the
   * update that shows them.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#language.settled();
    await this.#lookupLoading;
    await this.#problemPartsLoading;
    await this.#announcing;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const asked =
      changed.has('orderNumber') || changed.has('email') || changed.has('postalCode') || changed.has('trackingNumber');
    if (asked || changed.has('endpoint') || changed.has('refreshInterval')) this.#syncLookup();
    // Only new details refill the form: a new endpoint or interval leaves what the shopper typed alone.
    if (asked) this.#prefill();
    // After a failed load, only the retry button or a new endpoint loads again (no loop of failing loads).
    if (changed.has('endpoint')) this.lookupUnavailable = false;
    if (this.endpoint && !this.lookupUnavailable) this.#loadLookup();
    // New data tries again after a failed load (the network may be back).
    if (changed.has('order') || changed.has('shipment')) this.#problemPartsFailed = false;
    if (this.#data().shipments?.some((shipment) => relevantProblem(shipment) !== undefined)) {
      this.#loadProblemParts();
    }
    this.#noteStatuses();
  }

  protected override updated(): void {
    this.#autofocus();
    const selector = this.#focusAfterUpdate;
    if (selector === null) return;
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    if (target) {
      this.#focusAfterUpdate = null;
      target.focus();
    }
  }

  /** Fills the look-up form from the attributes, for when they are not enough to look up (or find nothing). */
  #prefill(): void {
    this.#form?.prefill(this);
  }

  /**
   * With `autofocus`, the first time the look-up form shows, its first empty field takes focus (an order number
   * from a link: the email field), unless something on the page has focus already. Once only, and never without
   * the attribute: a page that opens on a form the shopper did not ask for should not pull a screen reader away
   * from the top of the page. Parcels shown first settle it: the page was not opened for the form.
   */
  #autofocus(): void {
    if (!this.#autofocused && this.autofocus && this.#form) {
      this.#autofocused = !!this.#data().shipments || this.#form.focusFirstEmpty(this.renderRoot);
    }
  }

  /** What the attributes ask to look up, if enough is given. */
  #query(): LookupQuery | undefined {
    const trackingNumber = this.trackingNumber?.trim();
    if (trackingNumber) return { trackingNumber };
    const orderNumber = this.orderNumber?.trim();
    const email = this.email?.trim();
    const postalCode = this.postalCode?.trim();
    if (orderNumber && email) return { orderNumber, email };
    if (orderNumber && postalCode) return { orderNumber, postalCode };
    return undefined;
  }

  #data(): { order?: Order; shipments?: readonly Shipment[] } {
    if (this.order) return { order: this.order, shipments: this.order.shipments ?? [] };
    if (this.shipment) return { shipments: [this.shipment] };
    const result = this.#lookup?.result;
    return result ? { order: result.order, shipments: result.shipments } : {};
  }

  /** Announces, through the live region, each parcel whose status or problem differs from the one shown before. */
  #noteStatuses(): void {
    const { shipments } = this.#data();
    if (!shipments) return;
    const m = this.#messages();
    const changes: { label: string; shipment: Shipment }[] = [];
    const next = new Map<string, string>();
    shipments.forEach((shipment, index) => {
      const before = this.#shown.get(shipment.trackingNumber);
      const now = shownAs(shipment);
      if (before !== undefined && before !== now) {
        const label = shipments.length > 1 ? m.parcel(index + 1, shipments.length) : plainText(shipment.trackingNumber);
        changes.push({ label, shipment });
      }
      next.set(shipment.trackingNumber, now);
    });
    this.#shown = next;
    // The headlines are written when said: a new problem's copy may still be loading now. What to do comes with
    // them, so a problem that starts (or stops) needing the shopper is heard even when its headline stays the same.
    const say = () =>
      changes.map(({ label, shipment }) => {
        const { headline, whatToDo } = this.#describe(shipment);
        return [m.statusChanged(label, headline), whatToDo].filter(Boolean).join(' ');
      });
    if (changes.length > 0) this.#announce(() => say().join(' '));
  }

  /**
   * Says `text` through the live region. A screen reader reads the region when its text changes, so the same
   * message twice in a row (a second failed refresh, "Copied" on another parcel) would be silent: the region is
   * emptied first and gets the text a moment later. Not on the next update alone: both changes would then
   * reach the accessibility tree in one frame, as no change at all.
   */
  #announce(text: string | (() => string)): void {
    const call = ++this.#announcements;
    this.announcement = '';
    // The element's own update, not `updateComplete`: that one waits for this announcement.
    this.#announcing = (async () => {
      await super.getUpdateComplete();
      await new Promise((resolve) => setTimeout(resolve, announceDelayMs));
      await this.#problemPartsLoading;
      if (call === this.#announcements) this.announcement = typeof text === 'string' ? text : text();
    })();
  }

  /** Fires the look-up's events once its data is on screen, as their documentation promises. */
  async #loaded(result: LookupResult, previous: LookupResult | undefined): Promise<void> {
    if (this.#focusNextResult) this.#focusAfterUpdate = '[data-result-heading]';
    this.#focusNextResult = false;
    // A failure announced earlier is stale now; a status change this look-up brings is announced while it renders.
    this.#failureSaid = undefined;
    this.#announcements++;
    this.announcement = '';
    this.requestUpdate();
    await this.updateComplete;
    this.dispatchEvent(new TracklineLoadedEvent({ order: result.order, shipments: result.shipments }));
    if (!previous) return;
    for (const change of this.#view!.statusChanges(previous, result)) {
      this.dispatchEvent(new TracklineStatusChangeEvent(change));
    }
  }

  /**
   * A look-up failed. `background`: a refresh on the interval, which says a failure only when it differs from
   * the last one said (a shopper's own look-up or retry always says it).
   */
  #failed(code: LookupErrorCode, message: string, background = false): void {
    // The shopper's own look-up or retry failed: what had focus (the form's button, "Try again") went with the
    // skeleton, so the notice saying what went wrong takes it, and "Try again" or the form is the next Tab.
    if (this.#focusNextResult) this.#focusAfterUpdate = '[part="notice"]';
    this.#focusNextResult = false;
    const text = this.#errorText(code);
    if (!background || text !== this.#failureSaid) {
      this.#failureSaid = text;
      this.#announce(text);
    }
    this.dispatchEvent(new TracklineErrorEvent({ code, message }));
  }

  #messages(): TrackerMessages {
    const builtIn = trackerCopy.get(this.#language.use(this.locale).language);
    const overrides = this.messages;
    // The look-up's English comes with its module, under the language's own copy; only the look-up reads those
    // keys, so they are all here whenever they are read. One `basis` message replaces only itself.
    return {
      ...this.#view?.lookupEn,
      ...builtIn,
      ...overrides,
      basis: { ...builtIn.basis, ...overrides?.basis },
    } as TrackerMessages;
  }

  #describe(shipment: Shipment) {
    return describe(shipment, { locale: this.#language.use(this.locale).tag, ...(this.now ? { now: this.now } : {}) });
  }

  #errorText(code: LookupErrorCode): string {
    const m = this.#messages();
    if (code === 'not_found')
      return this.#query() && 'trackingNumber' in this.#query()! ? m.notFoundTracking : m.notFound;
    return code === 'invalid_response' ? m.invalidResponse : m.network;
  }

  /**
   * Loads the look-up once. Until it arrives the element shows no form, skeleton or notice and starts no
   * request, and `updateComplete` waits for it. A load that fails (offline, a deploy removed the file) shows a
   * network notice with a retry button and fires `trackline-error`.
   */
  #loadLookup(): void {
    if (this.#view || this.#lookupLoading) return;
    this.#lookupLoading = lookupLoader.load().then(
      (lookup) => {
        this.#view = lookup;
        // Its styles go after the element's own, as if they had been part of them from the start.
        const styles = [...(this.constructor as typeof OrderTracker).elementStyles, lookup.lookupStyles];
        adoptStyles(this.renderRoot as ShadowRoot, styles);
        this.#lookup = new lookup.LookupController(this, {
          loaded: (result, previous) => void this.#loaded(result, previous),
          failed: (error, background) => this.#failed(error.code, error.message, background),
          // "Last updated" on the element's clock, the one its "today" and passed dates are read on: `now` as it
          // is when the answer arrives (a page that sets it moves it along itself), else the device's.
          now: () => this.now ?? new Date(),
        });
        this.#form = new lookup.LookupForm(this, {
          submitted: (query) => void this.#submitted(query),
          invalid: (field) => (this.#focusAfterUpdate = `#field-${field}`),
        });
        this.#prefill();
        this.#syncLookup();
        this.requestUpdate();
      },
      (error: unknown) => {
        this.#lookupLoading = undefined;
        this.lookupUnavailable = true;
        this.#failed(
          'network',
          `The look-up module could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        );
      },
    );
  }

  /**
   * Loads `<delay-banner>` (unless the page defined it already) and the English problem copy, once;
   * `updateComplete` waits for them. When a load fails (offline, a deploy removed the file), each parcel's summary
   * tells its problem instead of a banner, in the generic copy if the problem copy is missing too.
   */
  #loadProblemParts(): void {
    if (this.#problemPartsLoading || this.#problemPartsFailed) return;
    const loads: Promise<unknown>[] = [];
    if (!customElements.get('delay-banner')) loads.push(problemLoader.banner());
    if (!hasProblemCopy()) {
      loads.push(problemLoader.copy().then((module) => addProblemCopy(module.enProblems)));
    }
    if (loads.length === 0) return;
    // Both settle before anything is painted: a banner that failed still leaves the problem copy to the summary.
    this.#problemPartsLoading = Promise.allSettled(loads).then((results) => {
      this.#problemPartsFailed = results.some((result) => result.status === 'rejected');
      this.#problemPartsLoading = undefined;
      this.requestUpdate();
    });
  }

  /** Hands the controller what the attributes now ask for (a change starts a new look-up). */
  #syncLookup(): void {
    this.#lookup?.sync(this.endpoint || undefined, this.#query(), Number(this.refreshInterval) || 0);
  }

  /** The shopper submitted the form with valid details: look them up, and focus the answer once it is shown. */
  async #submitted(query: LookupQuery): Promise<void> {
    this.#fromForm = true;
    this.#focusNextResult = true;
    const given: Partial<Record<'orderNumber' | 'email' | 'postalCode' | 'trackingNumber', string>> = query;
    this.trackingNumber = given.trackingNumber;
    this.orderNumber = given.orderNumber;
    this.email = given.email;
    this.postalCode = given.postalCode;
    await this.updateComplete;
    // The same details again (after "not found" or a failure): the query did not change, so look up again here.
    if (this.#lookup && this.#lookup.state !== 'loading') void this.#lookup.refresh();
  }

  #retryLoad = (): void => {
    this.lookupUnavailable = false;
    this.#focusNextResult = true;
    this.#loadLookup();
  };

  /** The retry button disappears with the answer, so the answer takes focus. */
  #retry(): void {
    this.#focusNextResult = true;
    void this.#lookup?.refresh();
  }

  #trackAnother(): void {
    this.orderNumber = this.email = this.postalCode = this.trackingNumber = undefined;
    this.#fromForm = false;
    this.#focusAfterUpdate = this.#form?.mode === 'tracking' ? '#field-trackingNumber' : '#field-orderNumber';
  }

  async #copy(trackingNumber: string): Promise<void> {
    let ok = true;
    try {
      await navigator.clipboard.writeText(trackingNumber);
    } catch {
      ok = false;
    }
    const m = this.#messages();
    this.copied = { trackingNumber, ok };
    this.#announce(ok ? m.copied : m.copyFailed);
    clearTimeout(this.#copyTimer);
    this.#copyTimer = setTimeout(() => (this.copied = null), 4000);
  }

  #renderNotice(m: TrackerMessages, code: LookupErrorCode, withRetry: boolean, updated?: string) {
    const view = this.#view;
    if (!view) return nothing;
    return view.renderNotice(m, code, this.#errorText(code), withRetry ? () => this.#retry() : undefined, updated);
  }

  /**
   * The delivery window to show: the estimate, else the store's promise; none once the parcel has arrived,
   * turned back or been cancelled, none once its last day has passed (the summary then says when it was due), and
   * none where the core's summary gives none (`deliveryDateHolds`: a lost, damaged or refused parcel, or a problem
   * that waits on the shopper).
   */
  #deliveryWindow(shipment: Shipment): DateWindow | undefined {
    if (!deliveryDateHolds(shipment)) return undefined;
    const window = shipment.estimate ?? shipment.promised;
    return window && !dayHasPassed(shipment, window.latest, this.#nowMs()) ? window : undefined;
  }

  /** The element's clock: `now` if set, else the device's. */
  #nowMs(): number {
    return this.now?.getTime() ?? Date.now();
  }

  /**
   * The estimate block. `today`: out for delivery today (the core's "later today"), told as "Today" whatever window
   * the estimate gave before, and even once that window has passed.
   */
  #renderEstimate(
    shipment: Shipment,
    window: DateWindow | undefined,
    today: boolean,
    ctx: RenderContext,
    carrier: string,
  ) {
    const { m, format } = ctx;
    const dates = today ? { text: m.today, window: false } : window ? format.window(window) : null;
    if (!dates) return nothing;
    const estimate = window === shipment.estimate ? shipment.estimate : undefined;
    let basis = '';
    // The window's odds and source say nothing of a parcel already on the van.
    if (estimate && !today) {
      const sample = estimate.basis === 'history' && estimate.sampleSize ? format.count(estimate.sampleSize) : null;
      basis = [
        m.confidence(format.percent(estimate.confidence), dates.window),
        estimate.basis === 'carrier' && !carrier ? m.unknownCarrierEstimate : m.basis[estimate.basis](carrier, sample),
      ]
        .filter(Boolean)
        .join(' · ');
    }
    return html`<div part="estimate" class="estimate">
      <p class="label">${estimate || today ? m.estimate : m.promised}</p>
      <p part="estimate__date" class="estimate-date">${dates.text}</p>
      ${basis ? html`<p part="estimate__basis" class="muted">${basis}</p>` : nothing}
    </div>`;
  }

  #renderShipment(shipment: Shipment, index: number, count: number, inOrder: boolean, ctx: RenderContext) {
    const { m, childLocale } = ctx;
    const described = this.#describe(shipment);
    const carrier = shopperCarrierName(shipment.carrier);
    const window = this.#deliveryWindow(shipment);
    const today = outForDeliveryToday(shipment, this.#nowMs());
    const service = plainText(shipment.service);
    const trackingNumber = plainText(shipment.trackingNumber);
    const link = safeUrl(shipment.trackingUrl);
    const copied = this.copied?.trackingNumber === shipment.trackingNumber ? this.copied : null;
    const id = `shipment-${index}`;
    const headline = html`<span part="shipment__headline">${described.headline}</span>`;
    const focusFirst = index === 0 && !inOrder;
    // The banner tells a problem's story (what happened, next, to do); without one, the summary does.
    const banner = relevantProblem(shipment) !== undefined && customElements.get('delay-banner') !== undefined;
    return html`<article part="shipment" class="card shipment" aria-labelledby="${id}-headline">
      ${count > 1 ? html`<p part="shipment__label" class="label">${m.parcel(index + 1, count)}</p>` : nothing}
      ${
        inOrder
          ? html`<h3 id="${id}-headline" class="headline">${headline}</h3>`
          : html`<h2 id="${id}-headline" class="headline" tabindex="-1" ?data-result-heading=${focusFirst}>
              ${headline}
            </h2>`
      }
      ${
        banner
          ? nothing
          : html`<div part="shipment__summary" class="summary">
              <p>${described.whatHappened}</p>
              ${window || today ? nothing : html`<p>${described.whatNext}</p>`}
              ${described.whatToDo ? html`<p class="todo">${described.whatToDo}</p>` : nothing}
            </div>`
      }
      ${this.#renderEstimate(shipment, window, today, ctx, carrier)}
      <tracking-progress
        exportparts=${progressParts}
        .shipment=${shipment}
        locale=${childLocale}
        theme=${this.theme ?? nothing}
      ></tracking-progress>
      ${
        banner
          ? html`<delay-banner
              exportparts=${bannerParts}
              heading-level=${inOrder ? 4 : 3}
              .shipment=${shipment}
              .now=${this.now}
              locale=${childLocale}
              theme=${this.theme ?? nothing}
              contact-href=${this.contactHref ?? nothing}
              carrier-href=${link ?? nothing}
            ></delay-banner>`
          : nothing
      }
      <dl part="details" class="details">
        ${
          carrier || service
            ? html`<div>
                <dt>${m.carrier}</dt>
                <dd>${[carrier, service].filter(Boolean).join(' · ')}</dd>
              </div>`
            : nothing
        }
        <div>
          <dt>${m.trackingNumberShort}</dt>
          <dd class="number-row">
            <span part="tracking-number" class="number">${trackingNumber}</span>
            <button
              part="copy-button"
              class="button"
              type="button"
              aria-label=${copied?.ok ? m.copied : m.copyLabel(trackingNumber)}
              @click=${() => this.#copy(shipment.trackingNumber)}
            >
              ${copied?.ok ? html`<span aria-hidden="true">✓ </span>${m.copied}` : m.copy}
            </button>
          </dd>
          ${copied && !copied.ok ? html`<dd class="field-error">${m.copyFailed}</dd>` : nothing}
        </div>
      </dl>
      ${
        link
          ? html`<a part="carrier-link" class="link" href=${link} target="_blank" rel="noopener noreferrer"
              >${carrier ? m.carrierLink(carrier) : m.unknownCarrierLink}<span class="visually-hidden">
                ${m.newTab}</span
              ></a
            >`
          : nothing
      }
      <tracking-timeline
        exportparts=${timelineParts}
        heading-level=${inOrder ? 4 : 3}
        .shipment=${shipment}
        .messages=${
          count > 1 ? { label: `${timelineCopy.get(ctx.language).label} (${m.parcel(index + 1, count)})` } : undefined
        }
        .now=${this.now}
        locale=${childLocale}
        theme=${this.theme ?? nothing}
      ></tracking-timeline>
    </article>`;
  }

  #renderData(order: Order | undefined, shipments: readonly Shipment[], ctx: RenderContext) {
    const { m, format } = ctx;
    const placed = order ? format.date(order.placedAt) : '';
    return html`${
      order
        ? html`<div part="order" class="order">
            <h2 part="order__title" tabindex="-1" data-result-heading>${m.order(plainText(order.orderNumber))}</h2>
            ${placed ? html`<p part="order__placed" class="muted">${m.placed(placed)}</p>` : nothing}
          </div>`
        : nothing
    }
    ${order && shipments.length === 0 ? html`<p class="card">${m.noParcels}</p>` : nothing}
    ${shipments.map((shipment, index) => this.#renderShipment(shipment, index, shipments.length, !!order, ctx))}`;
  }

  #renderBody(ctx: RenderContext): TemplateResult | typeof nothing {
    const { m, format } = ctx;
    const lookup = this.#lookup;
    const { order, shipments } = this.#data();
    const fromLookup = !this.order && !this.shipment;
    if (shipments) {
      const failed = fromLookup && lookup?.state === 'error' && lookup.error;
      const updated = fromLookup && lookup?.updatedAt ? m.lastUpdated(format.dateTime(lookup.updatedAt)) : '';
      // After a failed refresh the time goes in the failure notice at the top, which says the data is old; else
      // it ends the page.
      return html`${failed ? this.#renderNotice(m, failed.code, failed.code !== 'not_found', updated) : nothing}
      ${this.#renderData(order, shipments, ctx)}
      ${updated && !failed ? html`<p part="updated" class="muted updated">${updated}</p>` : nothing}
      ${
        fromLookup && this.#fromForm
          ? html`<button part="track-another" class="button" type="button" @click=${this.#trackAnother}>
              ${m.trackAnother}
            </button>`
          : nothing
      }`;
    }
    // Without an endpoint there is nothing to look up; with one, nothing to show until the look-up is here.
    const view = this.#view;
    if (this.endpoint && this.lookupUnavailable) {
      // The notice's own styles come with the module that failed: the element's card and button are used.
      return html`<div part="notice" class="card" tabindex="-1">
        <p>${this.#errorText('network')}</p>
        <button part="retry" class="button" type="button" @click=${this.#retryLoad}>${m.retry}</button>
      </div>`;
    }
    if (!this.endpoint || !lookup || !view) return nothing;
    if (lookup.state === 'loading') return view.renderSkeleton(m);
    if (lookup.state === 'error' && lookup.error && lookup.error.code !== 'not_found') {
      return html`${this.#renderNotice(m, lookup.error.code, true)}
      ${
        this.#fromForm
          ? html`<button part="track-another" class="button" type="button" @click=${this.#trackAnother}>
              ${m.trackAnother}
            </button>`
          : nothing
      }`;
    }
    return html`${lookup.state === 'error' && lookup.error ? this.#renderNotice(m, 'not_found', false) : nothing}
    ${view.renderForm(this.#form!, m)}`;
  }

  /** Looks up the current details again; what is shown stays until the answer arrives. */
  async refresh(): Promise<void> {
    // A look-up set up just now can start once its module is here.
    await this.#lookupLoading;
    await this.#lookup?.refresh();
  }

  override render() {
    const { language, tag } = this.#language.use(this.locale);
    // A parcel with a problem is painted with its banner in one go: until the banner and the problem copy are
    // here, what is on screen stays (nothing yet, the skeleton, or the parcels before), so nothing moves then.
    if (this.#problemPartsLoading) return noChange;
    const m = this.#messages();
    // The embedded elements get the locale asked for, not the English shown while it loads: they start
    // loading their own copy of it now rather than after this element's.
    const ctx: RenderContext = {
      m,
      language,
      format: trackerFormat(tag),
      childLocale: pickLocale(this, this.locale).tag,
    };
    return html`<div
      part="base"
      class="base"
      lang=${tag}
      aria-busy=${this.#lookup?.state === 'loading' ? 'true' : 'false'}
    >
      <div part="header"><slot name="header"></slot></div>
      ${this.#renderBody(ctx)}
      <div part="help"><slot name="help"></slot></div>
      <div part="footer"><slot name="footer"></slot></div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }
}

interface RenderContext {
  m: TrackerMessages;
  /** The `locale` of the embedded elements. */
  childLocale: string;
  language: DescribeLocale;
  format: TrackerFormat;
}
