import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, lastMail } from '../../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { companyWithHead, memberOf, type Company } from '../../../../test/support/employees.ts';

let t: TestApp;
let company: Company;
let other: Company;

beforeAll(async () => {
  t = await createTestApp();
  company = await companyWithHead(t.app, t.database.db);
  other = await companyWithHead(t.app, t.database.db);
});
afterAll(async () => t?.close());

async function membership(customerId: string, userId: string) {
  return t.database.db.selectFrom('party_membership').select(['role', 'status', 'status_reason']).where('customer_id', '=', customerId).where('user_id', '=', userId).executeTakeFirst();
}

async function heads(customerId: string) {
  const rows = await t.database.db.selectFrom('party_membership').select('user_id').where('customer_id', '=', customerId).where('role', '=', 'head').where('status', '<>', 'ended').execute();
  return rows.map((row) => row.user_id);
}

const asHead = (c: Company) => client(t.app, c.head.cookie);

describe('GET /customers/:customerId/members', () => {
  it('lists the members with name, email, role and status, the head first; any member may read it', async () => {
    const employee = await memberOf(t.app, t.database.db, company);
    const response = await client(t.app, employee.cookie)('GET', `/customers/${company.id}/members`);
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items[0]).toMatchObject({ userId: company.head.userId, email: company.head.email, role: 'head', status: 'active', blockedReason: null });
    expect(items).toContainEqual(expect.objectContaining({ userId: employee.userId, role: 'employee', email: employee.email }));
  });

  it("does not show another company's members", async () => {
    const response = await asHead(other)('GET', `/customers/${company.id}/members`);
    expect(response.statusCode).toBe(404);
  });
});

describe('PATCH /customers/:customerId/members/:userId', () => {
  it('changes a role and tells the member', async () => {
    const employee = await memberOf(t.app, t.database.db, company);
    const response = await asHead(company)('PATCH', `/customers/${company.id}/members/${employee.userId}`, { role: 'accountant' });
    expect(response.statusCode).toBe(204);
    expect((await membership(company.id, employee.userId))?.role).toBe('accountant');
    expect((await lastMail(t.database.db, employee.email))?.text_body).toContain('«Бухгалтер»');
    const audit = await t.database.db.selectFrom('audit_event').select(['event', 'details']).where('subject_id', '=', company.id).where('event', '=', 'member.role_changed').execute();
    expect(audit).toContainEqual({ event: 'member.role_changed', details: { memberId: employee.userId, from: 'employee', to: 'accountant' } });
  });

  it('never makes or unmakes a head this way', async () => {
    const employee = await memberOf(t.app, t.database.db, company);
    const toHead = await asHead(company)('PATCH', `/customers/${company.id}/members/${employee.userId}`, { role: 'head' });
    expect(toHead.statusCode).toBe(400);
    const demoteSelf = await asHead(company)('PATCH', `/customers/${company.id}/members/${company.head.userId}`, { role: 'employee' });
    expect(demoteSelf.statusCode).toBe(409);
    expect(demoteSelf.json().code).toBe('head_protected');
    expect(await heads(company.id)).toEqual([company.head.userId]);
  });
});

describe('block, unblock, remove', () => {
  it('blocks with a reason (the member loses access), unblocks, and removes', async () => {
    const employee = await memberOf(t.app, t.database.db, company);
    const blocked = await asHead(company)('POST', `/customers/${company.id}/members/${employee.userId}/block`, { reason: 'Уволен' });
    expect(blocked.statusCode).toBe(204);
    expect(await membership(company.id, employee.userId)).toMatchObject({ status: 'blocked', status_reason: 'Уволен' });
    expect((await client(t.app, employee.cookie)('GET', `/customers/${company.id}`)).json().code).toBe('membership_blocked');
    expect((await lastMail(t.database.db, employee.email))?.text_body).toContain('Причина: Уволен');
    const list = await asHead(company)('GET', `/customers/${company.id}/members`);
    expect(list.json().items).toContainEqual(expect.objectContaining({ userId: employee.userId, status: 'blocked', blockedReason: 'Уволен' }));

    expect((await asHead(company)('POST', `/customers/${company.id}/members/${employee.userId}/unblock`)).statusCode).toBe(204);
    expect((await client(t.app, employee.cookie)('GET', `/customers/${company.id}`)).statusCode).toBe(200);

    expect((await asHead(company)('DELETE', `/customers/${company.id}/members/${employee.userId}`)).statusCode).toBe(204);
    expect((await membership(company.id, employee.userId))?.status).toBe('ended');
    expect((await client(t.app, employee.cookie)('GET', `/customers/${company.id}`)).statusCode).toBe(404);
    expect((await asHead(company)('DELETE', `/customers/${company.id}/members/${employee.userId}`)).statusCode).toBe(404);
  });

  it('needs a reason to block', async () => {
    const employee = await memberOf(t.app, t.database.db, company);
    const response = await asHead(company)('POST', `/customers/${company.id}/members/${employee.userId}/block`, { reason: '' });
    expect(response.statusCode).toBe(400);
    expect((await membership(company.id, employee.userId))?.status).toBe('active');
  });

  it('never blocks or removes the head', async () => {
    const block = await asHead(company)('POST', `/customers/${company.id}/members/${company.head.userId}/block`, { reason: 'Сам себя' });
    expect(block.json().code).toBe('head_protected');
    const remove = await asHead(company)('DELETE', `/customers/${company.id}/members/${company.head.userId}`);
    expect(remove.json().code).toBe('head_protected');
    expect((await membership(company.id, company.head.userId))?.status).toBe('active');
  });
});

describe('POST /customers/:customerId/head-transfer', () => {
  it('hands headship to an active member; the former head becomes an administrator', async () => {
    const local = await companyWithHead(t.app, t.database.db);
    const successor = await memberOf(t.app, t.database.db, local, 'accountant');
    const response = await asHead(local)('POST', `/customers/${local.id}/head-transfer`, { userId: successor.userId });
    expect(response.statusCode).toBe(204);
    expect((await membership(local.id, successor.userId))?.role).toBe('head');
    expect((await membership(local.id, local.head.userId))?.role).toBe('administrator');
    expect(await heads(local.id)).toEqual([successor.userId]);
    expect((await lastMail(t.database.db, successor.email))?.subject).toBe(`Вы — руководитель компании ${local.name}`);
    // The former head no longer manages members.
    const again = await asHead(local)('POST', `/customers/${local.id}/head-transfer`, { userId: local.head.userId });
    expect(again.statusCode).toBe(403);
  });

  it('refuses a blocked member, oneself, and a member of another company', async () => {
    const blocked = await memberOf(t.app, t.database.db, company);
    await asHead(company)('POST', `/customers/${company.id}/members/${blocked.userId}/block`, { reason: 'Проверка' });
    const toBlocked = await asHead(company)('POST', `/customers/${company.id}/head-transfer`, { userId: blocked.userId });
    expect(toBlocked.statusCode).toBe(400);
    expect(toBlocked.json().errors[0]).toMatchObject({ field: 'userId', code: 'head_transfer_not_active' });
    expect((await asHead(company)('POST', `/customers/${company.id}/head-transfer`, { userId: company.head.userId })).statusCode).toBe(400);
    const outsider = await memberOf(t.app, t.database.db, other);
    expect((await asHead(company)('POST', `/customers/${company.id}/head-transfer`, { userId: outsider.userId })).statusCode).toBe(400);
    expect(await heads(company.id)).toEqual([company.head.userId]);
    expect((await membership(other.id, outsider.userId))?.role).toBe('employee');
  });
});

describe('members of one company, ids of another', () => {
  it("refuses another company's head with this company's ids, by path and by nested id", async () => {
    const employee = await memberOf(t.app, t.database.db, company);
    const attempts = [
      ['PATCH', `/members/${employee.userId}`, { role: 'administrator' }],
      ['POST', `/members/${employee.userId}/block`, { reason: 'Чужой' }],
      ['POST', `/members/${employee.userId}/unblock`, undefined],
      ['DELETE', `/members/${employee.userId}`, undefined],
      ['POST', '/head-transfer', { userId: employee.userId }],
    ] as const;
    for (const [method, path, body] of attempts) {
      const byPath = await asHead(other)(method, `/customers/${company.id}${path}`, body);
      expect({ path, status: byPath.statusCode }).toEqual({ path, status: 404 });
      const byNestedId = await asHead(other)(method, `/customers/${other.id}${path}`, body);
      expect({ path, status: byNestedId.statusCode }).toEqual({ path, status: path === '/head-transfer' ? 400 : 404 });
    }
    expect(await membership(company.id, employee.userId)).toMatchObject({ role: 'employee', status: 'active' });
  });

  it('refuses roles without manage_members with permission_denied', async () => {
    const target = await memberOf(t.app, t.database.db, company);
    for (const role of ['administrator', 'accountant', 'employee'] as const) {
      const member = await memberOf(t.app, t.database.db, company, role);
      const call = client(t.app, member.cookie);
      const responses = [
        await call('PATCH', `/customers/${company.id}/members/${target.userId}`, { role: 'administrator' }),
        await call('POST', `/customers/${company.id}/members/${target.userId}/block`, { reason: 'Нет' }),
        await call('POST', `/customers/${company.id}/members/${target.userId}/unblock`),
        await call('DELETE', `/customers/${company.id}/members/${target.userId}`),
        await call('POST', `/customers/${company.id}/head-transfer`, { userId: member.userId }),
      ];
      for (const response of responses) expect({ role, status: response.statusCode, code: response.json().code }).toEqual({ role, status: 403, code: 'permission_denied' });
    }
    expect(await membership(company.id, target.userId)).toMatchObject({ role: 'employee', status: 'active' });
  });
});
