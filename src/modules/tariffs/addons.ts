import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { todayIn } from '../../platform/dates.ts';
import { daysInPeriod, nextPeriod, periodOf, postEntries, type AccountSummary, type NewEntry } from '../accounts/index.ts';
import { publishEvent } from '../integration/index.ts';
import { partialCharge, periodicEntry } from './charges.ts';
import { prorate, remainingDays } from './dates.ts';
import { AccountStateError, isUniqueViolation, ServiceAlreadyActiveError, ServiceAlreadyCancelledError, ServiceNotActiveError, ServiceNotOfferedError } from './errors.ts';
import { requireAccount, type Actor, type TariffsContext } from './service.ts';
import { insertSubscription, listLiveSubscriptions, lockLiveSubscription, setSubscriptionEnd, type AccountKey, type Subscription } from './store.ts';
import { findService, listServices, type Service } from './catalog-store.ts';

/** What ordering a service costs today: the rest of this month once, then the monthly price. */
export interface OrderTerms {
  /** Kopecks charged today (the first day of a period: the whole month). */
  charge: number;
  days: number;
  periodDays: number;
  /** The first monthly charge after this one. */
  nextChargeOn: string;
}

export interface ServiceOffer {
  service: Service;
  terms: OrderTerms;
}

export interface AccountServices {
  today: string;
  /** Working subscriptions; `validTo` set: cancelled, working until that day. */
  active: Subscription[];
  /** Services the account may order now. */
  available: ServiceOffer[];
}

export function orderTermsOf(service: Pick<Service, 'monthlyPrice'>, today: string): OrderTerms {
  const period = periodOf(today);
  const periodDays = daysInPeriod(period);
  const days = remainingDays(today);
  return { charge: prorate(service.monthlyPrice, days, periodDays), days, periodDays, nextChargeOn: nextPeriod(period) };
}

export async function listAccountServices(ctx: TariffsContext, key: AccountKey): Promise<AccountServices> {
  const account = await requireAccount(ctx.db, key);
  const today = todayIn(ctx.timeZone, ctx.now);
  const active = await listLiveSubscriptions(ctx.db, key, today);
  const taken = new Set(active.map((item) => item.serviceCode));
  const offered = await listServices(ctx.db, { accountKind: account.kind, offered: true });
  return {
    today,
    active,
    available: offered.filter((service) => !taken.has(service.code)).map((service) => ({ service, terms: orderTermsOf(service, today) })),
  };
}

/** Orders add no debt to a blocked account; cancelling is always allowed. */
function assertMayOrder(account: AccountSummary): void {
  if (account.status === 'closed') throw new AccountStateError('closed');
  if (account.blockedFor.includes('staff')) throw new AccountStateError('blocked_by_staff');
  if (account.blockedFor.includes('debt')) throw new AccountStateError('blocked_for_debt');
}

export interface OrderResult {
  subscription: Subscription;
  /** Kopecks charged by this order; 0 when a cancelled service was simply kept on. */
  charge: number;
  resumed: boolean;
}

/**
 * Orders an add-on service from today: the rest of the month is charged once (named after the new
 * subscription, so it cannot be posted twice), the following months by the periodic job. A service
 * cancelled but still working until the period's end is simply kept on, without a new charge.
 */
export async function orderService(ctx: TariffsContext, actor: Actor, key: AccountKey, serviceCode: string): Promise<OrderResult> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const account = await requireAccount(trx, key);
      const service = await findService(trx, serviceCode);
      if (!service || service.status !== 'active' || !service.selfService || service.accountKind !== account.kind) throw new ServiceNotOfferedError();
      assertMayOrder(account);
      const today = todayIn(ctx.timeZone, ctx.now);
      const period = periodOf(today);

      const live = await lockLiveSubscription(trx, key, serviceCode, today);
      if (live && live.validTo === null) throw new ServiceAlreadyActiveError();
      let id: string;
      let charge = 0;
      if (live) {
        id = live.id;
        await setSubscriptionEnd(trx, key, id, { validTo: null, by: null, at: null });
      } else {
        id = uuidv7();
        await insertSubscription(trx, { ...key, id, serviceCode, validFrom: today, createdBy: actor.userId }, ctx.now);
        const terms = orderTermsOf(service, today);
        charge = terms.charge;
        // Ordered on the period's first day, it is in effect on that day: the month's periodic charge.
        const entry: NewEntry | null =
          today === period
            ? periodicEntry(key, service, 'service', period, ctx.timeZone)
            : partialCharge(key, service, { externalId: `service-order:${id}:charge`, amount: terms.charge, days: terms.days, total: terms.periodDays, period, now: ctx.now, kind: 'service' });
        if (entry) await postEntries(trx, [entry], ctx.now);
      }

      await publishEvent(
        trx,
        { type: 'service.ordered', customerId: key.customerId, data: { accountId: key.accountId, accountNumber: account.number, service: serviceCode, from: live?.validFrom ?? today, charge, resumed: live !== undefined } },
        ctx.now,
      );
      await recordAudit(trx, ctx.now, {
        event: 'tariffs.service_ordered',
        actorId: actor.userId,
        subjectId: key.customerId,
        ...(actor.origin ? { origin: actor.origin } : {}),
        details: { accountId: key.accountId, service: serviceCode, charge, resumed: live !== undefined },
      });
      const subscription = (await lockLiveSubscription(trx, key, serviceCode, today))!;
      return { subscription, charge, resumed: live !== undefined };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'tariffs_subscription_open_key')) throw new ServiceAlreadyActiveError();
    throw error;
  }
}

/**
 * Cancels a service at the end of the current period: the month is paid for, so the service works
 * until then and nothing is given back; from the next period on it is not charged.
 */
export async function cancelService(ctx: TariffsContext, actor: Actor, key: AccountKey, serviceCode: string): Promise<Subscription> {
  return ctx.db.transaction().execute(async (trx) => {
    const account = await requireAccount(trx, key);
    const today = todayIn(ctx.timeZone, ctx.now);
    const live = await lockLiveSubscription(trx, key, serviceCode, today);
    if (!live) throw new ServiceNotActiveError();
    if (live.validTo !== null) throw new ServiceAlreadyCancelledError(live.validTo);
    const endsOn = nextPeriod(periodOf(today));
    await setSubscriptionEnd(trx, key, live.id, { validTo: endsOn, by: actor.userId, at: ctx.now });
    await publishEvent(
      trx,
      { type: 'service.cancelled', customerId: key.customerId, data: { accountId: key.accountId, accountNumber: account.number, service: serviceCode, endsOn } },
      ctx.now,
    );
    await recordAudit(trx, ctx.now, {
      event: 'tariffs.service_cancelled',
      actorId: actor.userId,
      subjectId: key.customerId,
      ...(actor.origin ? { origin: actor.origin } : {}),
      details: { accountId: key.accountId, service: serviceCode, endsOn },
    });
    return { ...live, validTo: endsOn, cancelledAt: ctx.now };
  });
}

/** The provider's own subscription (demo data, imports): from a date, no charge for the first month. */
export async function subscribeService(trx: Db, input: AccountKey & { serviceCode: string; from: string; now?: Date }): Promise<string> {
  const key = { customerId: input.customerId, accountId: input.accountId };
  const live = await lockLiveSubscription(trx, key, input.serviceCode, input.from);
  if (live) return live.id;
  const id = uuidv7();
  await insertSubscription(trx, { ...key, id, serviceCode: input.serviceCode, validFrom: input.from, createdBy: null }, input.now ?? new Date());
  return id;
}
