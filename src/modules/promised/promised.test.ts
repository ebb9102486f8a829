import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../../test/support/account.ts';
import { createAccount, post } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { companyWithHead, memberOf, type Company } from '../../../test/support/employees.ts';
import { ORIGIN } from '../../../test/support/identity.ts';
import { signInStaff, type SignedInStaff } from '../../../test/support/staff.ts';
import { getAccountSummary, listBlocks, verifyLedger } from '../accounts/index.ts';
import { expirePromisedPayments } from './expiry-job.ts';
import { getPromisedOverview, grantPromisedPayment } from './service.ts';
import { DEFAULT_PROMISED_SETTINGS, getPromisedSettings, setPromisedSettings } from './settings.ts';

let t: TestApp;
let company: Company;
let admin: SignedInStaff;
let accountant: SignedInStaff;
let operator: SignedInStaff;

const DAY = 86_400_000;
const TZ = 'Europe/Moscow';

beforeAll(async () => {
  t = await createTestApp();
  company = await companyWithHead(t.app, t.database.db);
  admin = await signInStaff(t.app, t.database.db, 'administrator');
  accountant = await signInStaff(t.app, t.database.db, 'accountant');
  operator = await signInStaff(t.app, t.database.db, 'operator');
});
afterAll(async () => t?.close());

/** An account of the company opened `ageDays` ago (old enough by default), with a debt if given. */
async function account(options: { ageDays?: number; debt?: number; blockThreshold?: number | null } = {}) {
  const { id } = await createAccount(t.database.db, company.id, {
    createdAt: new Date(Date.now() - (options.ageDays ?? 60) * DAY),
    blockThreshold: options.blockThreshold === undefined ? 0 : options.blockThreshold,
  });
  const key = { customerId: company.id, accountId: id };
  if (options.debt) await post(t.database.db, key, { kind: 'charge', amount: -options.debt });
  return key;
}

function url(key: { customerId: string; accountId: string }) {
  return `/customers/${key.customerId}/accounts/${key.accountId}/promised-payments`;
}

function reasonCodes(body: { reasons: Array<{ code: string }> }) {
  return body.reasons.map((reason) => reason.code);
}

async function entriesOf(key: { customerId: string; accountId: string }, kind: 'promised_credit' | 'promised_reversal') {
  return t.database.db
    .selectFrom('accounts_ledger_entry')
    .select(['external_id as externalId', 'amount'])
    .where('customer_id', '=', key.customerId)
    .where('account_id', '=', key.accountId)
    .where('kind', '=', kind)
    .execute();
}

describe('getPromisedOverview', () => {
  it('says why a promised payment is not available, in Russian', async () => {
    const young = await account({ ageDays: 2 });
    const response = await client(t.app, company.head.cookie)('GET', url(young));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.eligible).toBe(false);
    expect(body.amount).toBeNull();
    expect(body.reasons).toEqual([
      { code: 'account_age', message: 'Счёт открыт менее 30 дней.' },
      { code: 'balance', message: 'Баланс не отрицательный.' },
    ]);
    expect(body.rules).toMatchObject({ limitKind: 'amount', maxAmount: 50_000, accountLimit: 50_000, durationDays: 3, minIntervalDays: 30, minAccountAgeDays: 30 });
  });

  it('refuses a debt above the limit rather than granting a part of it', async () => {
    const deep = await account({ debt: 60_000 });
    const body = (await client(t.app, company.head.cookie)('GET', url(deep))).json();
    expect(reasonCodes(body)).toEqual(['over_limit']);
    // Intl puts a no-break space between the sum and the sign.
    expect(body.reasons[0].message.replace(/[\u00a0\u202f]/g, ' ')).toBe('Задолженность 600 ₽ больше, чем можно взять обещанным платежом: 500 ₽.');
  });

  it('counts the limit from the latest period’s periodic charges when the provider says so', async () => {
    const charged = await account();
    await post(
      t.database.db,
      charged,
      { kind: 'charge', amount: -30_000, chargeType: 'periodic', serviceCode: 'internet', period: '2026-10-01' },
      { kind: 'charge', amount: -45_000, chargeType: 'periodic', serviceCode: 'internet', period: '2026-11-01' },
      { kind: 'charge', amount: -15_000, chargeType: 'periodic', serviceCode: 'tv', period: '2026-11-01' },
      { kind: 'charge', amount: -5_000, chargeType: 'one_time' },
      { kind: 'payment', amount: 90_000 },
    );
    const never = await account({ debt: 1_000 });
    await setPromisedSettings({ db: t.database.db, now: new Date() }, null, { ...DEFAULT_PROMISED_SETTINGS, limitKind: 'days', maxDays: 7 });
    try {
      const ctx = { db: t.database.db, now: new Date(), timeZone: TZ };
      const overview = await getPromisedOverview(ctx, charged.customerId, charged.accountId);
      // 60 000 kopecks a month: 7 days of it is 14 000.
      expect(overview.rules).toMatchObject({ monthlyCharges: 60_000, accountLimit: 14_000 });
      expect(overview).toMatchObject({ eligible: true, amount: 5_000 });
      expect((await getPromisedOverview(ctx, never.customerId, never.accountId)).reasons.map((reason) => reason.code)).toEqual(['no_charges']);
    } finally {
      await setPromisedSettings({ db: t.database.db, now: new Date() }, null, DEFAULT_PROMISED_SETTINGS);
    }
  });
});

describe('grantPromisedPayment', () => {
  it('credits the debt rounded up to rubles and lifts the debt block', async () => {
    const debtor = await account({ debt: 12_345 });
    expect((await getAccountSummary(t.database.db, debtor.customerId, debtor.accountId))?.blockedFor).toEqual(['debt']);
    const call = client(t.app, company.head.cookie);
    const offer = (await call('GET', url(debtor))).json();
    expect(offer).toMatchObject({ eligible: true, reasons: [], amount: 12_400, current: null, history: [] });

    const granted = await call('POST', url(debtor));
    expect(granted.statusCode).toBe(201);
    const payment = granted.json();
    expect(payment).toMatchObject({ amount: 12_400, status: 'open', reversedAt: null });
    expect(new Date(payment.expiresAt).getTime() - new Date(payment.grantedAt).getTime()).toBe(3 * DAY);

    const summary = await getAccountSummary(t.database.db, debtor.customerId, debtor.accountId);
    expect(summary).toMatchObject({ balance: 55, blockedFor: [] });
    expect(await entriesOf(debtor, 'promised_credit')).toEqual([{ externalId: `promised:${payment.id}`, amount: 12_400 }]);

    const after = (await call('GET', url(debtor))).json();
    expect(after.current).toMatchObject({ id: payment.id });
    expect(reasonCodes(after)).toEqual(['open', 'balance']);
    expect(after.reasons[0].message).toMatch(/^Обещанный платёж уже действует до \d{1,2} \S+ 2\d{3}/);
    expect(after.history.map((item: { id: string }) => item.id)).toEqual([payment.id]);
  });

  it('grants exactly one of five simultaneous requests', async () => {
    const debtor = await account({ debt: 20_000 });
    const responses = await Promise.all(Array.from({ length: 5 }, () => client(t.app, company.head.cookie)('POST', url(debtor))));
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    for (const refused of responses.filter((response) => response.statusCode === 409)) {
      expect(refused.json()).toMatchObject({ code: 'promised_payment_not_eligible' });
    }
    expect(await entriesOf(debtor, 'promised_credit')).toHaveLength(1);
    expect((await getAccountSummary(t.database.db, debtor.customerId, debtor.accountId))?.balance).toBe(0);
  });

  it('grants exactly one when the service is called concurrently', async () => {
    const debtor = await account({ debt: 1_000 });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => grantPromisedPayment({ db: t.database.db, now: new Date(), timeZone: TZ }, { ...debtor, grantedBy: null })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await entriesOf(debtor, 'promised_credit')).toHaveLength(1);
  });

  it('answers a retry with the same Idempotency-Key with the first answer and posts one entry', async () => {
    const debtor = await account({ debt: 5_000 });
    const send = () =>
      t.app.inject({ method: 'POST', url: `/api/v1${url(debtor)}`, headers: { origin: ORIGIN, cookie: company.head.cookie, 'idempotency-key': `promised-${debtor.accountId}` } });
    const first = await send();
    const retry = await send();
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await entriesOf(debtor, 'promised_credit')).toHaveLength(1);
  });

  it('refuses a member whose role may not pay, and another customer’s account', async () => {
    const debtor = await account({ debt: 5_000 });
    const employee = await memberOf(t.app, t.database.db, company, 'employee');
    expect((await client(t.app, employee.cookie)('GET', url(debtor))).statusCode).toBe(200);
    const refused = await client(t.app, employee.cookie)('POST', url(debtor));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'permission_denied', permission: 'pay' });

    const other = await companyWithHead(t.app, t.database.db);
    const theirs = await createAccount(t.database.db, other.id, { createdAt: new Date(Date.now() - 60 * DAY) });
    const foreign = { customerId: company.id, accountId: theirs.id };
    for (const method of ['GET', 'POST'] as const) {
      const response = await client(t.app, company.head.cookie)(method, url(foreign));
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('account_not_found');
    }
    expect(await entriesOf(debtor, 'promised_credit')).toHaveLength(0);
  });
});

describe('expirePromisedPayments', () => {
  it('reverses once at expiry even when the job runs twice, blocks for debt again, and the interval holds the next one back', async () => {
    const debtor = await account({ debt: 12_345 });
    const ctx = { db: t.database.db, now: new Date(), timeZone: TZ };
    const payment = await grantPromisedPayment(ctx, { ...debtor, grantedBy: company.head.userId });
    // The customer pays a little meanwhile: the reversal still takes the whole promised amount back.
    await post(t.database.db, debtor, { kind: 'payment', amount: 1_000 });

    expect(await expirePromisedPayments(t.database.db, new Date(payment.expiresAt.getTime() - 60_000))).toBe(0);
    const atExpiry = new Date(payment.expiresAt.getTime() + 60_000);
    // The promised payments of the tests above are due by then too.
    expect(await expirePromisedPayments(t.database.db, atExpiry)).toBeGreaterThanOrEqual(1);
    expect(await expirePromisedPayments(t.database.db, atExpiry)).toBe(0);

    expect(await entriesOf(debtor, 'promised_reversal')).toEqual([{ externalId: `promised-reversal:${payment.id}`, amount: -12_400 }]);
    expect(await getAccountSummary(t.database.db, debtor.customerId, debtor.accountId)).toMatchObject({ balance: -11_345, blockedFor: ['debt'] });
    const blocks = await listBlocks(t.database.db, debtor.customerId, debtor.accountId);
    expect(blocks.map((block) => [block.reason, block.endedAt === null])).toEqual([
      ['debt', true],
      ['debt', false],
    ]);

    const afterExpiry = await getPromisedOverview({ ...ctx, now: atExpiry }, debtor.customerId, debtor.accountId);
    expect(afterExpiry.current).toBeNull();
    expect(afterExpiry.history[0]).toMatchObject({ id: payment.id, status: 'reversed' });
    expect(afterExpiry.reasons.map((reason) => reason.code)).toEqual(['interval']);
    expect(afterExpiry.reasons[0]!.message.ru).toMatch(/^Следующий можно взять после /);
    expect(afterExpiry.nextAllowedAt).toEqual(new Date(payment.grantedAt.getTime() + 30 * DAY));

    const later = new Date(payment.grantedAt.getTime() + 30 * DAY + 60_000);
    expect(await getPromisedOverview({ ...ctx, now: later }, debtor.customerId, debtor.accountId)).toMatchObject({ eligible: true, amount: 11_400 });
  });
});

describe('promised payment rules in the back office', () => {
  const path = '/backoffice/settings/promised-payment';

  it('lets an administrator read and change them, audited, and refuses everyone else', async () => {
    const read = await client(t.app, admin.cookie)('GET', path);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject(DEFAULT_PROMISED_SETTINGS);

    const changed = { ...DEFAULT_PROMISED_SETTINGS, maxAmount: 80_000, durationDays: 5 };
    const saved = await client(t.app, admin.cookie)('PUT', path, changed);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...changed, updatedBy: admin.userId });
    const audit = await t.database.db.selectFrom('audit_event').select(['actor_id', 'details']).where('event', '=', 'promised.settings_changed').where('actor_id', '=', admin.userId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ before: { maxAmount: 50_000 }, after: { maxAmount: 80_000 } });

    const invalid = await client(t.app, admin.cookie)('PUT', path, { ...changed, maxAmount: 0 });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0]).toMatchObject({ field: 'maxAmount' });

    for (const cookie of [accountant.cookie, operator.cookie, company.head.cookie]) {
      expect((await client(t.app, cookie)('GET', path)).statusCode).toBe(404);
      expect((await client(t.app, cookie)('PUT', path, changed)).statusCode).toBe(404);
    }
    expect((await client(t.app)('GET', path)).statusCode).toBe(401);

    await client(t.app, admin.cookie)('PUT', path, DEFAULT_PROMISED_SETTINGS);
    expect(await getPromisedSettings(t.database.db)).toMatchObject(DEFAULT_PROMISED_SETTINGS);
  });

  it('shows an account’s promised payments to administrators and accountants only', async () => {
    const debtor = await account({ debt: 3_000 });
    const payment = await grantPromisedPayment({ db: t.database.db, now: new Date(), timeZone: TZ }, { ...debtor, grantedBy: null });
    const path = `/backoffice/accounts/${debtor.customerId}/${debtor.accountId}/promised-payments`;
    const seen = await client(t.app, accountant.cookie)('GET', path);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ current: { id: payment.id, amount: 3_000 } });
    expect((await client(t.app, operator.cookie)('GET', path)).statusCode).toBe(404);
    expect((await client(t.app, company.head.cookie)('GET', path)).statusCode).toBe(404);
    expect((await client(t.app, accountant.cookie)('GET', `/backoffice/accounts/${accountant.userId}/${debtor.accountId}/promised-payments`)).statusCode).toBe(404);
  });
});

describe('the ledger after all of it', () => {
  it('agrees with every balance', async () => {
    expect((await verifyLedger(t.database.db)).mismatches).toEqual([]);
  });
});
