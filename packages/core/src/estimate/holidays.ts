import Holidays from 'date-holidays';
import { readDay } from '../insights/instants.js';

// Public holidays come from date-holidays, which is large: only the fit (in Node, or wherever the
// model is trained) imports this file. A fitted model carries its own list, so estimating in the
// browser never loads it. Lists are remembered per country and year: they never change.

const remembered = new Map<string, number[]>();

/** Nationwide public holidays of `country` between the day numbers `from` and `to`, inclusive. */
export function publicHolidays(country: string, from: number, to: number): number[] {
  const firstYear = new Date(from * 86_400_000).getUTCFullYear();
  const lastYear = new Date(to * 86_400_000).getUTCFullYear();
  const days: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (const day of holidaysOfYear(country, year)) if (day >= from && day <= to) days.push(day);
  }
  return days;
}

function holidaysOfYear(country: string, year: number): number[] {
  const key = `${country}:${year}`;
  let days = remembered.get(key);
  if (!days) {
    days = [];
    try {
      const calendar = new Holidays(country, { types: ['public'] });
      for (const holiday of calendar.getHolidays(year) || []) {
        if (holiday.type !== 'public') continue;
        const day = readDay(holiday.date);
        if (day === day && !days.includes(day)) days.push(day);
      }
    } catch {
      // A country date-holidays does not know: weekends only.
    }
    remembered.set(key, days);
  }
  return days;
}
