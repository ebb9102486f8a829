import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, lastMail } from '../../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { registerCustomer, type Registered } from '../../../../test/support/identity.ts';
import { legalParty, REGISTRY_TOKEN, startRegistryStandIn, type RegistryStandIn } from '../../../../test/support/registry.ts';
import { validInn10 } from '../../../../test/support/tax-ids.ts';
import { signInStaff, type SignedInStaff } from '../../../../test/support/staff.ts';

let t: TestApp;
let standIn: RegistryStandIn;
let moderator: SignedInStaff;
let registrant: Registered;

beforeAll(async () => {
  standIn = await startRegistryStandIn();
  t = await createTestApp({ REGISTRY_URL: standIn.url, REGISTRY_TOKEN });
  moderator = await signInStaff(t.app, t.database.db, 'moderator', { name: 'Мария Модератор' });
  registrant = await registerCustomer(t.app, t.database.db, { name: 'Олег Заявитель' });
});
afterAll(async () => {
  await t?.close();
  await standIn?.close();
});

const staff = () => client(t.app, moderator.cookie);

/** Registers a company through the API; `known: false` leaves it unknown to the registry. */
async function registerCompany(options: { user?: Registered; known?: boolean; name?: string } = {}): Promise<{ id: string; inn: string; name: string }> {
  const inn = validInn10();
  const party = legalParty({ inn, ...(options.name ? { name: { full_with_opf: options.name, short_with_opf: null } } : {}) });
  if (options.known !== false) standIn.add(party);
  const response = await client(t.app, (options.user ?? registrant).cookie)('POST', '/companies', {
    kind: 'legal_entity',
    inn,
    kpp: party.kpp,
    ogrn: party.ogrn,
    name: party.name.full_with_opf,
    legalAddress: party.address!.value,
    headName: party.management!.name,
  });
  if (response.statusCode !== 201) throw new Error(`registration failed: ${response.body}`);
  return { id: response.json().company.id, inn, name: party.name.full_with_opf };
}

describe('back-office company routes', () => {
  it('are hidden from customers, operators and accountants (404) and closed to signed-out callers (401)', async () => {
    const company = await registerCompany();
    const operator = await signInStaff(t.app, t.database.db, 'operator');
    const accountant = await signInStaff(t.app, t.database.db, 'accountant');
    const routes: Array<['GET' | 'POST', string, object?]> = [
      ['GET', '/backoffice/companies'],
      ['GET', `/backoffice/companies/${company.id}`],
      ['POST', `/backoffice/companies/${company.id}/approve`],
      ['POST', `/backoffice/companies/${company.id}/reject`, { reason: 'x' }],
      ['POST', `/backoffice/companies/${company.id}/block`, { reason: 'x' }],
      ['POST', `/backoffice/companies/${company.id}/unblock`],
      ['POST', '/backoffice/companies/bulk-approve', { ids: [company.id] }],
    ];
    for (const [method, url, body] of routes) {
      for (const who of [registrant.cookie, operator.cookie, accountant.cookie]) expect((await client(t.app, who)(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      expect((await client(t.app)(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    const [row] = await t.database.db.selectFrom('party_customer').select('status').where('id', '=', company.id).execute();
    expect(row?.status).toBe('pending');
  });
});

describe('listCompaniesForModeration', () => {
  it('filters by status, kind, registry check and INN or name, with counts per status', async () => {
    const tag = `Фильтр${Date.now()}`;
    const confirmed = await registerCompany({ name: `ООО «${tag} Один»` });
    const unknown = await registerCompany({ known: false, name: `ООО «${tag} Два»` });
    const approved = await registerCompany({ name: `ООО «${tag} Три»` });
    expect((await staff()('POST', `/backoffice/companies/${approved.id}/approve`)).statusCode).toBe(200);

    const pending = (await staff()('GET', `/backoffice/companies?status=pending&q=${encodeURIComponent(tag)}`)).json();
    // The queue serves the oldest first.
    expect(pending.items.map((item: { id: string }) => item.id)).toEqual([confirmed.id, unknown.id]);
    expect(pending.counts).toEqual({ pending: 2, active: 1, rejected: 0, blocked: 0 });
    expect(pending.items[0]).toMatchObject({ registryCheck: 'confirmed', kind: 'legal_entity', status: 'pending' });
    expect(pending.items[0]).not.toHaveProperty('createdBy');

    const notConfirmed = (await staff()('GET', `/backoffice/companies?registryCheck=not_found&q=${encodeURIComponent(tag)}`)).json();
    expect(notConfirmed.items.map((item: { id: string }) => item.id)).toEqual([unknown.id]);
    expect((await staff()('GET', `/backoffice/companies?q=${unknown.inn.slice(0, 8)}`)).json().items.map((item: { id: string }) => item.id)).toContain(unknown.id);
    expect((await staff()('GET', `/backoffice/companies?q=${unknown.inn}`)).json().items.map((item: { id: string }) => item.id)).toEqual([unknown.id]);
    expect((await staff()('GET', `/backoffice/companies?kind=sole_proprietor&q=${encodeURIComponent(tag)}`)).json().items).toEqual([]);
    expect((await staff()('GET', `/backoffice/companies?q=${encodeURIComponent('%')}`)).json().items).toEqual([]);

    const first = (await staff()('GET', `/backoffice/companies?q=${encodeURIComponent(tag)}&limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const rest = (await staff()('GET', `/backoffice/companies?q=${encodeURIComponent(tag)}&limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...rest.items].map((item: { id: string }) => item.id)).toEqual([approved.id, unknown.id, confirmed.id]);
    expect(rest.nextCursor).toBeNull();
  });
});

describe('approveCompany', () => {
  it('makes the company active, emails the registrant and leaves a trail; a repeat changes nothing', async () => {
    const company = await registerCompany();
    const response = await staff()('POST', `/backoffice/companies/${company.id}/approve`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: company.id, status: 'active', statusReason: null });
    const mail = await lastMail(t.database.db, registrant.email);
    expect(mail?.subject).toBe('Компания одобрена');
    expect(mail?.text_body).toContain(company.name);
    expect(mail?.text_body).toContain('http://127.0.0.1:3000/login');

    expect((await staff()('POST', `/backoffice/companies/${company.id}/approve`)).statusCode).toBe(200);
    const mails = await t.database.db.selectFrom('mail_message').select('id').where('to_address', '=', registrant.email.toLowerCase()).where('subject', '=', 'Компания одобрена').where('text_body', 'like', `%${company.inn}%`).execute();
    expect(mails).toHaveLength(1);

    const detail = (await staff()('GET', `/backoffice/companies/${company.id}`)).json();
    expect(detail).toMatchObject({ status: 'active', registryCheck: 'confirmed', registrant: { id: registrant.userId, name: 'Олег Заявитель', email: registrant.email } });
    expect(detail.registry).toMatchObject({ source: 'http', mismatches: [], reason: null, party: { inn: company.inn } });
    expect(detail.audit.map((event: { event: string; actorName: string }) => [event.event, event.actorName])).toEqual([
      ['company.approved', 'Мария Модератор'],
      ['company.registered', 'Олег Заявитель'],
    ]);

    const mine = (await client(t.app, registrant.cookie)('GET', '/me/customers')).json().items;
    expect(mine.find((item: { customer: { id: string } }) => item.customer.id === company.id)?.customer.status).toBe('active');
  });
});

describe('rejectCompany', () => {
  it('needs a reason, tells it to the registrant, and frees the INN for a new registration', async () => {
    const company = await registerCompany();
    const blank = await staff()('POST', `/backoffice/companies/${company.id}/reject`, { reason: '   ' });
    expect([blank.statusCode, blank.json().errors[0].field]).toEqual([400, 'reason']);
    expect((await staff()('POST', `/backoffice/companies/${company.id}/reject`, {})).statusCode).toBe(400);

    const response = await staff()('POST', `/backoffice/companies/${company.id}/reject`, { reason: 'ИНН не совпадает с документами' });
    expect(response.json()).toMatchObject({ status: 'rejected', statusReason: 'ИНН не совпадает с документами' });
    const mail = await lastMail(t.database.db, registrant.email);
    expect(mail?.subject).toBe('Регистрация компании отклонена');
    expect(mail?.text_body).toContain('Причина: ИНН не совпадает с документами');

    const member = (await client(t.app, registrant.cookie)('GET', `/customers/${company.id}`)).json();
    expect(member).toMatchObject({ status: 'rejected', statusReason: 'ИНН не совпадает с документами' });
    const detail = (await staff()('GET', `/backoffice/companies/${company.id}`)).json();
    expect(detail.audit[0]).toMatchObject({ event: 'company.rejected', details: { reason: 'ИНН не совпадает с документами' } });

    const approveRejected = await staff()('POST', `/backoffice/companies/${company.id}/approve`);
    expect([approveRejected.statusCode, approveRejected.json().code]).toEqual([409, 'company_status_conflict']);

    const again = await client(t.app, registrant.cookie)('POST', '/companies', {
      kind: 'legal_entity',
      inn: company.inn,
      kpp: `${company.inn.slice(0, 4)}01001`,
      ogrn: detail.ogrn,
      name: company.name,
      legalAddress: 'г Москва',
      headName: 'Петров Пётр Петрович',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().company.id).not.toBe(company.id);
  });
});

describe('approveCompanies', () => {
  it('approves each pending company on its own and lists the ones it could not', async () => {
    const [one, two, decided] = [await registerCompany(), await registerCompany(), await registerCompany()];
    await staff()('POST', `/backoffice/companies/${decided.id}/reject`, { reason: 'Дубликат' });
    const missing = uuidv7();
    const response = await client(t.app, moderator.cookie)('POST', '/backoffice/companies/bulk-approve', { ids: [one.id, decided.id, two.id, missing] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      approved: [one.id, two.id],
      failed: [
        { id: decided.id, code: 'company_status_conflict', title: 'Это действие недоступно: компания отклонена.' },
        { id: missing, code: 'not_found', title: 'Не найдено.' },
      ],
    });
    const statuses = await t.database.db.selectFrom('party_customer').select(['id', 'status']).where('id', 'in', [one.id, two.id, decided.id]).execute();
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({ [one.id]: 'active', [two.id]: 'active', [decided.id]: 'rejected' });
    expect((await staff()('POST', '/backoffice/companies/bulk-approve', { ids: [] })).statusCode).toBe(400);
  });
});

describe('blockCompany and unblockCompany', () => {
  it('block an active company with a reason and unblock it; pending companies cannot be blocked', async () => {
    const company = await registerCompany();
    const early = await staff()('POST', `/backoffice/companies/${company.id}/block`, { reason: 'Долг' });
    expect([early.statusCode, early.json().code]).toEqual([409, 'company_status_conflict']);
    await staff()('POST', `/backoffice/companies/${company.id}/approve`);

    const blocked = await staff()('POST', `/backoffice/companies/${company.id}/block`, { reason: 'Просроченная задолженность' });
    expect(blocked.json()).toMatchObject({ status: 'blocked', statusReason: 'Просроченная задолженность' });
    expect((await lastMail(t.database.db, registrant.email))?.subject).toBe('Компания заблокирована');
    const member = (await client(t.app, registrant.cookie)('GET', `/customers/${company.id}`)).json();
    expect(member.status).toBe('blocked');

    const unblocked = await staff()('POST', `/backoffice/companies/${company.id}/unblock`);
    expect(unblocked.json()).toMatchObject({ status: 'active', statusReason: null });
    expect((await lastMail(t.database.db, registrant.email))?.subject).toBe('Компания разблокирована');
    const events = (await staff()('GET', `/backoffice/companies/${company.id}`)).json().audit.map((event: { event: string }) => event.event);
    expect(events).toEqual(['company.unblocked', 'company.blocked', 'company.approved', 'company.registered']);
  });

  it('answers 404 for an unknown company', async () => {
    expect((await staff()('GET', `/backoffice/companies/${uuidv7()}`)).statusCode).toBe(404);
    expect((await staff()('POST', `/backoffice/companies/${uuidv7()}/approve`)).statusCode).toBe(404);
  });
});
