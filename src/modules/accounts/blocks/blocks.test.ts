import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../../../test/support/account.ts';
import { createAccount, post } from '../../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { companyWithHead, memberOf, type Company } from '../../../../test/support/employees.ts';
import { signInStaff, type SignedInStaff } from '../../../../test/support/staff.ts';
import { addDays, todayIn } from '../../../platform/dates.ts';
import { getAccountSummary } from '../summary.ts';
import { verifyLedger } from '../verify.ts';
import { liftPlannedBlocks } from './service.ts';

let t: TestApp;
let company: Company;
let accountant: SignedInStaff;
let operator: SignedInStaff;

const DAY = 86_400_000;
const TZ = 'Europe/Moscow';

beforeAll(async () => {
  t = await createTestApp();
  company = await companyWithHead(t.app, t.database.db);
  accountant = await signInStaff(t.app, t.database.db, 'accountant');
  operator = await signInStaff(t.app, t.database.db, 'operator');
});
afterAll(async () => t?.close());

async function account() {
  const { id, number } = await createAccount(t.database.db, company.id);
  return { customerId: company.id, accountId: id, number };
}

function daysFromToday(days: number): string {
  return addDays(todayIn(TZ, new Date()), days);
}

const voluntary = (key: { customerId: string; accountId: string }) => `/customers/${key.customerId}/accounts/${key.accountId}/blocks/voluntary`;
const staffPath = (key: { customerId: string; accountId: string }) => `/backoffice/accounts/${key.customerId}/${key.accountId}`;

async function blockedFor(key: { customerId: string; accountId: string }) {
  return (await getAccountSummary(t.database.db, key.customerId, key.accountId))?.blockedFor;
}

describe('voluntary block', () => {
  it('is started and lifted early by the customer, once at a time, and stays in the history', async () => {
    const key = await account();
    const call = client(t.app, company.head.cookie);
    const started = await call('POST', voluntary(key), {});
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ reason: 'voluntary', plannedEnd: null, endedAt: null });
    expect(await blockedFor(key)).toEqual(['voluntary']);

    const again = await call('POST', voluntary(key), {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'voluntary_block_exists', title: 'Добровольная блокировка уже действует.' });

    expect((await call('DELETE', voluntary(key))).statusCode).toBe(204);
    expect(await blockedFor(key)).toEqual([]);
    expect((await call('DELETE', voluntary(key))).json()).toMatchObject({ code: 'voluntary_block_not_open' });

    const history = (await call('GET', `/customers/${key.customerId}/accounts/${key.accountId}/blocks`)).json();
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ reason: 'voluntary' });
    expect(history.items[0].endedAt).not.toBeNull();
  });

  it('takes a planned end from tomorrow to 90 days ahead, and the job lifts it on that day, once', async () => {
    const key = await account();
    const call = client(t.app, company.head.cookie);
    for (const [plannedEnd, code] of [
      [daysFromToday(0), 'too_early'],
      [daysFromToday(-3), 'too_early'],
      [daysFromToday(91), 'too_late'],
    ] as const) {
      const refused = await call('POST', voluntary(key), { plannedEnd });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'plannedEnd', code })]);
    }
    expect((await call('POST', voluntary(key), { plannedEnd: 'завтра' })).statusCode).toBe(400);
    expect(await blockedFor(key)).toEqual([]);

    const plannedEnd = daysFromToday(5);
    const started = await call('POST', voluntary(key), { plannedEnd });
    expect(started.statusCode).toBe(201);
    expect(started.json().plannedEnd).toBe(plannedEnd);

    expect(await liftPlannedBlocks(t.database.db, TZ, new Date(Date.now() + 3 * DAY))).toBe(0);
    expect(await blockedFor(key)).toEqual(['voluntary']);
    const onThatDay = new Date(`${plannedEnd}T00:30:00+03:00`);
    expect(await liftPlannedBlocks(t.database.db, TZ, onThatDay)).toBeGreaterThanOrEqual(1);
    expect(await liftPlannedBlocks(t.database.db, TZ, onThatDay)).toBe(0);
    expect(await blockedFor(key)).toEqual([]);

    expect((await call('POST', voluntary(key), { plannedEnd: daysFromToday(90) })).statusCode).toBe(201);
  });

  it('needs the order permission, and refuses another customer’s account', async () => {
    const key = await account();
    const employee = await memberOf(t.app, t.database.db, company, 'employee');
    const companyAccountant = await memberOf(t.app, t.database.db, company, 'accountant');
    const refused = await client(t.app, companyAccountant.cookie)('POST', voluntary(key), {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'permission_denied', permission: 'order' });
    expect((await client(t.app, employee.cookie)('POST', voluntary(key), {})).statusCode).toBe(201);

    const other = await companyWithHead(t.app, t.database.db);
    const theirs = await createAccount(t.database.db, other.id);
    const foreign = { customerId: company.id, accountId: theirs.id };
    for (const method of ['POST', 'DELETE'] as const) {
      const response = await client(t.app, company.head.cookie)(method, voluntary(foreign), method === 'POST' ? {} : undefined);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('account_not_found');
    }
    expect(await blockedFor({ customerId: other.id, accountId: theirs.id })).toEqual([]);
  });
});

describe('staff block', () => {
  it('needs a reason, is audited, and the customer sees it with the reason', async () => {
    const key = await account();
    const call = client(t.app, accountant.cookie);
    for (const body of [{}, { reason: '   ' }]) {
      const refused = await call('POST', `${staffPath(key)}/block`, body);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    }
    expect(await blockedFor(key)).toEqual([]);

    const blocked = await call('POST', `${staffPath(key)}/block`, { reason: 'Нарушение договора, п. 4.2' });
    expect(blocked.statusCode).toBe(201);
    expect(blocked.json()).toMatchObject({ reason: 'staff', note: 'Нарушение договора, п. 4.2' });
    expect((await call('POST', `${staffPath(key)}/block`, { reason: 'ещё раз' })).json().code).toBe('staff_block_exists');

    const seen = (await client(t.app, company.head.cookie)('GET', `/customers/${key.customerId}/accounts/${key.accountId}/blocks`)).json();
    expect(seen.items[0]).toMatchObject({ reason: 'staff', note: 'Нарушение договора, п. 4.2', endedAt: null });

    expect((await call('POST', `${staffPath(key)}/unblock`, { reason: '' })).statusCode).toBe(400);
    expect((await call('POST', `${staffPath(key)}/unblock`, { reason: 'Договор исполнен' })).statusCode).toBe(204);
    expect(await blockedFor(key)).toEqual([]);
    expect((await call('POST', `${staffPath(key)}/unblock`, { reason: 'ещё раз' })).json().code).toBe('staff_block_not_open');

    const audit = await t.database.db.selectFrom('audit_event').select(['event', 'actor_id as actorId', 'details']).where('subject_id', '=', key.accountId).orderBy('id').execute();
    expect(audit).toEqual([
      { event: 'accounts.blocked', actorId: accountant.userId, details: expect.objectContaining({ reason: 'Нарушение договора, п. 4.2', number: key.number }) },
      { event: 'accounts.unblocked', actorId: accountant.userId, details: expect.objectContaining({ reason: 'Договор исполнен' }) },
    ]);
  });

  it('is for administrators and accountants: operators, customers and strangers do not see the routes', async () => {
    const key = await account();
    for (const cookie of [operator.cookie, company.head.cookie]) {
      const call = client(t.app, cookie);
      expect((await call('GET', `/backoffice/accounts?q=${encodeURIComponent(key.number)}`)).statusCode).toBe(404);
      expect((await call('GET', staffPath(key))).statusCode).toBe(404);
      expect((await call('POST', `${staffPath(key)}/block`, { reason: 'x' })).statusCode).toBe(404);
    }
    expect((await client(t.app)('POST', `${staffPath(key)}/block`, { reason: 'x' })).statusCode).toBe(401);
    expect(await blockedFor(key)).toEqual([]);
  });
});

describe('the back office «Лицевые счета»', () => {
  it('finds an account by its number and shows its balance and blocks', async () => {
    const key = await account();
    await post(t.database.db, key, { kind: 'charge', amount: -2_500 });
    const call = client(t.app, accountant.cookie);
    const found = await call('GET', `/backoffice/accounts?q=${encodeURIComponent(key.number)}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().items).toEqual([expect.objectContaining({ id: key.accountId, customerId: company.id, balance: -2_500, blockedFor: ['debt'] })]);
    expect((await call('GET', '/backoffice/accounts?q=nothing-like-it')).json().items).toEqual([]);

    const detail = await call('GET', staffPath(key));
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ number: key.number, balance: -2_500, blocks: [expect.objectContaining({ reason: 'debt' })] });
    expect((await call('GET', staffPath({ customerId: accountant.userId, accountId: key.accountId }))).statusCode).toBe(404);
    expect((await verifyLedger(t.database.db)).mismatches).toEqual([]);
  });
});
