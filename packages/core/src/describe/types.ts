import type { EstimateBasis, ProblemReason, Status } from '../model/index.js';

/** The languages `describeShipment` speaks. */
export type DescribeLocale = 'en' | 'es' | 'fr' | 'de';

/** A calendar day as a shopper reads it: `tomorrow` (relative) or `Tue, May 7`. */
export interface DayText {
  text: string;
  /** True when `text` is a word like "today" or "tomorrow" that takes no preposition. */
  relative: boolean;
}

/** When something happened. */
export interface TimeText extends DayText {
  /**
   * Time of day (`10:50 AM`), or '' when only the day is known. It names its time zone (`10:50 AM EDT`) when the
   * scan's own clock, as the timeline shows it, reads another time, so the two never seem to disagree.
   */
  time: string;
  /** True when it happened today in the shopper's time zone. */
  today: boolean;
}

/** A delivery date or window. */
export interface DateRangeText {
  from: DayText;
  to: DayText;
  /** The most likely day inside a window, when known. */
  likely: DayText | null;
  /** The whole window as one phrase (`Tue, May 7 – Thu, May 9`), or the single day. */
  range: string;
  /** True when the window spans more than one day. */
  window: boolean;
}

/** What every message may use. Every string is plain text, already safe to show; '' means unknown. */
export interface MessageContext {
  /** The carrier's name as shoppers know it (`UPS`); '' when unknown, so the copy says "the carrier". */
  carrier: string;
  /** Where the latest scan happened (`Fresno, CA`); for a parcel collected from a pickup point, where that is. */
  place: string;
  /** When the latest scan happened, or the delivery time once delivered. */
  time: TimeText | null;
  /** When the parcel should arrive, unless that day has passed. */
  eta: DateRangeText | null;
  /** The day the parcel was due, when that day has passed without delivery. */
  due: DayText | null;
  /** The window the store promised at checkout. */
  promised: DateRangeText | null;
  /** The open problem's `actionRequired`. */
  action: boolean;
}

export type Message = (c: MessageContext) => string;

/** Statuses with something for the shopper to do even without a problem. */
export type StatusWithTodo = 'available_for_pickup' | 'returning' | 'returned' | 'cancelled';

/**
 * Every message. `collected.*` stand in for `status.delivered.*` when the parcel was collected from a pickup point
 * (its last scan before the delivery scan said it was waiting there), not brought to the door.
 */
export type MessageKey =
  | `status.${Status}.${'headline' | 'happened' | 'next'}`
  | `status.${StatusWithTodo}.todo`
  | `problem.${ProblemReason}.${'headline' | 'happened' | 'next' | 'todo'}`
  | `generic.${'headline' | 'happened' | 'next'}`
  | `collected.${'headline' | 'happened' | 'next'}`
  | 'lastSeen'
  | `eta.${EstimateBasis}`
  | 'eta.passed'
  | 'eta.late';

/** One language's copy. Every message is a function of the context; it returns '' when it has nothing to add. */
export type Messages = Record<MessageKey, Message>;

/** The keys of the problem copy (`problem.weather.headline`, …). */
export type ProblemMessageKey = Extract<MessageKey, `problem.${string}`>;

/** The copy of every problem, which only a parcel with a problem needs. */
export type ProblemMessages = Pick<Messages, ProblemMessageKey>;

/** The copy of every status, of the dates and of a parcel without data: what every parcel needs. */
export type StatusMessages = Omit<Messages, ProblemMessageKey>;
