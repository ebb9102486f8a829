/**
 * Billing calendar: dates are 'YYYY-MM-DD' strings (as `date` columns are read), a billing period is
 * a calendar month named by its first day, and "today" is the date in the provider's time zone.
 */

export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone }).format(now);
}

/** The period (its first day) a date falls in. */
export function periodOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** Accepts '2026-11' or any date of the month; answers the period's first day. */
export function toPeriod(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/.test(value)) throw new Error(`not a billing period: ${value}`);
  return `${value.slice(0, 7)}-01`;
}

export function nextPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

export function daysInPeriod(period: string): number {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

/** 'YYYY-MM' of a period, as external ids name it. */
export function periodKey(period: string): string {
  return period.slice(0, 7);
}

/** Days of the period from `date` to its end, both included: what an immediate change or an order pays for. */
export function remainingDays(date: string): number {
  return daysInPeriod(periodOf(date)) - dayOfMonth(date) + 1;
}

/** A monthly price for `days` of a `total`-day month, rounded to the kopeck. */
export function prorate(monthlyPrice: number, days: number, total: number): number {
  return Math.round((monthlyPrice * days) / total);
}

/** The instant a date begins in the time zone (DST-safe: the offset is read at that instant). */
export function startOfDayIn(timeZone: string, date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(year, month - 1, day);
  let instant = utc - offsetAt(timeZone, utc);
  instant = utc - offsetAt(timeZone, instant);
  return new Date(instant);
}

function offsetAt(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const local = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return local - Math.floor(instant / 1000) * 1000;
}

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** «ноябрь 2026»: ledger descriptions are the provider's records, written in its language. */
export function monthLabel(period: string): string {
  return `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}
