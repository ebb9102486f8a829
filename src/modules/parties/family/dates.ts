/** Calendar dates as 'YYYY-MM-DD' strings, the way `date` columns are read. */

export { todayIn } from '../../../platform/dates.ts';

/**
 * The date `years` after `date`. Someone born on 29 February has their birthday on 28 February in
 * a common year: a term counted in years ends on the same day of the month, or on the month's last
 * day when there is no such day (Civil Code of the Russian Federation, art. 192).
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export const AGE_OF_MAJORITY = 18;

/** The 18th birthday: the day a guardian's access to a child's profile ends. */
export function majorityDate(birthDate: string): string {
  return addYears(birthDate, AGE_OF_MAJORITY);
}

export function isAdult(birthDate: string, today: string): boolean {
  return majorityDate(birthDate) <= today;
}

/** A real calendar date (not 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}
