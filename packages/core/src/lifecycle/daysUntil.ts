const DAY_MS = 86_400_000;

/** Whole days from `now` to `date`: 0 during the last 24 hours, negative once `date` has passed. */
export function daysUntil(date: Date, now: Date): number {
  return Math.floor((date.getTime() - now.getTime()) / DAY_MS);
}
