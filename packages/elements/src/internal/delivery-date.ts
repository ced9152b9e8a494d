/** Today as `YYYY-MM-DD` where the parcel is going (else where the shopper is), to compare with estimate dates. */
function today(timeZone: string | undefined, now: number): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
  try {
    return new Intl.DateTimeFormat('en-CA', { ...options, timeZone }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA', options).format(now);
  }
}

/**
 * Whether a delivery window's last day (`YYYY-MM-DD`, in the destination's zone) is over at `now`: a date that
 * has passed is no longer news, and `describeShipment` then says when it was due instead. `<delay-banner>` and
 * `<order-tracker>` both judge by it, so the banner and the tracker never disagree about a date.
 */
export function hasPassed(latest: string, timeZone: string | undefined, now: number): boolean {
  return latest < today(timeZone, now);
}
