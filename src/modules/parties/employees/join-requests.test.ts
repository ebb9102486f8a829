import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, lastMail } from '../../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { applicantOf, companyWithHead, memberOf, registerCustomer, type Company } from '../../../../test/support/employees.ts';
import { createCustomer } from '../../../../test/support/parties.ts';
import { signInStaff, type SignedInStaff } from '../../../../test/support/staff.ts';
import { validInn10 } from '../../../../test/support/tax-ids.ts';
import { fileJoinRequest } from '../index.ts';

let t: TestApp;
let company: Company;
let moderator: SignedInStaff;

beforeAll(async () => {
  t = await createTestApp();
  company = await companyWithHead(t.app, t.database.db);
  moderator = await signInStaff(t.app, t.database.db, 'moderator');
});
afterAll(async () => t?.close());

async function membership(customerId: string, userId: string) {
  return t.database.db.selectFrom('party_membership').select(['role', 'status', 'pending_step']).where('customer_id', '=', customerId).where('user_id', '=', userId).executeTakeFirst();
}

async function auditEvents(customerId: string, requestId: string) {
  const rows = await t.database.db.selectFrom('audit_event').select(['event', 'details']).where('subject_id', '=', customerId).orderBy('id').execute();
  return rows.filter((row) => row.details.requestId === requestId).map((row) => row.event);
}

const headApproves = (c: Company, requestId: string) => client(t.app, c.head.cookie)('POST', `/customers/${c.id}/join-requests/${requestId}/approve`);
const moderatorApproves = (requestId: string) => client(t.app, moderator.cookie)('POST', `/backoffice/join-requests/${requestId}/approve`);

describe('GET /join-requests/company', () => {
  it('finds the registered company by INN and says where the caller stands', async () => {
    const person = await registerCustomer(t.app, t.database.db);
    const found = await client(t.app, person.cookie)('GET', `/join-requests/company?inn=${company.inn}`);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ company: { id: company.id, name: company.name, inn: company.inn, status: 'active' }, membershipStatus: null, openRequestId: null });

    const mine = await client(t.app, company.head.cookie)('GET', `/join-requests/company?inn=${company.inn}`);
    expect(mine.json().membershipStatus).toBe('active');
  });

  it('answers an unknown INN with a field error in Russian, and a malformed one with 400', async () => {
    const person = await registerCustomer(t.app, t.database.db);
    const missing = await client(t.app, person.cookie)('GET', `/join-requests/company?inn=${validInn10()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'company_not_found', errors: [{ field: 'inn', code: 'company_not_found' }] });
    expect(missing.json().errors[0].message).toMatch(/не зарегистрирована/);
    const malformed = await client(t.app, person.cookie)('GET', '/join-requests/company?inn=12345');
    expect(malformed.statusCode).toBe(400);
    const inn = validInn10();
    const typo = `${inn.slice(0, 9)}${(Number(inn[9]) + 1) % 10}`;
    const checksum = await client(t.app, person.cookie)('GET', `/join-requests/company?inn=${typo}`);
    expect(checksum.statusCode).toBe(400);
    expect(checksum.json().errors).toEqual([expect.objectContaining({ field: 'inn', code: 'inn_checksum' })]);
  });

  it('asks for the KPP when several branches share the INN', async () => {
    const inn = validInn10();
    const db = t.database.db;
    const now = new Date();
    const branch = (id: string, kpp: string, name: string) => ({ id, kind: 'legal_entity' as const, status: 'active' as const, name, inn, kpp, created_at: now, updated_at: now });
    const second = uuidv7();
    await db.insertInto('party_customer').values([branch(uuidv7(), '631601001', 'ООО «Филиалы» (Самара)'), branch(second, '632401001', 'ООО «Филиалы» (Тольятти)')]).execute();
    const person = await registerCustomer(t.app, db);
    const ambiguous = await client(t.app, person.cookie)('GET', `/join-requests/company?inn=${inn}`);
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().errors).toEqual([expect.objectContaining({ field: 'kpp', code: 'kpp_required' })]);
    const exact = await client(t.app, person.cookie)('GET', `/join-requests/company?inn=${inn}&kpp=632401001`);
    expect(exact.json().company).toMatchObject({ id: second, kpp: '632401001' });
  });

  it('does not find a rejected company, and refuses signed-out callers and staff', async () => {
    const inn = validInn10();
    await createCustomer(t.database.db, { inn, status: 'rejected' });
    const person = await registerCustomer(t.app, t.database.db);
    expect((await client(t.app, person.cookie)('GET', `/join-requests/company?inn=${inn}`)).statusCode).toBe(404);
    expect((await client(t.app)('GET', `/join-requests/company?inn=${company.inn}`)).statusCode).toBe(401);
    const staff = await client(t.app, moderator.cookie)('GET', `/join-requests/company?inn=${company.inn}`);
    expect(staff.statusCode).toBe(403);
    expect(staff.json().code).toBe('staff_cannot_join');
  });
});

describe('POST /join-requests', () => {
  it('files a request: a waiting membership, a mail to the head, an audit entry', async () => {
    const applicant = await registerCustomer(t.app, t.database.db, { name: 'Анна Заявкина' });
    const filed = await client(t.app, applicant.cookie)('POST', '/join-requests', { inn: company.inn });
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ company: { id: company.id, name: company.name }, status: 'pending', moderatorDecision: null, companyDecision: null });
    expect(await membership(company.id, applicant.userId)).toEqual({ role: 'employee', status: 'pending', pending_step: 'join_approval' });
    const mail = await lastMail(t.database.db, company.head.email);
    expect(mail?.subject, mail?.text_body).toBe('Новая заявка сотрудника: Анна Заявкина');
    expect(mail?.text_body).toContain(applicant.email);
    expect(await auditEvents(company.id, filed.json().id)).toEqual(['join_request.filed']);

    // The pending applicant sees the company in their list but cannot act for it yet.
    const customers = await client(t.app, applicant.cookie)('GET', '/me/customers');
    expect(customers.json().items).toEqual([expect.objectContaining({ status: 'pending', pendingStep: 'join_approval' })]);
    expect((await client(t.app, applicant.cookie)('GET', `/customers/${company.id}`)).json().code).toBe('membership_pending');
  });

  it('refuses a second open request and a member, and changes nothing', async () => {
    const applicant = await applicantOf(t.app, t.database.db, company);
    const again = await client(t.app, applicant.cookie)('POST', '/join-requests', { inn: company.inn });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'join_request_pending', requestId: applicant.requestId });
    const head = await client(t.app, company.head.cookie)('POST', '/join-requests', { inn: company.inn });
    expect(head.statusCode).toBe(409);
    expect(head.json().code).toBe('already_member');
    const count = await t.database.db.selectFrom('party_join_request').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', applicant.userId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses staff and an unknown INN', async () => {
    const staff = await client(t.app, moderator.cookie)('POST', '/join-requests', { inn: company.inn });
    expect(staff.statusCode).toBe(403);
    const person = await registerCustomer(t.app, t.database.db);
    const unknown = await client(t.app, person.cookie)('POST', '/join-requests', { inn: validInn10() });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].field).toBe('inn');
  });

  it('lets a person join a company still under moderation', async () => {
    const pending = await companyWithHead(t.app, t.database.db, { status: 'pending' });
    const applicant = await applicantOf(t.app, t.database.db, pending);
    expect(applicant.requestId).toBeTruthy();
  });
});

describe('two approvals', () => {
  it('moderator first, then the head: access opens only after both, the applicant told each time', async () => {
    const applicant = await applicantOf(t.app, t.database.db, company);
    const first = await moderatorApproves(applicant.requestId);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'pending', moderatorDecision: 'approved', companyDecision: null, companyCanApprove: true });
    expect((await lastMail(t.database.db, applicant.email))?.subject).toBe('Модератор подтвердил заявку; ждём руководителя');
    expect((await membership(company.id, applicant.userId))?.status).toBe('pending');

    const second = await headApproves(company, applicant.requestId);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: 'approved', moderatorDecision: 'approved', companyDecision: 'approved' });
    expect(await membership(company.id, applicant.userId)).toEqual({ role: 'employee', status: 'active', pending_step: null });
    expect((await lastMail(t.database.db, applicant.email))?.subject).toBe(`Доступ к компании ${company.name} открыт`);
    expect(await auditEvents(company.id, applicant.requestId)).toEqual(['join_request.filed', 'join_request.approved_by_moderator', 'join_request.approved_by_company', 'join_request.approved']);
    expect((await client(t.app, applicant.cookie)('GET', `/customers/${company.id}`)).json()).toMatchObject({ role: 'employee' });
  });

  it('the head first, then the moderator', async () => {
    const applicant = await applicantOf(t.app, t.database.db, company);
    const first = await headApproves(company, applicant.requestId);
    expect(first.json()).toMatchObject({ status: 'pending', companyDecision: 'approved', moderatorDecision: null });
    expect((await lastMail(t.database.db, applicant.email))?.subject).toBe('Руководитель подтвердил заявку; ждём модератора');
    const second = await moderatorApproves(applicant.requestId);
    expect(second.json()).toMatchObject({ status: 'approved' });
    expect((await membership(company.id, applicant.userId))?.status).toBe('active');
  });

  it('two approvals at the same moment both count and open access once', async () => {
    const applicant = await applicantOf(t.app, t.database.db, company);
    const [head, staff] = await Promise.all([headApproves(company, applicant.requestId), moderatorApproves(applicant.requestId)]);
    expect([head.statusCode, staff.statusCode]).toEqual([200, 200]);
    const request = await t.database.db.selectFrom('party_join_request').selectAll().where('id', '=', applicant.requestId).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ status: 'approved', moderator_decision: 'approved', company_decision: 'approved' });
    expect((await auditEvents(company.id, applicant.requestId)).filter((event) => event === 'join_request.approved')).toHaveLength(1);
    expect((await membership(company.id, applicant.userId))?.status).toBe('active');
  });

  it('a repeated approval changes nothing; a decided request refuses the other decision', async () => {
    const applicant = await applicantOf(t.app, t.database.db, company);
    await headApproves(company, applicant.requestId);
    const again = await headApproves(company, applicant.requestId);
    expect(again.statusCode).toBe(200);
    expect(await auditEvents(company.id, applicant.requestId)).toEqual(['join_request.filed', 'join_request.approved_by_company']);
    await moderatorApproves(applicant.requestId);
    const reject = await client(t.app, company.head.cookie)('POST', `/customers/${company.id}/join-requests/${applicant.requestId}/reject`, { reason: 'Поздно' });
    expect(reject.statusCode).toBe(409);
    expect(reject.json().code).toBe('join_request_decided');
  });

  it('an administrator approves for the company too', async () => {
    const administrator = await memberOf(t.app, t.database.db, company, 'administrator');
    const applicant = await applicantOf(t.app, t.database.db, company);
    const response = await client(t.app, administrator.cookie)('POST', `/customers/${company.id}/join-requests/${applicant.requestId}/approve`);
    expect(response.json()).toMatchObject({ companyDecision: 'approved' });
  });
});

describe('rejection and withdrawal', () => {
  it('the head rejects with a reason: the request closes, the waiting membership ends, the applicant is told why', async () => {
    const applicant = await applicantOf(t.app, t.database.db, company);
    const noReason = await client(t.app, company.head.cookie)('POST', `/customers/${company.id}/join-requests/${applicant.requestId}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await client(t.app, company.head.cookie)('POST', `/customers/${company.id}/join-requests/${applicant.requestId}/reject`, { reason: 'Не наш сотрудник' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', companyDecision: 'rejected', reason: 'Не наш сотрудник' });
    expect((await membership(company.id, applicant.userId))?.status).toBe('ended');
    const mail = await lastMail(t.database.db, applicant.email);
    expect(mail?.subject).toBe(`Заявка на присоединение к компании ${company.name} отклонена`);
    expect(mail?.text_body).toContain('Руководитель компании отклонил вашу заявку. Причина: Не наш сотрудник');
    expect((await client(t.app, applicant.cookie)('GET', `/customers/${company.id}`)).statusCode).toBe(404);

    // A later request starts afresh on the same membership row.
    const again = await client(t.app, applicant.cookie)('POST', '/join-requests', { inn: company.inn });
    expect(again.statusCode).toBe(201);
    expect((await membership(company.id, applicant.userId))?.status).toBe('pending');
  });

  it('the moderator rejects after the head approved', async () => {
    const applicant = await applicantOf(t.app, t.database.db, company);
    await headApproves(company, applicant.requestId);
    const rejected = await client(t.app, moderator.cookie)('POST', `/backoffice/join-requests/${applicant.requestId}/reject`, { reason: 'Не подтверждены полномочия' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', moderatorDecision: 'rejected', companyDecision: 'approved' });
    expect((await lastMail(t.database.db, applicant.email))?.text_body).toContain('Модератор отклонил вашу заявку. Причина: Не подтверждены полномочия');
  });

  it('the applicant lists their requests with both decisions and withdraws a pending one', async () => {
    const applicant = await applicantOf(t.app, t.database.db, company);
    await moderatorApproves(applicant.requestId);
    const mine = await client(t.app, applicant.cookie)('GET', '/me/join-requests');
    expect(mine.json().items).toEqual([expect.objectContaining({ id: applicant.requestId, status: 'pending', moderatorDecision: 'approved', companyDecision: null, company: expect.objectContaining({ name: company.name }) })]);
    const stranger = await registerCustomer(t.app, t.database.db);
    expect((await client(t.app, stranger.cookie)('POST', `/me/join-requests/${applicant.requestId}/withdraw`)).statusCode).toBe(404);
    const withdrawn = await client(t.app, applicant.cookie)('POST', `/me/join-requests/${applicant.requestId}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await membership(company.id, applicant.userId))?.status).toBe('ended');
    expect((await headApproves(company, applicant.requestId)).statusCode).toBe(409);
  });
});

describe('the company side, guarded', () => {
  it("refuses another company's head, by path and by nested id", async () => {
    const other = await companyWithHead(t.app, t.database.db);
    const applicant = await applicantOf(t.app, t.database.db, company);
    const byPath = await client(t.app, other.head.cookie)('POST', `/customers/${company.id}/join-requests/${applicant.requestId}/approve`);
    expect(byPath.statusCode).toBe(404);
    const byNestedId = await client(t.app, other.head.cookie)('POST', `/customers/${other.id}/join-requests/${applicant.requestId}/approve`);
    expect(byNestedId.statusCode).toBe(404);
    expect(byNestedId.json().code).toBe('join_request_not_found');
    const rejectNested = await client(t.app, other.head.cookie)('POST', `/customers/${other.id}/join-requests/${applicant.requestId}/reject`, { reason: 'x' });
    expect(rejectNested.statusCode).toBe(404);
    const list = await client(t.app, other.head.cookie)('GET', `/customers/${other.id}/join-requests`);
    expect(list.json().items).toEqual([]);
    expect((await t.database.db.selectFrom('party_join_request').select('company_decision').where('id', '=', applicant.requestId).executeTakeFirstOrThrow()).company_decision).toBeNull();
  });

  it('refuses roles without approve_members', async () => {
    const applicant = await applicantOf(t.app, t.database.db, company);
    for (const role of ['employee', 'accountant'] as const) {
      const member = await memberOf(t.app, t.database.db, company, role);
      const list = await client(t.app, member.cookie)('GET', `/customers/${company.id}/join-requests`);
      expect(list.statusCode).toBe(403);
      expect(list.json()).toMatchObject({ code: 'permission_denied', permission: 'approve_members' });
      expect((await client(t.app, member.cookie)('POST', `/customers/${company.id}/join-requests/${applicant.requestId}/approve`)).statusCode).toBe(403);
      expect((await client(t.app, member.cookie)('POST', `/customers/${company.id}/join-requests/${applicant.requestId}/reject`, { reason: 'x' })).statusCode).toBe(403);
    }
  });

  it('lists the waiting requests with the applicant and the moderator’s decision', async () => {
    const applicant = await applicantOf(t.app, t.database.db, company, 'Ольга Списочная');
    await moderatorApproves(applicant.requestId);
    const list = await client(t.app, company.head.cookie)('GET', `/customers/${company.id}/join-requests`);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ id: applicant.requestId, applicant: { id: applicant.userId, name: 'Ольга Списочная', email: applicant.email }, moderatorDecision: 'approved' }),
    );
  });
});

describe('a company nobody in the cabinet speaks for', () => {
  it('opens access on the moderator’s approval alone and makes the first applicant its head', async () => {
    const inn = validInn10();
    const imported = await createCustomer(t.database.db, { inn, name: 'ООО «Импортированная»' });
    const first = await applicantOf(t.app, t.database.db, { inn });
    const queue = await client(t.app, moderator.cookie)('GET', `/backoffice/join-requests/${first.requestId}`);
    expect(queue.json().companyCanApprove).toBe(false);
    const approved = await moderatorApproves(first.requestId);
    expect(approved.json()).toMatchObject({ status: 'approved', companyDecision: null });
    expect(await membership(imported, first.userId)).toEqual({ role: 'head', status: 'active', pending_step: null });

    // From now on the head approves as usual.
    const second = await applicantOf(t.app, t.database.db, { inn });
    expect((await moderatorApproves(second.requestId)).json().status).toBe('pending');
  });
});

describe('fileJoinRequest', () => {
  it('files inside the caller’s transaction and refuses a second open request', async () => {
    const person = await registerCustomer(t.app, t.database.db);
    const ctx = { jobs: t.jobs, now: new Date(), origin: { ip: '127.0.0.1', userAgent: null }, publicUrl: new URL('http://127.0.0.1:3000/') };
    const filed = await t.database.db.transaction().execute((trx) => fileJoinRequest({ ...ctx, db: trx }, { customerId: company.id, userId: person.userId }));
    expect(filed).toMatchObject({ customerId: company.id, companyName: company.name });
    await expect(t.database.db.transaction().execute((trx) => fileJoinRequest({ ...ctx, db: trx }, { customerId: company.id, userId: person.userId }))).rejects.toMatchObject({
      code: 'join_request_pending',
    });
    // A rolled-back transaction leaves nothing behind.
    const other = await registerCustomer(t.app, t.database.db);
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await fileJoinRequest({ ...ctx, db: trx }, { customerId: company.id, userId: other.userId });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await membership(company.id, other.userId)).toBeUndefined();
  });
});
