import { LitElement, html, nothing, type PropertyValues } from 'lit';
import {
  dayHasPassed,
  deliveryDateHolds,
  enProblems,
  relevantProblem,
  shopperCarrierName,
  type DeliveryEstimate,
  type Shipment,
} from '@trackline/core';
import { addProblemCopy, describe, describeCopy } from '../internal/describe.js';
import { LanguageController } from '../internal/languages.js';
import { bannerCopy, type BannerMessages } from './messages.js';
import { tokens } from '../internal/tokens.styles.js';
import { styles } from './delay-banner.styles.js';

/** Link schemes a contact link may use. */
const linkProtocols = new Set(['http:', 'https:', 'mailto:', 'tel:']);

const DAY_MS = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** `Thursday, May 9`, or the window `Tue, May 7 – Thu, May 9`, with its most likely day. */
function dateText(estimate: DeliveryEstimate, tag: string, messages: BannerMessages): string {
  const format = new Intl.DateTimeFormat(tag, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const [from, to, likely] = [DAY_MS(estimate.earliest), DAY_MS(estimate.latest), DAY_MS(estimate.likely)];
  if (from === to) return format.format(from);
  const range = new Intl.DateTimeFormat(tag, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const window = range.formatRange(Math.min(from, to), Math.max(from, to));
  return likely > Math.min(from, to) && likely < Math.max(from, to)
    ? `${window} (${messages.mostLikely(format.format(likely))})`
    : window;
}

function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return linkProtocols.has(new URL(href, document.baseURI).protocol) ? href : undefined;
  } catch {
    return undefined;
  }
}

const clockIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <circle cx="12" cy="12" r="9.25" fill="none" stroke="currentColor" stroke-width="1.75" />
  <path d="M12 7v5.5l3.5 2" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" />
</svg>`;

const alertIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M12 3 2.5 20h19z" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linejoin="round" />
  <path d="M12 9.5v5" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" />
  <circle cx="12" cy="17.25" r="1.1" fill="currentColor" />
</svg>`;

/**
 * @summary Tells the shopper what went wrong with a parcel, what happens next and what to do.
 *
 * The copy comes from the core's `describeShipment`; a new delivery date shows when there is one, and a problem
 * the shopper must act on is marked "Action needed" in words as well as colour. The banner renders nothing and
 * is hidden while the shipment has no problem (or only one that no longer matters, such as a delay on a
 * delivered parcel). It is a region named by its headline; announcing changes is the page's live region's job
 * (`<order-tracker>` has one).
 *
 * @slot contact - The store's own words about contacting it (shown with the `contact-href` link, if any).
 *
 * @csspart base - The banner.
 * @csspart icon - The icon beside the headline (decorative).
 * @csspart headline - The headline.
 * @csspart badge - "Action needed", when the shopper must act.
 * @csspart details - The list of what happened, what next, the new date and what to do.
 * @csspart what-happened - What happened.
 * @csspart what-next - What happens next.
 * @csspart new-date - The new delivery date.
 * @csspart what-to-do - What the shopper can do.
 * @csspart contact - The contact slot and links.
 * @csspart contact-link - The link to `contact-href`.
 * @csspart carrier-link - The link to `carrier-href` ("Go to UPS's tracking page"), when the shopper must act.
 *
 * @cssproperty [--trackline-color-text=#1b1f24] - Text (dark: #e6edf3).
 * @cssproperty [--trackline-color-muted=#59636e] - The small labels (dark: #9198a1).
 * @cssproperty [--trackline-color-accent=#1f5fbf] - The links and focus ring (dark: #6ea8fe).
 * @cssproperty [--trackline-color-problem=#b35900] - Border and icon of a delay (dark: #f0a04b).
 * @cssproperty [--trackline-color-action=#b42318] - Border, icon and badge when the shopper must act (dark: #ff8a7a).
 * @cssproperty [--trackline-banner-background=#fff4e5] - Background of a delay (dark: #2d2012).
 * @cssproperty [--trackline-banner-action-background=#fdecea] - Background when the shopper must act (dark: #3a1a17).
 * @cssproperty [--trackline-banner-border-width=0.25rem] - The thick inline-start border.
 * @cssproperty [--trackline-space=0.5rem] - The base spacing unit.
 * @cssproperty [--trackline-radius=0.5rem] - Corner radius.
 * @cssproperty [--trackline-tap-target=2.75rem] - Minimum height of the contact link (44 px at the default font size).
 * @cssproperty [--trackline-font-family=system-ui, sans-serif] - Font.
 * @cssproperty [--trackline-font-size=1rem] - Size of the text; the headline is 1.125 times it.
 * @cssproperty [--trackline-font-size-small=0.875rem] - Size of the labels and the badge.
 */
export class DelayBanner extends LitElement {
  static override styles = [tokens, styles];
  // Lit reads these rather than decorators, whose helpers cost <order-tracker>'s first paint 0.4 KB gzip more.
  static override properties = {
    hasContact: { state: true },
    shipment: { attribute: false },
    locale: {},
    contactHref: { attribute: 'contact-href' },
    carrierHref: { attribute: 'carrier-href' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    theme: { reflect: true },
    messages: { attribute: false },
    now: { attribute: false },
  };

  static {
    // A banner always tells a problem: the English problem copy, which the elements leave out until a parcel has
    // a problem, comes with it.
    addProblemCopy(enProblems);
  }

  readonly #language = new LanguageController(this, [bannerCopy, describeCopy]);

  /** Whether the store put anything in the `contact` slot. */
  private hasContact = false;

  /**
   * The shipment whose problem to explain.
   * @default none: the banner renders nothing and is hidden
   */
  shipment?: Shipment;

  /**
   * Language of the copy and dates (`en`, `es`, `fr`, `de`, or a regional tag such as `fr-CA`); others fall back to English.
   * @default the nearest `lang` attribute, else `en`
   */
  locale?: string;

  /** Where the shopper can contact the store (an http(s), mailto: or tel: URL, or a relative one). */
  contactHref?: string;

  /**
   * The carrier's tracking page for this parcel (an http(s) URL, or a relative one): when the shopper must act,
   * a link "Go to UPS's tracking page" shows beside the contact link, since that is where most of the actions
   * the banner asks for are done.
   */
  carrierHref?: string;

  /** The `aria-level` of the headline, to fit the page's outline. */
  headingLevel = 2;

  /**
   * Colour scheme: `light` or `dark`.
   * @default the system setting (`prefers-color-scheme`)
   */
  theme?: 'light' | 'dark';

  /**
   * Replacement copy for some of the chosen language's messages (`describe` replaces `describeShipment`'s).
   * @default the built-in copy of the chosen language
   */
  messages?: Partial<BannerMessages>;

  /**
   * The moment treated as now, for "today" and for whether the new date has passed.
   * @default the device's clock, read at each render
   */
  now?: Date;

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.hidden = !this.showing;
  }

  /** Also waits for the copy of a language the page asked for, and the update that shows it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#language.settled();
    return super.getUpdateComplete();
  }

  /** Whether the open problem still says something at this stage (a weather delay on a delivered parcel does not). */
  private get showing(): boolean {
    return !!this.shipment && relevantProblem(this.shipment) !== undefined;
  }

  private onSlotChange(event: Event): void {
    this.hasContact = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }

  private newDate(shipment: Shipment, tag: string, messages: BannerMessages): string | null {
    const estimate = shipment.estimate;
    if (!estimate || !shipment.problem || !deliveryDateHolds(shipment)) {
      return null;
    }
    // A date that has passed is no longer news: describeShipment then says when it was due instead.
    if (dayHasPassed(shipment, estimate.latest, this.now ?? Date.now())) return null;
    try {
      return dateText(estimate, tag, messages);
    } catch {
      return null; // a malformed date from plain JavaScript callers
    }
  }

  override render() {
    const shipment = this.shipment;
    if (!shipment?.problem || !this.showing) return nothing;

    const { language, tag } = this.#language.use(this.locale);
    const messages: BannerMessages = { ...bannerCopy.get(language), ...this.messages };
    const description = describe(shipment, {
      locale: tag,
      ...(this.now ? { now: this.now } : {}),
      ...(messages.describe ? { messages: messages.describe } : {}),
    });
    const action = shipment.problem.actionRequired === true;
    const date = this.newDate(shipment, tag, messages);
    const href = safeHref(this.contactHref);
    // What the shopper must do is mostly done with the carrier ("Contact UPS to …"): link to it then.
    const carrierHref = action ? safeHref(this.carrierHref) : undefined;

    return html`<section part="base" lang=${tag} class="banner${action ? ' action' : ''}" aria-labelledby="headline">
      <span part="icon" class="icon">${action ? alertIcon : clockIcon}</span>
      <div>
        <div part="headline" id="headline" class="headline" role="heading" aria-level=${this.headingLevel}>
          ${action ? html`<span part="badge" class="badge">${messages.actionRequired}</span>` : nothing}
          <span>${description.headline}</span>
        </div>
        <dl part="details">
          <div part="what-happened">
            <dt>${messages.whatHappened}</dt>
            <dd>${description.whatHappened}</dd>
          </div>
          <div part="what-next">
            <dt>${messages.whatNext}</dt>
            <dd>${description.whatNext}</dd>
          </div>
          ${
            date
              ? html`<div part="new-date" class="new-date">
                  <dt>${messages.newDate}</dt>
                  <dd>${date}</dd>
                </div>`
              : nothing
          }
          ${
            description.whatToDo
              ? html`<div part="what-to-do" class="todo">
                  <dt>${messages.whatToDo}</dt>
                  <dd>${description.whatToDo}</dd>
                </div>`
              : nothing
          }
        </dl>
        <div part="contact" class="contact" ?hidden=${!this.hasContact && !href && !carrierHref}>
          ${
            carrierHref
              ? html`<a part="carrier-link" href=${carrierHref}
                  >${messages.carrierLink(shopperCarrierName(shipment.carrier))}</a
                >`
              : nothing
          }
          <slot name="contact" @slotchange=${this.onSlotChange}></slot>
          ${href ? html`<a part="contact-link" href=${href}>${messages.contact}</a>` : nothing}
        </div>
      </div>
    </section>`;
  }
}
