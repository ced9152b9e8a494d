import type { ProblemReason, Shipment, Status } from '../model/index.js';
import { readShipment, type Facts } from './context.js';
import { formattingLocale, resolveLocale } from './locale.js';
import { en } from './messages-en.js';
import { leavesNoDate, problemMatters, relevantProblem } from './relevant-problem.js';
import type { DescribeLocale, MessageContext, MessageKey, Messages } from './types.js';

export interface DescribeOptions {
  /** BCP 47 tag (`es-MX`); languages other than en, es, fr and de fall back to English. */
  locale?: string;
  /** "Now", for words like "today" and for telling whether a delivery date has passed. Default: the current time. */
  now?: Date | string;
  /** Replacement copy for some keys of the chosen language. */
  messages?: Partial<Messages>;
}

/** The shopper's three questions, answered in plain text (render it as text, never as HTML). */
export interface ShipmentDescription {
  headline: string;
  whatHappened: string;
  whatNext: string;
  /** What the shopper should do, or null when nothing. */
  whatToDo: string | null;
}

/** Statuses whose own copy leads even when a problem is open: the parcel is done, going back, or waiting for pickup. */
const statusLeads: ReadonlySet<Status> = new Set([
  'available_for_pickup',
  'delivered',
  'returning',
  'returned',
  'cancelled',
]);
/** Problems only the store can put right, so the shopper is told to contact it even when the carrier asks nothing. */
const askStore: ReadonlySet<ProblemReason> = new Set(['damaged', 'lost']);
/** Problems that do not change what to do at a pickup point: collect the parcel. */
const pickupAnyway: ReadonlySet<ProblemReason> = new Set([
  'failed_attempt',
  'held',
  'delayed',
  'weather',
  'stalled',
  'other',
]);
/** Statuses before delivery, where a delivery date helps. */
const dated: ReadonlySet<Status> = new Set(['pending', 'info_received', 'in_transit']);

const join = (...sentences: string[]) => sentences.filter(Boolean).join(' ');

/**
 * Whether a delivery date still means something for the parcel, as `describeShipment` decides whether to give one:
 * not once it has arrived, waits at a pickup point, is going back or was cancelled, and not while a problem that
 * still matters (`relevantProblem`) puts its fate in doubt (lost, damaged, refused) or waits on the shopper
 * (`actionRequired`). A page that shows the estimate only when this holds never shows a date the words deny. Out
 * for delivery, the summary says "later today" or "soon" instead of a date: check `outForDeliveryToday` first and
 * say "Today" when it is true; otherwise the window may still be shown beside "soon".
 */
export function deliveryDateHolds(shipment: Pick<Shipment, 'status' | 'problem'>): boolean {
  if (statusLeads.has(shipment.status)) return false;
  const problem = relevantProblem(shipment);
  return !problem || !leavesNoDate(problem.reason, problem.actionRequired === true);
}

function compose(facts: Facts, say: (key: MessageKey) => string): ShipmentDescription {
  const { status, context } = facts;
  const problem =
    facts.problem && problemMatters(status, facts.problem.reason, facts.problem.action) ? facts.problem.reason : null;
  const problemTodo = problem && (context.action || askStore.has(problem)) ? say(`problem.${problem}.todo`) : '';
  const eta = () => join(context.eta ? say(`eta.${facts.basis}`) : '', facts.late ? say('eta.late') : '');
  const due = context.due ? say('eta.passed') : '';

  let headline: string;
  let whatHappened: string;
  let whatNext: string;
  let whatToDo = '';
  if (status && statusLeads.has(status)) {
    // A parcel collected from a pickup point has copy of its own: nothing was left at the shopper's door.
    const copy = status === 'delivered' && facts.collected ? 'collected' : (`status.${status}` as const);
    headline = say(`${copy}.headline`);
    whatHappened = join(say(`${copy}.happened`), problem ? say(`problem.${problem}.happened`) : '');
    whatNext = status === 'delivered' && problem ? say(`problem.${problem}.next`) : say(`${copy}.next`);
    if (status === 'delivered') whatToDo = problemTodo;
    else if (status === 'available_for_pickup') {
      whatToDo = (problem && !pickupAnyway.has(problem) && problemTodo) || say('status.available_for_pickup.todo');
    } else if (status === 'returning' || status === 'returned' || status === 'cancelled') {
      whatToDo = say(`status.${status}.todo`);
    }
  } else if (problem) {
    headline = say(`problem.${problem}.headline`);
    whatHappened = join(say(`problem.${problem}.happened`), say('lastSeen'));
    whatNext = join(due, say(`problem.${problem}.next`), leavesNoDate(problem, context.action) ? '' : eta());
    whatToDo = problemTodo;
  } else if (status) {
    headline = say(`status.${status}.headline`);
    whatHappened = join(say(`status.${status}.happened`), status === 'in_transit' ? say('lastSeen') : '');
    whatNext = dated.has(status) ? join(due, say(`status.${status}.next`), eta()) : say(`status.${status}.next`);
  } else {
    headline = say('generic.headline');
    whatHappened = join(say('generic.happened'), say('lastSeen'));
    whatNext = join(due, say('generic.next'), eta());
  }
  return {
    headline: headline || say('generic.headline'),
    whatHappened: whatHappened || say('generic.happened'),
    whatNext: whatNext || say('generic.next'),
    whatToDo: whatToDo || null,
  };
}

/** Nothing known: the copy falls back to "the carrier", no place, no dates. */
const nothingKnown: MessageContext = {
  carrier: '',
  place: '',
  time: null,
  eta: null,
  due: null,
  promised: null,
  action: false,
};

function toTime(now: unknown): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'string' ? Date.parse(now) : NaN;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? ms : Date.now();
}

/** `describeShipment`'s signature: a shipment and its options in, the shopper's three answers out. */
export type Describer = (shipment: Shipment, options?: DescribeOptions) => ShipmentDescription;

/**
 * A `describeShipment` that speaks English and the languages in `languages`, for pages that load a language's
 * copy only when a shopper needs it (`loadDescribeMessages`, or `@trackline/core/locales/<language>`).
 * `languages` is read on every call, so a language added to it later is used from then on. Until then that
 * language is described in English, dates included, so one sentence never mixes two languages; it never throws.
 */
export function createDescriber(languages: Partial<Record<DescribeLocale, Messages>> = {}): Describer {
  return (shipment, options) => describeWith(languages, en, shipment, options);
}

/**
 * A `describeShipment` with no copy built in: English too comes from `languages.en`, and any language may be
 * given in parts. For a browser page that loads even the English problem copy only when a parcel has a problem:
 * `createDescriberFrom({ en: { ...enStatus } })`, then add `enProblems` to that object when it has arrived (both
 * exported from `@trackline/core`, each in a module of its own). `languages` is read on every call. A message the
 * copy lacks says nothing, and the description falls back to the generic copy for it; it never throws.
 */
export function createDescriberFrom(languages: Partial<Record<DescribeLocale, Partial<Messages>>>): Describer {
  return (shipment, options) => describeWith(languages, undefined, shipment, options);
}

/** `english`: the built-in English copy, or undefined to read it from `languages.en` (nothing when absent). */
function describeWith(
  languages: Partial<Record<DescribeLocale, Partial<Messages>>>,
  english: Messages | undefined,
  shipment: Shipment,
  options: DescribeOptions | undefined,
): ShipmentDescription {
  const englishCopy: Partial<Messages> = english ?? languages.en ?? {};
  let builtIn: Partial<Messages> = englishCopy;
  let overrides: Partial<Record<string, unknown>> = {};
  let context = nothingKnown;
  const run = (message: unknown): string | undefined => {
    try {
      const text: unknown = typeof message === 'function' ? message(context) : undefined;
      // A date or time that ends in a dot (`avr.`, `a.m.`) must not end its sentence with two.
      return typeof text === 'string' ? text.replace(/([^.])\.\.(\s|$)/g, '$1.$2').trim() : undefined;
    } catch {
      return undefined;
    }
  };
  const say = (key: MessageKey): string => {
    let override: unknown;
    try {
      override = overrides[key];
    } catch {
      override = undefined;
    }
    return run(override) ?? run(builtIn[key]) ?? '';
  };

  try {
    const locale: unknown = options?.locale;
    const wanted = resolveLocale(typeof locale === 'string' ? locale : undefined);
    const copy = wanted === 'en' ? englishCopy : languages[wanted];
    const language: DescribeLocale = copy ? wanted : 'en';
    builtIn = copy ?? englishCopy;
    const messages: unknown = options?.messages;
    if (typeof messages === 'object' && messages !== null) overrides = messages;
    const facts = readShipment(shipment, copy ? formattingLocale(locale, language) : 'en', toTime(options?.now));
    // A problem that no longer matters (a delay on a delivered parcel) asks nothing of the shopper.
    const open = facts.problem !== null && problemMatters(facts.status, facts.problem.reason, facts.problem.action);
    context = open ? facts.context : { ...facts.context, action: false };
    return compose({ ...facts, context }, say);
  } catch {
    // Only a hostile input (a throwing getter, a proxy) gets here: answer with the generic copy.
    context = nothingKnown;
    return compose({ status: null, problem: null, basis: 'carrier', collected: false, late: false, context }, say);
  }
}
