import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { applicantOf, companyWithHead, registerCustomer, type Company } from '../../../../test/support/employees.ts';
import { signInStaff, type SignedInStaff } from '../../../../test/support/staff.ts';

let t: TestApp;
let company: Company;
let moderator: SignedInStaff;

beforeAll(async () => {
  t = await createTestApp();
  company = await companyWithHead(t.app, t.database.db);
  moderator = await signInStaff(t.app, t.database.db, 'moderator', { name: 'Мария Модератор' });
});
afterAll(async () => t?.close());

const staff = () => client(t.app, moderator.cookie);
type Item = { id: string; status: string };
const ids = (items: Item[]) => items.map((item) => item.id);

describe('GET /backoffice/join-requests', () => {
  it('shows the three queues with their counts, waiting ones oldest first', async () => {
    const waiting = await applicantOf(t.app, t.database.db, company, 'Первый Ждущий');
    const later = await applicantOf(t.app, t.database.db, company, 'Второй Ждущий');
    const forCompany = await applicantOf(t.app, t.database.db, company);
    await staff()('POST', `/backoffice/join-requests/${forCompany.requestId}/approve`);
    const decided = await applicantOf(t.app, t.database.db, company);
    await staff()('POST', `/backoffice/join-requests/${decided.requestId}/reject`, { reason: 'Дубликат' });

    const moderatorQueue = await staff()('GET', '/backoffice/join-requests');
    expect(moderatorQueue.statusCode).toBe(200);
    const body = moderatorQueue.json();
    expect(ids(body.items)).toEqual([waiting.requestId, later.requestId]);
    expect(body.counts).toEqual({ moderator: 2, company: 1, decided: 1 });
    expect(body.items[0]).toMatchObject({ customer: { id: company.id, name: company.name, inn: company.inn }, applicant: { name: 'Первый Ждущий', email: waiting.email }, companyCanApprove: true });

    expect(ids((await staff()('GET', '/backoffice/join-requests?state=company')).json().items)).toEqual([forCompany.requestId]);
    const decidedQueue = (await staff()('GET', '/backoffice/join-requests?state=decided')).json().items;
    expect(decidedQueue).toEqual([expect.objectContaining({ id: decided.requestId, status: 'rejected', reason: 'Дубликат', moderatorName: 'Мария Модератор' })]);
  });

  it('searches by the applicant’s email or name, the company name and the INN', async () => {
    const other = await companyWithHead(t.app, t.database.db);
    const applicant = await applicantOf(t.app, t.database.db, other, 'Зинаида Искомая');
    const search = async (query: string) => ids((await staff()('GET', `/backoffice/join-requests?query=${encodeURIComponent(query)}`)).json().items);
    expect(await search('Зинаида')).toEqual([applicant.requestId]);
    expect(await search(applicant.email.toUpperCase())).toEqual([applicant.requestId]);
    expect(await search(other.inn)).toEqual([applicant.requestId]);
    expect(await search(other.name)).toEqual([applicant.requestId]);
    expect(await search('нет такого 100%_')).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const first = await staff()('GET', '/backoffice/join-requests?limit=1');
    expect(first.json().items).toHaveLength(1);
    const next = await staff()('GET', `/backoffice/join-requests?limit=1&cursor=${first.json().nextCursor}`);
    expect(next.json().items[0].id).not.toBe(first.json().items[0].id);
  });
});

describe('GET /backoffice/join-requests/:id', () => {
  it('shows the request with its audit trail, who decided and when', async () => {
    const applicant = await applicantOf(t.app, t.database.db, company);
    await staff()('POST', `/backoffice/join-requests/${applicant.requestId}/approve`);
    await client(t.app, company.head.cookie)('POST', `/customers/${company.id}/join-requests/${applicant.requestId}/approve`);
    const detail = await staff()('GET', `/backoffice/join-requests/${applicant.requestId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ status: 'approved', moderatorName: 'Мария Модератор', companyDeciderName: 'Руководитель 1' });
    expect(detail.json().audit.map((event: { event: string }) => event.event)).toEqual([
      'join_request.filed',
      'join_request.approved_by_moderator',
      'join_request.approved_by_company',
      'join_request.approved',
    ]);
    expect(detail.json().audit[1]).toMatchObject({ actorId: moderator.userId, actorName: 'Мария Модератор' });
  });

  it('answers 404 for an unknown request', async () => {
    const response = await staff()('GET', '/backoffice/join-requests/0190a000-0000-7000-8000-000000000000');
    expect(response.statusCode).toBe(404);
  });
});

describe('POST /backoffice/join-requests/approve', () => {
  it('approves several at once and tells the outcome of each', async () => {
    const one = await applicantOf(t.app, t.database.db, company);
    const two = await applicantOf(t.app, t.database.db, company);
    await client(t.app, company.head.cookie)('POST', `/customers/${company.id}/join-requests/${two.requestId}/approve`);
    const gone = await applicantOf(t.app, t.database.db, company);
    await client(t.app, gone.cookie)('POST', `/me/join-requests/${gone.requestId}/withdraw`);
    const response = await staff()('POST', '/backoffice/join-requests/approve', { ids: [one.requestId, two.requestId, gone.requestId] });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      { id: one.requestId, ok: true, status: 'pending', code: null },
      { id: two.requestId, ok: true, status: 'approved', code: null },
      { id: gone.requestId, ok: false, status: null, code: 'join_request_decided' },
    ]);
  });

  it('refuses an empty list', async () => {
    expect((await staff()('POST', '/backoffice/join-requests/approve', { ids: [] })).statusCode).toBe(400);
  });
});

describe('access to the queue', () => {
  it('is for moderators and administrators only', async () => {
    const applicant = await applicantOf(t.app, t.database.db, company);
    const customer = await registerCustomer(t.app, t.database.db);
    for (const role of ['operator', 'accountant'] as const) {
      const other = await signInStaff(t.app, t.database.db, role);
      expect((await client(t.app, other.cookie)('GET', '/backoffice/join-requests')).statusCode).toBe(404);
      expect((await client(t.app, other.cookie)('POST', `/backoffice/join-requests/${applicant.requestId}/approve`)).statusCode).toBe(404);
    }
    expect((await client(t.app, customer.cookie)('GET', '/backoffice/join-requests')).statusCode).toBe(404);
    expect((await client(t.app, company.head.cookie)('POST', `/backoffice/join-requests/${applicant.requestId}/approve`)).statusCode).toBe(404);
    expect((await client(t.app)('GET', '/backoffice/join-requests')).statusCode).toBe(401);
    const administrator = await signInStaff(t.app, t.database.db, 'administrator');
    expect((await client(t.app, administrator.cookie)('GET', '/backoffice/join-requests')).statusCode).toBe(200);
  });
});
