import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/database.ts';
import type { Localized } from '../../platform/http/errors.ts';
import { AccountNotFoundError, getAccountState, latestPeriodicCharges, lockAccountState, postEntries, type AccountState } from '../accounts/index.ts';
import { PromisedNotEligibleError, type Ineligibility } from './errors.ts';
import { getPromisedSettings, type PromisedSettings } from './settings.ts';
import { findLastPromised, findOpenPromised, insertPromised, listPromised, type PromisedPayment } from './store.ts';

export interface PromisedContext {
  db: Db;
  now: Date;
  /** The provider's time zone: dates in the customer's messages are shown in it. */
  timeZone: string;
}

/** The rules as they apply to one account: its limit in kopecks, from the settings and its charges. */
export interface PromisedRules extends PromisedSettings {
  accountLimit: number;
  /** The periodic charges of the latest charged period (kopecks); null when there were none. */
  monthlyCharges: number | null;
}

/** Everything the customer sees before confirming: the rules, the offer or why there is none. */
export interface PromisedOverview {
  rules: PromisedRules;
  eligible: boolean;
  reasons: Ineligibility[];
  /** What a grant now would credit (kopecks) and until when; null when not eligible. */
  amount: number | null;
  expiresAt: Date | null;
  /** When the interval rule lets the next one be taken; null when it does not hold one back. */
  nextAllowedAt: Date | null;
  current: PromisedPayment | null;
  history: PromisedPayment[];
}

const DAY_MS = 86_400_000;
const HISTORY_LIMIT = 50;
/** «N days of the monthly charges» counts a month as 30 days. */
const DAYS_IN_MONTH = 30;

function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** Kopecks up to whole rubles: a promised payment is a round sum. */
function ceilToRubles(kopecks: number): number {
  return Math.ceil(kopecks / 100) * 100;
}

export function accountLimit(settings: PromisedSettings, monthlyCharges: number | null): number {
  if (settings.limitKind === 'amount') return settings.maxAmount;
  if (monthlyCharges === null || monthlyCharges <= 0) return 0;
  return ceilToRubles((monthlyCharges * settings.maxDays) / DAYS_IN_MONTH);
}

export function formatInstant(at: Date, timeZone: string, locale: 'ru' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
}

function formatRubles(kopecks: number, locale: 'ru' | 'en'): string {
  const fraction = kopecks % 100 === 0 ? 0 : 2;
  return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { style: 'currency', currency: 'RUB', minimumFractionDigits: fraction, maximumFractionDigits: fraction }).format(kopecks / 100);
}

function both(make: (locale: 'ru' | 'en') => string): Localized {
  return { ru: make('ru'), en: make('en') };
}

function ruDays(count: number): string {
  // After «менее» the noun is genitive: менее 1 дня, 21 дня; менее 2, 5, 30 дней.
  return new Intl.PluralRules('ru-RU').select(count) === 'one' ? 'дня' : 'дней';
}

interface AssessInput {
  account: AccountState;
  settings: PromisedSettings;
  monthlyCharges: number | null;
  open: PromisedPayment | undefined;
  last: PromisedPayment | undefined;
}

/**
 * The rules applied to one account at `now`. The amount is what brings the balance up to zero (or to
 * the block threshold when that is above zero), rounded up to whole rubles — enough to lift a debt
 * block and no more; a balance already there (possible when a negative balance is not required)
 * gets the whole limit. An amount above the limit is refused rather than granted short: a partial
 * promised payment would leave the account blocked and still be reversed later.
 */
export function assessPromised(input: AssessInput, now: Date, timeZone: string): Omit<PromisedOverview, 'current' | 'history'> {
  const { account, settings, monthlyCharges, open, last } = input;
  const limit = accountLimit(settings, monthlyCharges);
  const rules: PromisedRules = { ...settings, accountLimit: limit, monthlyCharges };
  const reasons: Ineligibility[] = [];
  let nextAllowedAt: Date | null = null;

  if (!settings.enabled) {
    reasons.push({ code: 'disabled', message: { ru: 'Поставщик не предоставляет обещанный платёж.', en: 'The provider does not offer promised payments.' } });
  }
  if (account.status !== 'active') {
    reasons.push({ code: 'account_closed', message: { ru: 'Лицевой счёт закрыт.', en: 'The personal account is closed.' } });
  }
  if (open) {
    reasons.push({
      code: 'open',
      message: both((locale) =>
        locale === 'ru'
          ? `Обещанный платёж уже действует до ${formatInstant(open.expiresAt, timeZone, locale)}.`
          : `A promised payment is already in effect until ${formatInstant(open.expiresAt, timeZone, locale)}.`,
      ),
    });
  }
  if (last && settings.minIntervalDays > 0) {
    const next = addDays(last.grantedAt, settings.minIntervalDays);
    if (next > now) {
      nextAllowedAt = next;
      // With one still open, «already in effect» says it; the interval is the next thing they will meet.
      if (!open) {
        reasons.push({
          code: 'interval',
          message: both((locale) =>
            locale === 'ru' ? `Следующий можно взять после ${formatInstant(next, timeZone, locale)}.` : `The next one can be taken after ${formatInstant(next, timeZone, locale)}.`,
          ),
        });
      }
    }
  }
  if (addDays(account.openedAt, settings.minAccountAgeDays) > now) {
    const days = settings.minAccountAgeDays;
    reasons.push({
      code: 'account_age',
      message: { ru: `Счёт открыт менее ${days} ${ruDays(days)}.`, en: `The account was opened less than ${days} day${days === 1 ? '' : 's'} ago.` },
    });
  }
  if (settings.requireNegativeBalance && account.balance >= 0) {
    reasons.push({ code: 'balance', message: { ru: 'Баланс не отрицательный.', en: 'The balance is not negative.' } });
  }

  const target = Math.max(0, account.blockThreshold ?? 0);
  const needed = target - account.balance;
  const amount = needed > 0 ? ceilToRubles(needed) : limit;
  if (limit <= 0) {
    reasons.push({
      code: 'no_charges',
      message: {
        ru: 'По счёту ещё не было ежемесячных начислений, от которых считается сумма обещанного платежа.',
        en: 'The account has had no monthly charges to base the promised payment on.',
      },
    });
  } else if (amount > limit) {
    reasons.push({
      code: 'over_limit',
      message: both((locale) =>
        locale === 'ru'
          ? `Задолженность ${formatRubles(needed, locale)} больше, чем можно взять обещанным платежом: ${formatRubles(limit, locale)}.`
          : `The debt of ${formatRubles(needed, locale)} is more than a promised payment can cover: ${formatRubles(limit, locale)}.`,
      ),
    });
  }

  const eligible = reasons.length === 0;
  return {
    rules,
    eligible,
    reasons,
    amount: eligible ? amount : null,
    expiresAt: eligible ? addDays(now, settings.durationDays) : null,
    nextAllowedAt,
  };
}

async function gather(db: Db, account: AccountState) {
  const [settings, charges, open, last] = await Promise.all([
    getPromisedSettings(db),
    latestPeriodicCharges(db, account.customerId, account.id),
    findOpenPromised(db, account.customerId, account.id),
    findLastPromised(db, account.customerId, account.id),
  ]);
  return { account, settings, monthlyCharges: charges?.amount ?? null, open, last };
}

/** The customer's view: eligibility with reasons, the offer, the open one and the history. */
export async function getPromisedOverview(ctx: PromisedContext, customerId: string, accountId: string): Promise<PromisedOverview> {
  const account = await getAccountState(ctx.db, customerId, accountId);
  if (!account) throw new AccountNotFoundError();
  const input = await gather(ctx.db, account);
  const history = await listPromised(ctx.db, customerId, accountId, HISTORY_LIMIT);
  return { ...assessPromised(input, ctx.now, ctx.timeZone), current: input.open ?? null, history };
}

/** The back office's view of one account's promised payments. */
export async function listPromisedPayments(db: Db, customerId: string, accountId: string): Promise<{ current: PromisedPayment | null; history: PromisedPayment[] }> {
  if (!(await getAccountState(db, customerId, accountId))) throw new AccountNotFoundError();
  const [current, history] = await Promise.all([findOpenPromised(db, customerId, accountId), listPromised(db, customerId, accountId, HISTORY_LIMIT)]);
  return { current: current ?? null, history };
}

function isOpenKeyViolation(error: unknown): boolean {
  const failure = error as { code?: string; constraint?: string; message?: string };
  return failure.code === '23505' && (failure.constraint === 'promised_payment_open_key' || (failure.message ?? '').includes('promised_payment_open_key'));
}

/**
 * Grants a promised payment: one transaction that locks the account row, checks the rules against
 * what it then sees, records the promised payment and posts its `promised_credit` entry (external id
 * `promised:<id>`), which lifts a debt block through the ledger's debt rule. Two simultaneous
 * requests grant one: the second waits for the lock and finds the first one open; should anything
 * slip past the lock, the unique index «one open per account» refuses it.
 */
export async function grantPromisedPayment(ctx: PromisedContext, request: { customerId: string; accountId: string; grantedBy: string | null }): Promise<PromisedPayment> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const account = await lockAccountState(trx, request.customerId, request.accountId);
      if (!account) throw new AccountNotFoundError();
      const input = await gather(trx, account);
      const offer = assessPromised(input, ctx.now, ctx.timeZone);
      if (!offer.eligible || offer.amount === null || offer.expiresAt === null) throw new PromisedNotEligibleError(offer.reasons);

      const payment: PromisedPayment = {
        id: uuidv7(),
        accountId: account.id,
        amount: offer.amount,
        status: 'open',
        grantedAt: ctx.now,
        expiresAt: offer.expiresAt,
        reversedAt: null,
      };
      await insertPromised(trx, { ...payment, customerId: account.customerId, grantedBy: request.grantedBy });
      const [outcome] = await postEntries(
        trx,
        [
          {
            customerId: account.customerId,
            accountId: account.id,
            externalId: `promised:${payment.id}`,
            kind: 'promised_credit',
            amount: payment.amount,
            description: `Обещанный платёж до ${formatInstant(payment.expiresAt, ctx.timeZone, 'ru')}`,
            occurredAt: ctx.now,
            source: 'promised',
          },
        ],
        ctx.now,
      );
      if (outcome?.status !== 'posted') throw new Error(`promised payment ${payment.id}: its credit was not posted (${outcome?.status})`);
      return payment;
    });
  } catch (error) {
    if (!isOpenKeyViolation(error)) throw error;
    const open = await findOpenPromised(ctx.db, request.customerId, request.accountId);
    const account = await getAccountState(ctx.db, request.customerId, request.accountId);
    if (!open || !account) throw error;
    throw new PromisedNotEligibleError(assessPromised(await gather(ctx.db, account), ctx.now, ctx.timeZone).reasons);
  }
}

