import { zonedTime } from '../../../platform/dates.ts';
import type { FieldProblem } from '../../accounts/index.ts';

/** One item of a batch as it arrived: JSON values from the API, text from a file's cells. */
export type Item = Readonly<Record<string, unknown>>;

/** Collects what is wrong with one item, field by field, in both languages. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, code: string, ru: string, en: string): void {
    this.list.push({ field, code, message: { ru, en } });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** The item's text in `field`: numbers are taken as their text, blanks as absent. */
export function text(item: Item, field: string, problems: Problems, options: { required?: boolean; max?: number } = {}): string | null {
  const raw = item[field];
  let value: string | null = null;
  if (typeof raw === 'number' && Number.isFinite(raw)) value = String(raw);
  else if (typeof raw === 'string') value = raw.trim() === '' ? null : raw.trim();
  else if (raw !== undefined && raw !== null) {
    problems.add(field, 'type', `${field}: ожидается текст`, `${field} must be text`);
    return null;
  }
  if (value === null) {
    if (options.required) problems.add(field, 'required', `Не заполнено поле ${field}`, `${field} is empty`);
    return null;
  }
  const max = options.max ?? 500;
  if (value.length > max) {
    problems.add(field, 'too_long', `${field}: не длиннее ${max} символов`, `${field} is longer than ${max} characters`);
    return null;
  }
  return value;
}

export function oneOf<T extends string>(item: Item, field: string, values: readonly T[], problems: Problems, options: { required?: boolean } = {}): T | null {
  const value = text(item, field, problems, { required: options.required, max: 64 });
  if (value === null) return null;
  if (!(values as readonly string[]).includes(value)) {
    problems.add(field, 'one_of', `${field}: одно из ${values.join(', ')}, указано «${value}»`, `${field} must be one of ${values.join(', ')}, got "${value}"`);
    return null;
  }
  return value as T;
}

/**
 * Kopecks as a whole number (JSON number or digits in a file). `positive`: more than zero (the sign
 * comes from the kind of entry); `nonzero`: either sign, not zero (corrections).
 */
export function kopecks(item: Item, field: string, problems: Problems, sign: 'positive' | 'nonzero'): number | null {
  const raw = item[field];
  let value: number | null = null;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && /^\s*[-+]?\d{1,16}\s*$/.test(raw)) value = Number(raw.trim());
  else if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    problems.add(field, 'required', `Не указана сумма в копейках (${field})`, `${field} is empty`);
    return null;
  }
  if (value === null || !Number.isSafeInteger(value)) {
    problems.add(field, 'integer', `${field}: сумма — целое число копеек, указано «${String(raw)}»`, `${field} must be a whole number of kopecks, got "${String(raw)}"`);
    return null;
  }
  if (sign === 'positive' && value <= 0) {
    problems.add(field, 'positive', `${field}: сумма должна быть больше нуля`, `${field} must be more than zero`);
    return null;
  }
  if (sign === 'nonzero' && value === 0) {
    problems.add(field, 'nonzero', `${field}: сумма корректировки не может быть нулевой`, `${field} must not be zero`);
    return null;
  }
  return value;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar day, YYYY-MM-DD. */
export function isoDay(item: Item, field: string, problems: Problems, options: { required?: boolean } = {}): string | null {
  const value = text(item, field, problems, { required: options.required, max: 32 });
  if (value === null) return null;
  const match = DAY.exec(value);
  if (!match || !validDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    problems.add(field, 'date', `${field}: дата в виде ГГГГ-ММ-ДД, указано «${value}»`, `${field} must be a date YYYY-MM-DD, got "${value}"`);
    return null;
  }
  return value;
}

/** A billing period: its first day, YYYY-MM-01 (YYYY-MM is taken as its first day). */
export function period(item: Item, field: string, problems: Problems, options: { required?: boolean } = {}): string | null {
  const value = text(item, field, problems, { required: options.required, max: 32 });
  if (value === null) return null;
  const match = /^(\d{4})-(\d{2})(?:-01)?$/.exec(value);
  if (!match || !validDay(Number(match[1]), Number(match[2]), 1)) {
    problems.add(field, 'period', `${field}: период — первый день месяца, ГГГГ-ММ-01, указано «${value}»`, `${field} must be the first day of a month, YYYY-MM-01, got "${value}"`);
    return null;
  }
  return `${match[1]}-${match[2]}-01`;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A moment: ISO 8601 with Z or an offset; without one (a plain date or a spreadsheet's local time)
 * it is the time on the provider's clock (`timeZone`), a plain date its midnight.
 */
export function instant(item: Item, field: string, problems: Problems, timeZone: string): Date | null {
  const value = text(item, field, problems, { required: true, max: 40 });
  if (value === null) return null;
  const match = INSTANT.exec(value);
  const fail = () => {
    problems.add(field, 'date_time', `${field}: дата и время ISO 8601, например 2026-11-01T10:00:00+03:00, указано «${value}»`, `${field} must be an ISO 8601 date and time, e.g. 2026-11-01T10:00:00+03:00, got "${value}"`);
    return null;
  };
  if (!match) return fail();
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return fail();
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (zone) {
    if (zone.toUpperCase() === 'Z') return new Date(wall);
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    return new Date(wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000);
  }
  return zonedTime(wall, timeZone);
}

/**
 * A quantity of usage: not negative, at most three decimals (a comma is taken as the decimal point,
 * as Russian spreadsheets write it); `whole` for megabytes and operations.
 */
export function quantity(item: Item, field: string, problems: Problems, whole: boolean): number | null {
  const raw = item[field];
  let value: number | null = null;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && /^\s*\d{1,11}(?:[.,]\d{1,3})?\s*$/.test(raw)) value = Number(raw.trim().replace(',', '.'));
  else if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    problems.add(field, 'required', `Не указано количество (${field})`, `${field} is empty`);
    return null;
  }
  const decimals = value === null ? 0 : Math.round(value * 1000) / 1000;
  if (value === null || !Number.isFinite(value) || value < 0 || value >= 1e11 || Math.abs(decimals - value) > 1e-9) {
    problems.add(field, 'quantity', `${field}: число не меньше нуля, не более трёх знаков после запятой, указано «${String(raw)}»`, `${field} must be a number of at least zero with at most three decimals, got "${String(raw)}"`);
    return null;
  }
  if (whole && !Number.isInteger(value)) {
    problems.add(field, 'integer', `${field}: для этой величины — целое число`, `${field} must be a whole number for this metric`);
    return null;
  }
  return value;
}
