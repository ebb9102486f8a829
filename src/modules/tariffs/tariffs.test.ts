import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../test/support/accounts.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createCustomer } from '../../../test/support/parties.ts';
import { startOfDayIn } from '../../platform/dates.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { getBalance, openBlock, verifyLedger } from '../accounts/index.ts';
import { cancelService, listAccountServices, orderService, subscribeService } from './addons.ts';
import { upsertPlan, upsertService } from './catalog.ts';
import { chargePeriod } from './charges-job.ts';
import { assignPlan, cancelScheduledChange, changePlan, getTariff, listPlanHistory, listPlanOffers, type TariffsContext } from './service.ts';

const timeZone = 'Europe/Moscow';
let database: DatabaseHandle;
const actor = { userId: null };

/** Noon in Moscow on a date. */
function at(date: string, time = '12:00'): Date {
  return new Date(startOfDayIn(timeZone, date).getTime() + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * 60_000);
}

function ctx(date: string, time?: string): TariffsContext {
  return { db: database.db, now: at(date, time), timeZone };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await upsertPlan(db, { code: 'home-100', name: 'Домашний 100', accountKind: 'internet', monthlyPrice: 60_000, selfService: true, immediateChange: false });
  await upsertPlan(db, { code: 'turbo-500', name: 'Турбо 500', accountKind: 'internet', monthlyPrice: 90_000, selfService: true, immediateChange: true });
  await upsertPlan(db, { code: 'eco-50', name: 'Эконом 50', accountKind: 'internet', monthlyPrice: 45_000, selfService: true, immediateChange: false });
  await upsertPlan(db, { code: 'corp-1g', name: 'Корпоративный 1 Гбит/с', accountKind: 'internet', monthlyPrice: 500_000, selfService: false, immediateChange: true });
  await upsertPlan(db, { code: 'old-10', name: 'Старый 10', accountKind: 'internet', monthlyPrice: 30_000, selfService: true, immediateChange: true, status: 'archived' });
  await upsertPlan(db, { code: 'water-std', name: 'Водоснабжение', accountKind: 'water', monthlyPrice: 10_000, selfService: true, immediateChange: true });
  await upsertService(db, { code: 'antivirus', name: 'Антивирус', accountKind: 'internet', monthlyPrice: 15_000, selfService: true });
  await upsertService(db, { code: 'static-ip', name: 'Статический IP', accountKind: 'internet', monthlyPrice: 20_000, selfService: true });
});
afterAll(async () => database?.close());

/** An internet account on `plan` since October 2026, never blocked for debt (these tests count money, not blocks). */
async function accountOn(plan = 'home-100', from = '2026-10-01') {
  const customerId = await createCustomer(database.db);
  const { id } = await createAccount(database.db, customerId, { blockThreshold: null });
  const key = { customerId, accountId: id };
  await database.db.transaction().execute((trx) => assignPlan(trx, { ...key, planCode: plan, from }));
  return key;
}

async function entriesOf(key: { customerId: string; accountId: string }) {
  return database.db
    .selectFrom('accounts_ledger_entry')
    .select(['external_id as externalId', 'kind', 'amount', 'charge_type as chargeType', 'service_code as serviceCode', 'period'])
    .where('customer_id', '=', key.customerId)
    .where('account_id', '=', key.accountId)
    .orderBy('amount')
    .orderBy('external_id')
    .execute();
}

describe('changePlan', () => {
  it('takes effect from the first day of the next period by default, moving no money now', async () => {
    const key = await accountOn('home-100');
    const result = await changePlan(ctx('2026-11-11'), actor, key, 'eco-50');
    expect(result.terms).toEqual({ mode: 'next_period', effectiveFrom: '2026-12-01', credit: 0, charge: 0, days: 0, periodDays: 30 });
    expect(result.tariff.current).toMatchObject({ planCode: 'home-100', validTo: '2026-12-01' });
    expect(result.tariff.scheduled).toMatchObject({ planCode: 'eco-50', validFrom: '2026-12-01', validTo: null, changeKind: 'next_period' });
    expect(result.tariff.nextCharge).toEqual({ date: '2026-12-01', amount: 45_000, items: [{ code: 'eco-50', name: 'Эконом 50', kind: 'plan', amount: 45_000 }] });
    expect(await entriesOf(key)).toEqual([]);
  });

  it('applies an immediate plan the same day, prorated by days: day 11 of a 30-day month credits 20/30 of the old plan and charges 20/30 of the new', async () => {
    const key = await accountOn('home-100');
    await chargePeriod(database.db, { period: '2026-11', now: at('2026-11-01', '01:00'), timeZone });
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-60_000);

    const offers = await listPlanOffers(ctx('2026-11-11'), key);
    const turbo = offers.items.find((item) => item.plan.code === 'turbo-500')!;
    expect(turbo.terms).toEqual({ mode: 'immediate', effectiveFrom: '2026-11-11', credit: 40_000, charge: 60_000, days: 20, periodDays: 30 });

    const result = await changePlan(ctx('2026-11-11'), actor, key, 'turbo-500');
    expect(result.terms).toEqual(turbo.terms);
    expect(result.tariff.current).toMatchObject({ planCode: 'turbo-500', validFrom: '2026-11-11', changeKind: 'immediate' });
    expect(result.tariff.scheduled).toBeNull();
    const assignmentId = result.tariff.current!.id;
    expect(await entriesOf(key)).toEqual([
      { externalId: `periodic:${key.accountId}:home-100:2026-11`, kind: 'charge', amount: -60_000, chargeType: 'periodic', serviceCode: 'home-100', period: '2026-11-01' },
      { externalId: `tariff-change:${assignmentId}:charge`, kind: 'charge', amount: -60_000, chargeType: 'one_time', serviceCode: 'turbo-500', period: '2026-11-01' },
      { externalId: `tariff-change:${assignmentId}:credit`, kind: 'correction', amount: 40_000, chargeType: null, serviceCode: 'home-100', period: '2026-11-01' },
    ]);
    // 600 ₽ for November, 400 ₽ back for 20 unused days, 600 ₽ for 20 days of 900 ₽.
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-80_000);

    // The job finds November charged; December is the new plan's whole month.
    const again = await chargePeriod(database.db, { period: '2026-11', now: at('2026-11-11', '13:00'), timeZone });
    expect(again.conflicts).toBe(0);
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-80_000);
    await chargePeriod(database.db, { period: '2026-12', now: at('2026-12-01', '00:30'), timeZone });
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-170_000);
  });

  it('charges the old plan for the period first when the job has not yet, so the credit gives back only what was charged', async () => {
    const key = await accountOn('home-100');
    await changePlan(ctx('2026-11-11'), actor, key, 'turbo-500');
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-80_000);
    await chargePeriod(database.db, { period: '2026-11', now: at('2026-11-11', '14:00'), timeZone });
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-80_000);
  });

  it('on the first day of a period charges the new plan its ordinary month, which the job then finds posted', async () => {
    const key = await accountOn('home-100');
    const result = await changePlan(ctx('2026-11-01', '10:00'), actor, key, 'turbo-500');
    expect(result.terms).toMatchObject({ mode: 'immediate', credit: 60_000, charge: 90_000, days: 30 });
    await chargePeriod(database.db, { period: '2026-11', now: at('2026-11-01', '11:00'), timeZone });
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-90_000);
    const periodic = (await entriesOf(key)).filter((entry) => entry.chargeType === 'periodic').map((entry) => entry.serviceCode);
    expect(periodic.sort()).toEqual(['home-100', 'turbo-500']);
  });

  it('refuses the current plan, a plan not offered, an archived plan and another kind of account’s plan, changing nothing', async () => {
    const key = await accountOn('home-100');
    await expect(changePlan(ctx('2026-11-11'), actor, key, 'home-100')).rejects.toMatchObject({ code: 'same_plan', status: 409 });
    await expect(changePlan(ctx('2026-11-11'), actor, key, 'corp-1g')).rejects.toMatchObject({ code: 'plan_not_offered', status: 422 });
    await expect(changePlan(ctx('2026-11-11'), actor, key, 'old-10')).rejects.toMatchObject({ code: 'plan_not_offered' });
    await expect(changePlan(ctx('2026-11-11'), actor, key, 'water-std')).rejects.toMatchObject({ code: 'plan_not_offered' });
    await expect(changePlan(ctx('2026-11-11'), actor, key, 'no-such-plan')).rejects.toMatchObject({ code: 'plan_not_offered' });
    expect((await listPlanHistory(ctx('2026-11-11'), key)).map((item) => item.planCode)).toEqual(['home-100']);
    const offered = (await listPlanOffers(ctx('2026-11-11'), key)).items.map((item) => item.plan.code);
    expect(offered).toEqual(['eco-50', 'home-100', 'turbo-500']);
  });

  it('replaces a scheduled change by a new choice, refuses to schedule the same one twice, and cancels it', async () => {
    const key = await accountOn('home-100');
    await changePlan(ctx('2026-11-11'), actor, key, 'eco-50');
    await expect(changePlan(ctx('2026-11-12'), actor, key, 'eco-50')).rejects.toMatchObject({ code: 'change_already_scheduled' });
    await expect(changePlan(ctx('2026-11-12'), actor, key, 'home-100')).rejects.toMatchObject({ code: 'same_plan' });
    const turbo = await changePlan(ctx('2026-11-12'), actor, key, 'turbo-500');
    expect(turbo.tariff.current?.planCode).toBe('turbo-500');
    expect(turbo.tariff.scheduled).toBeNull();
    await changePlan(ctx('2026-11-13'), actor, key, 'eco-50');
    const cancelled = await cancelScheduledChange(ctx('2026-11-14'), actor, key);
    expect(cancelled.current).toMatchObject({ planCode: 'turbo-500', validTo: null });
    expect(cancelled.scheduled).toBeNull();
    await expect(cancelScheduledChange(ctx('2026-11-14'), actor, key)).rejects.toMatchObject({ code: 'no_scheduled_change' });
    expect((await listPlanHistory(ctx('2026-11-14'), key)).map((item) => item.planCode)).toEqual(['turbo-500', 'home-100']);
  });

  it('lets a debt-blocked account change its plan, but not one blocked by the provider', async () => {
    const debt = await accountOn('home-100');
    await database.db.transaction().execute((trx) => openBlock(trx, { ...debt, reason: 'debt', note: null, startedBy: null }, new Date()));
    await expect(changePlan(ctx('2026-11-11'), actor, debt, 'eco-50')).resolves.toMatchObject({ terms: { mode: 'next_period' } });
    const staff = await accountOn('home-100');
    await database.db.transaction().execute((trx) => openBlock(trx, { ...staff, reason: 'staff', note: null, startedBy: null }, new Date()));
    await expect(changePlan(ctx('2026-11-11'), actor, staff, 'eco-50')).rejects.toMatchObject({ code: 'account_state_refuses', status: 409 });
  });

  it('records the event for the provider’s systems and the audit entry with the change', async () => {
    const key = await accountOn('home-100');
    await changePlan(ctx('2026-11-11'), { userId: null }, key, 'turbo-500');
    const events = await database.db.selectFrom('integration_event').select(['type', 'data']).where('customer_id', '=', key.customerId).execute();
    expect(events).toEqual([
      { type: 'plan.changed', data: expect.objectContaining({ accountId: key.accountId, fromPlan: 'home-100', toPlan: 'turbo-500', mode: 'immediate', credit: 40_000, charge: 60_000 }) },
    ]);
    const audit = await database.db.selectFrom('audit_event').select('event').where('subject_id', '=', key.customerId).execute();
    expect(audit).toEqual([{ event: 'tariffs.plan_changed' }]);
  });
});

describe('chargePeriod', () => {
  it('applies a scheduled change at the period boundary: the new plan is current and charged from its first day', async () => {
    const key = await accountOn('home-100');
    await changePlan(ctx('2026-11-20'), actor, key, 'eco-50');
    await chargePeriod(database.db, { period: '2026-11', now: at('2026-11-20', '13:00'), timeZone });
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-60_000);

    const report = await chargePeriod(database.db, { now: at('2026-12-01', '00:15'), timeZone });
    expect(report.period).toBe('2026-12-01');
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-105_000);
    const tariff = await getTariff(ctx('2026-12-01', '00:15'), key);
    expect(tariff.current).toMatchObject({ planCode: 'eco-50', validFrom: '2026-12-01' });
    expect(tariff.scheduled).toBeNull();
    expect(tariff.nextCharge).toMatchObject({ date: '2027-01-01', amount: 45_000 });
  });

  it('charges every account once per period however often it runs, one after another or at the same time', async () => {
    const keys = await Promise.all(Array.from({ length: 7 }, (_, index) => accountOn(index % 2 === 0 ? 'home-100' : 'eco-50')));
    for (const key of keys.slice(0, 3)) await database.db.transaction().execute((trx) => subscribeService(trx, { ...key, serviceCode: 'antivirus', from: '2026-10-15' }));
    const options = { period: '2027-01', now: at('2027-01-01', '00:10'), timeZone, batchSize: 2 };
    await chargePeriod(database.db, options);
    await chargePeriod(database.db, options);
    await Promise.all([chargePeriod(database.db, options), chargePeriod(database.db, options), chargePeriod(database.db, options)]);
    for (const [index, key] of keys.entries()) {
      const entries = (await entriesOf(key)).filter((entry) => entry.period === '2027-01-01');
      const plan = index % 2 === 0 ? 60_000 : 45_000;
      const service = index < 3 ? 15_000 : 0;
      expect(entries.length).toBe(index < 3 ? 2 : 1);
      expect(entries.reduce((sum, entry) => sum - entry.amount, 0)).toBe(plan + service);
    }
    expect((await verifyLedger(database.db)).mismatches).toEqual([]);
  });

  it('does not charge a plan that ended before the period, nor one of a cancelled change', async () => {
    const key = await accountOn('home-100');
    await changePlan(ctx('2026-11-11'), actor, key, 'eco-50');
    await cancelScheduledChange(ctx('2026-11-12'), actor, key);
    await chargePeriod(database.db, { period: '2026-12', now: at('2026-12-01', '00:30'), timeZone });
    expect((await entriesOf(key)).map((entry) => entry.serviceCode)).toEqual(['home-100']);
  });
});

describe('orderService and cancelService', () => {
  it('charges the rest of the month once, then monthly; a cancelled service works to the period’s end and is not charged after', async () => {
    const key = await accountOn('home-100');
    const ordered = await orderService(ctx('2026-11-11'), actor, key, 'antivirus');
    expect(ordered).toMatchObject({ charge: 10_000, resumed: false, subscription: { serviceCode: 'antivirus', validFrom: '2026-11-11', validTo: null } });
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-10_000);
    await expect(orderService(ctx('2026-11-11'), actor, key, 'antivirus')).rejects.toMatchObject({ code: 'service_already_active', status: 409 });

    const tariff = await getTariff(ctx('2026-11-11'), key);
    expect(tariff.nextCharge).toMatchObject({ date: '2026-12-01', amount: 75_000 });

    await chargePeriod(database.db, { period: '2026-12', now: at('2026-12-01', '00:30'), timeZone });
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-85_000);

    const cancelled = await cancelService(ctx('2026-12-05'), actor, key, 'antivirus');
    expect(cancelled).toMatchObject({ validTo: '2027-01-01' });
    await expect(cancelService(ctx('2026-12-06'), actor, key, 'antivirus')).rejects.toMatchObject({ code: 'service_already_cancelled' });
    expect((await listAccountServices(ctx('2026-12-06'), key)).active).toHaveLength(1);
    await chargePeriod(database.db, { period: '2027-01', now: at('2027-01-01', '00:30'), timeZone });
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-145_000);
    expect((await listAccountServices(ctx('2027-01-02'), key)).active).toEqual([]);
    await expect(cancelService(ctx('2027-01-02'), actor, key, 'antivirus')).rejects.toMatchObject({ code: 'service_not_active' });
  });

  it('keeps a cancelled service on, without a charge, when it is ordered again before it ends', async () => {
    const key = await accountOn('home-100');
    await orderService(ctx('2026-11-11'), actor, key, 'static-ip');
    await cancelService(ctx('2026-11-12'), actor, key, 'static-ip');
    const resumed = await orderService(ctx('2026-11-13'), actor, key, 'static-ip');
    expect(resumed).toMatchObject({ charge: 0, resumed: true, subscription: { validFrom: '2026-11-11', validTo: null } });
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(-13_333);
  });

  it('refuses orders of a debt-blocked account and lists what it may order with today’s charge', async () => {
    const key = await accountOn('home-100');
    const services = await listAccountServices(ctx('2026-11-11'), key);
    expect(services.available.map((offer) => [offer.service.code, offer.terms.charge])).toEqual([
      ['antivirus', 10_000],
      ['static-ip', 13_333],
    ]);
    await database.db.transaction().execute((trx) => openBlock(trx, { ...key, reason: 'debt', note: null, startedBy: null }, new Date()));
    await expect(orderService(ctx('2026-11-11'), actor, key, 'antivirus')).rejects.toMatchObject({ code: 'account_state_refuses' });
    expect(await getBalance(database.db, key.customerId, key.accountId)).toBe(0);
  });
});
