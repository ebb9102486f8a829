/**
 * The tariffs' side of the billing calendar (periods themselves are the accounts module's): proration
 * by days, the period in external ids and in the ledger's descriptions.
 */
import { daysInPeriod, periodOf } from '../accounts/index.ts';

/** Accepts '2026-11' or any date of the month; answers the period's first day. */
export function toPeriod(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/.test(value)) throw new Error(`not a billing period: ${value}`);
  return `${value.slice(0, 7)}-01`;
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

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** «ноябрь 2026»: ledger descriptions are the provider's records, written in its language. */
export function monthLabel(period: string): string {
  return `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}
