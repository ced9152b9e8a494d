import * as z from 'zod/mini';

/** An instant with its UTC offset, as the carrier gave it: `2024-04-26T07:50:00-07:00`. */
export const isoDateTime = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 date-time with a UTC offset, such as 2024-04-26T07:50:00-07:00',
});

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.iso.date({ error: 'expected a calendar date as YYYY-MM-DD, such as 2024-04-26' });

export const nonEmptyString = z.string().check(z.minLength(1, 'must not be empty'));
