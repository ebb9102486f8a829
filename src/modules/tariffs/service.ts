import { v7 as uuidv7 } from 'uuid';
import { recordAudit, type RequestOrigin } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { todayIn } from '../../platform/dates.ts';
import { AccountNotFoundError, daysInPeriod, getAccountSummary, nextPeriod, periodOf, postEntries, type AccountSummary, type NewEntry } from '../accounts/index.ts';
import { publishEvent } from '../integration/index.ts';
import { partialCharge, periodicEntry, unusedDaysCredit } from './charges.ts';
import { prorate, remainingDays } from './dates.ts';
import {
  AccountStateError,
  ChangeAlreadyScheduledError,
  ConcurrentChangeError,
  isUniqueViolation,
  NoCurrentPlanError,
  NoScheduledChangeError,
  PlanNotOfferedError,
  SamePlanError,
} from './errors.ts';
import { cancelAssignment, insertAssignment, listAssignments, listLiveSubscriptions, lockAssignments, setAssignmentEnd, type AccountKey, type Assignment } from './store.ts';
import { findPlan, listPlans, type Plan } from './catalog-store.ts';

export interface TariffsContext {
  db: Db;
  now: Date;
  /** The provider's time zone: billing periods are its calendar months. */
  timeZone: string;
}

/** Who acts: a member of the customer (or nobody, for the provider's own jobs and imports). */
export interface Actor {
  userId: string | null;
  origin?: RequestOrigin;
}

export interface ChargeLine {
  code: string;
  name: string;
  kind: 'plan' | 'service';
  amount: number;
}

export interface NextCharge {
  /** The first day of the next billing period, when its periodic charges are posted. */
  date: string;
  amount: number;
  items: ChargeLine[];
}

export interface TariffOverview {
  today: string;
  current: Assignment | null;
  scheduled: Assignment | null;
  nextCharge: NextCharge | null;
}

/** What choosing a plan does: its mode, the day it takes effect, and the money moved today. */
export interface ChangeTerms {
  mode: 'next_period' | 'immediate';
  effectiveFrom: string;
  /** Kopecks given back for the old plan's unused days (immediate changes only). */
  credit: number;
  /** Kopecks charged today for the new plan's remaining days (immediate changes only). */
  charge: number;
  /** Days of the period the credit and the charge are for, out of `periodDays`. */
  days: number;
  periodDays: number;
}

export interface PlanOffer {
  plan: Plan;
  current: boolean;
  scheduled: boolean;
  /** Null for the current plan: there is nothing to change to. */
  terms: ChangeTerms | null;
}

export interface ChangeResult {
  terms: ChangeTerms;
  tariff: TariffOverview;
}

export async function requireAccount(db: Db, key: AccountKey): Promise<AccountSummary> {
  const account = await getAccountSummary(db, key.customerId, key.accountId);
  if (!account) throw new AccountNotFoundError();
  return account;
}

function covering<T extends { validFrom: string; validTo: string | null }>(items: readonly T[], date: string): T | undefined {
  return items.find((item) => item.validFrom <= date && (item.validTo === null || item.validTo > date));
}

function chainState(chain: readonly Assignment[], today: string) {
  const current = covering(chain, today) ?? null;
  const scheduled = chain.find((item) => item.validFrom > today && item.validTo === null) ?? null;
  return { current, scheduled };
}

export async function getTariff(ctx: TariffsContext, key: AccountKey): Promise<TariffOverview> {
  await requireAccount(ctx.db, key);
  return readTariff(ctx, key);
}

async function readTariff(ctx: TariffsContext, key: AccountKey): Promise<TariffOverview> {
  const today = todayIn(ctx.timeZone, ctx.now);
  const chain = await listAssignments(ctx.db, key);
  const { current, scheduled } = chainState(chain, today);
  const next = nextPeriod(periodOf(today));
  const items: ChargeLine[] = [];
  const plan = covering(chain, next);
  if (plan) items.push({ code: plan.planCode, name: plan.planName, kind: 'plan', amount: plan.monthlyPrice });
  for (const subscription of await listLiveSubscriptions(ctx.db, key, today)) {
    if (subscription.validFrom <= next && (subscription.validTo === null || subscription.validTo > next)) {
      items.push({ code: subscription.serviceCode, name: subscription.serviceName, kind: 'service', amount: subscription.monthlyPrice });
    }
  }
  const nextCharge = items.length > 0 ? { date: next, amount: items.reduce((sum, item) => sum + item.amount, 0), items } : null;
  return { today, current, scheduled, nextCharge };
}

/** The account's plans, newest first. */
export async function listPlanHistory(ctx: TariffsContext, key: AccountKey): Promise<Assignment[]> {
  await requireAccount(ctx.db, key);
  return (await listAssignments(ctx.db, key)).reverse();
}

/**
 * Whether the plan's current assignment has been charged for this period: by the periodic charge
 * when it was in effect on the period's first day (a change makes sure that charge is posted), or by
 * the one-time charge of an immediate change this period. A plan the provider set mid-period was not.
 */
function chargedThisPeriod(current: Assignment, period: string): boolean {
  return current.validFrom <= period || current.changeKind === 'immediate';
}

export function termsOf(target: Plan, current: Assignment, today: string): ChangeTerms {
  const period = periodOf(today);
  const periodDays = daysInPeriod(period);
  if (!target.immediateChange) return { mode: 'next_period', effectiveFrom: nextPeriod(period), credit: 0, charge: 0, days: 0, periodDays };
  const days = remainingDays(today);
  return {
    mode: 'immediate',
    effectiveFrom: today,
    credit: chargedThisPeriod(current, period) ? prorate(current.monthlyPrice, days, periodDays) : 0,
    charge: prorate(target.monthlyPrice, days, periodDays),
    days,
    periodDays,
  };
}

/** The plans this account may choose, each with what choosing it would do today. */
export async function listPlanOffers(ctx: TariffsContext, key: AccountKey): Promise<{ today: string; items: PlanOffer[] }> {
  const account = await requireAccount(ctx.db, key);
  const today = todayIn(ctx.timeZone, ctx.now);
  const { current, scheduled } = chainState(await listAssignments(ctx.db, key), today);
  const plans = await listPlans(ctx.db, { accountKind: account.kind, offered: true });
  const items = plans.map((plan) => {
    const isCurrent = current?.planCode === plan.code;
    return {
      plan,
      current: isCurrent,
      scheduled: scheduled?.planCode === plan.code,
      terms: current && !isCurrent ? termsOf(plan, current, today) : null,
    };
  });
  return { today, items };
}

/** Closed accounts change nothing; a staff block stops changes. A debt block does not: paying is separate. */
export function assertMayChangePlan(account: AccountSummary): void {
  if (account.status === 'closed') throw new AccountStateError('closed');
  if (account.blockedFor.includes('staff')) throw new AccountStateError('blocked_by_staff');
}

/**
 * The customer's change of plan. From the next period by default; the same day when the new plan
 * allows it, prorated by days: the old plan's unused days come back as a correction (after making
 * sure this period's charge for it is posted), the new plan's remaining days are charged once. The
 * entries are named after the new assignment, so nothing can post them twice.
 */
export async function changePlan(ctx: TariffsContext, actor: Actor, key: AccountKey, planCode: string): Promise<ChangeResult> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const tx = { ...ctx, db: trx };
      const account = await requireAccount(trx, key);
      const target = await findPlan(trx, planCode);
      if (!target || target.status !== 'active' || !target.selfService || target.accountKind !== account.kind) throw new PlanNotOfferedError();
      assertMayChangePlan(account);

      const today = todayIn(ctx.timeZone, ctx.now);
      await lockAssignments(trx, key, today);
      const { current, scheduled } = chainState(await listAssignments(trx, key), today);
      if (!current) throw new NoCurrentPlanError();
      if (current.planCode === target.code) throw new SamePlanError(scheduled !== null);
      if (scheduled?.planCode === target.code) throw new ChangeAlreadyScheduledError(scheduled.validFrom);

      if (scheduled) {
        await cancelAssignment(trx, key, scheduled.id, actor.userId, ctx.now);
        await setAssignmentEnd(trx, key, current.id, null);
      }
      const terms = termsOf(target, current, today);
      const id = uuidv7();
      await setAssignmentEnd(trx, key, current.id, terms.effectiveFrom);
      await insertAssignment(trx, { ...key, id, planCode: target.code, validFrom: terms.effectiveFrom, changeKind: terms.mode, createdBy: actor.userId }, ctx.now);
      if (terms.mode === 'immediate') await postImmediateChange(tx, key, { current, target, terms, assignmentId: id, today });

      await publishEvent(
        trx,
        {
          type: 'plan.changed',
          customerId: key.customerId,
          data: {
            accountId: key.accountId,
            accountNumber: account.number,
            fromPlan: current.planCode,
            toPlan: target.code,
            mode: terms.mode,
            effectiveFrom: terms.effectiveFrom,
            credit: terms.credit,
            charge: terms.charge,
            ...(scheduled ? { replacedScheduledPlan: scheduled.planCode } : {}),
          },
        },
        ctx.now,
      );
      await recordAudit(trx, ctx.now, {
        event: 'tariffs.plan_changed',
        actorId: actor.userId,
        subjectId: key.customerId,
        ...(actor.origin ? { origin: actor.origin } : {}),
        details: { accountId: key.accountId, from: current.planCode, to: target.code, mode: terms.mode, effectiveFrom: terms.effectiveFrom, credit: terms.credit, charge: terms.charge },
      });
      return { terms, tariff: await readTariff(tx, key) };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'tariffs_assignment_open_key')) throw new ConcurrentChangeError();
    throw error;
  }
}

async function postImmediateChange(
  ctx: TariffsContext,
  key: AccountKey,
  change: { current: Assignment; target: Plan; terms: ChangeTerms; assignmentId: string; today: string },
) {
  const { current, target, terms, assignmentId, today } = change;
  const period = periodOf(today);
  const old = { code: current.planCode, name: current.planName, monthlyPrice: current.monthlyPrice };
  const entries: Array<NewEntry | null> = [];
  // The job would post this period's charge for the old plan anyway; posting it here first (the
  // same entry) makes the credit below give back only what was charged.
  if (current.validFrom <= period) entries.push(periodicEntry(key, old, 'plan', period, ctx.timeZone));
  const common = { days: terms.days, total: terms.periodDays, period, now: ctx.now };
  entries.push(unusedDaysCredit(key, old, { ...common, externalId: `tariff-change:${assignmentId}:credit`, amount: terms.credit }));
  // On the period's first day the new plan is the one in effect on that day: its ordinary periodic
  // charge is the whole month, and the job will find it posted.
  entries.push(
    today === period
      ? periodicEntry(key, target, 'plan', period, ctx.timeZone)
      : partialCharge(key, target, { ...common, externalId: `tariff-change:${assignmentId}:charge`, amount: terms.charge, kind: 'plan' }),
  );
  await postEntries(
    ctx.db,
    entries.filter((entry): entry is NewEntry => entry !== null),
    ctx.now,
  );
}

/** Drops the scheduled change: the current plan goes on. */
export async function cancelScheduledChange(ctx: TariffsContext, actor: Actor, key: AccountKey): Promise<TariffOverview> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const account = await requireAccount(trx, key);
    if (account.status === 'closed') throw new AccountStateError('closed');
    const today = todayIn(ctx.timeZone, ctx.now);
    await lockAssignments(trx, key, today);
    const { current, scheduled } = chainState(await listAssignments(trx, key), today);
    if (!scheduled || !current) throw new NoScheduledChangeError();
    await cancelAssignment(trx, key, scheduled.id, actor.userId, ctx.now);
    await setAssignmentEnd(trx, key, current.id, null);
    await publishEvent(
      trx,
      {
        type: 'plan.changed',
        customerId: key.customerId,
        data: { accountId: key.accountId, accountNumber: account.number, cancelledPlan: scheduled.planCode, plan: current.planCode, scheduledChangeCancelled: true },
      },
      ctx.now,
    );
    await recordAudit(trx, ctx.now, {
      event: 'tariffs.plan_change_cancelled',
      actorId: actor.userId,
      subjectId: key.customerId,
      ...(actor.origin ? { origin: actor.origin } : {}),
      details: { accountId: key.accountId, cancelled: scheduled.planCode, effectiveFrom: scheduled.validFrom },
    });
    return readTariff(tx, key);
  });
}

/**
 * The provider sets an account's plan from a date (demo data, imports, staff): later assignments
 * are replaced, the one in effect then ends that day. No money moves: the periodic job charges
 * whatever plan is in effect on a period's first day.
 */
export async function assignPlan(trx: Db, input: AccountKey & { planCode: string; from: string; now?: Date; actorId?: string | null }): Promise<string> {
  const now = input.now ?? new Date();
  const key = { customerId: input.customerId, accountId: input.accountId };
  await lockAssignments(trx, key, '0001-01-01');
  const chain = await listAssignments(trx, key);
  for (const item of chain) {
    if (item.validFrom >= input.from) await cancelAssignment(trx, key, item.id, input.actorId ?? null, now);
  }
  const before = covering(chain, input.from) ?? chain.filter((item) => item.validFrom < input.from && item.validTo === null)[0];
  if (before && before.validFrom < input.from) await setAssignmentEnd(trx, key, before.id, input.from);
  const id = uuidv7();
  await insertAssignment(trx, { ...key, id, planCode: input.planCode, validFrom: input.from, changeKind: 'assigned', createdBy: input.actorId ?? null }, now);
  return id;
}

/** The plan in effect on a date (e.g. for «N days of the plan's cost» of a promised payment). */
export async function getPlanOn(db: Db, key: AccountKey, date: string): Promise<Assignment | undefined> {
  return covering(await listAssignments(db, key), date);
}
