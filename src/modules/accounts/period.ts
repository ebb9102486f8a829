import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { addMonths, daysInMonth } from '../../platform/dates.ts';
import { AppError, type DomainFieldError } from '../../platform/http/errors.ts';

/** The longest period a statement, an export or a usage chart covers. */
export const MAX_PERIOD_YEARS = 20;

export class InvalidPeriodError extends AppError {
  constructor(errors: DomainFieldError[]) {
    super('invalid_period', 400, { title: { ru: 'Период указан неверно.', en: 'The period is not valid.' }, errors });
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (no 30 February). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `date` moved by whole years (29 February → 28 February of a common year). */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  const moved = new Date(Date.UTC(year + years, month - 1, Math.min(day, lastDay)));
  return moved.toISOString().slice(0, 10);
}

/*
 * Billing periods: a period is a calendar month of the provider's time zone, named by its first day
 * ('YYYY-MM-01'); "today" is `todayIn(config.timeZone, now)` from platform/dates.ts.
 */

/** The period (its first day) a date falls in. */
export function periodOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function nextPeriod(period: string): string {
  return addMonths(period, 1);
}

export function daysInPeriod(period: string): number {
  return daysInMonth(period);
}

/** The last day of the period a date falls in. */
export function periodEnd(date: string): string {
  return `${date.slice(0, 7)}-${String(daysInMonth(date)).padStart(2, '0')}`;
}

/**
 * Checks an inclusive period of calendar dates: both ends real dates, `from` not after `to`, at most
 * `maxYears` long. Every problem is reported by field, in Russian and English.
 */
export function checkPeriod(period: { from?: string | undefined; to?: string | undefined }, maxYears = MAX_PERIOD_YEARS): void {
  const errors: DomainFieldError[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = period[field];
    if (value !== undefined && !isCalendarDate(value)) {
      errors.push({ field, code: 'format', message: { ru: 'Укажите дату в формате ГГГГ-ММ-ДД.', en: 'Enter a date as YYYY-MM-DD.' } });
    }
  }
  if (errors.length === 0 && period.from !== undefined && period.to !== undefined) {
    if (period.from > period.to) {
      errors.push({ field: 'to', code: 'before_from', message: { ru: 'Конец периода раньше его начала.', en: 'The period ends before it starts.' } });
    } else if (addYears(period.from, maxYears) <= period.to) {
      errors.push({
        field: 'to',
        code: 'period_too_long',
        message: { ru: `Период не может быть длиннее ${maxYears} лет.`, en: `The period cannot be longer than ${maxYears} years.` },
      });
    }
  }
  if (errors.length > 0) throw new InvalidPeriodError(errors);
}

/**
 * The instants a period of calendar dates covers in the provider's time zone: from the start of
 * `from` up to (not including) the start of the day after `to`. PostgreSQL's time-zone rules decide,
 * the same that store the entries, so a daylight-saving change cannot move a boundary.
 */
export async function periodBounds(db: Db, timeZone: string, period: { from?: string | undefined; to?: string | undefined }): Promise<{ start: Date | null; end: Date | null }> {
  if (period.from === undefined && period.to === undefined) return { start: null, end: null };
  const { rows } = await sql<{ start: Date | null; end: Date | null }>`
    select (${period.from ?? null}::date)::timestamp at time zone ${timeZone} as start,
           (${period.to ?? null}::date + 1)::timestamp at time zone ${timeZone} as end`.execute(db);
  return { start: rows[0]?.start ?? null, end: rows[0]?.end ?? null };
}
