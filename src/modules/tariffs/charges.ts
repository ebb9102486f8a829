import { startOfDayIn } from '../../platform/dates.ts';
import type { NewEntry } from '../accounts/index.ts';
import { monthLabel, periodKey } from './dates.ts';
import type { AccountKey } from './store.ts';

export const SOURCE = 'tariffs';

export interface Priced {
  code: string;
  name: string;
  monthlyPrice: number;
}

/**
 * The periodic charge of a plan or a service for a period. Its external id and its content depend
 * only on the account, the item and the period, so the job, a retry of the job and a plan change
 * that makes sure the month is charged all post the very same entry: the ledger keeps one.
 */
export function periodicEntry(key: AccountKey, item: Priced, kind: 'plan' | 'service', period: string, timeZone: string): NewEntry | null {
  if (item.monthlyPrice <= 0) return null;
  const what = kind === 'plan' ? `Абонентская плата по тарифу «${item.name}»` : `Услуга «${item.name}»`;
  return {
    customerId: key.customerId,
    accountId: key.accountId,
    externalId: periodicExternalId(key.accountId, item.code, period),
    kind: 'charge',
    amount: -item.monthlyPrice,
    chargeType: 'periodic',
    serviceCode: item.code,
    period,
    description: `${what} за ${monthLabel(period)}`,
    occurredAt: startOfDayIn(timeZone, period),
    source: SOURCE,
  };
}

export function periodicExternalId(accountId: string, code: string, period: string): string {
  return `periodic:${accountId}:${code}:${periodKey(period)}`;
}

/** A one-time charge for part of a period (an immediate plan change, a service ordered mid-month). */
export function partialCharge(
  key: AccountKey,
  item: Priced,
  options: { externalId: string; amount: number; days: number; total: number; period: string; now: Date; kind: 'plan' | 'service' },
): NewEntry | null {
  if (options.amount <= 0) return null;
  const what = options.kind === 'plan' ? `Тариф «${item.name}»` : `Услуга «${item.name}»`;
  return {
    customerId: key.customerId,
    accountId: key.accountId,
    externalId: options.externalId,
    kind: 'charge',
    amount: -options.amount,
    chargeType: 'one_time',
    serviceCode: item.code,
    period: options.period,
    description: `${what}: ${options.days} дн. из ${options.total} за ${monthLabel(options.period)}`,
    occurredAt: options.now,
    source: SOURCE,
  };
}

/** Gives back the unused days of the old plan after an immediate change. */
export function unusedDaysCredit(
  key: AccountKey,
  item: Priced,
  options: { externalId: string; amount: number; days: number; total: number; period: string; now: Date },
): NewEntry | null {
  if (options.amount <= 0) return null;
  return {
    customerId: key.customerId,
    accountId: key.accountId,
    externalId: options.externalId,
    kind: 'correction',
    amount: options.amount,
    chargeType: null,
    serviceCode: item.code,
    period: options.period,
    description: `Перерасчёт по тарифу «${item.name}»: неиспользованные ${options.days} дн. из ${options.total} за ${monthLabel(options.period)}`,
    occurredAt: options.now,
    source: SOURCE,
  };
}
