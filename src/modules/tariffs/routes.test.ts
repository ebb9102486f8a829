import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../../test/support/account.ts';
import { createAccount } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { ORIGIN, registerCustomer, type Registered } from '../../../test/support/identity.ts';
import { addMember, createCustomer } from '../../../test/support/parties.ts';
import { signInStaff } from '../../../test/support/staff.ts';
import { todayIn } from '../../platform/dates.ts';
import { getBalance, periodOf } from '../accounts/index.ts';
import { upsertPlan, upsertService } from './catalog.ts';
import { chargePeriod } from './charges-job.ts';
import { assignPlan } from './service.ts';

let t: TestApp;
let head: Registered;
let accountant: Registered;
let customerId: string;
let otherCustomerId: string;
let otherAccountId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await upsertPlan(db, { code: 'r-home', name: 'Домашний', accountKind: 'internet', monthlyPrice: 60_000, selfService: true, immediateChange: false });
  await upsertPlan(db, { code: 'r-turbo', name: 'Турбо', accountKind: 'internet', monthlyPrice: 90_000, selfService: true, immediateChange: true });
  await upsertPlan(db, { code: 'r-eco', name: 'Эконом', accountKind: 'internet', monthlyPrice: 45_000, selfService: true, immediateChange: false });
  await upsertPlan(db, { code: 'r-corp', name: 'Корпоративный', accountKind: 'internet', monthlyPrice: 500_000, selfService: false, immediateChange: true });
  await upsertService(db, { code: 'r-antivirus', name: 'Антивирус', accountKind: 'internet', monthlyPrice: 15_000, selfService: true });
  head = await registerCustomer(t.app, db);
  accountant = await registerCustomer(t.app, db);
  customerId = await createCustomer(db);
  await addMember(db, customerId, head.userId, { role: 'head' });
  await addMember(db, customerId, accountant.userId, { role: 'accountant' });
  const stranger = await registerCustomer(t.app, db);
  otherCustomerId = await createCustomer(db);
  await addMember(db, otherCustomerId, stranger.userId, { role: 'head' });
  otherAccountId = (await newAccount(otherCustomerId)).accountId;
});
afterAll(async () => t?.close());

const today = () => todayIn(t.config.timeZone, new Date());

async function newAccount(owner = customerId, plan = 'r-home') {
  const { id } = await createAccount(t.database.db, owner, { blockThreshold: null });
  const key = { customerId: owner, accountId: id };
  await t.database.db.transaction().execute((trx) => assignPlan(trx, { ...key, planCode: plan, from: '2026-01-01' }));
  return key;
}

const base = (key: { customerId: string; accountId: string }) => `/customers/${key.customerId}/accounts/${key.accountId}`;

function post(cookie: string, url: string, payload: object, idempotencyKey?: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { origin: ORIGIN, cookie, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    payload,
  });
}

async function ledgerCount(key: { customerId: string; accountId: string }) {
  const rows = await t.database.db.selectFrom('accounts_ledger_entry').select('id').where('customer_id', '=', key.customerId).where('account_id', '=', key.accountId).execute();
  return rows.length;
}

describe('the account tariff API', () => {
  it('shows the current plan, the next charge and the plans offered with the rules of changing, self-service plans only', async () => {
    const key = await newAccount();
    const api = client(t.app, head.cookie);
    const tariff = await api('GET', `${base(key)}/tariff`);
    expect(tariff.statusCode).toBe(200);
    expect(tariff.json()).toMatchObject({ current: { planCode: 'r-home', monthlyPrice: 60_000 }, scheduled: null, nextCharge: { amount: 60_000 } });
    const offers = (await api('GET', `${base(key)}/tariff/offers`)).json();
    expect(offers.items.map((item: { plan: { code: string } }) => item.plan.code)).toEqual(['r-eco', 'r-home', 'r-turbo']);
    const eco = offers.items.find((item: { plan: { code: string } }) => item.plan.code === 'r-eco');
    expect(eco.terms).toMatchObject({ mode: 'next_period', credit: 0, charge: 0 });
    expect(offers.items.find((item: { current: boolean }) => item.current).plan.code).toBe('r-home');
  });

  it('changes to an immediate plan once, with the amounts the preview showed, however often the request is retried with its key', async () => {
    const key = await newAccount();
    await chargePeriod(t.database.db, { now: new Date(), timeZone: t.config.timeZone });
    expect(await getBalance(t.database.db, key.customerId, key.accountId)).toBe(-60_000);
    const offers = (await client(t.app, head.cookie)('GET', `${base(key)}/tariff/offers`)).json();
    const preview = offers.items.find((item: { plan: { code: string } }) => item.plan.code === 'r-turbo').terms;
    expect(preview).toMatchObject({ mode: 'immediate', effectiveFrom: today() });
    expect(preview.credit).toBe(Math.round((60_000 * preview.days) / preview.periodDays));
    expect(preview.charge).toBe(Math.round((90_000 * preview.days) / preview.periodDays));

    const first = await post(head.cookie, `${base(key)}/tariff/change`, { planCode: 'r-turbo' }, 'change-turbo-1');
    expect(first.statusCode).toBe(200);
    expect(first.json().terms).toEqual(preview);
    expect(first.json().tariff.current).toMatchObject({ planCode: 'r-turbo', validFrom: today() });
    const entries = await ledgerCount(key);
    const second = await post(head.cookie, `${base(key)}/tariff/change`, { planCode: 'r-turbo' }, 'change-turbo-1');
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await ledgerCount(key)).toBe(entries);
    expect(await getBalance(t.database.db, key.customerId, key.accountId)).toBe(-60_000 + preview.credit - preview.charge);

    const again = await post(head.cookie, `${base(key)}/tariff/change`, { planCode: 'r-turbo' }, 'change-turbo-2');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'same_plan', title: 'Этот тариф уже подключён.' });
  });

  it('schedules a change for the next period and cancels it', async () => {
    const key = await newAccount();
    const api = client(t.app, head.cookie);
    const changed = await post(head.cookie, `${base(key)}/tariff/change`, { planCode: 'r-eco' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().terms).toMatchObject({ mode: 'next_period', effectiveFrom: changed.json().tariff.nextCharge.date });
    expect(changed.json().tariff.scheduled).toMatchObject({ planCode: 'r-eco' });
    expect(await ledgerCount(key)).toBe(0);
    const cancelled = await api('DELETE', `${base(key)}/tariff/scheduled-change`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ current: { planCode: 'r-home', validTo: null }, scheduled: null });
    expect((await api('DELETE', `${base(key)}/tariff/scheduled-change`)).statusCode).toBe(409);
    const history = (await api('GET', `${base(key)}/tariff/history`)).json();
    expect(history.items.map((item: { planCode: string }) => item.planCode)).toEqual(['r-home']);
  });

  it('refuses a plan the provider does not offer with a field error in Russian', async () => {
    const key = await newAccount();
    const refused = await post(head.cookie, `${base(key)}/tariff/change`, { planCode: 'r-corp' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'plan_not_offered', errors: [{ field: 'planCode', message: 'Выберите тариф из предложенных.' }] });
  });

  it('orders an add-on service once per key, refuses it twice, and cancels it to the end of the period', async () => {
    const key = await newAccount();
    const api = client(t.app, head.cookie);
    const listed = (await api('GET', `${base(key)}/services`)).json();
    const offer = listed.available.find((item: { service: { code: string } }) => item.service.code === 'r-antivirus');
    const first = await post(head.cookie, `${base(key)}/services`, { serviceCode: 'r-antivirus' }, 'order-av-1');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ charge: offer.terms.charge, resumed: false, subscription: { serviceCode: 'r-antivirus', validFrom: today() } });
    const replay = await post(head.cookie, `${base(key)}/services`, { serviceCode: 'r-antivirus' }, 'order-av-1');
    expect(replay.json()).toEqual(first.json());
    expect(await getBalance(t.database.db, key.customerId, key.accountId)).toBe(-offer.terms.charge);
    const twice = await post(head.cookie, `${base(key)}/services`, { serviceCode: 'r-antivirus' }, 'order-av-2');
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'service_already_active', title: 'Эта услуга уже подключена.' });

    const cancelled = await post(head.cookie, `${base(key)}/services/r-antivirus/cancel`, {});
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().validTo).toBe(offer.terms.nextChargeOn);
    expect(offer.terms.nextChargeOn > periodOf(today())).toBe(true);
    const events = await t.database.db.selectFrom('integration_event').select('type').where('customer_id', '=', customerId).orderBy('id').execute();
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['service.ordered', 'service.cancelled', 'plan.changed']));
  });

  it('answers 404 for another customer’s account under one’s own customer', async () => {
    const key = { customerId, accountId: otherAccountId };
    const other = { customerId: otherCustomerId, accountId: otherAccountId };
    const before = await ledgerCount(other);
    const api = client(t.app, head.cookie);
    for (const path of ['/tariff', '/tariff/history', '/tariff/offers', '/services']) {
      const response = await api('GET', `${base(key)}${path}`);
      expect(response.statusCode, path).toBe(404);
      expect(response.json().code).toBe('account_not_found');
    }
    expect((await post(head.cookie, `${base(key)}/tariff/change`, { planCode: 'r-eco' })).statusCode).toBe(404);
    expect((await post(head.cookie, `${base(key)}/services`, { serviceCode: 'r-antivirus' })).statusCode).toBe(404);
    expect((await post(head.cookie, `${base(key)}/services/r-antivirus/cancel`, {})).statusCode).toBe(404);
    expect((await api('DELETE', `${base(key)}/tariff/scheduled-change`)).statusCode).toBe(404);
    expect(await ledgerCount(other)).toBe(before);
  });

  it('lets an accountant see the plan but not change it or order services', async () => {
    const key = await newAccount();
    const api = client(t.app, accountant.cookie);
    expect((await api('GET', `${base(key)}/tariff`)).statusCode).toBe(200);
    expect((await api('GET', `${base(key)}/services`)).statusCode).toBe(200);
    const change = await post(accountant.cookie, `${base(key)}/tariff/change`, { planCode: 'r-eco' });
    expect(change.statusCode).toBe(403);
    expect(change.json().code).toBe('permission_denied');
    expect((await post(accountant.cookie, `${base(key)}/services`, { serviceCode: 'r-antivirus' })).statusCode).toBe(403);
    expect((await api('DELETE', `${base(key)}/tariff/scheduled-change`)).statusCode).toBe(403);
  });
});

describe('the back office «Тарифы»', () => {
  it('lets an administrator create, edit, archive and restore plans and services, with an audit trail', async () => {
    const admin = await signInStaff(t.app, t.database.db, 'administrator');
    const api = client(t.app, admin.cookie);
    const created = await api('POST', '/backoffice/tariffs/plans', {
      code: 'bo-giga',
      accountKind: 'internet',
      name: 'Гига',
      description: 'До 1 Гбит/с',
      monthlyPrice: 120_000,
      selfService: true,
      immediateChange: false,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'bo-giga', status: 'active' });
    const duplicate = await api('POST', '/backoffice/tariffs/services', { code: 'bo-giga', accountKind: 'internet', name: 'Дубль', description: null, monthlyPrice: 1, selfService: true });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'code_taken', errors: [{ field: 'code' }] });
    const invalid = await api('POST', '/backoffice/tariffs/plans', { code: 'Плохой код', accountKind: 'internet', name: '', description: null, monthlyPrice: -1, selfService: true, immediateChange: false });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['code', 'monthlyPrice', 'name']);

    const edited = await api('PUT', '/backoffice/tariffs/plans/bo-giga', { name: 'Гига+', description: null, monthlyPrice: 125_000, selfService: true, immediateChange: true });
    expect(edited.json()).toMatchObject({ name: 'Гига+', monthlyPrice: 125_000, immediateChange: true, accountKind: 'internet' });
    expect((await api('POST', '/backoffice/tariffs/plans/bo-giga/archive')).json().status).toBe('archived');
    expect((await api('GET', '/backoffice/tariffs/plans')).json().items).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'bo-giga', status: 'archived' })]));
    const key = await newAccount();
    const offered = (await client(t.app, head.cookie)('GET', `${base(key)}/tariff/offers`)).json().items.map((item: { plan: { code: string } }) => item.plan.code);
    expect(offered).not.toContain('bo-giga');
    expect((await api('POST', '/backoffice/tariffs/plans/bo-giga/restore')).json().status).toBe('active');
    expect((await api('PUT', '/backoffice/tariffs/plans/no-such', { name: 'x', description: null, monthlyPrice: 1, selfService: false, immediateChange: false })).statusCode).toBe(404);

    const service = await api('POST', '/backoffice/tariffs/services', { code: 'bo-tv', accountKind: 'internet', name: 'ТВ', description: null, monthlyPrice: 25_000, selfService: true });
    expect(service.statusCode).toBe(201);
    expect((await api('PUT', '/backoffice/tariffs/services/bo-tv', { name: 'ТВ 200 каналов', description: null, monthlyPrice: 30_000, selfService: false })).json()).toMatchObject({ monthlyPrice: 30_000, selfService: false });
    expect((await api('POST', '/backoffice/tariffs/services/bo-tv/archive')).json().status).toBe('archived');
    expect((await api('GET', '/backoffice/tariffs/services')).json().items).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'bo-tv' })]));

    const audit = await t.database.db.selectFrom('audit_event').select('event').where('actor_id', '=', admin.userId).execute();
    expect(audit.map((row) => row.event)).toEqual(
      expect.arrayContaining(['tariffs.plan_created', 'tariffs.plan_updated', 'tariffs.plan_archived', 'tariffs.plan_restored', 'tariffs.service_created', 'tariffs.service_archived']),
    );
  });

  it('is not there for customers, operators or signed-out callers', async () => {
    const operator = await signInStaff(t.app, t.database.db, 'operator');
    const body = { code: 'bo-x', accountKind: 'internet', name: 'X', description: null, monthlyPrice: 1, selfService: true, immediateChange: false };
    for (const cookie of [head.cookie, operator.cookie]) {
      expect((await client(t.app, cookie)('GET', '/backoffice/tariffs/plans')).statusCode).toBe(404);
      expect((await client(t.app, cookie)('POST', '/backoffice/tariffs/plans', body)).statusCode).toBe(404);
      expect((await client(t.app, cookie)('GET', '/backoffice/tariffs/services')).statusCode).toBe(404);
    }
    expect((await client(t.app)('GET', '/backoffice/tariffs/plans')).statusCode).toBe(401);
    expect((await client(t.app)('POST', '/backoffice/tariffs/services/bo-tv/archive')).statusCode).toBe(401);
  });
});
