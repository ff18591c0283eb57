/**
 * Adds calendar months in UTC, clamping to the last day of a shorter month (31 May - 3 months =
 * 28/29 Feb, 29 Feb + 36 months = 28 Feb) as Java's `Calendar.add` does, instead of rolling over
 * into the next month as `Date.setUTCMonth` would.
 */
export function addMonthsClamped(date: Date, months: number): Date {
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return result;
}
