import { DAY_MS, epochDay, readDay } from '../insights/instants.js';

// Working days of one country. Days are whole numbers of days since 1970-01-01 (a Thursday).
// Inside the range the holiday list covers, counting is a look-up in a prefix table; outside it,
// only weekends count as days off.

const defaultWeekend = [0, 6];
// Countries whose weekend is Friday and Saturday.
const fridaySaturday = new Set(['SA', 'EG', 'IL', 'KW', 'QA', 'BH', 'OM', 'JO', 'DZ', 'IQ']);

export function weekendOf(country: string): number[] {
  return fridaySaturday.has(country) ? [5, 6] : defaultWeekend;
}

export function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** A day number as `YYYY-MM-DD` (H. Hinnant's `civil_from_days`). */
export function formatDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export { DAY_MS, epochDay, readDay };

export class WorkCalendar {
  private readonly weekendMask: number;
  private readonly holidaySet: Set<number>;
  /** prefix[i] = working days in [from, from + i). */
  private readonly prefix: Int32Array;

  constructor(
    readonly weekend: readonly number[],
    readonly holidays: readonly number[],
    readonly from: number,
    readonly to: number,
  ) {
    this.weekendMask = weekend.reduce((mask, d) => mask | (1 << d), 0);
    this.holidaySet = new Set(holidays);
    const length = Math.max(0, to - from + 1);
    this.prefix = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) this.prefix[i + 1] = this.prefix[i]! + (this.isWorking(from + i) ? 1 : 0);
  }

  isWorking(day: number): boolean {
    return (this.weekendMask & (1 << dayOfWeek(day))) === 0 && !this.holidaySet.has(day);
  }

  /** Working days in (a, b]; 0 when b ≤ a. */
  count(a: number, b: number): number {
    if (b <= a) return 0;
    if (a + 1 >= this.from && b <= this.to) return this.prefix[b + 1 - this.from]! - this.prefix[a + 1 - this.from]!;
    let n = 0;
    for (let d = a + 1; d <= b; d++) if (this.isWorking(d)) n++;
    return n;
  }

  /** The `k`-th working day after `day` (`day` itself for k = 0). */
  add(day: number, k: number): number {
    let d = day;
    for (let left = k; left > 0;) {
      d++;
      if (this.isWorking(d)) left--;
    }
    return d;
  }

  /** `day` when it is a working day, else the next one. */
  onOrAfter(day: number): number {
    let d = day;
    while (!this.isWorking(d)) d++;
    return d;
  }
}
